// Rows that add up other rows of the same table: a census table by 区县 starts with 全国 and
// has a row per province and city above their counties. Importing them would count every
// person two or three times, so a row is recognised as an aggregate when its counts equal
// the sum of the rows right below it (aggregates found already left out), and skipped.
import type { GridCell } from './grid';
import { parseCount } from './values';

export interface AggregateRow {
  /** Excel row numbers of the first and last row it adds up. */
  from: number;
  to: number;
}

/**
 * Aggregate rows among `rows` (0-based sheet rows from `first`), judged on the sum of the
 * `columns` given (the age columns): bottom-up, so that a province's row is compared with its
 * counties, not with its cities' rows as well. Keys are 0-based sheet rows.
 */
export function findAggregateRows(rows: readonly (readonly GridCell[] | undefined)[], first: number, columns: readonly number[]): Map<number, AggregateRow> {
  const totals: { row: number; total: number }[] = [];
  for (let r = first; r < rows.length; r++) {
    let total = 0;
    let any = false;
    for (const c of columns) {
      const p = parseCount(rows[r]?.[c] ?? null);
      if (p.ok && p.value !== null) {
        total += p.value;
        any = true;
      }
    }
    if (any) totals.push({ row: r, total });
  }
  const found = new Map<number, AggregateRow>();
  for (let i = totals.length - 2; i >= 0; i--) {
    const self = totals[i] as { row: number; total: number };
    if (self.total <= 0) continue;
    let sum = 0;
    let parts = 0;
    for (let j = i + 1; j < totals.length; j++) {
      const t = totals[j] as { row: number; total: number };
      if (found.has(t.row)) continue;
      sum += t.total;
      parts++;
      if (sum === self.total && parts >= 2) {
        found.set(self.row, { from: (totals[i + 1] as { row: number }).row + 1, to: t.row + 1 });
        break;
      }
      if (sum > self.total) break;
    }
  }
  return found;
}
