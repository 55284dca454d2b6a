// School coordinates through the real import (a spreadsheet written here, read by the worker,
// committed to a project file): 经度/纬度 next to projected X/Y, 度分秒 text, one-cell pairs,
// BD-09 on request, and the mistakes that must not be stored silently.
import fs from 'node:fs';
import path from 'node:path';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import type { ImportResult } from '../../shared/import/api-types';
import type { SchoolDetail } from '../../shared/api/types';
import type { DataTable } from '../../shared/templates/layouts';
import { fromWgs84 } from '../../shared/geo/coords';
import { haversine } from '../../shared/geo/geometry';
import { openSampleCounty, resultOf } from '../helpers/backend';
import { xlsxOf } from '../helpers/import-files';

let backend: Backend;
let dir: string;
const ok = <T>(method: string, input: unknown): Promise<T> => resultOf<T>(backend.dispatch(method, input));
const write = (name: string, bytes: Buffer) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
};
const EPSG4526 = '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=38500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const HEAD = ['学校标识码', '学校名称', '乡镇', '办学类型', '举办者', '城乡分类'];
const school = (code: string, name: string) => [code, name, '城关镇', '小学', '公办', '城区'];

beforeAll(async () => {
  ({ backend, dir } = await openSampleCounty('csp-import-coords-'));
});
afterAll(() => backend.close());

async function located(code: string): Promise<[number | null, number | null]> {
  const d = await ok<SchoolDetail>('schools.detail', { code });
  return [d.school.lng, d.school.lat];
}

describe('school coordinates on import', () => {
  it('takes 经度/纬度 and leaves the projected X/Y beside them, storing the file’s values', async () => {
    const [x1, y1] = proj4('WGS84', EPSG4526, [113.512345, 34.456789]) as [number, number];
    const rows = [
      // The projected columns first: the geographic ones still win (the analysis ignores X/Y).
      [...HEAD, 'X坐标', 'Y坐标', '经度', '纬度'],
      [...school('4199000101', '坐标一小'), y1, x1, 113.512345, 34.456789],
      [...school('4199000102', '坐标二小'), y1 + 10, x1 + 10, '113°30′36″', '34°27′00″'],
    ];
    const r = await ok<ImportResult>('import.run', { path: write('经纬度与投影.xlsx', xlsxOf(rows)), kind: 'schools', year: 2025, acceptWarnings: true });
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
    expect(await located('4199000101')).toEqual([113.512345, 34.456789]);
    const [lng, lat] = await located('4199000102');
    expect(lng).toBeCloseTo(113.51, 6);
    expect(lat).toBeCloseTo(34.45, 6);
    // The exported school table gives back the file's 经度/纬度, not the projected X/Y.
    const table = await ok<DataTable>('data.export', { kind: 'schools' });
    const col = (name: string) => table.headers.findIndex((h) => h.startsWith(name));
    const row = table.rows.find((r) => r.includes('4199000101'));
    expect(col('经度')).toBeGreaterThanOrEqual(0);
    expect([row?.[col('经度')], row?.[col('纬度')]]).toEqual([113.512345, 34.456789]);
  });

  it('reads one-cell pairs and converts BD-09 when told', async () => {
    const [bx, by] = fromWgs84([113.52, 34.46], 'bd09');
    const rows = [[...HEAD, '经纬度'], [...school('4199000103', '坐标三小'), `${bx},${by}`]];
    const r = await ok<ImportResult>('import.run', { path: write('百度.xlsx', xlsxOf(rows)), kind: 'schools', year: 2025, coordinates: { system: 'bd09' }, acceptWarnings: true });
    expect(r.ok).toBe(true);
    const [lng, lat] = await located('4199000103');
    expect(haversine([lng!, lat!], [113.52, 34.46])).toBeLessThan(1);
  });

  it('refuses projected values in a degree column and writes nothing', async () => {
    const [x, y] = proj4('WGS84', EPSG4526, [113.5, 34.45]) as [number, number];
    const rows = [[...HEAD, '经度', '纬度'], [...school('4199000104', '坐标四小'), x, y]];
    const res = await backend.dispatch('import.run', { path: write('投影当经纬度.xlsx', xlsxOf(rows)), kind: 'schools', year: 2025 });
    const r = res.ok ? (res.result as ImportResult) : null;
    expect(r?.ok ?? false).toBe(false);
    const issue = r?.issues.find((i) => i.code === 'PROJECTED_AS_DEGREES');
    expect(issue?.message).toContain('EPSG:4526');
    expect(issue?.row).toBe(2);
    const detail = await backend.dispatch('schools.detail', { code: '4199000104' });
    expect(detail.ok).toBe(false);
  });

  it('imports the same table as projected coordinates when told the EPSG code', async () => {
    const [x, y] = proj4('WGS84', EPSG4526, [113.5, 34.45]) as [number, number];
    const rows = [[...HEAD, 'X', 'Y'], [...school('4199000105', '坐标五小'), y, x]];
    const r = await ok<ImportResult>('import.run', { path: write('投影.xlsx', xlsxOf(rows)), kind: 'schools', year: 2025, coordinates: { system: 'projected', epsg: 4526 }, acceptWarnings: true });
    expect(r.ok).toBe(true);
    const [lng, lat] = await located('4199000105');
    expect(haversine([lng!, lat!], [113.5, 34.45])).toBeLessThan(0.1);
  });

  it('warns about swapped and far-away points instead of storing them silently', async () => {
    const rows = [[...HEAD, '经度', '纬度'], [...school('4199000106', '坐标六小'), 34.45, 113.5], [...school('4199000107', '坐标七小'), 116.4, 39.9]];
    const r = await ok<ImportResult>('import.run', { path: write('填反.xlsx', xlsxOf(rows)), kind: 'schools', year: 2025 });
    expect(r.ok).toBe(false);
    const codes = r.issues.map((i) => i.code);
    expect(codes).toContain('SWAPPED_COORDINATE');
    expect(codes).toContain('FAR_FROM_COUNTY');
    expect((await backend.dispatch('schools.detail', { code: '4199000106' })).ok).toBe(false);
  });
});
