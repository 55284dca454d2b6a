// What the caller and the backend's process (worker-backend.ts, backend-worker.ts) say to
// each other.
import type { ApiResponse, ErrorCode } from '../../shared/api';
import type { RasterRequest } from './annex/raster';

export interface WorkerBackendData {
  dataDir: string;
  shell: 'electron' | 'browser';
  /** Whether the caller has a PDF printer to lend. */
  canPrint: boolean;
  /** Whether the caller can draw the annex maps as PNGs. */
  canRasterise?: boolean;
}

export type ToWorker =
  | { type: 'init'; data: WorkerBackendData }
  | { type: 'call'; id: number; method: string; input: unknown }
  | { type: 'printed'; id: number; bytes: Uint8Array }
  | { type: 'rasterised'; id: number; images: Uint8Array[] }
  | { type: 'printFailed'; id: number; code: ErrorCode | null; message: string }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'answer'; id: number; response: ApiResponse<unknown> }
  | { type: 'print'; id: number; html: string }
  | { type: 'rasterise'; id: number; requests: RasterRequest[] };
