import { describe, expect, it } from 'vitest';
import { analyseSheet, planImport, type GridCell, type ImportKind, type ImportPlan, type ValidateContext } from '../../../shared/import';
import type { CellRange } from '../../../shared/import/grid';
import { inferKind, parseOwnership, parseUrbanRural } from '../../../shared/import/school-kind';
import { messySchoolRows } from '../../helpers/import-files';
import { context, recogniseCtx, sheet } from './grids';

function plan(kind: ImportKind, rows: GridCell[][], over: Partial<ValidateContext> = {}, merges: CellRange[] = []): ImportPlan {
  const grid = sheet(rows, merges);
  const a = analyseSheet(kind, grid, recogniseCtx);
  if (!a.header) throw new Error(`no header: ${a.issues.map((i) => i.message).join()}`);
  return planImport(kind, grid, a, a.columns, context(over));
}

const codes = (p: ImportPlan, severity?: string) => p.issues.filter((i) => !severity || i.severity === severity).map((i) => i.code);

describe('school rows', () => {
  it('turns the messy statistics table into schools, grades and staff', () => {
    const { rows, merges } = messySchoolRows();
    const p = plan('schools', rows, {}, merges);
    expect(p.counts).toEqual({ rowsRead: 5, rowsImported: 3, rowsSkipped: 2, rowsRejected: 0 });
    expect(codes(p, 'error')).toEqual([]);
    expect(codes(p)).toEqual(expect.arrayContaining(['TOTAL_ROW_SKIPPED', 'NOTE_ROW_SKIPPED', 'KIND_INFERRED', 'CODE_GENERATED']));
    const total = p.issues.find((i) => i.code === 'TOTAL_ROW_SKIPPED');
    expect(total).toMatchObject({ sheet: 'Sheet1', row: 8 });
    expect(p.schools.map((s) => [s.record.code, s.isNew])).toEqual([
      ['9909990001', false],
      ['9909990002', false],
      ['990999002001', true],
    ]);
    const first = p.enrolment.find((e) => e.school === '9909990001');
    // 男 + 女 summed: 70 + 65 (full-width digits) and 60 + 58.
    expect(first?.records).toEqual([
      { school: '9909990001', year: 2025, stage: 'primary', grade: 1, classes: 3, students: 135 },
      { school: '9909990001', year: 2025, stage: 'primary', grade: 2, classes: 2, students: 118 },
    ]);
    expect(p.staff.find((s) => s.school === '9909990002')).toMatchObject({ teachers: 5 });
    expect(p.schools[2]?.record).toMatchObject({ name: '青山乡新村小学', kind: 'primary', township: '990999002', urbanRural: '乡村', ownership: '公办' });
  });

  it('names sheet, Excel row, column and value in every row issue', () => {
    const p = plan('schools', [['学校名称', '乡镇', '一年级班数', '一年级学生数'], ['甲小学', '城关镇', 2, 'abc'], ['乙小学', '城关镇', -1, 30]]);
    const bad = p.issues.find((i) => i.code === 'NOT_A_NUMBER');
    expect(bad).toMatchObject({ severity: 'error', sheet: 'Sheet1', row: 2, column: 'D 列（一年级学生数）', value: 'abc' });
    expect(bad?.message).toMatch(/应为数字.*请改为/);
    expect(p.issues.find((i) => i.code === 'NEGATIVE')).toMatchObject({ row: 3, column: 'C 列（一年级班数）', value: '-1' });
    expect(p.counts).toMatchObject({ rowsRead: 2, rowsRejected: 2, rowsImported: 0 });
  });

  it('warns about class sizes over 80, students without classes and totals that disagree', () => {
    const p = plan('schools', [
      ['学校名称', '乡镇', '一年级班数', '一年级学生数', '二年级班数', '二年级学生数', '学生数合计'],
      ['甲小学', '城关镇', 1, 95, 0, 12, 100],
    ]);
    expect(codes(p, 'warning').sort()).toEqual(['CLASS_SIZE_HIGH', 'STUDENTS_NO_CLASSES', 'TOTAL_MISMATCH']);
    expect(p.issues.find((i) => i.code === 'TOTAL_MISMATCH')?.message).toMatch(/100.*107/);
    expect(codes(p, 'error')).toEqual([]);
  });

  it('checks a 班级数合计 only against grades that give their classes', () => {
    // No grade gives classes: the total 6 stands alone, nothing to compare.
    const none = plan('schools', [['学校名称', '乡镇', '一年级学生数', '二年级学生数', '班级数合计'], ['甲小学', '城关镇', 30, 31, 6]]);
    expect(codes(none, 'warning')).not.toContain('TOTAL_MISMATCH');
    // 一年级 gives 2 classes, 二年级 none: a total of 3 may hold 二年级's; a total of 1 cannot hold 一年级's 2.
    const header = ['学校名称', '乡镇', '一年级班数', '一年级学生数', '二年级班数', '二年级学生数', '班级数合计'];
    expect(codes(plan('schools', [header, ['甲小学', '城关镇', 2, 60, null, 31, 3]]), 'warning')).not.toContain('TOTAL_MISMATCH');
    const short = plan('schools', [header, ['甲小学', '城关镇', 2, 60, null, 31, 1]]);
    expect(short.issues.find((i) => i.code === 'TOTAL_MISMATCH')?.message).toContain('全校班级数合计 1 与各年级之和 2 不一致');
  });

  it('refuses duplicates within the file and unknown townships, and creates townships when asked', () => {
    const rows: GridCell[][] = [['学校名称', '乡镇', '一年级学生数'], ['甲小学', '城关镇', 30], ['甲小学', '城关镇', 31], ['乙小学', '石桥镇', 20]];
    const p = plan('schools', rows);
    expect(p.issues.find((i) => i.code === 'DUPLICATE_ROW')).toMatchObject({ row: 3 });
    expect(p.issues.find((i) => i.code === 'DUPLICATE_ROW')?.message).toMatch(/第 2 行/);
    expect(p.issues.find((i) => i.code === 'UNKNOWN_TOWNSHIP')).toMatchObject({ row: 4, value: '石桥镇' });
    const created = plan('schools', rows, { createTownships: true });
    expect(created.newTownships).toEqual([{ code: '990999901', name: '石桥镇', kind: '镇', urbanRural: '镇区', area: '' }]);
    expect(codes(created, 'warning')).toContain('NEW_TOWNSHIP');
  });

  it('imports the valid rows only when asked to skip invalid ones', () => {
    const rows: GridCell[][] = [['学校名称', '乡镇', '一年级学生数'], ['甲小学', '城关镇', 30], ['乙小学', '城关镇', 'x']];
    expect(plan('schools', rows).counts.rowsImported).toBe(0);
    const skipping = plan('schools', rows, { skipInvalidRows: true });
    expect(skipping.counts).toMatchObject({ rowsImported: 1, rowsRejected: 1 });
    expect(skipping.schools.map((s) => s.record.name)).toEqual(['甲小学']);
  });

  it('matches existing schools by code, else by name and township, never duplicating them', () => {
    const p = plan('schools', [['学校名称', '乡镇', '一年级学生数'], ['城关第一小学', '城关镇', 140]]);
    expect(p.schools).toHaveLength(1);
    expect(p.schools[0]).toMatchObject({ isNew: false, record: { code: '9909990001', designSeats: 540 } });
  });

  it('reads one row per school and grade (the enrolment export layout)', () => {
    const p = plan('schools', [
      ['年份', '学校标识码', '学校名称', '学段', '年级', '班级数（个）', '在校生数（人）'],
      [2024, '9909990003', '城关九年一贯制学校', '小学', '一年级', 1, 40],
      [2024, '9909990003', '城关九年一贯制学校', '初中', '初一', 2, 100],
      [2024, '9909990003', '城关九年一贯制学校', '初中', '初一', 2, 100],
    ]);
    expect(p.issues.find((i) => i.code === 'DUPLICATE_ROW')).toMatchObject({ row: 4 });
    const ok = plan('schools', [
      ['年份', '学校标识码', '学校名称', '学段', '年级', '班级数（个）', '在校生数（人）'],
      [2024, '9909990003', '城关九年一贯制学校', '小学', '一年级', 1, 40],
      [2024, '9909990003', '城关九年一贯制学校', '初中', '初一', 2, 100],
    ], { year: null });
    expect(ok.enrolment).toEqual([
      {
        school: '9909990003', year: 2024, stages: ['primary', 'junior'],
        records: [
          { school: '9909990003', year: 2024, stage: 'primary', grade: 1, classes: 1, students: 40 },
          { school: '9909990003', year: 2024, stage: 'junior', grade: 1, classes: 2, students: 100 },
        ],
      },
    ]);
  });

  it('keeps totals-only files as totals and says so', () => {
    const p = plan('schools', [['学校名称', '乡镇', '班级数合计', '在校生合计'], ['城关第一小学', '城关镇', 4, 250]], {
      enrolmentTotals: new Map([['9909990001|2025', { classes: 4, students: 248 }]]),
    });
    expect(codes(p, 'warning')).toEqual(expect.arrayContaining(['TOTALS_ONLY', 'TOTAL_DIFFERS_FROM_STORED']));
    expect(p.totals).toEqual([{ school: '9909990001', year: 2025, stage: '', classes: 4, students: 250 }]);
    expect(p.enrolment).toEqual([]);
  });

  it('converts 亩 and 元 in headers to the stored units', () => {
    const p = plan('schools', [['学校名称', '乡镇', '占地面积（亩）', '教学仪器设备值（元）'], ['城关第一小学', '城关镇', 30, 1_500_000]]);
    expect(p.schools[0]?.record).toMatchObject({ siteArea: 20000, equipmentValue: 150 });
    expect(codes(p, 'info')).toContain('UNIT_CONVERTED');
  });

  it('asks for a year when neither the file nor the planner gives one', () => {
    const p = plan('schools', [['学校名称', '乡镇'], ['甲小学', '城关镇']], { year: null });
    expect(p.issues[0]).toMatchObject({ code: 'MISSING_YEAR', row: null });
    expect(p.counts.rowsImported).toBe(0);
  });
});

describe('school kinds', () => {
  it('infers the kind from the name and the grades holding students, and marks conflicts', () => {
    expect(inferKind('城关镇中心幼儿园', new Set())).toMatchObject({ kind: 'kindergarten', conflict: false });
    expect(inferKind('王庄教学点', new Set(['primary']))).toMatchObject({ kind: 'teaching_point' });
    expect(inferKind('石桥镇初级中学', new Set())).toMatchObject({ kind: 'junior' });
    expect(inferKind('城关九年一贯制学校', new Set())).toMatchObject({ kind: 'nine_year' });
    expect(inferKind('县第一高级中学', new Set())).toMatchObject({ kind: 'senior' });
    expect(inferKind('县特殊教育学校', new Set())).toMatchObject({ kind: 'special' });
    expect(inferKind('县职教中心', new Set())).toMatchObject({ kind: 'vocational' });
    expect(inferKind('县第二中学', new Set(['junior', 'senior']))).toMatchObject({ kind: 'complete_middle', conflict: false });
    expect(inferKind('实验学校', new Set(['primary', 'junior']))).toMatchObject({ kind: 'nine_year' });
    expect(inferKind('青山小学', new Set(['primary', 'junior']))).toMatchObject({ kind: 'nine_year', conflict: true });
    expect(inferKind('某某单位', new Set())).toMatchObject({ kind: null });
    expect(parseOwnership('教育部门')).toBe('公办');
    expect(parseOwnership('普惠性民办')).toBe('普惠性民办');
    expect(parseUrbanRural('220')).toBe('乡村');
    expect(parseUrbanRural('镇中心区')).toBe('镇区');
  });
});

describe('population rows', () => {
  it('splits bands into single ages per township (ages as columns)', () => {
    const p = plan('population', [['乡镇（街道）', '0岁', '1-4岁', '5岁', '合计'], ['城关镇', 100, 400, 90, 590], ['合计', 100, 400, 90, 590]]);
    expect(codes(p, 'error')).toEqual([]);
    const ages = p.population.filter((r) => r.township === '990999001').map((r) => [r.age, r.count]);
    expect(ages.map(([a]) => a)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ages.slice(1, 5).reduce((s, [, c]) => s + (c as number), 0)).toBe(400);
    expect(p.counts).toMatchObject({ rowsRead: 2, rowsSkipped: 1, rowsImported: 1 });
    expect(codes(p, 'info')).toContain('AGE_BANDS_SPLIT');
  });

  it('reads census tables with ages as rows and townships (by sex) as columns', () => {
    const p = plan(
      'population',
      [['年龄', '城关镇', null, '青山乡', null], [null, '男', '女', '男', '女'], ['0岁', 5, 6, 1, 2], ['1岁', 7, 8, 3, 4], ['合计', 12, 14, 4, 6]],
      {},
      [{ s: { r: 0, c: 1 }, e: { r: 0, c: 2 } }, { s: { r: 0, c: 3 }, e: { r: 0, c: 4 } }],
    );
    expect(codes(p, 'error')).toEqual([]);
    expect(p.population.filter((r) => r.township === '990999002')).toEqual([
      { township: '990999002', year: 2025, age: 0, sex: 'F', count: 2, source: '导入：测试.xlsx' },
      { township: '990999002', year: 2025, age: 1, sex: 'F', count: 4, source: '导入：测试.xlsx' },
      { township: '990999002', year: 2025, age: 0, sex: 'M', count: 1, source: '导入：测试.xlsx' },
      { township: '990999002', year: 2025, age: 1, sex: 'M', count: 3, source: '导入：测试.xlsx' },
    ]);
  });

  it('reads one row per township, age and sex', () => {
    const p = plan('population', [['乡镇', '年份', '年龄', '性别', '人数'], ['城关镇', 2020, '6岁', '男', 150], ['城关镇', 2020, '6岁', '女', 140], ['城关镇', 2020, '6岁', '男', 1]]);
    expect(p.issues.find((i) => i.code === 'DUPLICATE_AGE')).toMatchObject({ row: 4 });
  });

  it('checks subtotal bands against their single ages instead of counting them twice', () => {
    const p = plan('population', [['乡镇', '0岁', '1岁', '0-1岁'], ['城关镇', 10, 12, 25]]);
    expect(codes(p, 'warning')).toContain('BAND_TOTAL_MISMATCH');
    expect(p.population.map((r) => r.count)).toEqual([10, 12]);
  });
});

describe('births rows', () => {
  it('reads townships × years, years as columns, and a county series', () => {
    const long = plan('births', [['乡镇', '年份', '出生人数'], ['城关镇', 2023, 210], ['青山乡', '2023年', '15']]);
    expect(long.births.map((b) => [b.township, b.year, b.count])).toEqual([
      ['990999001', 2023, 210],
      ['990999002', 2023, 15],
    ]);
    const wide = plan('births', [['乡镇', '2022年', '2023年', '合计'], ['城关镇', 220, 210, 431]]);
    expect(wide.births).toHaveLength(2);
    expect(codes(wide, 'warning')).toContain('TOTAL_MISMATCH');
    const county = plan('births', [['年份', '出生人数'], [2022, 3100], [2023, 2900], ['合计', 6000]]);
    expect(county.countyBirths.map((b) => [b.year, b.count])).toEqual([
      [2022, 3100],
      [2023, 2900],
    ]);
    expect(codes(county, 'info')).toEqual(expect.arrayContaining(['COUNTY_SERIES', 'TOTAL_ROW_SKIPPED']));
  });
});

describe('rows naming an unknown township', () => {
  it('are skipped and listed under one warning per name, in every kind, never an error', () => {
    const schools = plan('schools', [['学校名称', '乡镇', '一年级学生数'], ['甲小学', '石桥镇', 30], ['乙小学', '城关镇', 20], ['丙小学', '石桥镇', 25]]);
    expect(codes(schools, 'error')).toEqual([]);
    expect(codes(schools, 'warning').filter((c) => c.includes('TOWNSHIP'))).toEqual(['UNKNOWN_TOWNSHIP']);
    expect(schools.issues.find((i) => i.code === 'UNKNOWN_TOWNSHIP')?.message).toMatch(/第 2、4 行（共 2 行）将跳过/);
    expect(schools.counts).toMatchObject({ rowsSkipped: 2, rowsRejected: 0, rowsImported: 1 });
    const people = plan('population', [['乡镇', '0岁'], ['石桥镇', 30], ['城关镇', 40]]);
    expect(people.counts).toMatchObject({ rowsSkipped: 1, rowsRejected: 0, rowsImported: 1 });
    expect(codes(people, 'warning')).toContain('UNKNOWN_TOWNSHIP');
    const births = plan('births', [['乡镇', '年份', '出生人数'], ['石桥镇', 2024, 30]]);
    expect(births.counts).toMatchObject({ rowsSkipped: 1, rowsRejected: 0, rowsImported: 0 });
  });

  it('offer the nearest existing name as the likely typo', () => {
    const p = plan('schools', [['学校名称', '乡镇', '一年级学生数'], ['甲小学', '城关真', 30]]);
    expect(p.issues.find((i) => i.code === 'UNKNOWN_TOWNSHIP')?.message).toMatch(/是否为“城关镇”（990999001）之误/);
    const far = plan('schools', [['学校名称', '乡镇', '一年级学生数'], ['甲小学', '石桥镇', 30]]);
    expect(far.issues.find((i) => i.code === 'UNKNOWN_TOWNSHIP')?.message).not.toMatch(/之误/);
  });
});
