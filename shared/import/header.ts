// Finding the header: the row (or two or three rows, for grouped headers with merged cells)
// whose cells best name known fields, below any title and notes rows.
import { parseAge } from './ages';
import { parseMetric, parseSex } from './grades';
import { cellAt, isBlank, rowWidth, type GridCell, type SheetGrid } from './grid';
import type { ImportKind } from './kinds';
import { IMPORT_KIND_REGISTRY, recogniseColumn } from './kinds/registry';
import { cellText, columnLetter, normaliseHeader } from './normalise';
import type { RecogniseContext } from './recognise';
import { isTotalLabel } from './townships';

export interface HeaderColumn {
  index: number;
  letter: string;
  /** Header cells of this column, top to bottom, with merged and grouped cells filled in. */
  parts: string[];
  /** What the planner sees: parts joined with ' / '. */
  label: string;
}

export interface HeaderBand {
  /** 0-based rows; Excel shows first + 1 … last + 1. */
  first: number;
  last: number;
  columns: HeaderColumn[];
  /** A year named in the title rows above the header (2024年…统计表), to propose. */
  titleYear: number | null;
}

/** Rows searched for a header: titles and notes above it rarely take more. */
export const HEADER_SEARCH_ROWS = 40;
const MAX_HEADER_ROWS = 3;
const MIN_SCORE = 1.5;
const ADMIN_LINE = /^(填报|填表|报送|制表|单位[:：]|统计时间|统计日期|数据截至|说明|注[:：])/;

function isYearNumber(v: GridCell): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1949 && v <= 2100;
}

function isNumberLike(v: GridCell): boolean {
  if (typeof v === 'number') return true;
  return typeof v === 'string' && /^[\d,.\s]+$/.test(v.length > 40 ? v.slice(0, 40) : v) && /\d/.test(v);
}

function nonBlank(sheet: SheetGrid, r: number, width: number): { c: number; v: GridCell }[] {
  const out: { c: number; v: GridCell }[] = [];
  const row = sheet.rows[r];
  if (!row) return out;
  const w = Math.min(width, row.length);
  for (let c = 0; c < w; c++) {
    const v = row[c] ?? null;
    if (!isBlank(v)) out.push({ c, v });
  }
  return out;
}

function rowScore(kind: ImportKind, sheet: SheetGrid, r: number, width: number, ctx: RecogniseContext): number {
  const cells = nonBlank(sheet, r, width);
  if (cells.length < 2) return 0;
  const yearHeaders = IMPORT_KIND_REGISTRY[kind].yearHeaders === true;
  let score = 0;
  for (const { v } of cells) {
    if (yearHeaders && isYearNumber(v)) score += 0.9;
    else if (isNumberLike(v)) score -= 0.5;
    else {
      const text = cellText(v);
      if (ADMIN_LINE.test(text)) continue;
      const rec = recogniseColumn(kind, [text], ctx);
      if (rec.target !== 'ignore') score += rec.confidence;
    }
  }
  return score;
}

function isSubLabel(text: string): boolean {
  const c = normaliseHeader(text).compact;
  return parseMetric(c) !== null || parseSex(c) !== null || isTotalLabel(c) || parseAge(c) !== null;
}

function hasMergeAcross(sheet: SheetGrid, r: number): boolean {
  return sheet.merges.some((m) => m.s.r <= r && m.e.r >= r && m.e.c > m.s.c);
}

/** A row just above the best one that groups its columns (一年级 over 班数 | 学生数). */
function isGroupRowAbove(kind: ImportKind, sheet: SheetGrid, r: number, width: number, ctx: RecogniseContext): boolean {
  const cells = nonBlank(sheet, r, width);
  if (cells.length < 2) return false;
  const yearHeaders = IMPORT_KIND_REGISTRY[kind].yearHeaders === true;
  if (cells.some(({ v }) => isNumberLike(v) && !(yearHeaders && isYearNumber(v)))) return false;
  if (cells.some(({ v }) => ADMIN_LINE.test(cellText(v)))) return false;
  if (hasMergeAcross(sheet, r)) return true;
  return cells.some(({ v }) => recogniseColumn(kind, [cellText(v)], ctx).confidence >= 0.5);
}

/** A row just below the best one that splits its columns (班数 | 学生数, 男 | 女). */
function isSubRowBelow(kind: ImportKind, sheet: SheetGrid, r: number, width: number, ctx: RecogniseContext): boolean {
  const cells = nonBlank(sheet, r, width);
  if (cells.length < 2) return false;
  if (cells.some(({ v }) => isNumberLike(v))) return false;
  const kinds = cells.map(({ v }) => {
    const text = cellText(v);
    if (isSubLabel(text)) return 'label';
    if (recogniseColumn(kind, [text], ctx).confidence < 0.5) return null;
    return text.length > 1 ? 'label' : 'letter';
  });
  const sub = kinds.filter((k) => k !== null).length;
  // A single letter (X/Y/E/N coordinates) is as likely a junk value in the first data row as
  // a sub-heading: it counts only in a row that is sub-headings throughout.
  if (kinds.includes('letter')) return sub === cells.length;
  return sub * 2 >= cells.length;
}

function titleYear(sheet: SheetGrid, before: number, width: number): number | null {
  for (let r = 0; r < before; r++) {
    for (const { v } of nonBlank(sheet, r, width)) {
      const m = /((?:19|20)\d{2})\s*(?:年|学年|-|—|至)/.exec(cellText(v, 200));
      if (m) return Number(m[1]);
    }
  }
  return null;
}

/** Header cells of the band with merged ranges and unmerged group labels filled in. */
export function headerColumns(sheet: SheetGrid, first: number, last: number, width: number): HeaderColumn[] {
  const band: string[][] = [];
  for (let r = first; r <= last; r++) {
    band.push(Array.from({ length: width }, (_, c) => cellText(cellAt(sheet.rows, r, c)).trim()));
  }
  for (const m of sheet.merges) {
    if (m.e.r < first || m.s.r > last || m.s.c >= width) continue;
    // The value sits in the merge's top-left cell, which may be above the band.
    const value = cellText(cellAt(sheet.rows, m.s.r, m.s.c)).trim();
    for (let r = Math.max(m.s.r, first); r <= Math.min(m.e.r, last); r++) {
      const row = band[r - first] as string[];
      for (let c = m.s.c; c <= Math.min(m.e.c, width - 1); c++) row[c] = value;
    }
  }
  // Without merges (CSV, some WPS exports) a group label stands over its first sub-column
  // only: carry it right while the row below keeps naming sub-columns.
  for (let i = 0; i < band.length - 1; i++) {
    const row = band[i] as string[];
    const below = band[i + 1] as string[];
    for (let c = 1; c < width; c++) {
      if (row[c] === '' && below[c] !== '' && row[c - 1] !== '' && below[c - 1] !== '' && isSubLabel(below[c] as string)) {
        row[c] = row[c - 1] as string;
      }
    }
  }
  return Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (const row of band) {
      const p = row[c] as string;
      if (p !== '' && parts[parts.length - 1] !== p) parts.push(p);
    }
    return { index: c, letter: columnLetter(c), parts, label: parts.join(' / ') };
  });
}

export function detectHeader(
  kind: ImportKind,
  sheet: SheetGrid,
  ctx: RecogniseContext,
  override?: { first: number; last: number },
): HeaderBand | null {
  const width = rowWidth(sheet.rows);
  if (width === 0) return null;
  if (override) {
    const first = Math.max(0, override.first);
    const last = Math.min(Math.max(first, override.last), first + MAX_HEADER_ROWS - 1);
    if (first >= sheet.rows.length) return null;
    return { first, last, columns: headerColumns(sheet, first, last, width), titleYear: titleYear(sheet, first, width) };
  }
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < limit; r++) {
    const s = rowScore(kind, sheet, r, width, ctx);
    if (s > bestScore + 1e-9) {
      best = r;
      bestScore = s;
    }
  }
  if (best < 0 || bestScore < MIN_SCORE) return null;
  let first = best;
  let last = best;
  while (first > 0 && last - first + 1 < MAX_HEADER_ROWS && isGroupRowAbove(kind, sheet, first - 1, width, ctx)) first--;
  while (last + 1 < sheet.rows.length && last - first + 1 < MAX_HEADER_ROWS && isSubRowBelow(kind, sheet, last + 1, width, ctx)) last++;
  return { first, last, columns: headerColumns(sheet, first, last, width), titleYear: titleYear(sheet, first, width) };
}
