// One job in a worker thread of its own, with a heap cap and a time limit: the table import's
// parse (import/run-parser.ts), the boundary-file read (geo/run-geo-worker.ts) and the
// optimiser's solve (optimise/run-worker.ts). The worker is the bundled file beside the main
// bundle in the desktop app, or a small bootstrap that loads the TypeScript entry through tsx
// when the backend runs from source (tests, CLI, browser mode). Whichever comes first — the
// answer, a failure, an out-of-memory, an exit, the time limit or a stop — settles the job once
// and ends the thread; the backend's own heap and the open project are not touched by any of it.
import fs from 'node:fs';
import { Worker, type TransferListItem } from 'node:worker_threads';

/** The errors a job ends with when the worker itself fails; messages are the planner's. */
export interface WorkerFailures {
  timeout(): Error;
  outOfMemory(): Error;
  /** An error thrown outside the job's own handling (`detail` is the engine's message). */
  crashed(detail: string): Error;
  exited(code: number): Error;
}

export interface WorkerSpec<M, T> {
  /** The bundled entry beside the main bundle; `source` when that is absent (running from source). */
  built: string;
  source: string;
  heapMb: number;
  timeoutMs: number;
  /** What a message from the worker means: the answer, a failure, or nothing final yet (progress). */
  onMessage(m: M): { done: T } | { failed: Error } | null;
  failures: WorkerFailures;
}

export interface WorkerJob<T> {
  readonly done: Promise<T>;
  /** Ends the worker now; `done` rejects with `reason` unless it has already settled. */
  stop(reason: Error): void;
}

export function isOutOfMemory(err: Error & { code?: string }): boolean {
  return err.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap/i.test(err.message);
}

export function startWorkerJob<M, T>(spec: WorkerSpec<M, T>, request: unknown, transfer: readonly TransferListItem[] = []): WorkerJob<T> {
  const worker = new Worker(fs.existsSync(spec.built) ? spec.built : spec.source, {
    // Loader flags of the parent (tsx, vitest) are not wanted: the entry sets up its own.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: spec.heapMb, stackSizeMb: 8 },
    stdout: false,
    stderr: false,
  });
  let settle: { resolve: (value: T) => void; reject: (e: Error) => void } | null = null;
  const done = new Promise<T>((resolve, reject) => {
    settle = { resolve, reject };
  });
  let finished = false;
  const finish = (fn: () => void) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    fn();
    void worker.terminate();
  };
  const fail = (err: Error) => finish(() => settle?.reject(err));
  const timer = setTimeout(() => fail(spec.failures.timeout()), spec.timeoutMs);
  worker.on('message', (m: M) => {
    const outcome = spec.onMessage(m);
    if (!outcome) return;
    if ('done' in outcome) finish(() => settle?.resolve(outcome.done));
    else fail(outcome.failed);
  });
  worker.on('error', (err: Error & { code?: string }) => fail(isOutOfMemory(err) ? spec.failures.outOfMemory() : spec.failures.crashed(err.message)));
  worker.on('exit', (code) => fail(spec.failures.exited(code)));
  worker.postMessage(request, transfer);
  return { done, stop: fail };
}
