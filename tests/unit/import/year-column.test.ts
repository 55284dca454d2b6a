// A column is the year only if its values are years; a year the planner gives wins over the
// file's column, and a column that disagrees is reported once, not obeyed.
import { describe, expect, it } from 'vitest';
import { analyseSheet, planImport, type GridCell, type ValidateContext } from '../../../shared/import';
import { context, recogniseCtx, sheet } from './grids';

function plan(rows: GridCell[][], over: Partial<ValidateContext> = {}) {
  const grid = sheet(rows);
  const a = analyseSheet('schools', grid, recogniseCtx);
  if (!a.header) throw new Error('no header');
  return { columns: a.columns, plan: planImport('schools', grid, a, a.columns, context(over)) };
}

const TRADITIONAL = ['學校名稱', '鄉鎮', '一年級男學生數', '一年級女學生數', '上學年男畢業生', '上學年女畢業生', '專任教師數'];

describe('the year column', () => {
  it('does not take a graduates count for the year, and imports with the year given', () => {
    const { columns, plan: p } = plan(
      [TRADITIONAL, ['甲小學', '城关镇', 30, 28, 25, 24, 20], ['乙小學', '城关镇', 12, 11, 9, 8, 6]],
      { year: 2024 },
    );
    const graduates = columns.filter((c) => c.label.includes('畢業'));
    expect(graduates.map((c) => c.target)).toEqual(['ignore', 'ignore']);
    expect(p.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(p.counts).toMatchObject({ rowsRead: 2, rowsImported: 2, rowsRejected: 0 });
    const students = p.enrolment.flatMap((e) => e.records).reduce((s, r) => s + r.students, 0);
    expect(students).toBe(30 + 28 + 12 + 11);
    expect(new Set(p.enrolment.map((e) => e.year))).toEqual(new Set([2024]));
  });

  it('keeps a column named 学年 whose values are years', () => {
    const { columns } = plan([['学年', '学校名称', '乡镇', '一年级学生数'], ['2023-2024学年', '甲小学', '城关镇', 30]], { year: null });
    expect(columns[0]?.target).toBe('year');
  });

  it('obeys the year given over a year column that disagrees, and warns once', () => {
    const { plan: p } = plan(
      [['年份', '学校名称', '乡镇', '一年级学生数'], [2023, '甲小学', '城关镇', 30], [2023, '乙小学', '城关镇', 20], [2024, '丙小学', '城关镇', 10]],
      { year: 2024 },
    );
    expect(new Set(p.enrolment.map((e) => e.year))).toEqual(new Set([2024]));
    const conflicts = p.issues.filter((i) => i.code === 'YEAR_COLUMN_CONFLICT');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ severity: 'warning', row: 2, column: 'A 列（年份）', value: '2023' });
    expect(conflicts[0]?.message).toMatch(/有 2 行.*按指定的 2024 年导入/);
  });

  it('reads the year column when no year is given', () => {
    const { plan: p } = plan([['年份', '学校名称', '乡镇', '一年级学生数'], [2023, '甲小学', '城关镇', 30]], { year: null });
    expect(p.enrolment.map((e) => e.year)).toEqual([2023]);
    expect(p.issues.filter((i) => i.code === 'YEAR_COLUMN_CONFLICT')).toEqual([]);
  });
});
