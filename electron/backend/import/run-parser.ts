// Starts the parse worker (import-worker.js, or parse-worker-source.cjs from source) with a
// heap cap and a time limit, relays its progress and can stop it (worker-job.ts).
import path from 'node:path';
import { startWorkerJob } from '../worker-job';
import { ImportFileError } from './file-error';
import { LIMITS } from './limits';
import type { ParsedWorkbook, WorkerMessage, WorkerProgress, WorkerRequest } from './workbook';

const BUILT = path.join(__dirname, 'import-worker.js');
const SOURCE = path.join(__dirname, 'parse-worker-source.cjs');

export interface ParseJob {
  readonly done: Promise<ParsedWorkbook>;
  cancel(): void;
}

export function startParse(req: WorkerRequest, onProgress: (p: WorkerProgress) => void): ParseJob {
  // Copied once into a buffer of its own (a file's Buffer may share Node's pool), then moved.
  const bytes = new Uint8Array(req.bytes);
  const job = startWorkerJob<WorkerMessage, ParsedWorkbook>(
    {
      built: BUILT,
      source: SOURCE,
      heapMb: LIMITS.workerHeapMb,
      timeoutMs: LIMITS.workerTimeoutMs,
      onMessage: (m) => {
        if (m.type === 'progress') {
          onProgress(m.progress);
          return null;
        }
        return m.type === 'done' ? { done: JSON.parse(m.json) as ParsedWorkbook } : { failed: new ImportFileError(m.code, m.message) };
      },
      failures: {
        timeout: () =>
          new ImportFileError('PARSE_TIMEOUT', `读取文件超过 ${LIMITS.workerTimeoutMs / 60000} 分钟仍未完成，已停止。文件可能过大或被恶意构造。请把数据分成较小的文件，或在 Excel/WPS 中另存为新文件后再导入。`),
        outOfMemory: () => new ImportFileError('MEMORY_LIMIT', '读取文件时超出了内存上限，已停止。文件可能过大、已损坏或被恶意构造。请把数据分成较小的文件后再导入。'),
        crashed: (detail) => new ImportFileError('PARSE_FAILED', `读取文件时出错，已停止：${detail.slice(0, 160)}`),
        exited: (code) => new ImportFileError('PARSE_FAILED', `读取文件的后台线程意外退出（代码 ${code}）。请重试；如仍失败，请在 Excel/WPS 中另存为 .xlsx 后再导入。`),
      },
    },
    { ...req, bytes },
    [bytes.buffer],
  );
  return { done: job.done, cancel: () => job.stop(new ImportFileError('CANCELLED', '已取消读取文件。')) };
}
