// Runs one optimisation in a worker thread of its own. Why not in the backend's worker: HiGHS
// solves synchronously for up to the time limit, and the backend's worker answers every other
// call of the page (the map, the plan, the annexes) — a solve there would stall them all, and
// a stuck solve would be stopped by the backend's call timeout together with the open project.
// Here the solve has its own heap cap, its own hard stop (terminate) a little after the time
// limit, and a cancel that lets HiGHS return the best layout found so far.
import path from 'node:path';
import type { OptInstance } from '../../../shared/optimise/instance';
import { AppError } from '../errors';
import { startWorkerJob } from '../worker-job';
import type { SolveProgress } from './highs-run';
import type { SolveOutcome } from './solve';
import type { SolveMessage, SolveRequest } from './solve-worker';

const BUILT = path.join(__dirname, 'optimise-worker.js');
const SOURCE = path.join(__dirname, 'solve-worker-source.cjs');
/** Heap of the solve worker; the bench's 600-school county stays well below it. */
const HEAP_MB = 1536;
/** Past the solver's own time limit, the greedy, the model build and the read-back. */
const GRACE_MS = 30_000;

export interface SolveJob {
  readonly done: Promise<SolveOutcome>;
  /** Asks the solver to stop and return the best layout found so far. */
  cancel(): void;
}

export function startSolve(instance: OptInstance, o: { timeLimit: number; mipGap: number }, onProgress: (p: SolveProgress) => void): SolveJob {
  const stop = new SharedArrayBuffer(4);
  const flag = new Int32Array(stop);
  const failed = (message: string, code: 'TIMEOUT' | 'INTERNAL' = 'INTERNAL') => new AppError(code, message);
  const req: SolveRequest = { instance, timeLimit: o.timeLimit, mipGap: o.mipGap, stop };
  const job = startWorkerJob<SolveMessage, SolveOutcome>(
    {
      built: BUILT,
      source: SOURCE,
      heapMb: HEAP_MB,
      timeoutMs: o.timeLimit * 1000 + GRACE_MS,
      onMessage: (m) => {
        if (m.type === 'progress') {
          onProgress(m.progress);
          return null;
        }
        return m.type === 'done' ? { done: m.outcome } : { failed: failed(`布局优化出错：${m.message.slice(0, 200)}`) };
      },
      failures: {
        timeout: () => failed(`布局优化超过 ${o.timeLimit + GRACE_MS / 1000} 秒仍未结束，已停止。请缩小范围（学段、候选校址）后重试。`, 'TIMEOUT'),
        outOfMemory: () => failed('布局优化超出了内存上限，已停止。请缩小范围（学段、候选校址）后重试。'),
        crashed: (detail) => failed(`布局优化出错：${detail.slice(0, 200)}`),
        exited: (code) => failed(`布局优化的后台线程意外退出（代码 ${code}）。`),
      },
    },
    req,
  );
  // A cancel asks HiGHS to stop and hand back the best layout so far, so the thread is not ended.
  return { done: job.done, cancel: () => Atomics.store(flag, 0, 1) };
}
