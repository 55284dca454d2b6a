// Getting the bytes of the file to import: from a path the desktop dialog or the CLI gives,
// or from an upload the browser sends in base64 chunks (the loopback host takes at most
// 1 MiB per request). Errors say in Chinese why the file cannot be read.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ImportFileError } from './file-error';
import { LIMITS } from './limits';

export interface SourceFile {
  fileName: string;
  bytes: Buffer;
  sha256: string;
}

export function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

function readError(file: string, err: NodeJS.ErrnoException): ImportFileError {
  const name = path.basename(file);
  switch (err.code) {
    case 'ENOENT':
      return new ImportFileError('FILE_NOT_FOUND', `找不到文件“${file}”。请确认文件没有被移动或改名。`);
    case 'EISDIR':
      return new ImportFileError('FILE_NOT_FOUND', `“${file}”是文件夹，不是文件。`);
    case 'EBUSY':
    case 'EPERM':
    case 'EACCES':
      return new ImportFileError(
        'FILE_LOCKED',
        `文件“${name}”正被其他程序（如 Excel、WPS）占用，或没有读取权限，无法读取。请在 Excel/WPS 中关闭该文件后重试；若文件在网络共享或 U 盘上，请先复制到本机。`,
      );
    default:
      return new ImportFileError('FILE_UNREADABLE', `无法读取文件“${name}”（${err.code ?? err.message}）。`);
  }
}

function tooBig(file: string, bytes: number): ImportFileError {
  return new ImportFileError(
    'FILE_TOO_BIG',
    `文件“${path.basename(file)}”有 ${(bytes / 1024 / 1024).toFixed(0)} MB，超过 ${LIMITS.maxFileBytes / 1024 / 1024} MB 的上限。请把数据分成几个文件后分别导入。`,
  );
}

function notRegularFile(file: string): string {
  return `“${path.basename(file)}”不是普通文件（而是设备、管道或其他特殊文件），无法读取。请选择文件本身。`;
}

/** Reads at most the size limit and one byte more, whatever the file claims its size is. */
async function readBounded(handle: fs.promises.FileHandle, file: string): Promise<Buffer> {
  const cap = LIMITS.maxFileBytes + 1;
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(Math.min(4 * 1024 * 1024, cap - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total >= cap) throw tooBig(file, total);
  }
  return Buffer.concat(chunks, total);
}

/** A named pipe would block open() until some writer came; O_NONBLOCK returns at once. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

export async function readSourcePath(file: string): Promise<SourceFile> {
  const abs = path.resolve(file);
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(abs, OPEN_FLAGS);
    // The type is that of the opened descriptor (links followed), so nothing can be
    // swapped in between checking and reading.
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    if (!stat.isFile()) throw new ImportFileError('NOT_A_FILE', notRegularFile(abs));
    if (stat.size > LIMITS.maxFileBytes) throw tooBig(abs, stat.size);
    const bytes = await readBounded(handle, abs);
    return { fileName: path.basename(abs), bytes, sha256: sha256(bytes) };
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw readError(abs, err as NodeJS.ErrnoException);
  } finally {
    await handle?.close();
  }
}

interface Upload {
  fileName: string;
  size: number;
  chunks: Buffer[];
  received: number;
  touched: number;
}

/** Uploads in progress, by id; few, bounded, and dropped when idle. */
export class Uploads {
  private readonly items = new Map<string, Upload>();
  private static readonly MAX_OPEN = 3;
  private static readonly IDLE_MS = 15 * 60 * 1000;

  append(input: { uploadId?: string | undefined; fileName: string; size: number; offset: number; data: string }): { uploadId: string; received: number; complete: boolean } {
    this.dropIdle();
    if (input.size > LIMITS.maxUploadBytes) {
      throw new ImportFileError('FILE_TOO_BIG', `文件有 ${(input.size / 1024 / 1024).toFixed(0)} MB，超过浏览器方式上传的上限 ${LIMITS.maxUploadBytes / 1024 / 1024} MB。请使用桌面程序，或把数据分成几个文件。`);
    }
    let id = input.uploadId;
    let up = id ? this.items.get(id) : undefined;
    if (!up) {
      if (input.offset !== 0) throw new ImportFileError('UPLOAD_LOST', '上传已中断（可能等待太久），请重新选择文件。');
      while (this.items.size >= Uploads.MAX_OPEN) this.items.delete(this.items.keys().next().value as string);
      id = crypto.randomBytes(12).toString('base64url');
      up = { fileName: input.fileName, size: input.size, chunks: [], received: 0, touched: Date.now() };
      this.items.set(id, up);
    }
    if (input.offset !== up.received) throw new ImportFileError('UPLOAD_LOST', '上传的数据不连续，请重新选择文件。');
    const chunk = Buffer.from(input.data, 'base64');
    if (up.received + chunk.length > up.size) throw new ImportFileError('UPLOAD_LOST', '上传的数据比文件大小还多，请重新选择文件。');
    up.chunks.push(chunk);
    up.received += chunk.length;
    up.touched = Date.now();
    return { uploadId: id as string, received: up.received, complete: up.received === up.size };
  }

  /** Takes a complete upload out of the store. */
  take(uploadId: string): SourceFile {
    const up = this.items.get(uploadId);
    if (!up || up.received !== up.size) throw new ImportFileError('UPLOAD_LOST', '找不到上传的文件（可能已过期或未传完），请重新选择文件。');
    this.items.delete(uploadId);
    const bytes = Buffer.concat(up.chunks);
    return { fileName: up.fileName, bytes, sha256: sha256(bytes) };
  }

  private dropIdle(): void {
    const now = Date.now();
    for (const [id, up] of this.items) if (now - up.touched > Uploads.IDLE_MS) this.items.delete(id);
  }
}
