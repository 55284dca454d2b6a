// Calls for work the planner has not asked for yet (the pages built ahead, the 附件 preview):
// queued here and sent one at a time, each only once the page on screen has settled and the
// window is idle. The backend answers one call at a time, so a planner's own call then waits
// behind the one ahead call being answered at most, never behind a queue of them, and the
// next one is not sent until the planner's interaction has settled. See docs/ARCHITECTURE.md,
// "Pages built ahead".
import type { MethodInput, MethodName, MethodResult } from '@shared/api';
import { invokeUnwatched } from './client';
import { tracked, whenIdle, whenSettled } from '../lib/timing';

/** An ahead call dropped before it was sent (its caller no longer wants it). */
export class AheadCancelled extends Error {
  constructor() {
    super('已取消');
  }
}

interface Job {
  signal: AbortSignal;
  /** Sends the call unless it has been sent already; settles when it is answered. */
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

/**
 * `invoke`, sent when nothing else is going on; rejected with AheadCancelled once `signal`
 * aborts before it is sent. Once `now` aborts (the page it is for has been shown), a call not
 * yet sent goes out at once instead.
 */
export function invokeAhead<M extends MethodName>(method: M, input: MethodInput<M>, signal: AbortSignal, now?: AbortSignal): Promise<MethodResult<M>> {
  return new Promise((resolve, reject) => {
    let state: 'queued' | 'sent' | 'dropped' = 'queued';
    let answered: Promise<void> | null = null;
    const job: Job = {
      signal,
      send: () => {
        if (state === 'queued') {
          state = 'sent';
          now?.removeEventListener('abort', hurry);
          answered = invokeUnwatched(method, input).then(resolve, reject);
        }
        return answered ?? Promise.resolve();
      },
      drop: () => {
        if (state !== 'queued') return;
        state = 'dropped';
        now?.removeEventListener('abort', hurry);
        reject(new AheadCancelled());
      },
    };
    function hurry() {
      const at = queue.indexOf(job);
      if (at >= 0) queue.splice(at, 1);
      // The pump may hold it already, waiting for the window to settle: sent here, skipped there.
      if (signal.aborted) job.drop();
      // Its page is on screen now and waits for it, sent already or not: work in progress.
      else void tracked(job.send());
    }
    if (now?.aborted) {
      hurry();
      return;
    }
    now?.addEventListener('abort', hurry, { once: true });
    queue.push(job);
    void pump();
  });
}
