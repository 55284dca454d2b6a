// The village (行政村/社区) import: a committed village table, the export read back, merging
// with villages from a boundary file, the coordinate forms and systems of the school import,
// hostile cells, and a township code change moving the villages.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeGeography } from '../../electron/backend/db/geo';
import type { CoverageResult, GeoMap } from '../../shared/geo/api';
import type { MultiPolygon, Village } from '../../shared/geo/model';
import { toWgs84 } from '../../shared/geo/coords';
import type { ImportIssue, ImportResult } from '../../shared/import';
import type { DataTable } from '../../shared/templates/layouts';
import type { EditResult } from '../../shared/domain/edits';
import { xlsxOf } from '../helpers/import-files';
import { tinyProject } from '../helpers/project';
import { withBackend } from '../helpers/with-backend';

const FIXTURE = path.join(__dirname, '../fixtures/villages/小河县村社区.csv');

const session = withBackend('csp-villages-');
const ok = <T>(method: string, input: unknown) => session.ok<T>(method, input);
let dir: string;
let project: string;

/** The stored villages, as the 布局图 reads them (the open project holds the file). */
async function villagesNow(): Promise<Village[]> {
  const map = await ok<GeoMap>('geo.map', {});
  return map.villages.map(({ childrenByStage: _c, childrenBasis: _b, ...v }) => v);
}

function sheet(name: string, rows: (string | number | null)[][]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, xlsxOf(rows));
  return file;
}

const HEAD = ['乡镇（街道）', '村（社区）名称', '村级代码', '经度', '纬度', '总人口'];
const byName = (list: Village[], name: string) => list.find((v) => v.name === name)!;
const codes = (issues: readonly ImportIssue[], severity: ImportIssue['severity']) => issues.filter((i) => i.severity === severity).map((i) => i.code);

beforeEach(async () => {
  dir = session.dir;
  project = await tinyProject(dir);
  await ok('project.open', { path: project });
});

describe('village tables', () => {
  it('imports the committed table: age bands, 度分秒, unknown population kept unknown; backup first; undo restores', async () => {
    const r = await ok<ImportResult>('import.run', { path: FIXTURE, kind: 'villages', acceptWarnings: true });
    expect(r.ok).toBe(true);
    expect(r.backup).toMatch(/导入前-村（社区）\.csplan$/);
    expect(r.issues.find((i) => i.code === 'VILLAGE_CHILDREN_UNKNOWN')?.message).toMatch(/后沟村没有人口或儿童数：按“不详”保存（不是 0）/);
    const list = (await villagesNow());
    expect(list).toHaveLength(6);
    expect(byName(list, '城东社区')).toMatchObject({
      id: '990999001001', code: '990999001001', townshipId: '990999001', point: [113.6021, 34.7512], population: 5210,
      children: { basis: 'age', bands: [{ from: 3, to: 5, count: 160 }, { from: 6, to: 11, count: 330 }, { from: 12, to: 14, count: 150 }] },
    });
    // 113°43′30″ = 113 + 43/60 + 30/3600; 34°49′12″ = 34 + 49/60 + 12/3600.
    expect(byName(list, '石门村').point[0]).toBeCloseTo(113.725, 9);
    expect(byName(list, '石门村').point[1]).toBeCloseTo(34.82, 9);
    expect(byName(list, '南关村')).toMatchObject({ population: 1960, children: null });
    expect(byName(list, '后沟村')).toMatchObject({ population: null, children: null });
    const cov = await ok<CoverageResult>('geo.coverage', {});
    expect(cov.villagesWithoutChildren).toEqual([{ villageId: '990999002203', village: '后沟村', township: '青山乡' }]);
    expect(cov.notes.join('\n')).toMatch(/青山乡后沟村没有人口或儿童数（不详），未计入儿童数/);

    await ok('import.undo', { importId: r.importId });
    expect((await villagesNow())).toEqual([]);
  });

  it('exports in the import layout and reads the export back unchanged', async () => {
    await ok<ImportResult>('import.run', { path: FIXTURE, kind: 'villages', acceptWarnings: true });
    const before = (await villagesNow());
    const table = await ok<DataTable>('data.export', { kind: 'villages' });
    expect(table.headers).toEqual(['乡镇代码', '乡镇（街道）', '村（社区）名称', '村级代码', '经度', '纬度', '总人口（人）', '学前适龄儿童（人）', '小学适龄儿童（人）', '初中适龄儿童（人）', '3-5岁', '6-11岁', '12-14岁']);
    const file = sheet('导出.xlsx', [table.headers, ...table.rows]);
    const r = await ok<ImportResult>('import.run', { path: file, kind: 'villages', acceptWarnings: true });
    expect(r.ok).toBe(true);
    const after = (await villagesNow());
    expect(after.map(({ source: _s, ...v }) => v)).toEqual(before.map(({ source: _s, ...v }) => v));
    expect(after.map((v) => v.point)).toEqual(before.map((v) => v.point));
  });

  it('merges with villages from a boundary file: polygons kept, figures updated, others kept, new ones added', async () => {
    await ok('project.close', {});
    const db = new Database(project);
    const square: MultiPolygon = { type: 'MultiPolygon', coordinates: [[[[113.7, 34.8], [113.72, 34.8], [113.72, 34.82], [113.7, 34.82], [113.7, 34.8]]]] };
    writeGeography(db, {
      villages: [
        { id: '990999002201', name: '青山村', code: '990999002201', townshipId: '990999002', geometry: square, point: [113.71, 34.81], population: 1000, children: null, source: '村界.shp' },
        { id: '990999002299', name: '林场村', code: null, townshipId: '990999002', geometry: { type: 'Point', coordinates: [113.75, 34.85] }, point: [113.75, 34.85], population: 300, children: null, source: '村界.shp' },
      ],
    });
    db.close();
    await ok('project.open', { path: project });
    const file = sheet('合并.xlsx', [
      [...HEAD, '小学适龄儿童'],
      ['青山乡', '青山村', '', null, null, 1280, 70],
      ['青山乡', '新建村', '', 113.73, 34.83, 500, null],
    ]);
    const r = await ok<ImportResult>('import.run', { path: file, kind: 'villages', acceptWarnings: true });
    expect(r.ok).toBe(true);
    expect(r.summary).toEqual(expect.arrayContaining([['新增村（社区）', '1 个'], ['更新村（社区）', '1 个']]));
    const list = (await villagesNow());
    expect(byName(list, '青山村')).toMatchObject({ geometry: square, point: [113.71, 34.81], population: 1280, children: { basis: 'stage', byStage: { primary: 70 } } });
    expect(byName(list, '林场村')).toMatchObject({ population: 300, source: '村界.shp' });
    expect(byName(list, '新建村')).toMatchObject({ townshipId: '990999002', point: [113.73, 34.83], population: 500, children: null });
  });

  it('reads GCJ-02 coordinates in the system chosen, and takes 经度/纬度 over projected X/Y beside them', async () => {
    const file = sheet('高德.xlsx', [
      ['乡镇', '村名', '经度', '纬度', 'X坐标', 'Y坐标', '户籍人口'],
      ['城关镇', '甲村', 113.61, 34.76, 38553000.5, 3847000.25, 900],
    ]);
    const r = await ok<ImportResult>('import.run', { path: file, kind: 'villages', coordinates: { system: 'gcj02' }, acceptWarnings: true });
    expect(r.ok).toBe(true);
    expect(codes(r.issues, 'info')).toContain('COORDINATE_CONVERTED');
    // Stored to 5 decimals (about 1 m), as school coordinates are.
    const [lng, lat] = toWgs84([113.61, 34.76], 'gcj02');
    expect(byName((await villagesNow()), '甲村').point[0]).toBeCloseTo(lng, 5);
    expect(byName((await villagesNow()), '甲村').point[1]).toBeCloseTo(lat, 5);
  });

  it('refuses NaN/Infinity and unreadable coordinates, naming sheet, row and column; nothing written', async () => {
    const file = sheet('坏坐标.xlsx', [
      HEAD,
      ['城关镇', '甲村', '', 'NaN', 34.7, 100],
      ['城关镇', '乙村', '', 113.6, 'Infinity', 100],
      ['城关镇', '丙村', '', '113度61分', 34.7, 100],
      ['城关镇', '丁村', '', null, null, 100],
    ]);
    const r = await ok<ImportResult>('import.run', { path: file, kind: 'villages' });
    expect(r.ok).toBe(false);
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.code, i.sheet, i.row, i.column])).toEqual([
      ['BAD_COORDINATE', 'Sheet1', 2, 'D 列（经度）'],
      ['BAD_COORDINATE', 'Sheet1', 3, 'E 列（纬度）'],
      ['BAD_COORDINATE', 'Sheet1', 4, 'D 列（经度）'],
      ['MISSING_COORDINATE', 'Sheet1', 5, 'D 列（经度）'],
    ]);
    expect(errors.every((i) => /[\u4e00-\u9fa5]/.test(i.message))).toBe(true);
    expect((await villagesNow())).toEqual([]);
  });

  it('refuses two villages of one name in a township without codes; allows them with codes, with a warning', async () => {
    const same = sheet('同名.xlsx', [HEAD, ['青山乡', '新村', '', 113.7, 34.8, 100], ['青山乡', '新村', '', 113.71, 34.81, 120]]);
    const r1 = await ok<ImportResult>('import.run', { path: same, kind: 'villages', dryRun: true });
    expect(r1.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.row])).toEqual([['DUPLICATE_ROW', 3]]);
    expect(r1.issues.find((i) => i.code === 'DUPLICATE_ROW')?.message).toMatch(/与第 2 行是同一个村（社区）（同一乡镇中同名“新村”）/);

    const coded = sheet('同名有代码.xlsx', [HEAD, ['青山乡', '新村', '990999002210', 113.7, 34.8, 100], ['青山乡', '新村', '990999002211', 113.71, 34.81, 120]]);
    const r2 = await ok<ImportResult>('import.run', { path: coded, kind: 'villages', acceptWarnings: true });
    expect(r2.ok).toBe(true);
    expect(codes(r2.issues, 'warning')).toContain('SAME_NAME_IN_TOWNSHIP');
    expect((await villagesNow()).map((v) => v.id).sort()).toEqual(['990999002210', '990999002211']);
  });

  it('skips rows of a township the project does not have, naming it; creates it when asked', async () => {
    const file = sheet('未知乡镇.xlsx', [HEAD, ['青山乡', '甲村', '', 113.7, 34.8, 100], ['白云乡', '乙村', '', 113.71, 34.81, 120]]);
    const r = await ok<ImportResult>('import.run', { path: file, kind: 'villages', acceptWarnings: true });
    expect(r.ok).toBe(true);
    expect(r.issues.find((i) => i.code === 'UNKNOWN_TOWNSHIP')?.message).toMatch(/没有名为“白云乡”的乡镇（街道）.*第 3 行（共 1 行）将跳过/);
    expect((await villagesNow()).map((v) => v.name)).toEqual(['甲村']);
    const again = await ok<ImportResult>('import.run', { path: file, kind: 'villages', acceptWarnings: true, createTownships: true });
    expect(again.ok).toBe(true);
    expect((await villagesNow()).map((v) => v.name).sort()).toEqual(['乙村', '甲村']);
  });

  it('moves villages with a township code change, and back on undo', async () => {
    await ok<ImportResult>('import.run', { path: FIXTURE, kind: 'villages', acceptWarnings: true });
    const edit = await ok<EditResult>('townships.update', { township: '青山乡', changes: { code: '990999009' } });
    expect((await villagesNow()).filter((v) => v.townshipId === '990999009').map((v) => v.name).sort()).toEqual(['后沟村', '石门村', '青山村']);
    await ok('edits.undo', { editId: edit.editId });
    expect((await villagesNow()).filter((v) => v.townshipId === '990999002')).toHaveLength(3);
  });

  it('refuses a million-row village table at the import limits, writing nothing', async () => {
    const row = '青山乡,村,,113.7,34.8,100,5\n';
    const file = path.join(dir, '百万行.csv');
    fs.writeFileSync(file, `${[...HEAD, '小学适龄儿童'].join(',')}\n${row.repeat(1_000_000)}`);
    const r = await ok<ImportResult>('import.run', { path: file, kind: 'villages', acceptWarnings: true });
    expect(r.ok).toBe(false);
    expect(r.issues[0]?.message).toMatch(/非空单元格超过 6,000,000 个/);
    expect(await villagesNow()).toEqual([]);
  }, 120_000);
});
