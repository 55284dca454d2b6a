// Numbers as the annexes print them. The XLSX renderer writes the raw number with the
// matching Excel format (NUMBER_FORMAT), so a spreadsheet shows exactly this text.
import type { Cell, Column, FormattedNumber, NumberKind } from './model';

export const NUMBER_FORMAT: Record<NumberKind, string> = {
  integer: '#,##0',
  serial: '0',
  rate: '0.0',
  percent: '0.0%',
  coefficient: '0.000',
};

function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatNumber(value: number, kind: NumberKind): string {
  if (!Number.isFinite(value)) return '';
  switch (kind) {
    case 'integer': {
      const r = Math.round(value);
      // -0 and values that round to 0 print as "0", as Excel does.
      return r === 0 ? '0' : `${r < 0 ? '-' : ''}${grouped(String(Math.abs(r)))}`;
    }
    case 'serial':
      return String(Math.round(value));
    case 'rate':
      return fixed(value, 1);
    case 'percent':
      return `${fixed(value * 100, 1)}%`;
    case 'coefficient':
      return fixed(value, 3);
  }
}

function fixed(value: number, digits: number): string {
  const s = value.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

export function isFormattedNumber(cell: Cell): cell is FormattedNumber {
  return typeof cell === 'object' && cell !== null;
}

/** The number in a cell and how to show it; null for text and empty cells. */
export function cellNumber(cell: Cell, column: Column | undefined): { value: number; kind: NumberKind } | null {
  if (isFormattedNumber(cell)) return Number.isFinite(cell.value) ? cell : null;
  if (typeof cell !== 'number' || !Number.isFinite(cell)) return null;
  const kind = column && column.kind !== 'text' ? column.kind : 'integer';
  return { value: cell, kind };
}

export function cellText(cell: Cell, column: Column | undefined): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  const n = cellNumber(cell, column);
  return n ? formatNumber(n.value, n.kind) : '';
}

/** Display width in Latin characters: CJK and full-width characters count 2. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w += c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 || c === 0x2014 || c === 0x33a1) ? 2 : 1;
  }
  return w;
}

/** Text alignment of a column: numbers right, short codes centred, names left. */
export function columnAlign(column: Column): 'left' | 'center' | 'right' {
  if (column.align) return column.align;
  if (column.kind === 'serial') return 'center';
  return column.kind === 'text' ? 'left' : 'right';
}

/** Alignment of one cell: numbers right (serial numbers centred), text as its column says. */
export function cellAlign(cell: Cell, column: Column | undefined): 'left' | 'center' | 'right' {
  const n = cellNumber(cell, column);
  if (n) return n.kind === 'serial' ? 'center' : 'right';
  return column ? columnAlign(column) : 'left';
}
