// Reads one row's mapped cells, reporting each bad value with its row, column and value.
import { cellOf, columnName, type MappedColumn, type RowCells } from './columns';
import { isBlank } from './grid';
import { valueMessage, type IssueList } from './issues';
import { MAX_NAME_LENGTH, nameTooLongMessage } from '../domain/names';
import { MAX_FIELD_TEXT } from './limits';
import { compactText, shownValue } from './normalise';
import { isTotalLabel } from './townships';
import { parseAmount, parseCode, parseCount, parseYear, plainText, type Parsed } from './values';

export class RowReader {
  private errors = 0;

  constructor(
    private readonly issues: IssueList,
    readonly cells: RowCells,
    /** Excel row number. */
    readonly row: number,
  ) {}

  get hasErrors(): boolean {
    return this.errors > 0;
  }

  /** Counts an error another component has already reported for this row (an unknown township). */
  markError(): void {
    this.errors++;
  }

  at(col: MappedColumn | undefined) {
    return { row: this.row, column: col ? columnName(col) : '', value: col ? shownValue(cellOf(this.cells, col)) : '' };
  }

  error(code: string, message: string, col?: MappedColumn, value?: string): void {
    this.errors++;
    this.issues.error(code, message, { ...this.at(col), ...(value !== undefined ? { value } : {}) });
  }

  warning(code: string, message: string, col?: MappedColumn): void {
    this.issues.warning(code, message, this.at(col));
  }

  info(code: string, message: string, col?: MappedColumn): void {
    this.issues.info(code, message, this.at(col));
  }

  /**
   * Whether `label` (read from `col`) makes this a 合计 row; such a row is counted as skipped
   * and reported, and the caller passes it over.
   */
  skipsTotal(label: string, col: MappedColumn | undefined, counts: { rowsSkipped: number }): boolean {
    if (!isTotalLabel(label)) return false;
    counts.rowsSkipped++;
    this.info('TOTAL_ROW_SKIPPED', `“${shownValue(label)}”是合计行，已跳过。`, col);
    return true;
  }

  blank(col: MappedColumn | undefined): boolean {
    return isBlank(cellOf(this.cells, col));
  }

  private take<T>(col: MappedColumn | undefined, parsed: Parsed<T>, what: string, suffix = ''): T | null {
    if (!col) return null;
    if (parsed.ok) return parsed.value;
    this.error(parsed.problem, valueMessage(parsed.problem, what + suffix), col);
    return null;
  }

  /** `what` + `suffix` names the value in a message; they are joined only when one is needed. */
  count(col: MappedColumn | undefined, what: string, suffix = ''): number | null {
    return col ? this.take(col, parseCount(cellOf(this.cells, col)), what, suffix) : null;
  }

  amount(col: MappedColumn | undefined, what: string): number | null {
    return this.take(col, parseAmount(cellOf(this.cells, col)), what);
  }

  year(col: MappedColumn | undefined): number | null {
    return this.take(col, parseYear(cellOf(this.cells, col)), '年份');
  }

  code(col: MappedColumn | undefined, what: string): string | null {
    return this.take(col, parseCode(cellOf(this.cells, col)), what);
  }

  /** A township or school name: whole, or refused (with the limit named) when longer than names may be. */
  name(col: MappedColumn | undefined, what: string): string {
    const text = this.text(col, what);
    if (text.length <= MAX_NAME_LENGTH) return text;
    this.error('NAME_TOO_LONG', nameTooLongMessage(what, text.length), col);
    return '';
  }

  /** Text of a name-like cell; over-long text is refused rather than cut. */
  text(col: MappedColumn | undefined, what: string): string {
    if (!col) return '';
    const raw = cellOf(this.cells, col);
    if (typeof raw === 'string' && raw.length > MAX_FIELD_TEXT) {
      this.error('TOO_LONG', valueMessage('TOO_LONG', what), col);
      return '';
    }
    return plainText(raw);
  }
}

const NOTE_START = /^(注|说明|备注|填表|填报|制表|审核|负责人|单位负责人|联系电话|统计负责人|数据来源)/;

/** A notes line under (or inside) the table: one or two cells of text starting 注/说明/填表人… */
export function isNoteRow(cells: RowCells): boolean {
  if (!cells) return false;
  let first = '';
  let n = 0;
  for (const v of cells) {
    if (isBlank(v)) continue;
    n++;
    if (n === 1) first = compactText(v, 40);
    if (n > 2) return false;
  }
  return n > 0 && NOTE_START.test(first);
}

/** The example row of a blank template, marked “（示例）”: never imported. */
export function isExampleRow(cells: RowCells): boolean {
  if (!cells) return false;
  // Most cells never contain 示例: test that before paying for normalisation.
  for (const v of cells) if (typeof v === 'string' && v.length < 100 && v.includes('示例') && v.normalize('NFKC').includes('(示例)')) return true;
  return false;
}

/**
 * The data rows of a sheet that a planner should look at, each with its reader: blank rows
 * are passed over, every other row is counted as read, and notes lines and the template's
 * example row are counted as skipped and reported. When the mapping already blocks the
 * import, rows are still counted but none is yielded.
 */
export function* dataRows(
  sheet: { rows: readonly RowCells[] },
  firstDataRow: number,
  mapped: readonly MappedColumn[],
  issues: IssueList,
  counts: { rowsRead: number; rowsSkipped: number },
  blocked: boolean,
): Generator<RowReader> {
  for (let r = firstDataRow; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    const reader = new RowReader(issues, cells, r + 1);
    if (mapped.every((c) => reader.blank(c))) continue;
    counts.rowsRead++;
    if (blocked) continue;
    if (isNoteRow(cells)) {
      counts.rowsSkipped++;
      reader.info('NOTE_ROW_SKIPPED', '说明或落款行，已跳过。');
      continue;
    }
    if (isExampleRow(cells)) {
      counts.rowsSkipped++;
      reader.info('EXAMPLE_ROW_SKIPPED', '模板中的示例行（标有“（示例）”），已跳过。');
      continue;
    }
    yield reader;
  }
}
