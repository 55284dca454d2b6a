// Writing tables for people to open in Excel or WPS. Text that a spreadsheet would run as a
// formula is neutralised with a leading apostrophe.
import * as XLSX from 'xlsx';
import { FORMULA_START } from '../../../shared/import/values';
import type { Cell, DataTable } from '../../../shared/templates/layouts';

export function safeText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function safeCell(c: Cell): Cell {
  return typeof c === 'string' ? safeText(c) : c;
}

function csvField(c: Cell): string {
  if (c === null) return '';
  const s = typeof c === 'number' ? String(c) : safeText(c);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(table: DataTable): string {
  return [table.headers, ...table.rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** UTF-8 with a byte-order mark, so Excel on Chinese Windows does not read it as GBK. */
export function toCsvFileBytes(table: DataTable): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(toCsv(table), 'utf8')]);
}

export function toXlsxBytes(table: DataTable): Buffer {
  const sheet = XLSX.utils.aoa_to_sheet([table.headers, ...table.rows.map((r) => r.map(safeCell))]);
  sheet['!cols'] = table.headers.map((h) => ({ wch: Math.max(8, Math.min(28, h.length * 2 + 2)) }));
  sheet['!freeze'] = { xSplit: 0, ySplit: 1 };
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, table.sheet);
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}
