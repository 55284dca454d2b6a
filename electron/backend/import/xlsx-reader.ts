// A direct reader for the common .xlsx: the zip's parts inflated natively, the sheet XML
// scanned once into rows of plain values, without building SheetJS's cell objects. It gives
// the same values SheetJS gives with the import's options (the rules below follow SheetJS
// 0.20's xlsx reader; tests/integration/import-xlsx-reader.test.ts compares the two on every
// committed workbook) and answers null for anything it does not know — a namespace prefix,
// a date-typed cell, a chart sheet, a missing part — so that file goes to SheetJS instead.
import zlib from 'node:zlib';
import * as XLSX from 'xlsx';
import type { CellRange, GridCell } from '../../../shared/import/grid';
import type { ZipEntry } from './zip-check';

export interface RawSheet {
  name: string;
  hidden: boolean;
  /** The sheet's declared range (its <dimension>), else the range its cells span. */
  ref: string | null;
  rows: (GridCell[] | undefined)[];
  merges: CellRange[];
}

const WORKSHEET_REL = /\/relationships\/worksheet$/;
const SHARED_STRINGS_REL = /\/relationships\/sharedStrings$/;
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

class Unsupported extends Error {}

function entryText(buf: Buffer, entry: ZipEntry | undefined): string | null {
  if (!entry) return null;
  const start = entry.localOffset + 30 + buf.readUInt16LE(entry.localOffset + 26) + buf.readUInt16LE(entry.localOffset + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  // Sizes were proven by verifyZipSizes before this runs; the cap holds a lying entry anyway.
  const bytes = entry.method === 0 ? data : entry.method === 8 ? zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) }) : null;
  if (!bytes) throw new Unsupported();
  return bytes.toString('utf8');
}

const ATTRIBUTES = new Map<string, RegExp>();

function attr(tag: string, name: string): string | undefined {
  let re = ATTRIBUTES.get(name);
  if (!re) ATTRIBUTES.set(name, (re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

// SheetJS's unescapexml, kept rule for rule (its odd cases included) so both readers agree.
const ENTITIES: Record<string, string> = { '&quot;': '"', '&apos;': "'", '&gt;': '>', '&lt;': '<', '&amp;': '&' };
const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
const CODE = /_x([\da-fA-F]{4})_/gi;

function unescapeXml(text: string, xlsx = false): string {
  if (text.includes('<![CDATA[')) throw new Unsupported();
  let out = text;
  if (out.includes('&')) out = out.replace(ENTITY, (all, n: string | undefined) => ENTITIES[all] || String.fromCharCode(parseInt(n ?? '', all.includes('x') ? 16 : 10)) || all);
  if (out.includes('_x') || out.includes('_X')) out = out.replace(CODE, (_m, c: string) => String.fromCharCode(parseInt(c, 16)));
  return xlsx && out.includes('\r\n') ? out.replace(/\r\n/g, '\n') : out;
}

const SI_PLAIN = /^\s*<(?:\w+:)?t[^>]*>/;
const SI_RICH = /<(?:\w+:)?r\b[^<>]*>/;
const SI_TEXT = /<(?:\w+:)?t\b[^<>]*>([^<]*)<\/(?:\w+:)?t>/g;
const PHONETIC = /<(?:\w+:)?rPh\b[^<>]*>[\s\S]*?<\/(?:\w+:)?rPh>/g;
const ANY_TAG = /<[^<>]*>/g;

/** The text of a shared or inline string (<si>/<is> content); undefined where SheetJS finds none. */
function stringItem(x: string): string | undefined {
  if (!x) return '';
  if (SI_PLAIN.test(x)) return unescapeXml((x.slice(x.indexOf('>') + 1).split(/<\/(?:\w+:)?t>/)[0] ?? ''), true);
  if (SI_RICH.test(x)) return unescapeXml((x.replace(PHONETIC, '').match(SI_TEXT) ?? []).join('').replace(ANY_TAG, ''), true);
  return undefined;
}

function sharedStrings(xml: string | null): (string | undefined)[] {
  if (!xml) return [];
  const open = xml.search(/<(?:\w+:)?sst\b/);
  const close = xml.search(/<\/(?:\w+:)?sst>/);
  if (open < 0 || close < 0) return [];
  const body = xml.slice(xml.indexOf('>', open) + 1, close);
  return body
    .replace(/<(?:\w+:)?(?:si|sstItem)>/g, '')
    .split(/<\/(?:\w+:)?(?:si|sstItem)>/)
    .map((s) => stringItem(s.trim()));
}

function columnOf(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 64;
    if (d < 1 || d > 26) break;
    c = 26 * c + d;
  }
  return c - 1;
}

function rowOf(ref: string): number {
  const m = /\d+$/.exec(ref);
  if (!m) throw new Unsupported();
  return parseInt(m[0], 10) - 1;
}

/** Text between <tag ...> and </tag> inside `x`, as SheetJS's str_match_xml_ns finds it. */
function inner(x: string, tag: string): string | null {
  const open = x.indexOf(`<${tag}`);
  if (open < 0) return null;
  const next = x.charCodeAt(open + tag.length + 1);
  if (next !== 62 && next !== 32) return null; // '>' or ' '; '<v/>' holds nothing
  const start = x.indexOf('>', open) + 1;
  const end = x.indexOf(`</${tag}>`, start);
  return end < 0 ? null : x.slice(start, end);
}

function cellValue(type: string | undefined, body: string, strings: readonly (string | undefined)[]): GridCell | undefined {
  const raw = inner(body, 'v');
  const v = raw !== null && raw !== '' ? unescapeXml(raw) : undefined;
  switch (type) {
    case undefined:
    case 'n':
      return v === undefined ? undefined : parseFloat(v);
    case 's': {
      if (v === undefined) return undefined;
      const i = parseInt(v, 10);
      if (!(i >= 0 && i < strings.length)) throw new Unsupported();
      return strings[i] ?? null;
    }
    case 'str':
      return v === undefined ? '' : unescapeXml(v, true);
    case 'inlineStr': {
      const is = inner(body, 'is');
      return is === null ? '' : (stringItem(is) ?? null);
    }
    case 'b':
      return v === '1' || v === 'true' ? 'TRUE' : 'FALSE';
    case 'e':
      return '#错误';
    default:
      throw new Unsupported();
  }
}

function readSheet(xml: string, strings: readonly (string | undefined)[]): Omit<RawSheet, 'name' | 'hidden'> {
  const dimension = /<dimension\b[^<>]*>/.exec(xml);
  const declared = dimension ? attr(dimension[0], 'ref') : undefined;
  const rows: (GridCell[] | undefined)[] = [];
  const guess = { r0: Infinity, c0: Infinity, r1: -1, c1: -1 };
  const dataStart = xml.indexOf('<sheetData');
  // A prefixed <x:sheetData> (namespace prefixes) is left to SheetJS.
  if (dataStart < 0) throw new Unsupported();
  const dataEnd = xml.indexOf('</sheetData>', dataStart);
  let p = xml.indexOf('>', dataStart) + 1;
  const end = dataEnd < 0 ? p : dataEnd;
  let rowIndex = -1;
  while (p < end) {
    const rowAt = xml.indexOf('<row', p);
    if (rowAt < 0 || rowAt >= end) break;
    const tagEnd = xml.indexOf('>', rowAt);
    const rowTag = xml.slice(rowAt, tagEnd + 1);
    const r = attr(rowTag, 'r');
    rowIndex = r !== undefined ? parseInt(r, 10) - 1 : rowIndex + 1;
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      p = tagEnd + 1;
      continue;
    }
    const rowEnd = xml.indexOf('</row>', tagEnd);
    if (rowEnd < 0 || rowEnd > end) throw new Unsupported();
    let col = -1;
    let q = tagEnd + 1;
    while (q < rowEnd) {
      const c = xml.indexOf('<c', q);
      if (c < 0 || c >= rowEnd) break;
      const after = xml.charCodeAt(c + 2);
      if (after !== 32 && after !== 47 && after !== 62) throw new Unsupported();
      const cEnd = xml.indexOf('>', c);
      const cellTag = xml.slice(c, cEnd + 1);
      let body = '';
      if (xml.charCodeAt(cEnd - 1) === 47) q = cEnd + 1;
      else {
        const close = xml.indexOf('</c>', cEnd);
        if (close < 0 || close > rowEnd) throw new Unsupported();
        body = xml.slice(cEnd + 1, close);
        q = close + 4;
      }
      const ref = attr(cellTag, 'r');
      col = ref !== undefined ? columnOf(ref) : col + 1;
      const row = ref !== undefined ? rowOf(ref) : rowIndex;
      const value = cellValue(attr(cellTag, 't'), body, strings);
      if (value === undefined) continue;
      if (row < 0 || col < 0) throw new Unsupported();
      (rows[row] ??= [])[col] = value;
      if (row < guess.r0) guess.r0 = row;
      if (row > guess.r1) guess.r1 = row;
      if (col < guess.c0) guess.c0 = col;
      if (col > guess.c1) guess.c1 = col;
    }
    p = rowEnd + 6;
  }
  const merges: CellRange[] = [];
  for (const m of xml.slice(Math.max(0, end)).matchAll(/<(?:\w+:)?mergeCell ref=["']([A-Z0-9:]+)['"]\s*[/]?>/g)) {
    const range = XLSX.utils.decode_range(m[1] ?? '');
    merges.push({ s: { r: range.s.r, c: range.s.c }, e: { r: range.e.r, c: range.e.c } });
  }
  const spanned = guess.r1 >= 0 ? XLSX.utils.encode_range({ s: { r: guess.r0, c: guess.c0 }, e: { r: guess.r1, c: guess.c1 } }) : null;
  return { ref: declared ?? spanned, rows, merges };
}

function relTargets(xml: string | null): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  for (const m of (xml ?? '').matchAll(/<(?:\w+:)?Relationship\b[^<>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) out.set(id, { type: attr(m[0], 'Type') ?? '', target: target.startsWith('/') ? target.slice(1) : `xl/${target}` });
  }
  return out;
}

function declaredWorksheets(xml: string | null): Set<string> {
  const out = new Set<string>();
  for (const m of (xml ?? '').matchAll(/<Override\b[^<>]*>/g)) {
    const part = attr(m[0], 'PartName');
    if (part && attr(m[0], 'ContentType') === WORKSHEET_TYPE) out.add(part.replace(/^\//, ''));
  }
  return out;
}

/** The workbook's sheets, or null when this file should go to SheetJS. */
export function readXlsxSheets(buf: Buffer, entries: readonly ZipEntry[], maxSheets: number): RawSheet[] | null {
  try {
    const byName = new Map(entries.map((e) => [e.name, e]));
    const workbook = entryText(buf, byName.get('xl/workbook.xml'));
    // SheetJS finds worksheets through the declared content types; a part not declared there
    // reads differently, so such a file is left to it.
    const worksheets = declaredWorksheets(entryText(buf, byName.get('[Content_Types].xml')));
    const rels = relTargets(entryText(buf, byName.get('xl/_rels/workbook.xml.rels')));
    if (!workbook || rels.size === 0 || /<\w+:sheet\b/.test(workbook)) return null;
    const sst = [...rels.values()].find((r) => SHARED_STRINGS_REL.test(r.type));
    const strings = sharedStrings(sst ? entryText(buf, byName.get(sst.target)) : null);
    const out: RawSheet[] = [];
    for (const m of workbook.matchAll(/<sheet\b[^<>]*>/g)) {
      if (out.length >= maxSheets) break;
      const tag = m[0];
      const id = tag.match(/\s\w+:id\s*=\s*"([^"]*)"/)?.[1];
      const rel = id ? rels.get(id) : undefined;
      if (!rel || !WORKSHEET_REL.test(rel.type) || !worksheets.has(rel.target)) return null;
      const xml = entryText(buf, byName.get(rel.target));
      if (xml === null) return null;
      const state = attr(tag, 'state');
      out.push({ name: unescapeXml(attr(tag, 'name') ?? ''), hidden: state === 'hidden' || state === 'veryHidden', ...readSheet(xml, strings) });
    }
    return out.length ? out : null;
  } catch (err) {
    if (err instanceof Unsupported) return null;
    throw err;
  }
}
