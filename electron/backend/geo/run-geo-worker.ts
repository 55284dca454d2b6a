// Starts the geo worker (geo-worker.js, or geo-worker-source.cjs from source) for one boundary
// or layer file, with a heap cap and a time limit (worker-job.ts). Sizes: docs/ARCHITECTURE.md,
// "Large boundary files".
import path from 'node:path';
import { AppError } from '../errors';
import { startWorkerJob } from '../worker-job';
import type { GeoStageProgress } from '../../../shared/geo/import-progress';
import type { GeoWorkerMessage } from './geo-worker';
import type { LayerFile, LayerRequest } from './read-layer';

const BUILT = path.join(__dirname, 'geo-worker.js');
const SOURCE = path.join(__dirname, 'geo-worker-source.cjs');

/**
 * The worker's heap (MiB) and wall time. Heap: the bench's 50 MiB shapefile (3.3 million
 * vertices) is refused at 256 MiB and read at 512 (381 MiB of heap when done); a file at the
 * 100 MiB read bound needs about twice that, so 1536 leaves it half the cap spare. Time: that
 * file takes under 10 s of CPU; 90 s stays below the backend's own 120 s call limit, so a stuck
 * read is stopped here and the open project stays open. Tests lower both to see the refusals.
 */
export const GEO_WORKER_LIMITS = { heapMb: 1536, timeoutMs: 90_000 };

/** The last read's worker heap (V8 total heap when the layer was ready), for the bench. */
export const lastGeoRead = { heapBytes: 0 };

export interface LayerRead {
  readonly done: Promise<LayerFile>;
  /** Ends the worker now: `done` rejects with the cancel error (unless already settled). */
  cancel(): void;
}

/** The error a cancelled import ends with (the 布局图 dialog and the CLI say 已取消). */
export function geoImportCancelled(fileName: string): AppError {
  return new AppError('CANCELLED', `已取消导入 ${fileName}，未写入任何内容。`);
}

/** The file read, checked and thinned in a worker of its own; refused in Chinese when the worker fails. */
export function readLayerInWorker(file: Omit<LayerRequest, 'jsonHeapBudget'>): Promise<LayerFile> {
  return startLayerRead(file).done;
}

/** As readLayerInWorker, reporting the worker's stages and able to stop it. */
export function startLayerRead(file: Omit<LayerRequest, 'jsonHeapBudget'>, onProgress: (p: GeoStageProgress) => void = () => undefined): LayerRead {
  const fileName = path.basename(file.path);
  const { heapMb, timeoutMs } = GEO_WORKER_LIMITS;
  // A quarter of the heap stays for the code, the checks and the thinning after the parse.
  const req: LayerRequest = { ...file, jsonHeapBudget: heapMb * 1048576 * 0.75 };
  const refused = (message: string) => new AppError('INVALID_INPUT', message);
  const job = startWorkerJob<GeoWorkerMessage, LayerFile>(
    {
      built: BUILT,
      source: SOURCE,
      heapMb,
      timeoutMs,
      onMessage: (m) => {
        if (m.type === 'progress') {
          onProgress(m.progress);
          return null;
        }
        if (m.type === 'failed') return { failed: new AppError(m.code, m.message) };
        lastGeoRead.heapBytes = m.heapBytes;
        return { done: m.layer };
      },
      failures: {
        timeout: () => refused(`读取 ${fileName} 超过 ${Math.round(timeoutMs / 100) / 10} 秒仍未完成，已停止，未写入任何内容。文件可能过大或被恶意构造：请先在 GIS 软件中按县域裁剪或拆分后再导入。`),
        outOfMemory: () => refused(`读取 ${fileName} 时超出了内存上限（${heapMb} MB），已停止，未写入任何内容。文件可能过大、已损坏或被恶意构造：请先在 GIS 软件中按县域裁剪或拆分后再导入。`),
        crashed: (detail) => new AppError('INTERNAL', `读取 ${fileName} 时出错，已停止，未写入任何内容：${detail.slice(0, 160)}`),
        exited: (code) => new AppError('INTERNAL', `读取 ${fileName} 的后台线程意外退出（代码 ${code}），未写入任何内容。请重试。`),
      },
    },
    req,
  );
  return { done: job.done, cancel: () => job.stop(geoImportCancelled(fileName)) };
}
