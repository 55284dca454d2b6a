// Files being read or read, by id, for the wizard's steps (sheet → header → mapping →
// check → commit). A few at most are kept; older ones are dropped, and their reading
// stopped.
import crypto from 'node:crypto';
import type { EncodingChoice, ImportFileStatus, ImportIssue } from '../../../shared/import';
import { fileIssue, ImportFileError } from './file-error';
import { startParse, type ParseJob } from './run-parser';
import type { SourceFile } from './source-file';
import type { ParsedWorkbook, WorkerProgress } from './workbook';

export interface OpenFile {
  id: string;
  fileName: string;
  sha256: string;
  bytes: number;
  state: ImportFileStatus['state'];
  progress: WorkerProgress | null;
  workbook: ParsedWorkbook | null;
  error: ImportIssue | null;
  job: ParseJob | null;
  done: Promise<void>;
}

/** The wizard needs one file; the one before it is kept while the planner switches. */
const KEEP = 2;

function percent(p: WorkerProgress | null): number | null {
  if (!p || p.phase === 'parsing' || p.total <= 0) return null;
  const share = Math.min(1, p.done / p.total);
  // Checking the zip is the first quarter of the work; copying the rows out is the last.
  return Math.round(p.phase === 'checking' ? share * 25 : 75 + share * 25);
}

export class OpenFiles {
  private readonly files = new Map<string, OpenFile>();

  open(source: SourceFile, encoding: EncodingChoice): OpenFile {
    while (this.files.size >= KEEP) {
      const oldest = this.files.values().next().value as OpenFile;
      oldest.job?.cancel();
      this.files.delete(oldest.id);
    }
    const id = crypto.randomBytes(12).toString('base64url');
    const file: OpenFile = {
      id, fileName: source.fileName, sha256: source.sha256, bytes: source.bytes.length, state: 'reading', progress: null,
      workbook: null, error: null, job: null, done: Promise.resolve(),
    };
    const job = startParse({ bytes: source.bytes, fileName: source.fileName, encoding }, (p) => {
      file.progress = p;
    });
    file.job = job;
    file.done = job.done.then(
      (wb) => {
        file.workbook = wb;
        file.state = 'ready';
        file.job = null;
      },
      (err: unknown) => {
        const e = err instanceof ImportFileError ? err : new ImportFileError('PARSE_FAILED', String(err));
        file.state = e.code === 'CANCELLED' ? 'cancelled' : 'failed';
        file.error = fileIssue(e.code, e.message);
        file.job = null;
      },
    );
    this.files.set(id, file);
    return file;
  }

  /** A file that could not even be read from disk: kept so the wizard shows why. */
  failed(fileName: string, err: ImportFileError): OpenFile {
    const id = crypto.randomBytes(12).toString('base64url');
    const file: OpenFile = {
      id, fileName, sha256: '', bytes: 0, state: 'failed', progress: null, workbook: null, error: fileIssue(err.code, err.message),
      job: null, done: Promise.resolve(),
    };
    this.files.set(id, file);
    return file;
  }

  get(id: string): OpenFile | null {
    return this.files.get(id) ?? null;
  }

  cancel(id: string): boolean {
    const f = this.files.get(id);
    if (!f?.job) return false;
    f.job.cancel();
    return true;
  }

  /** Stops all reading (the backend is closing). */
  close(): void {
    for (const f of this.files.values()) f.job?.cancel();
    this.files.clear();
  }

  status(f: OpenFile): ImportFileStatus {
    const wb = f.workbook;
    return {
      fileId: f.id,
      fileName: f.fileName,
      bytes: f.bytes,
      state: f.state,
      phase: f.state === 'reading' ? (f.progress?.phase ?? 'reading') : 'done',
      percent: f.state === 'ready' ? 100 : percent(f.progress),
      format: wb?.format ?? null,
      encoding: wb?.encoding ?? null,
      sheets: (wb?.sheets ?? []).map((s) => ({ name: s.name, hidden: s.hidden, rows: s.usedRows, cols: s.usedCols, cells: s.cells })),
      error: f.error,
    };
  }
}
