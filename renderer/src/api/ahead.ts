// Calls for work the planner has not asked for yet (the 附件 preview of a page built ahead):
// queued here and sent one at a time, each only once the page on screen has settled and the
// window is idle. The backend answers one call at a time, so a planner's own call then waits
// behind the one ahead call being answered at most, never behind a queue of them, and the
// next one is not sent until the planner's interaction has settled. See docs/ARCHITECTURE.md,
// "Pages built ahead".
import type { MethodInput, MethodName, MethodResult } from '@shared/api';
import { invoke } from './client';
import { whenIdle, whenSettled } from '../lib/timing';

/** An ahead call dropped before it was sent (its caller no longer wants it). */
export class AheadCancelled extends Error {
  constructor() {
    super('已取消');
  }
}

interface Job {
  signal: AbortSignal;
  send(): Promise<void>;
  drop(): void;
}

const queue: Job[] = [];
let pumping = false;

async function pump(): Promise<void> {
  if (pumping) return;
  pumping = true;
  try {
    for (let job = queue.shift(); job; job = queue.shift()) {
      if (!job.signal.aborted) {
        await whenSettled();
        await whenIdle();
      }
      if (job.signal.aborted) job.drop();
      else await job.send();
    }
  } finally {
    pumping = false;
  }
}

/** `invoke`, sent when nothing else is going on; rejected with AheadCancelled once `signal` aborts before it is sent. */
export function invokeAhead<M extends MethodName>(method: M, input: MethodInput<M>, signal: AbortSignal): Promise<MethodResult<M>> {
  return new Promise((resolve, reject) => {
    queue.push({
      signal,
      send: () => invoke(method, input).then(resolve, reject),
      drop: () => reject(new AheadCancelled()),
    });
    void pump();
  });
}
