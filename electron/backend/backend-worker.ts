// The backend's process side of worker-backend.ts: one backend, answering calls by message.
// PDFs and map images are made by the caller, which holds the printer and the rasteriser.
import type { ApiResponse } from '../../shared/api';
import { createBackend, type Backend } from './backend';
import { AppError } from './errors';
import type { RasterRequest } from './annex/raster';
import type { FromWorker, ToWorker, WorkerBackendData } from './worker-messages';

type Dispatch = Backend['dispatch'];

interface ParentPort {
  post(message: FromWorker): void;
  listen(listener: (message: ToWorker) => void): void;
}

/** Electron's utility process has `process.parentPort`; a Node fork has `process.send`. */
function parentPort(): ParentPort {
  const electronPort = (process as { parentPort?: { postMessage(m: unknown): void; on(e: 'message', l: (e: { data: unknown }) => void): void } }).parentPort;
  if (electronPort) {
    return {
      post: (m) => electronPort.postMessage(m),
      listen: (l) => electronPort.on('message', (e) => l(e.data as ToWorker)),
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('backend-worker.ts must run as a child process with an IPC channel');
  return {
    post: (m) => void send(m),
    listen: (l) => void process.on('message', (m) => l(m as ToWorker)),
  };
}

/** Serves calls from the parent; `wrap` lets tests put a slow method in front. */
export function serveBackend(wrap: (dispatch: Dispatch) => Dispatch = (d) => d): void {
  const port = parentPort();
  const post = (m: FromWorker) => port.post(m);
  // Prints and images share the numbering: the caller answers each id once.
  const prints = new Map<number, { resolve(bytes: Uint8Array | Uint8Array[]): void; reject(err: Error): void }>();
  let nextPrint = 1;
  const ask = <T extends Uint8Array | Uint8Array[]>(message: (id: number) => FromWorker) =>
    new Promise<T>((resolve, reject) => {
      const id = nextPrint++;
      prints.set(id, { resolve: resolve as (bytes: Uint8Array | Uint8Array[]) => void, reject });
      post(message(id));
    });
  const printPdf = (html: string) => ask<Uint8Array>((id) => ({ type: 'print', id, html }));
  const rasterise = (requests: readonly RasterRequest[]) => ask<Uint8Array[]>((id) => ({ type: 'rasterise', id, requests: [...requests] }));
  let backend: Backend | null = null;
  let dispatch: Dispatch | null = null;

  const answer = (id: number, response: ApiResponse<unknown>) => {
    try {
      post({ type: 'answer', id, response });
    } catch (err) {
      post({ type: 'answer', id, response: { ok: false, error: { code: 'INTERNAL', message: `程序内部错误：${String(err)}` } } });
    }
  };
  const close = () => {
    backend?.close();
    process.exit(0);
  };

  port.listen((m) => {
    if (m.type === 'init') {
      const data: WorkerBackendData = m.data;
      backend = createBackend({
        dataDir: data.dataDir,
        shell: data.shell,
        printPdf: data.canPrint ? printPdf : undefined,
        rasterise: data.canRasterise ? rasterise : undefined,
      });
      dispatch = wrap(backend.dispatch);
      post({ type: 'ready' });
    } else if (m.type === 'call') {
      if (!dispatch) return answer(m.id, { ok: false, error: { code: 'INTERNAL', message: '程序内部错误：后台进程尚未初始化' } });
      dispatch(m.method, m.input).then(
        (response) => answer(m.id, response),
        (err: unknown) => answer(m.id, { ok: false, error: { code: 'INTERNAL', message: `程序内部错误：${String(err)}` } }),
      );
    } else if (m.type === 'close') {
      close();
    } else {
      const p = prints.get(m.id);
      prints.delete(m.id);
      if (m.type === 'printed') p?.resolve(m.bytes);
      else if (m.type === 'rasterised') p?.resolve(m.images);
      else p?.reject(m.code ? new AppError(m.code, m.message) : new Error(m.message));
    }
  });
  // Without its parent there is nobody to answer: a caller that died must not leave the
  // project file locked by an orphan.
  process.on('disconnect', close);
}
