// Runs one optimisation in a worker thread of its own. Why not in the backend's worker: HiGHS
// solves synchronously for up to the time limit, and the backend's worker answers every other
// call of the page (the map, the plan, the annexes) — a solve there would stall them all, and
// a stuck solve would be stopped by the backend's call timeout together with the open project.
// Here the solve has its own heap cap, its own hard stop (terminate) a little after the time
// limit, and a cancel that lets HiGHS return the best layout found so far.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OptInstance } from '../../../shared/optimise/instance';
import { AppError } from '../errors';
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
  const worker = new Worker(fs.existsSync(BUILT) ? BUILT : SOURCE, {
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, stackSizeMb: 8 },
    stdout: false,
    stderr: false,
  });
  const stop = new SharedArrayBuffer(4);
  const flag = new Int32Array(stop);
  let timer: NodeJS.Timeout | undefined;
  // A promise settles once: whichever of answer, error, exit or the hard stop comes first wins.
  const done = new Promise<SolveOutcome>((resolve, reject) => {
    const failed = (message: string, code: 'TIMEOUT' | 'INTERNAL' = 'INTERNAL') => reject(new AppError(code, message));
    timer = setTimeout(() => failed(`布局优化超过 ${o.timeLimit + GRACE_MS / 1000} 秒仍未结束，已停止。请缩小范围（学段、候选校址）后重试。`, 'TIMEOUT'), o.timeLimit * 1000 + GRACE_MS);
    worker.on('message', (m: SolveMessage) => {
      if (m.type === 'progress') onProgress(m.progress);
      else if (m.type === 'done') resolve(m.outcome);
      else failed(`布局优化出错：${m.message.slice(0, 200)}`);
    });
    worker.on('error', (err: Error & { code?: string }) => {
      const oom = err.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap/i.test(err.message);
      failed(oom ? '布局优化超出了内存上限，已停止。请缩小范围（学段、候选校址）后重试。' : `布局优化出错：${err.message.slice(0, 200)}`);
    });
    worker.on('exit', (code) => failed(`布局优化的后台线程意外退出（代码 ${code}）。`));
    const req: SolveRequest = { instance, timeLimit: o.timeLimit, mipGap: o.mipGap, stop };
    worker.postMessage(req);
  }).finally(() => {
    clearTimeout(timer);
    void worker.terminate();
  });
  return { done, cancel: () => Atomics.store(flag, 0, 1) };
}
