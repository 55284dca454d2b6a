// Reads a zip's central directory and checks it before SheetJS sees the file: how many
// entries, what they declare once decompressed, and that each really decompresses to no
// more than it declares (a zip bomb can lie in its headers). Inflation is streamed and
// stopped at the declared size, so a lying entry costs at most that much.
import zlib from 'node:zlib';
import { ImportFileError } from './file-error';
import { LIMITS, megabytes } from './limits';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function damaged(why: string): ImportFileError {
  return new ImportFileError('ZIP_DAMAGED', `文件已损坏，无法作为 Excel 工作簿读取（${why}）。请在 Excel/WPS 中打开并重新保存后再导入。`);
}

export function readZipDirectory(buf: Buffer): ZipEntry[] {
  const min = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged('找不到压缩目录');
  const count = buf.readUInt16LE(eocd + 10);
  const dirSize = buf.readUInt32LE(eocd + 12);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) {
    throw new ImportFileError('ZIP_TOO_LARGE', '文件使用了超大压缩格式（ZIP64），工作簿过大，本程序不读取。请把数据分成多个较小的文件后再导入。');
  }
  if (count > LIMITS.maxZipEntries) {
    throw new ImportFileError('ZIP_TOO_MANY_ENTRIES', `文件内含 ${count} 个部件，超过上限 ${LIMITS.maxZipEntries}，不像是正常的 Excel 文件。请在 Excel/WPS 中另存为新文件后再导入。`);
  }
  if (dirOffset + dirSize > buf.length) throw damaged('压缩目录越界');
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw damaged('压缩目录不完整');
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, Math.min(buf.length, p + 46 + nameLen));
    total += size;
    if (size > LIMITS.maxEntryBytes || total > LIMITS.maxUncompressedBytes) {
      throw new ImportFileError(
        'ZIP_BOMB',
        `文件声明解压后共有 ${megabytes(total)}（其中“${name.slice(0, 60)}”为 ${megabytes(size)}），远超正常工作簿的大小（上限 ${megabytes(LIMITS.maxUncompressedBytes)}），可能是恶意构造的“压缩炸弹”。为保护电脑，本程序不读取此文件；请向提供者索取正常的文件，或在 Excel/WPS 中打开后另存为新文件再导入。`,
      );
    }
    entries.push({ name, method, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Decompresses every entry far enough to prove it is no larger than it says. */
export async function verifyZipSizes(buf: Buffer, entries: readonly ZipEntry[], onProgress?: (done: number) => void): Promise<void> {
  let done = 0;
  for (const e of entries) {
    if (e.localOffset + 30 > buf.length || buf.readUInt32LE(e.localOffset) !== LOCAL) throw damaged('部件头不完整');
    const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
    const data = buf.subarray(start, Math.min(buf.length, start + e.compressedSize));
    if (e.method === 0) {
      if (data.length < e.size) throw damaged('部件长度不符');
    } else if (e.method === 8) {
      await inflateAtMost(data, e.size, e.name);
    } else {
      throw new ImportFileError('ZIP_UNSUPPORTED', `文件使用了不支持的压缩方式（${e.method}），可能已加密或损坏。请在 Excel/WPS 中另存为普通 .xlsx 文件后再导入。`);
    }
    done += e.size;
    onProgress?.(done);
  }
}

function inflateAtMost(data: Buffer, declared: number, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflateRaw();
    let out = 0;
    let settled = false;
    const fail = (err: ImportFileError) => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      reject(err);
    };
    inflate.on('data', (chunk: Buffer) => {
      out += chunk.length;
      if (out > declared) {
        fail(
          new ImportFileError(
            'ZIP_BOMB',
            `文件中的“${name.slice(0, 60)}”解压后比它声明的 ${megabytes(declared)} 更大，是恶意构造或已损坏的文件（“压缩炸弹”）。为保护电脑，本程序不读取此文件；请向提供者索取正常的文件。`,
          ),
        );
      }
    });
    inflate.on('error', () => fail(damaged(`部件“${name.slice(0, 60)}”无法解压`)));
    inflate.on('end', () => {
      if (settled) return;
      settled = true;
      resolve();
    });
    inflate.end(data);
  });
}
