// Geometry every renderer shares: which header cells merge, how wide each column is, which
// body cells a label spans. Computed once here so the PDF, XLSX and DOCX look alike.
import { cellText, displayWidth } from './format';
import type { AnnexTable, Column, Row } from './model';

export interface HeaderCell {
  text: string;
  /** 0-based row and column of the top-left grid cell. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface HeaderLayout {
  /** 1, or 2 when any column sits under a group header. */
  rows: 1 | 2;
  cells: HeaderCell[];
}

export function headerLayout(columns: readonly Column[]): HeaderLayout {
  const twoRows = columns.some((c) => c.group);
  if (!twoRows) return { rows: 1, cells: columns.map((c, col) => ({ text: c.header, row: 0, col, rowSpan: 1, colSpan: 1 })) };
  const cells: HeaderCell[] = [];
  for (let col = 0; col < columns.length; ) {
    const group = columns[col]?.group;
    if (!group) {
      cells.push({ text: columns[col]?.header ?? '', row: 0, col, rowSpan: 2, colSpan: 1 });
      col += 1;
      continue;
    }
    let end = col;
    while (end + 1 < columns.length && columns[end + 1]?.group === group) end += 1;
    cells.push({ text: group, row: 0, col, rowSpan: 1, colSpan: end - col + 1 });
    for (let c = col; c <= end; c++) cells.push({ text: columns[c]?.header ?? '', row: 1, col: c, rowSpan: 1, colSpan: 1 });
    col = end + 1;
  }
  return { rows: 2, cells };
}

/** How many columns the row's first cell covers (group rows: all of them). */
export function labelSpan(row: Row, columnCount: number): number {
  if (row.kind === 'group') return columnCount;
  return Math.max(1, Math.min(row.labelSpan ?? 1, columnCount));
}

const MIN_WIDTH = 4;
const MAX_WIDTH = 40;

/**
 * Column widths in Latin characters: the widest value, the header allowed to wrap onto
 * two lines, and the provider's hint, within sensible bounds.
 */
export function columnWidths(table: AnnexTable): number[] {
  return table.columns.map((column, i) => {
    let content = 0;
    for (const row of table.rows) {
      if (row.kind === 'group') continue;
      const span = labelSpan(row, table.columns.length);
      // A spanning label is spread over its columns, so it does not widen the first one.
      if (span > 1 && i < span) continue;
      content = Math.max(content, displayWidth(cellText(row.cells[i] ?? null, column)));
    }
    // A header may wrap: at its explicit line breaks, else onto two lines.
    const header = column.header.includes('\n')
      ? Math.max(...column.header.split('\n').map(displayWidth))
      : Math.ceil(displayWidth(column.header) / 2);
    const width = Math.max(content, header, column.width ?? 0, MIN_WIDTH);
    return Math.min(MAX_WIDTH, width) + 2;
  });
}

/** Lines a text takes in a column of the given width (for row heights where no engine wraps). */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

/** mm a Latin character takes at a font size (a Chinese character takes two). */
export function mmPerChar(pt: number): number {
  return (pt * 25.4) / 72 / 2;
}

/** 五号, 小五 and, for many columns on narrow paper, 六号: the sizes annex tables are set in. */
export const TABLE_FONT_SIZES = [10.5, 9, 7.5] as const;
const SMALLEST_TABLE_FONT = 7.5;

/** Narrowest a text column is squeezed to: four Chinese characters. */
const MIN_TEXT_CHARS = 8;
/** Cell padding (1.2 mm a side) and the rule, in mm. */
const CELL_PADDING_MM = 2.7;

export interface TableFit {
  /** Font size in points. */
  fontPt: number;
  /** Column widths in mm, adding up to the width given. */
  widthsMm: number[];
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Fits a table to the width of the type area at the largest size at which its numbers keep
 * their natural width (they must not wrap or overflow) and text columns need not shrink
 * below four characters. Text columns give up width in proportion to theirs; spare width
 * is shared out in proportion to every column's.
 */
export function fitTable(table: AnnexTable, widthMm: number): TableFit {
  // columnWidths() includes two characters of padding for spreadsheets; here padding is in mm.
  const natural = columnWidths(table).map((w) => w - 2);
  const isText = table.columns.map((c) => c.kind === 'text');
  const minimum = natural.map((w, i) => (isText[i] ? Math.min(w, MIN_TEXT_CHARS) : w));
  const mm = (chars: readonly number[], pt: number) => chars.map((c) => c * mmPerChar(pt) + CELL_PADDING_MM);
  const fontPt: number = TABLE_FONT_SIZES.find((pt) => sum(mm(minimum, pt)) <= widthMm) ?? SMALLEST_TABLE_FONT;
  const naturalMm = mm(natural, fontPt);
  const minimumMm = mm(minimum, fontPt);
  const scaled = (xs: number[]) => xs.map((x) => (x * widthMm) / sum(xs));
  if (sum(naturalMm) <= widthMm || sum(minimumMm) >= widthMm) return { fontPt, widthsMm: scaled(naturalMm) };
  // Shrink the text columns by one factor, clamping at their minimum; repeat for the rest.
  const fixed = sum(naturalMm.filter((_w, i) => !isText[i]));
  let clamped = new Set<number>();
  let widths = naturalMm;
  for (;;) {
    const flexible = sum(naturalMm.filter((_w, i) => isText[i] && !clamped.has(i)));
    const room = widthMm - fixed - sum([...clamped].map((i) => minimumMm[i] ?? 0));
    const factor = flexible > 0 ? room / flexible : 1;
    const next = new Set(clamped);
    widths = naturalMm.map((w, i) => {
      if (!isText[i]) return w;
      const min = minimumMm[i] ?? 0;
      if (clamped.has(i)) return min;
      if (w * factor < min) next.add(i);
      return Math.max(w * factor, min);
    });
    if (next.size === clamped.size) break;
    clamped = next;
  }
  return { fontPt, widthsMm: scaled(widths) };
}
