// Starts the parse worker with a heap cap and a time limit, relays its progress and can
// stop it. The worker is the bundled import-worker.js next to the main bundle in the
// desktop app, and a small bootstrap that loads the TypeScript entry through tsx when the
// backend runs from source (tests, CLI, browser mode).
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ImportFileError } from './file-error';
import { LIMITS } from './limits';
import type { ParsedWorkbook, WorkerMessage, WorkerProgress, WorkerRequest } from './workbook';

const BUILT = path.join(__dirname, 'import-worker.js');
const SOURCE = path.join(__dirname, 'parse-worker-source.cjs');

function workerEntry(): string {
  return fs.existsSync(BUILT) ? BUILT : SOURCE;
}

export interface ParseJob {
  readonly done: Promise<ParsedWorkbook>;
  cancel(): void;
}

export function startParse(req: WorkerRequest, onProgress: (p: WorkerProgress) => void): ParseJob {
  const worker = new Worker(workerEntry(), {
    // Loader flags of the parent (tsx, vitest) are not wanted: the entry sets up its own.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: LIMITS.workerHeapMb, stackSizeMb: 8 },
    stdout: false,
    stderr: false,
  });
  let settle: { resolve: (w: ParsedWorkbook) => void; reject: (e: Error) => void } | null = null;
  const done = new Promise<ParsedWorkbook>((resolve, reject) => {
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
  const timer = setTimeout(() => {
    finish(() =>
      settle?.reject(
        new ImportFileError('PARSE_TIMEOUT', `读取文件超过 ${LIMITS.workerTimeoutMs / 60000} 分钟仍未完成，已停止。文件可能过大或被恶意构造。请把数据分成较小的文件，或在 Excel/WPS 中另存为新文件后再导入。`),
      ),
    );
  }, LIMITS.workerTimeoutMs);
  worker.on('message', (m: WorkerMessage) => {
    if (m.type === 'progress') onProgress(m.progress);
    else if (m.type === 'done') finish(() => settle?.resolve(JSON.parse(m.json) as ParsedWorkbook));
    else finish(() => settle?.reject(new ImportFileError(m.code, m.message)));
  });
  worker.on('error', (err: Error & { code?: string }) => {
    const oom = err.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap/i.test(err.message);
    finish(() =>
      settle?.reject(
        oom
          ? new ImportFileError('MEMORY_LIMIT', '读取文件时超出了内存上限，已停止。文件可能过大、已损坏或被恶意构造。请把数据分成较小的文件后再导入。')
          : new ImportFileError('PARSE_FAILED', `读取文件时出错，已停止：${err.message.slice(0, 160)}`),
      ),
    );
  });
  worker.on('exit', (code) => {
    finish(() => settle?.reject(new ImportFileError('PARSE_FAILED', `读取文件的后台线程意外退出（代码 ${code}）。请重试；如仍失败，请在 Excel/WPS 中另存为 .xlsx 后再导入。`)));
  });
  // Copied once into a buffer of its own (a file's Buffer may share Node's pool), then moved.
  const bytes = new Uint8Array(req.bytes);
  worker.postMessage({ ...req, bytes }, [bytes.buffer]);
  return {
    done,
    cancel: () => finish(() => settle?.reject(new ImportFileError('CANCELLED', '已取消读取文件。'))),
  };
}
