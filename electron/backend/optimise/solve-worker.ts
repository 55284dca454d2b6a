// Worker thread entry of the optimiser (run-worker.ts); built as out/main/optimise-worker.js.
// HiGHS solves synchronously, so the solve runs here and the backend stays free for other
// calls; the stop flag is a shared Int32 the solver's interrupt callback reads.
import { parentPort } from 'node:worker_threads';
import type { OptInstance } from '../../../shared/optimise/instance';
import { solveInstance } from './solve';
import type { SolveProgress } from './highs-run';
import type { SolveOutcome } from './solve';

export interface SolveRequest {
  instance: OptInstance;
  timeLimit: number;
  mipGap: number;
  /** Int32Array over a SharedArrayBuffer: non-zero asks the solver to stop. */
  stop: SharedArrayBuffer;
}

export type SolveMessage =
  | { type: 'progress'; progress: SolveProgress }
  | { type: 'done'; outcome: SolveOutcome }
  | { type: 'error'; message: string };

const port = parentPort;
if (!port) throw new Error('solve-worker.ts must run as a worker thread');
port.once('message', (req: SolveRequest) => {
  const flag = new Int32Array(req.stop);
  const post = (m: SolveMessage) => port.postMessage(m);
  solveInstance(req.instance, {
    timeLimit: req.timeLimit,
    mipGap: req.mipGap,
    onProgress: (progress) => post({ type: 'progress', progress }),
    shouldStop: () => Atomics.load(flag, 0) !== 0,
  }).then(
    (outcome) => post({ type: 'done', outcome }),
    (err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
});
