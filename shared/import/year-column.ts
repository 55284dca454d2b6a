// Which year a row belongs to. A column whose header looks like a year (学年, 年度 …) is the
// year only if its values are years: 上学年男毕业生 is a count. A year the planner gives
// (--year, the wizard) wins over the file's column; rows whose column says otherwise are
// reported once, not obeyed.
import { cellOf, columnName, type MappedColumn } from './columns';
import { cellAt, isBlank, type SheetGrid } from './grid';
import type { HeaderBand } from './header';
import type { IssueList } from './issues';
import type { RowReader } from './row-reader';
import { parseYear } from './values';

/** Rows looked at to decide whether a column holds years. */
const YEAR_SAMPLE_ROWS = 200;

/**
 * Whether a column's data values are years: at least half of its first non-blank values
 * parse as years 1949–2100 (a year column may have a stray note; a count column never passes).
 */
export function holdsYears(sheet: SheetGrid, header: HeaderBand, column: number): boolean {
  let seen = 0;
  let years = 0;
  for (let r = header.last + 1; r < sheet.rows.length && seen < YEAR_SAMPLE_ROWS; r++) {
    const v = cellAt(sheet.rows, r, column);
    if (isBlank(v)) continue;
    seen++;
    const p = parseYear(v);
    if (p.ok && p.value !== null) years++;
  }
  return seen === 0 || years * 2 >= seen;
}

/** Reads each row's year: the planner's year if given, else the file's year column. */
export class RowYears {
  private conflicts = 0;
  private first: { row: number; value: number } | null = null;

  constructor(
    private readonly given: number | null,
    private readonly col: MappedColumn | undefined,
  ) {}

  /** The row's year: the planner's, else the column's (a bad value reported on the row). */
  of(reader: RowReader): number | null {
    if (this.given === null) return this.col ? reader.year(this.col) : null;
    if (this.col) {
      const p = parseYear(cellOf(reader.cells, this.col));
      if (p.ok && p.value !== null && p.value !== this.given) {
        this.conflicts++;
        this.first ??= { row: reader.row, value: p.value };
      }
    }
    return this.given;
  }

  /** One warning for all rows whose year column disagrees with the planner's year. */
  report(issues: IssueList): void {
    if (!this.col || !this.first || this.given === null) return;
    issues.warning(
      'YEAR_COLUMN_CONFLICT',
      `${columnName(this.col)}有 ${this.conflicts} 行的年份与指定的 ${this.given} 年不同（如第 ${this.first.row} 行为 ${this.first.value}），已按指定的 ${this.given} 年导入。如应按表中年份导入，请清空导入设置中的年份后重试。`,
      { row: this.first.row, column: columnName(this.col), value: String(this.first.value) },
    );
  }
}
