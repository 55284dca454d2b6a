// Worker thread entry of the boundary import (run-geo-worker.ts); built as out/main/geo-worker.js.
// Reads, checks and thins one untrusted file and posts the features back; a crash, an
// out-of-memory or a hang here ends this thread only.
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import type { ErrorCode } from '../../../shared/api';
import { AppError } from '../errors';
import type { GeoStageProgress } from '../../../shared/geo/import-progress';
import { readLayer, type LayerFile, type LayerRequest } from './read-layer';
import { progressPoster } from './worker-progress';

export type GeoWorkerMessage =
  /** `heapBytes`: this thread's V8 heap when the layer was ready, for the bench. */
  | { type: 'done'; layer: LayerFile; heapBytes: number }
  | { type: 'failed'; code: ErrorCode; message: string }
  | { type: 'progress'; progress: GeoStageProgress };

const port = parentPort;
if (!port) throw new Error('geo-worker.ts must run as a worker thread');

port.once('message', (req: LayerRequest) => {
  const post = (m: GeoWorkerMessage) => port.postMessage(m);
  const onProgress = progressPoster((progress) => post({ type: 'progress', progress }));
  readLayer(req, onProgress).then(
    (layer) => post({ type: 'done', layer, heapBytes: getHeapStatistics().total_heap_size }),
    (err: unknown) => {
      if (err instanceof AppError) post({ type: 'failed', code: err.code, message: err.message });
      else post({ type: 'failed', code: 'INVALID_INPUT', message: `${req.path.split(/[\\/]/).pop()} 无法读取：${err instanceof Error ? err.message.slice(0, 200) : String(err)}` });
    },
  );
});
