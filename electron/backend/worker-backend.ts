// The backend in a process of its own, for the two transports with a UI (the Electron main
// process and the loopback host): a slow or runaway call never blocks the thread that draws
// windows or serves the page. Each call has a time limit; past it the process is killed (even
// inside a SQLite query; its file locks go with it) and the next call starts a fresh one.
// The PDF printer and the map rasteriser stay on the caller's side (Electron's printToPDF and
// capturePage need the main process): the backend asks for each PDF or set of images by message. Runs the bundled backend-worker.js beside the main
// bundle in the desktop app, and a tsx bootstrap when the backend runs from source.
import fs from 'node:fs';
import path from 'node:path';
import type { ApiResponse } from '../../shared/api';
import { projectsDirOf, type Backend, type BackendOptions } from './backend';
import { forkBackend, type BackendChannel, type SpawnBackend } from './backend-process';
import { AppError } from './errors';
import type { FromWorker, ToWorker, WorkerBackendData } from './worker-messages';

const BUILT = path.join(__dirname, 'backend-worker.js');
const SOURCE = path.join(__dirname, 'backend-worker-source.cjs');
export const DEFAULT_TIMEOUT_MS = 120_000;

export interface WorkerBackendOptions extends BackendOptions {
  shell: 'electron' | 'browser';
  /** Time limit of one call; the default is DEFAULT_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Entry file to run instead of the backend's own (tests wrap the backend with slow methods). */
  entry?: string;
  /** How the process is started; Node's fork unless the caller has its own (Electron). */
  spawn?: SpawnBackend;
}

export function timeoutMessage(timeoutMs: number): string {
  return `操作超时（超过 ${Math.round(timeoutMs / 100) / 10} 秒）已中止，项目已关闭，请重新打开。`;
}

const CRASHED_MESSAGE = '后台进程意外退出，项目已关闭，请重新打开。';

interface Pending {
  resolve(response: ApiResponse<unknown>): void;
  timer?: NodeJS.Timeout;
}

interface Running {
  channel: BackendChannel;
  pending: Map<number, Pending>;
  /** Whether the backend in the process is loaded: a call's time starts to count from then. */
  ready: boolean;
}

export function createWorkerBackend(options: WorkerBackendOptions): Backend {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const entry = options.entry ?? (fs.existsSync(BUILT) ? BUILT : SOURCE);
  const spawn = options.spawn ?? forkBackend;
  let running: Running | null = null;
  let nextId = 1;

  /** Ends the process and answers whatever it still owed. */
  const stop = (run: Running, error: { code: 'TIMEOUT' | 'INTERNAL'; message: string }) => {
    if (running === run) running = null;
    for (const p of run.pending.values()) {
      clearTimeout(p.timer);
      p.resolve({ ok: false, error });
    }
    run.pending.clear();
    run.channel.kill();
  };

  const print = async (channel: BackendChannel, m: Extract<FromWorker, { type: 'print' | 'rasterise' }>) => {
    const send = (reply: ToWorker) => channel.send(reply);
    const id = m.id;
    try {
      if (m.type === 'rasterise') {
        if (!options.rasterise) throw new AppError('IO_ERROR', '当前运行方式不能生成地图图片。');
        send({ type: 'rasterised', id, images: await options.rasterise(m.requests) });
        return;
      }
      if (!options.printPdf) throw new AppError('IO_ERROR', '当前运行方式没有配置 PDF 打印，请改为导出 Excel 或 Word。');
      send({ type: 'printed', id, bytes: await options.printPdf(m.html) });
    } catch (err) {
      const code = err instanceof AppError ? err.code : null;
      send({ type: 'printFailed', id, code, message: err instanceof Error ? err.message : String(err) });
    }
  };

  const arm = (run: Running, p: Pending) => {
    p.timer = setTimeout(() => stop(run, { code: 'TIMEOUT', message: timeoutMessage(timeoutMs) }), timeoutMs);
  };

  const start = (): Running => {
    const data: WorkerBackendData = { dataDir: options.dataDir, shell: options.shell, canPrint: Boolean(options.printPdf), canRasterise: Boolean(options.rasterise) };
    const channel = spawn(entry);
    channel.send({ type: 'init', data });
    const run: Running = { channel, pending: new Map(), ready: false };
    channel.onMessage((m: FromWorker) => {
      if (m.type === 'ready') {
        run.ready = true;
        for (const p of run.pending.values()) arm(run, p);
        return;
      }
      if (m.type === 'print' || m.type === 'rasterise') {
        void print(channel, m);
        return;
      }
      const p = run.pending.get(m.id);
      if (!p) return;
      run.pending.delete(m.id);
      clearTimeout(p.timer);
      if (run.pending.size === 0) channel.hold(false);
      p.resolve(m.response);
    });
    channel.onExit(() => stop(run, { code: 'INTERNAL', message: CRASHED_MESSAGE }));
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
        // Only a backend with calls to answer keeps the caller alive.
        run.channel.hold(true);
        try {
          run.channel.send({ type: 'call', id, method, input } satisfies ToWorker);
        } catch (err) {
          // An input that cannot be copied to the process (a function, a symbol) never reaches it.
          run.pending.delete(id);
          clearTimeout(pending.timer);
          if (run.pending.size === 0) run.channel.hold(false);
          resolve({ ok: false, error: { code: 'INVALID_INPUT', message: `请求内容无法传递：${err instanceof Error ? err.message : String(err)}` } });
        }
      }),
    close: () => {
      const run = running;
      if (!run) return;
      running = null;
      // The backend closes the project (releasing its lock) and then ends itself; one stuck
      // in a call is killed instead.
      run.channel.send({ type: 'close' } satisfies ToWorker);
      setTimeout(() => run.channel.kill(), 5000).unref();
    },
  };
}
