// A 合计 row in the name column of a per-school or village table is passed over and said so,
// with its row and column; a school or village that merely has a code is never taken for one.
import { describe, expect, it } from 'vitest';
import { analyseSheet, planImport, type GridCell, type ImportKind, type ImportPlan } from '../../../shared/import';
import { context, recogniseCtx, sheet } from './grids';

function plan(kind: ImportKind, rows: GridCell[][]): ImportPlan {
  const grid = sheet(rows);
  const a = analyseSheet(kind, grid, recogniseCtx);
  if (!a.header) throw new Error(`no header: ${a.issues.map((i) => i.message).join()}`);
  return planImport(kind, grid, a, a.columns, context());
}

const totals = (p: ImportPlan) => p.issues.filter((i) => i.code === 'TOTAL_ROW_SKIPPED').map((i) => ({ row: i.row, column: i.column, message: i.message }));

describe('合计 rows', () => {
  it('skips the 合计 row of a per-school table', () => {
    const p = plan('special_needs', [['学校名称', '随班就读'], ['城关第一小学', 3], ['小计', 3]]);
    expect(p.counts).toMatchObject({ rowsRead: 2, rowsImported: 1, rowsSkipped: 1, rowsRejected: 0 });
    expect(totals(p)).toEqual([{ row: 3, column: expect.stringContaining('A'), message: '“小计”是合计行，已跳过。' }]);
  });

  it('skips the 合计 row of a village table, but not a village with a code', () => {
    const p = plan('villages', [
      ['乡镇', '村名称', '村级代码', '总人口'],
      ['城关镇', '东关村', '990999001201', 1200],
      ['城关镇', '合计', null, 1200],
      ['城关镇', '合计', '990999001202', 300],
    ]);
    expect(totals(p)).toEqual([{ row: 3, column: expect.stringContaining('B'), message: '“合计”是合计行，已跳过。' }]);
    expect(p.counts).toMatchObject({ rowsRead: 3, rowsSkipped: 1 });
  });
});
