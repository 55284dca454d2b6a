// Boundary and layer import through the backend: GeoJSON and Shapefile fixtures written
// here (a GBK .dbf, a projected .prj, a .zip), joined to the sample county's townships with
// a report of what did not join, and hostile files refused in Chinese with nothing written.
import fs from 'node:fs';
import path from 'node:path';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import type { GeoImportResult, GeoMap } from '../../shared/geo/api';
import { haversine } from '../../shared/geo/geometry';
import type { Position } from '../../shared/geo/model';
import { generateCounty } from '../../shared/sample';
import { openSampleCounty, resultOf } from '../helpers/backend';
import { PRJ_CGCS2000_GK_CM114, writeShapefile } from '../helpers/shapefile';
import { writeZip } from '../helpers/zip';

let backend: Backend;
let dir: string;
const county = generateCounty();
const boundaries = county.geography!.townships;
const ok = <T>(method: string, input: unknown): Promise<T> => resultOf<T>(backend.dispatch(method, input));
const GK = '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';

beforeAll(async () => {
  ({ backend, dir } = await openSampleCounty('csp-geo-import-'));
});
afterAll(() => backend.close());

const writeJson = (name: string, value: unknown) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, typeof value === 'string' || Buffer.isBuffer(value) ? value : JSON.stringify(value));
  return p;
};
const feature = (name: string, rings: Position[][], props: Record<string, unknown> = {}) => ({ type: 'Feature', properties: { name, ...props }, geometry: { type: 'Polygon', coordinates: rings } });
const boundaryCount = async () => (await ok<GeoMap>('geo.map', {})).townships.filter((t) => t.boundary).length;

describe('GeoJSON townships', () => {
  it('joins by name, reports what did not join, and replaces the layer', async () => {
    const kept = boundaries.slice(0, -1);
    const fc = {
      type: 'FeatureCollection',
      features: [...kept.map((b) => feature(b.name, b.geometry.coordinates[0]!)), feature('不存在乡', [[[113, 34], [113.01, 34], [113.01, 34.01], [113, 34]]])],
    };
    const r = await ok<GeoImportResult>('geo.importLayer', { path: writeJson('乡镇.geojson', fc), layer: 'townships' });
    expect(r.problems).toEqual([]);
    expect(r.written).toBe(true);
    expect(r.joined).toBe(kept.length);
    expect(r.unmatched).toEqual([{ feature: kept.length + 1, name: '不存在乡', code: '' }]);
    expect(r.missing).toEqual([boundaries[boundaries.length - 1]!.name]);
    expect(r.backup).toMatch(/\.csplan$/);
    expect(await boundaryCount()).toBe(kept.length);
  });
});

describe('Shapefile townships', () => {
  const projected = (ring: Position[]): [number, number][] => ring.map((p) => proj4('WGS84', GK, p) as [number, number]);
  const records = boundaries.map((b) => ({ rings: [projected(b.geometry.coordinates[0]![0]!)], fields: { NAME: b.name, CODE: b.township } }));

  it('reads a GBK .dbf and a projected .prj, back to the same places', async () => {
    const base = path.join(dir, '乡镇界');
    writeShapefile(base, records, { encoding: 'gbk', prj: PRJ_CGCS2000_GK_CM114 });
    const r = await ok<GeoImportResult>('geo.importLayer', { path: `${base}.shp`, layer: 'townships' });
    expect(r.problems).toEqual([]);
    expect(r.joined).toBe(boundaries.length);
    expect(r.missing).toEqual([]);
    expect(r.notes.join('')).toMatch(/GBK/);
    const map = await ok<GeoMap>('geo.map', {});
    const first = map.townships.find((t) => t.code === boundaries[0]!.township)!.boundary!;
    expect(first.name).toBe(boundaries[0]!.name);
    expect(haversine(first.geometry.coordinates[0]![0]![0]!, boundaries[0]!.geometry.coordinates[0]![0]![0]!)).toBeLessThan(0.5);
  });

  it('reads the same layer from a .zip', async () => {
    const base = path.join(dir, 'zipped');
    writeShapefile(base, records, { encoding: 'gbk', prj: PRJ_CGCS2000_GK_CM114, cpg: 'GBK' });
    const zip = writeZip(['shp', 'shx', 'dbf', 'prj', 'cpg'].map((e) => ({ name: `xz.${e}`, data: fs.readFileSync(`${base}.${e}`) })));
    const r = await ok<GeoImportResult>('geo.importLayer', { path: writeJson('乡镇界.zip', zip), layer: 'townships', dryRun: true });
    expect(r.problems).toEqual([]);
    expect(r.joined).toBe(boundaries.length);
    expect(r.written).toBe(false);
  });

  it('refuses a .shp without .dbf for townships, and one without .prj in metres, writing nothing', async () => {
    const before = await boundaryCount();
    const noDbf = path.join(dir, 'nodbf');
    writeShapefile(noDbf, records, { prj: PRJ_CGCS2000_GK_CM114, skip: ['dbf'] });
    const a = await ok<GeoImportResult>('geo.importLayer', { path: `${noDbf}.shp`, layer: 'townships' });
    expect(a.ok).toBe(false);
    expect(a.notes.join('')).toMatch(/缺少 \.dbf/);
    const noPrj = path.join(dir, 'noprj');
    writeShapefile(noPrj, records, { encoding: 'gbk' });
    const b = await ok<GeoImportResult>('geo.importLayer', { path: `${noPrj}.shp`, layer: 'townships' });
    expect(b.ok).toBe(false);
    expect(b.problems[0]).toMatch(/noprj\.shp 第 1 个要素.*投影坐标/);
    expect(await boundaryCount()).toBe(before);
  });
});

describe('hostile GeoJSON', () => {
  it('refuses each in Chinese naming file and feature, writing nothing', async () => {
    const before = await boundaryCount();
    const bad = await backend.dispatch('geo.importLayer', { path: writeJson('坏.geojson', '{"type": "FeatureCollection", "features": ['), layer: 'townships' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/坏\.geojson 不是有效的 GeoJSON/);

    const b0 = boundaries[0]!;
    const bowtie = feature(b0.name, [[[113, 34], [113.1, 34.1], [113.1, 34], [113, 34.1], [113, 34]]]);
    const r1 = await ok<GeoImportResult>('geo.importLayer', { path: writeJson('自相交.geojson', { type: 'FeatureCollection', features: [bowtie] }), layer: 'townships' });
    expect(r1.ok).toBe(false);
    expect(r1.problems[0]).toBe(`自相交.geojson 第 1 个要素（${b0.name}）：多边形自相交（边界线交叉），请在 GIS 软件中修复（如“修复几何”）后再导入。`);

    const inf = `{"type":"Feature","properties":{"name":"${b0.name}"},"geometry":{"type":"Polygon","coordinates":[[[113,34],[1e999,34],[113.1,34.1],[113,34]]]}}`;
    const r2 = await ok<GeoImportResult>('geo.importLayer', { path: writeJson('无穷.geojson', inf), layer: 'townships' });
    expect(r2.problems[0]).toMatch(/无穷\.geojson 第 1 个要素.*非数值/);

    const many = `{"type":"FeatureCollection","features":[${new Array(1_000_000).fill('{"type":"Feature"}').join(',')}]}`;
    const r3 = await ok<GeoImportResult>('geo.importLayer', { path: writeJson('百万.geojson', many), layer: 'townships' });
    expect(r3.problems[0]).toMatch(/百万\.geojson 含 1000000 个要素，超过上限/);

    expect(await boundaryCount()).toBe(before);
  });
});

describe('villages and reference layers', () => {
  it('imports villages as points with children and places them by township polygon', async () => {
    const b = boundaries[3]!;
    const inside = county.geography!.villages.find((v) => v.townshipId === b.township)!.point;
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: '新村', 人口: 1200, 小学: 90 }, geometry: { type: 'Point', coordinates: inside } },
        { type: 'Feature', properties: { name: '县外村' }, geometry: { type: 'Point', coordinates: [100, 30] } },
      ],
    };
    const r = await ok<GeoImportResult>('geo.importLayer', { path: writeJson('村.geojson', fc), layer: 'villages' });
    expect(r.problems).toEqual([]);
    expect(r.joined).toBe(1);
    expect(r.unmatched.map((u) => u.name)).toEqual(['县外村']);
    const map = await ok<GeoMap>('geo.map', {});
    expect(map.villages.map((v) => [v.name, v.townshipId, v.population])).toEqual([['新村', b.township, 1200]]);
    expect(map.villages[0]!.childrenByStage.primary).toBe(90);
  });

  it('replaces only the layer of its kind', async () => {
    const before = (await ok<GeoMap>('geo.map', {})).layers.filter((l) => l.kind !== 'road').length;
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'G107' }, geometry: { type: 'LineString', coordinates: [[113.1, 34.2], [113.6, 34.6]] } }] };
    await ok<GeoImportResult>('geo.importLayer', { path: writeJson('路.geojson', fc), layer: 'road' });
    const layers = (await ok<GeoMap>('geo.map', {})).layers;
    expect(layers.filter((l) => l.kind === 'road').map((l) => l.name)).toEqual(['G107']);
    expect(layers.filter((l) => l.kind !== 'road').length).toBe(before);
  });
});
