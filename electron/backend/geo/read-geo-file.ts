// Reads a boundary or layer file into GeoJSON: .geojson/.json, a .shp with its .dbf, .prj and
// .cpg beside it, or a .zip holding them. Bounded sizes; a .dbf in GBK (common in Chinese
// data) is read as GBK when its .cpg says so, or when UTF-8 reading yields replacement
// characters. Messages are Chinese and name the file.
import fs from 'node:fs';
import path from 'node:path';
import * as shapefile from 'shapefile';
import * as XLSX from 'xlsx';
import { AppError } from '../errors';
import { jsonHeapEstimate } from './json-heap';

/** Largest file read (a county's shapefile is a few MiB; 50 MiB ones occur). */
export const MAX_GEO_FILE = 100 * 1024 * 1024;
const MAX_ZIP_TOTAL = 300 * 1024 * 1024;

/** How much of the file is read (0–1), or null while that cannot be told (a GeoJSON parse). */
export type Progress = (fraction: number | null) => void;

export interface GeoFile {
  fileName: string;
  geojson: unknown;
  /** .prj text, when the file came with one. */
  prj: string | null;
  notes: string[];
}

function readBounded(p: string): Buffer {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    throw new AppError('NOT_FOUND', `找不到文件：${path.basename(p)}`);
  }
  if (!st.isFile()) throw new AppError('INVALID_INPUT', `${path.basename(p)} 不是普通文件。`);
  if (st.size > MAX_GEO_FILE) throw new AppError('INVALID_INPUT', `${path.basename(p)} 超过 ${MAX_GEO_FILE / 1048576} MB，请先按县域裁剪。`);
  return fs.readFileSync(p);
}

// A large file's Buffer owns its memory and is handed over as it is; a small one may share
// Node's pool, so its bytes are copied out.
const ab = (b: Uint8Array): ArrayBuffer =>
  b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? (b.buffer as ArrayBuffer) : (b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);

/** Whether the .dbf read as UTF-8 yields replacement characters (a GBK table without a .cpg). */
async function dbfHasReplacement(fileName: string, dbf: Uint8Array): Promise<boolean> {
  try {
    const source = await shapefile.openDbf(ab(dbf), { encoding: 'utf-8' });
    for (let r = await source.read(); !r.done; r = await source.read()) if (JSON.stringify(r.value).includes('\uFFFD')) return true;
    return false;
  } catch (err) {
    throw new AppError('INVALID_INPUT', `${fileName} 的属性表（.dbf）无法读取：${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Bytes a shape takes in the .shp, roughly (16 a position): how far through the file the reader is. */
function shapeBytes(g: { type: string; coordinates: unknown } | null): number {
  if (!g) return 8;
  const c = g.coordinates as unknown[];
  if (g.type === 'Point') return 28;
  if (g.type === 'LineString' || g.type === 'MultiPoint') return 16 * c.length;
  let n = 0;
  if (g.type === 'MultiPolygon') for (const poly of c as unknown[][][]) for (const r of poly) n += r.length;
  else for (const part of c as unknown[][]) n += part.length;
  return 16 * n;
}

/** shapefile.read, one record at a time so that the fraction read can be told. */
async function readShapes(shp: Uint8Array, dbf: Uint8Array | null, encoding: string, onFraction: Progress): Promise<unknown> {
  const source = await shapefile.open(ab(shp), dbf ? ab(dbf) : undefined, { encoding });
  const features: unknown[] = [];
  let bytes = 0;
  let reported = 0;
  for (let r = await source.read(); !r.done; r = await source.read()) {
    features.push(r.value);
    bytes += shapeBytes(r.value.geometry as { type: string; coordinates: unknown } | null);
    if (bytes - reported >= 1 << 20) {
      reported = bytes;
      onFraction(Math.min(1, bytes / shp.byteLength));
    }
  }
  return { type: 'FeatureCollection', features, bbox: source.bbox };
}

async function readShape(fileName: string, shp: Uint8Array, dbf: Uint8Array | null, prj: string | null, cpg: string | null, encoding: 'auto' | 'utf-8' | 'gbk', onFraction: Progress): Promise<GeoFile> {
  const notes: string[] = [];
  if (!dbf) notes.push(`${fileName} 缺少 .dbf 属性表：要素没有名称和代码，只能作为县界或参考图层导入。`);
  if (!prj) notes.push(`${fileName} 缺少 .prj 坐标系文件：按 WGS-84 经纬度读取；若为投影坐标，请在导入时填写 EPSG 代码。`);
  const cpgGbk = cpg !== null && /gbk|936|gb2312|gb18030/i.test(cpg);
  let enc = encoding === 'auto' ? (cpgGbk ? 'gbk' : 'utf-8') : encoding;
  const read = async (e: string) => {
    try {
      return await readShapes(shp, dbf, e, onFraction);
    } catch (err) {
      throw new AppError('INVALID_INPUT', `${fileName} 不是有效的 Shapefile：${err instanceof Error ? err.message : String(err)}`);
    }
  };
  // The encoding is tried on the attribute table alone: reading the shapes twice would double
  // the time and memory of a large file.
  if (encoding === 'auto' && enc === 'utf-8' && dbf && (await dbfHasReplacement(fileName, dbf))) {
    enc = 'gbk';
    notes.push(`${fileName} 的属性表按 UTF-8 读取出现乱码，已改按 GBK 读取。`);
  }
  return { fileName, geojson: await read(enc), prj, notes };
}

/** Refuses a GeoJSON text whose parse could pass `heapBudget` bytes (json-heap.ts says why). */
function checkJsonHeap(fileName: string, bytes: Uint8Array, heapBudget: number): void {
  const need = jsonHeapEstimate(bytes);
  if (need > heapBudget) {
    throw new AppError('INVALID_INPUT', `${fileName} 读入后约需 ${Math.ceil(need / 1048576)} MB 内存，超过读取上限 ${Math.floor(heapBudget / 1048576)} MB，未读取、未写入任何内容。文件可能过大或被恶意构造：请先在 GIS 软件中按县域裁剪，或另存为 Shapefile 后再导入。`);
  }
}

/**
 * The file named by `p` as GeoJSON. `jsonHeapBudget`: the heap a GeoJSON text may take once
 * parsed (bytes); a larger one is refused unparsed.
 */
export async function readGeoFile(p: string, encoding: 'auto' | 'utf-8' | 'gbk' = 'auto', jsonHeapBudget = Infinity, onFraction: Progress = () => undefined): Promise<GeoFile> {
  const fileName = path.basename(p);
  const ext = path.extname(p).toLowerCase();
  if (ext === '.geojson' || ext === '.json') {
    const bytes = readBounded(p);
    checkJsonHeap(fileName, bytes, jsonHeapBudget);
    try {
      return { fileName, geojson: JSON.parse(bytes.toString('utf8')), prj: null, notes: [] };
    } catch (err) {
      throw new AppError('INVALID_INPUT', `${fileName} 不是有效的 GeoJSON：${err instanceof Error ? err.message.replace(/^Unexpected/, '意外的字符') : String(err)}`);
    }
  }
  if (ext === '.shp') {
    const base = p.slice(0, -ext.length);
    const sibling = (e: string) => [`${base}${e}`, `${base}${e.toUpperCase()}`].find((x) => fs.existsSync(x)) ?? null;
    const dbfPath = sibling('.dbf');
    const prjPath = sibling('.prj');
    const cpgPath = sibling('.cpg');
    return readShape(fileName, readBounded(p), dbfPath ? readBounded(dbfPath) : null, prjPath ? readBounded(prjPath).toString('utf8') : null, cpgPath ? readBounded(cpgPath).toString('utf8') : null, encoding, onFraction);
  }
  if (ext === '.zip') {
    const bytes = readBounded(p);
    let entries: { name: string; content: Uint8Array }[];
    try {
      const cfb = XLSX.CFB.read(bytes, { type: 'buffer' });
      entries = (cfb.FileIndex as { name: string; type: number; content?: unknown }[])
        .filter((e) => e.type === 2 && e.content)
        .map((e) => ({ name: e.name, content: e.content as Uint8Array }));
    } catch {
      throw new AppError('INVALID_INPUT', `${fileName} 不是有效的 zip 压缩包。`);
    }
    if (entries.reduce((a, e) => a + e.content.length, 0) > MAX_ZIP_TOTAL) throw new AppError('INVALID_INPUT', `${fileName} 解压后超过 ${MAX_ZIP_TOTAL / 1048576} MB。`);
    const shp = entries.filter((e) => /\.shp$/i.test(e.name));
    if (shp.length === 0) {
      const gj = entries.find((e) => /\.(geo)?json$/i.test(e.name));
      if (!gj) throw new AppError('INVALID_INPUT', `${fileName} 中没有 .shp 或 .geojson 文件。`);
      checkJsonHeap(`${fileName}/${gj.name}`, gj.content, jsonHeapBudget);
      try {
        return { fileName: `${fileName}/${gj.name}`, geojson: JSON.parse(Buffer.from(gj.content).toString('utf8')), prj: null, notes: [] };
      } catch {
        throw new AppError('INVALID_INPUT', `${fileName}/${gj.name} 不是有效的 GeoJSON。`);
      }
    }
    if (shp.length > 1) throw new AppError('INVALID_INPUT', `${fileName} 中有 ${shp.length} 个 .shp 文件，请每次导入一个图层。`);
    const stem = shp[0]!.name.replace(/\.shp$/i, '').toLowerCase();
    const find = (e: string) => entries.find((x) => x.name.toLowerCase() === `${stem}${e}`)?.content ?? null;
    const text = (b: Uint8Array | null) => (b ? Buffer.from(b).toString('utf8') : null);
    return readShape(`${fileName}/${shp[0]!.name}`, shp[0]!.content, find('.dbf'), text(find('.prj')), text(find('.cpg')), encoding, onFraction);
  }
  throw new AppError('INVALID_INPUT', `不支持的文件类型“${ext || fileName}”：请选择 .geojson、.json、.shp 或包含 Shapefile 的 .zip。`);
}
