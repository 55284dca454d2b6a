import { describe, expect, it } from 'vitest';
import { analyseSheet, applyMapping, headerSignature, toMappingFile } from '../../../shared/import';
import { messySchoolRows } from '../../helpers/import-files';
import { recogniseCtx, sheet } from './grids';

const targets = (a: ReturnType<typeof analyseSheet>) => Object.fromEntries(a.columns.map((c) => [c.label, c.target]));

describe('header detection', () => {
  it('finds a two-row merged header below title and notes rows', () => {
    const { rows, merges } = messySchoolRows();
    const a = analyseSheet('schools', sheet(rows, merges), recogniseCtx);
    expect(a.header).toMatchObject({ first: 2, last: 3, titleYear: 2025 });
    expect(targets(a)).toMatchObject({
      学校标识码: 'code',
      学校名称: 'name',
      办学类型: 'kind',
      '乡镇（街道）': 'township',
      '一年级 / 班数': 'classes:primary:1',
      '一年级 / 男': 'students:primary:1:M',
      '一年级 / 女': 'students:primary:1:F',
      '二年级 / 班数': 'classes:primary:2',
      在校生合计: 'students',
      '专任教师（人）': 'teachers',
    });
  });

  it('maps Traditional-Chinese headers exactly as Simplified ones', () => {
    const simp = messySchoolRows(false);
    const trad = messySchoolRows(true);
    const a = analyseSheet('schools', sheet(simp.rows, simp.merges), recogniseCtx);
    const b = analyseSheet('schools', sheet(trad.rows, trad.merges), recogniseCtx);
    expect(b.header).toMatchObject({ first: a.header?.first, last: a.header?.last });
    expect(b.columns.map((c) => [c.target, c.confidence])).toEqual(a.columns.map((c) => [c.target, c.confidence]));
    expect(b.signature).toBe(a.signature);
  });

  it('reads a two-row header without merges (CSV) by carrying group labels right', () => {
    const { rows } = messySchoolRows();
    const a = analyseSheet('schools', sheet(rows), recogniseCtx);
    expect(a.header).toMatchObject({ first: 2, last: 3 });
    expect(a.columns.find((c) => c.letter === 'F')?.target).toBe('students:primary:1:M');
    expect(a.columns.find((c) => c.letter === 'J')?.target).toBe('students:primary:2:F');
  });

  it('reads grade-then-metric and metric-then-grade headers alike', () => {
    const a = analyseSheet('schools', sheet([['学校名称', '班级数', null, '在校生数', null], [null, '七年级', '八年级', '七年级', '八年级'], ['城关中学', 4, 4, 200, 190]], [
      { s: { r: 0, c: 1 }, e: { r: 0, c: 2 } },
      { s: { r: 0, c: 3 }, e: { r: 0, c: 4 } },
    ]), recogniseCtx);
    expect(a.columns.map((c) => c.target)).toEqual(['name', 'classes:junior:1', 'classes:junior:2', 'students:junior:1', 'students:junior:2']);
  });

  it('keeps one column per field and explains the rest', () => {
    const a = analyseSheet('schools', sheet([['学校名称', '校名', '乡镇'], ['甲小学', '甲小学', '城关镇']]), recogniseCtx);
    expect(a.columns.map((c) => c.target)).toEqual(['name', 'ignore', 'township']);
    expect(a.columns[1]?.why).toMatch(/A 列/);
  });

  it('says so when no header is found, and names mojibake when that is why', () => {
    const none = analyseSheet('schools', sheet([['abc', 'def'], [1, 2], [3, 4]]), recogniseCtx);
    expect(none.header).toBeNull();
    expect(none.issues[0]).toMatchObject({ severity: 'error', code: 'HEADER_NOT_FOUND' });
    expect(none.issues[0]?.message).toMatch(/前 40 行/);
    const garbled = analyseSheet('schools', sheet([['\ufffd\ufffd\ufffd', '\ufffd\ufffd'], ['\ufffd', 1]]), recogniseCtx);
    expect(garbled.issues[0]).toMatchObject({ code: 'MOJIBAKE' });
    expect(garbled.issues[0]?.message).toMatch(/GBK/);
  });

  it('refuses a merge that hides the whole sheet', () => {
    const a = analyseSheet('schools', sheet([['学校名称', '学生数'], ['甲小学', 30]], [{ s: { r: 0, c: 0 }, e: { r: 1048575, c: 16383 } }]), recogniseCtx);
    expect(a.issues[0]).toMatchObject({ code: 'MERGE_WHOLE_SHEET', value: 'A1:XFD1048576' });
  });

  it('re-proposes a saved mapping for a file with the same headers', () => {
    const grid = sheet([['名称', '辖区', '其他'], ['甲小学', '城关镇', 'x']]);
    // Too little is recognised to find the header alone: the planner names the header row.
    expect(analyseSheet('schools', grid, recogniseCtx).header).toBeNull();
    const headerRows = { first: 0, last: 0 };
    const first = analyseSheet('schools', grid, recogniseCtx, { headerRows });
    expect(first.columns.map((c) => c.target)).toEqual(['name', 'ignore', 'ignore']);
    first.columns[1]!.target = 'township';
    const saved = toMappingFile('schools', first.columns, '我的模板');
    const again = analyseSheet('schools', grid, recogniseCtx, { headerRows, templates: [{ name: '我的模板', signature: headerSignature(first.columns), mapping: saved }] });
    expect(again.mappingSource).toBe('我的模板');
    expect(again.columns.map((c) => c.target)).toEqual(['name', 'township', 'ignore']);
    const copy = analyseSheet('schools', grid, recogniseCtx, { headerRows });
    expect(applyMapping(copy.columns, saved, '映射文件')).toBe(3);
  });

  it('proposes population layouts: ages as columns, and townships as columns', () => {
    const wide = analyseSheet('population', sheet([['乡镇（街道）', '0岁', '1-4岁', '5～9岁', '85岁及以上', '合计'], ['城关镇', 10, 40, 50, 3, 103]]), recogniseCtx);
    expect(wide.columns.map((c) => c.target)).toEqual(['township', 'age:0', 'band:1-4', 'band:5-9', 'band:85-', 'total']);
    const tall = analyseSheet('population', sheet([['年龄', '城关镇', null, '青山乡', null], [null, '男', '女', '男', '女'], ['0岁', 5, 6, 1, 2]], [
      { s: { r: 0, c: 1 }, e: { r: 0, c: 2 } },
      { s: { r: 0, c: 3 }, e: { r: 0, c: 4 } },
    ]), recogniseCtx);
    expect(tall.columns.map((c) => c.target)).toEqual(['age', 'place:M', 'place:F', 'place:M', 'place:F']);
  });

  it('proposes births with years as columns', () => {
    const a = analyseSheet('births', sheet([['乡镇', '2019年', '2020年', 2021], ['城关镇', 200, 190, 180]]), recogniseCtx);
    expect(a.columns.map((c) => c.target)).toEqual(['township', 'yearCol:2019', 'yearCol:2020', 'yearCol:2021']);
  });
});
