// The backend in a worker thread, for the two transports with a UI (the Electron main process
// and the loopback host): a slow or runaway call never blocks the thread that draws windows
// or serves the page. Each call has a time limit; past it the worker is stopped (its SQLite
// handles close with it) and the next call starts a fresh one.
// The PDF printer stays on the caller's side (Electron's printToPDF cannot cross threads):
// the worker asks for each PDF by message. Runs the bundled backend-worker.js beside the main
// bundle in the desktop app, and a tsx bootstrap when the backend runs from source.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ApiResponse } from '../../shared/api';
import { projectsDirOf, type Backend, type BackendOptions } from './backend';
import { AppError } from './errors';
import type { FromWorker, ToWorker, WorkerBackendData } from './worker-messages';

const BUILT = path.join(__dirname, 'backend-worker.js');
const SOURCE = path.join(__dirname, 'backend-worker-source.cjs');
export const DEFAULT_TIMEOUT_MS = 120_000;

export interface WorkerBackendOptions extends BackendOptions {
  shell: 'electron' | 'browser';
  /** Time limit of one call; the default is DEFAULT_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Worker file to run instead of the backend's own (tests wrap the backend with slow methods). */
  entry?: string;
}

export function timeoutMessage(timeoutMs: number): string {
  return `操作超时（超过 ${Math.round(timeoutMs / 100) / 10} 秒）已中止，项目已关闭，请重新打开。`;
}

const CRASHED_MESSAGE = '后台线程意外退出，项目已关闭，请重新打开。';

interface Pending {
  resolve(response: ApiResponse<unknown>): void;
  timer?: NodeJS.Timeout;
}

interface Running {
  worker: Worker;
  pending: Map<number, Pending>;
  /** Whether the backend in the worker is loaded: a call's time starts to count from then. */
  ready: boolean;
}

export function createWorkerBackend(options: WorkerBackendOptions): Backend {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const entry = options.entry ?? (fs.existsSync(BUILT) ? BUILT : SOURCE);
  let running: Running | null = null;
  let nextId = 1;

  /** Ends the worker and answers whatever it still owed. */
  const stop = (run: Running, error: { code: 'TIMEOUT' | 'INTERNAL'; message: string }) => {
    if (running === run) running = null;
    for (const p of run.pending.values()) {
      clearTimeout(p.timer);
      p.resolve({ ok: false, error });
    }
    run.pending.clear();
    void run.worker.terminate();
  };

  const print = async (worker: Worker, id: number, html: string) => {
    const send = (m: ToWorker) => worker.postMessage(m);
    try {
      if (!options.printPdf) throw new AppError('IO_ERROR', '当前运行方式没有配置 PDF 打印，请改为导出 Excel 或 Word。');
      send({ type: 'printed', id, bytes: await options.printPdf(html) });
    } catch (err) {
      const code = err instanceof AppError ? err.code : null;
      send({ type: 'printFailed', id, code, message: err instanceof Error ? err.message : String(err) });
    }
  };

  const arm = (run: Running, p: Pending) => {
    p.timer = setTimeout(() => stop(run, { code: 'TIMEOUT', message: timeoutMessage(timeoutMs) }), timeoutMs);
  };

  const start = (): Running => {
    const data: WorkerBackendData = { dataDir: options.dataDir, shell: options.shell, canPrint: Boolean(options.printPdf) };
    // Loader flags of the parent (tsx, vitest) are not wanted: the entry sets up its own.
    const worker = new Worker(entry, { workerData: data, execArgv: [] });
    const run: Running = { worker, pending: new Map(), ready: false };
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'ready') {
        run.ready = true;
        for (const p of run.pending.values()) arm(run, p);
        return;
      }
      if (m.type === 'print') {
        void print(worker, m.id, m.html);
        return;
      }
      const p = run.pending.get(m.id);
      if (!p) return;
      run.pending.delete(m.id);
      clearTimeout(p.timer);
      if (run.pending.size === 0) worker.unref();
      p.resolve(m.response);
    });
    worker.on('error', (err) => {
      console.error('[csp:backend-worker]', err);
      stop(run, { code: 'INTERNAL', message: CRASHED_MESSAGE });
    });
    worker.on('exit', () => stop(run, { code: 'INTERNAL', message: CRASHED_MESSAGE }));
    return run;
  };

  return {
    dataDir: options.dataDir,
    projectsDir: projectsDirOf(options.dataDir),
    dispatch: (method, input) =>
      new Promise((resolve) => {
        running ??= start();
        const run = running;
        const id = nextId++;
        const pending: Pending = { resolve };
        if (run.ready) arm(run, pending);
        run.pending.set(id, pending);
        // Only a worker with calls to answer keeps the process alive.
        run.worker.ref();
        try {
          run.worker.postMessage({ type: 'call', id, method, input } satisfies ToWorker);
        } catch (err) {
          // An input that cannot be copied to the thread (a function, a symbol) never reaches it.
          run.pending.delete(id);
          clearTimeout(pending.timer);
          if (run.pending.size === 0) run.worker.unref();
          resolve({ ok: false, error: { code: 'INVALID_INPUT', message: `请求内容无法传递：${err instanceof Error ? err.message : String(err)}` } });
        }
      }),
    close: () => {
      const run = running;
      if (!run) return;
      running = null;
      // The worker closes the project (releasing its lock) and then ends itself; a worker
      // stuck in a call is stopped instead.
      run.worker.postMessage({ type: 'close' } satisfies ToWorker);
      setTimeout(() => void run.worker.terminate(), 5000).unref();
    },
  };
}
