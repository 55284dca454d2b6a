// Writing tables for people to open in Excel or WPS. Text that a spreadsheet would run as a
// formula is neutralised with a leading apostrophe. Files appear whole or not at all: they are
// written under a hidden name beside the target and renamed, so a crash never leaves half a file.
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { FORMULA_START } from '../../../shared/import/values';
import type { Cell, DataTable } from '../../../shared/templates/layouts';

/** Excel (and WPS) refuse a workbook with a longer text in any one cell. */
export const XLSX_CELL_LIMIT = 32_767;
const TRUNCATED = '……（内容超出 Excel 单元格上限，已截断）';
/** CSV pieces are about this long, however long a single field is, so memory stays bounded. */
const CSV_PIECE = 1 << 20;

export function safeText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function safeCell(c: Cell): Cell {
  return typeof c === 'string' ? safeText(c) : c;
}

/** One CSV field in pieces: a long text is quoted and escaped slice by slice, never copied whole. */
function* csvField(c: Cell): Generator<string> {
  if (c === null) return;
  const s = String(c);
  // The apostrophe of safeText, without copying the text to put it in front.
  const lead = typeof c === 'string' && FORMULA_START.test(c) ? "'" : '';
  if (!/[",\r\n]/.test(s)) {
    yield lead;
    yield* slices(s, CSV_PIECE);
    return;
  }
  yield `"${lead}`;
  for (const slice of slices(s, CSV_PIECE)) yield slice.replace(/"/g, '""');
  yield '"';
}

/** `text` in slices of about `size` characters, never splitting a surrogate pair. */
function* slices(text: string, size: number): Generator<string> {
  for (let i = 0; i < text.length; ) {
    let end = Math.min(text.length, i + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield text.slice(i, end);
    i = end;
  }
}

/** The table as CSV text in pieces of about a megabyte: short fields gathered, long ones cut. */
export function* csvPieces(table: DataTable): Generator<string> {
  let pending = '';
  for (const row of [table.headers, ...table.rows]) {
    for (let c = 0; c < row.length; c++) {
      if (c > 0) pending += ',';
      for (const piece of csvField(row[c] ?? null)) {
        if (pending.length + piece.length > CSV_PIECE) {
          if (pending) yield pending;
          pending = '';
        }
        pending += piece;
      }
    }
    pending += '\r\n';
    if (pending.length >= CSV_PIECE) {
      yield pending;
      pending = '';
    }
  }
  if (pending) yield pending;
}

/** CSV into a stream, piece by piece, waiting whenever the reader falls behind. */
export async function writeCsvStream(table: DataTable, out: NodeJS.WritableStream): Promise<void> {
  for (const piece of csvPieces(table)) if (!out.write(piece)) await once(out, 'drain');
}

/** Writes `write(fd)` to a hidden file beside `target`, then renames it onto `target`. */
export function writeFileWhole(target: string, write: (fd: number) => void): void {
  const abs = path.resolve(target);
  const part = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.part`);
  const fd = fs.openSync(part, 'w');
  try {
    try {
      write(fd);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(part, abs);
  } catch (err) {
    fs.rmSync(part, { force: true });
    throw err;
  }
}

export function writeBytesWhole(target: string, bytes: Uint8Array): void {
  writeFileWhole(target, (fd) => fs.writeSync(fd, bytes));
}

/** UTF-8 with a byte-order mark, so Excel on Chinese Windows does not read it as GBK. */
export function writeCsvFile(table: DataTable, target: string): void {
  writeFileWhole(target, (fd) => {
    fs.writeSync(fd, '\ufeff');
    for (const piece of csvPieces(table)) fs.writeSync(fd, piece);
  });
}

export interface XlsxOutput {
  bytes: Buffer;
  /** One line per cell cut to Excel's limit, naming its row and column, in Chinese. */
  truncated: string[];
}

/**
 * A cell as Excel takes it: formulas neutralised, a text over Excel's limit cut and marked at
 * its end, with a line naming `where` added to `truncated`.
 */
export function fitXlsxCell(c: Cell, where: string, truncated: string[]): Cell {
  const cell = safeCell(c);
  if (typeof cell !== 'string' || cell.length <= XLSX_CELL_LIMIT) return cell;
  truncated.push(`${where}的内容有 ${cell.length} 个字符，超出 Excel 每个单元格 ${XLSX_CELL_LIMIT} 个字符的上限，已截断（完整内容请导出为 CSV）。`);
  return [...slices(cell, XLSX_CELL_LIMIT - TRUNCATED.length)][0] + TRUNCATED;
}

/**
 * A text longer than Excel allows in a cell is cut, marked at its end, and reported: the planner
 * still gets the workbook, and learns which cell to fix (the CSV export keeps the whole text).
 */
export function toXlsx(table: DataTable): XlsxOutput {
  const truncated: string[] = [];
  const rows = table.rows.map((r, i) => r.map((c, col) => fitXlsxCell(c, `第 ${i + 2} 行“${table.headers[col] ?? `第 ${col + 1} 列`}”`, truncated)));
  const sheet = XLSX.utils.aoa_to_sheet([table.headers, ...rows]);
  sheet['!cols'] = table.headers.map((h) => ({ wch: Math.max(8, Math.min(28, h.length * 2 + 2)) }));
  sheet['!freeze'] = { xSplit: 0, ySplit: 1 };
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, table.sheet);
  return { bytes: XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer, truncated };
}

export function toXlsxBytes(table: DataTable): Buffer {
  return toXlsx(table).bytes;
}
