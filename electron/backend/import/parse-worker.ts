// Worker thread entry: reads one untrusted file and posts the sheets back. A crash, an
// out-of-memory or a hang here ends this thread only; run-parser.ts reports it.
import { parentPort } from 'node:worker_threads';
import { ImportFileError } from './file-error';
import { readWorkbook } from './read-workbook';
import type { WorkerMessage, WorkerProgress, WorkerRequest } from './workbook';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts must run as a worker thread');

port.once('message', (req: WorkerRequest) => {
  const post = (m: WorkerMessage) => port.postMessage(m);
  // Progress is for a progress bar: a few updates a second are plenty.
  let lastPhase = '';
  let lastAt = 0;
  const onProgress = (progress: WorkerProgress) => {
    const now = Date.now();
    if (progress.phase === lastPhase && now - lastAt < 150) return;
    lastPhase = progress.phase;
    lastAt = now;
    post({ type: 'progress', progress });
  };
  readWorkbook(req, onProgress).then(
    (workbook) => post({ type: 'done', json: JSON.stringify(workbook) }),
    (err: unknown) => {
      if (err instanceof ImportFileError) post({ type: 'failed', code: err.code, message: err.message });
      else post({ type: 'failed', code: 'PARSE_FAILED', message: `文件无法读取：${err instanceof Error ? err.message.slice(0, 200) : String(err)}。请在 Excel/WPS 中打开并另存为 .xlsx 后再导入。` });
    },
  );
});
