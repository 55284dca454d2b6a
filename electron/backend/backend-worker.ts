// The worker side of worker-backend.ts: one backend, answering calls by message. PDFs are
// printed by the caller's thread, which holds the printer.
import { parentPort, workerData } from 'node:worker_threads';
import type { ApiResponse } from '../../shared/api';
import { createBackend, type Backend } from './backend';
import { AppError } from './errors';
import type { FromWorker, ToWorker, WorkerBackendData } from './worker-messages';

type Dispatch = Backend['dispatch'];

/** Serves calls from the parent thread; `wrap` lets tests put a slow method in front. */
export function serveBackend(wrap: (dispatch: Dispatch) => Dispatch = (d) => d): void {
  const port = parentPort;
  if (!port) throw new Error('backend-worker.ts must run as a worker thread');
  const data = workerData as WorkerBackendData;
  const post = (m: FromWorker) => port.postMessage(m);
  const prints = new Map<number, { resolve(bytes: Uint8Array): void; reject(err: Error): void }>();
  let nextPrint = 1;
  const printPdf = (html: string) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const id = nextPrint++;
      prints.set(id, { resolve, reject });
      post({ type: 'print', id, html });
    });
  const backend = createBackend({ dataDir: data.dataDir, shell: data.shell, printPdf: data.canPrint ? printPdf : undefined });
  const dispatch = wrap(backend.dispatch);

  const answer = (id: number, response: ApiResponse<unknown>) => {
    try {
      post({ type: 'answer', id, response });
    } catch (err) {
      post({ type: 'answer', id, response: { ok: false, error: { code: 'INTERNAL', message: `程序内部错误：${String(err)}` } } });
    }
  };

  port.on('message', (m: ToWorker) => {
    if (m.type === 'call') {
      dispatch(m.method, m.input).then(
        (response) => answer(m.id, response),
        (err: unknown) => answer(m.id, { ok: false, error: { code: 'INTERNAL', message: `程序内部错误：${String(err)}` } }),
      );
    } else if (m.type === 'close') {
      backend.close();
      process.exit(0);
    } else {
      const p = prints.get(m.id);
      prints.delete(m.id);
      if (m.type === 'printed') p?.resolve(m.bytes);
      else p?.reject(m.code ? new AppError(m.code, m.message) : new Error(m.message));
    }
  });
  post({ type: 'ready' });
}
