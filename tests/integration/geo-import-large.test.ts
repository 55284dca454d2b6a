// A large boundary shapefile through the backend: about 300 000 vertices of projected
// township boundaries with a GBK .dbf, every ring checked for crossings and the layer thinned
// to the display budget with a note; then the same file with one ring crossing itself far from
// its start, refused with the feature named and nothing written.
import path from 'node:path';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import type { GeoImportResult, GeoMap } from '../../shared/geo/api';
import { polygonArea } from '../../shared/geo/geometry';
import type { MultiPolygon, Position } from '../../shared/geo/model';
import { DISPLAY_LIMITS, vertexCount } from '../../shared/geo/simplify';
import { generateCounty } from '../../shared/sample';
import { openSampleCounty, resultOf } from '../helpers/backend';
import { PRJ_CGCS2000_GK_CM114, writeShapefile } from '../helpers/shapefile';

const GK = '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const VERTICES = 300_000;

let backend: Backend;
let dir: string;
const boundaries = generateCounty().geography!.townships;
const ok = <T>(method: string, input: unknown): Promise<T> => resultOf<T>(backend.dispatch(method, input));

beforeAll(async () => {
  ({ backend, dir } = await openSampleCounty('csp-geo-import-large-'));
});
afterAll(() => backend.close());

/** A ring in GK metres with every edge cut into `parts` pieces that wobble up to 3 m across it, as a surveyed line does. */
function surveyed(ring: readonly Position[], parts: number): [number, number][] {
  const m = ring.map((p) => proj4('WGS84', GK, p) as [number, number]);
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < m.length; i++) {
    const [x0, y0] = m[i]!;
    const [x1, y1] = m[i + 1]!;
    const len = Math.hypot(x1 - x0, y1 - y0) || 1;
    for (let k = 0; k < parts; k++) {
      const t = k / parts;
      const off = 3 * Math.sin(Math.PI * t) * Math.sin(k * 0.9);
      out.push([x0 + (x1 - x0) * t - ((y1 - y0) / len) * off, y0 + (y1 - y0) * t + ((x1 - x0) / len) * off]);
    }
  }
  out.push(out[0]!);
  return out;
}

const edges = boundaries.reduce((n, b) => n + b.geometry.coordinates[0]![0]!.length - 1, 0);
const parts = Math.ceil(VERTICES / edges);
const rings = boundaries.map((b) => surveyed(b.geometry.coordinates[0]![0]!, parts));
const records = (rs: [number, number][][]) => boundaries.map((b, i) => ({ rings: [rs[i]!], fields: { NAME: b.name, CODE: b.township } }));
const shapefile = (name: string, rs: [number, number][][]) => {
  const base = path.join(dir, name);
  writeShapefile(base, records(rs), { encoding: 'gbk', prj: PRJ_CGCS2000_GK_CM114, cpg: 'GBK' });
  return `${base}.shp`;
};

describe('a large township shapefile', () => {
  it('imports every township, thinned to the display budget with a note, each ring closed and its area kept', async () => {
    const total = rings.reduce((n, r) => n + r.length, 0);
    expect(total).toBeGreaterThanOrEqual(VERTICES);
    const file = shapefile('乡镇界_精细', rings);
    const r = await ok<GeoImportResult>('geo.importLayer', { path: file, layer: 'townships' });
    expect(r.problems).toEqual([]);
    expect(r.written).toBe(true);
    expect(r.joined).toBe(boundaries.length);
    const note = r.notes.find((n) => n.includes('容差'));
    expect(note).toMatch(new RegExp(`^乡镇界_精细\\.shp 共 ${total.toLocaleString('zh-CN')} 个顶点，超过布局图的上限 100,000 个：已按 [\\d.]+ 米容差简化为 [\\d,]+ 个顶点后保存。`));
    const map = await ok<GeoMap>('geo.map', {});
    const stored = map.townships.map((t) => t.boundary!.geometry);
    const kept = stored.reduce((n, g) => n + vertexCount(g), 0);
    expect(kept).toBeLessThanOrEqual(DISPLAY_LIMITS.vertices);
    expect(kept).toBeGreaterThan(boundaries.length * 4);
    const byCode = new Map(boundaries.map((b) => [b.township, b.geometry]));
    for (const t of map.townships) {
      const g: MultiPolygon = t.boundary!.geometry;
      const ring = g.coordinates[0]![0]!;
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(ring.length).toBeGreaterThanOrEqual(4);
      // The wobble is ±3 m on rings kilometres across: the area stays within 0.5 %.
      const original = polygonArea(byCode.get(t.code)!);
      expect(Math.abs(polygonArea(g) - original) / original).toBeLessThan(0.005);
    }
  });

  it('refuses the file when one ring crosses itself two thirds of the way round, naming the feature, and writes nothing', async () => {
    const before = await ok<GeoMap>('geo.map', {});
    const k = 3;
    const ring = rings[k]!.map((p) => [...p] as [number, number]);
    const cx = ring.reduce((s, p) => s + p[0], 0) / ring.length;
    const cy = ring.reduce((s, p) => s + p[1], 0) / ring.length;
    const at = Math.floor((ring.length * 2) / 3);
    // One vertex thrown across the middle to beyond the far side: its two edges cross the ring.
    ring[at] = [cx + 1.5 * (cx - ring[at]![0]), cy + 1.5 * (cy - ring[at]![1])];
    const bad = rings.map((r, i) => (i === k ? ring : r));
    const r = await ok<GeoImportResult>('geo.importLayer', { path: shapefile('乡镇界_有交叉', bad), layer: 'townships' });
    expect(r.written).toBe(false);
    expect(r.backup).toBeNull();
    expect(r.problems).toEqual([`乡镇界_有交叉.shp 第 ${k + 1} 个要素（${boundaries[k]!.name}）：多边形自相交（边界线交叉），请在 GIS 软件中修复（如“修复几何”）后再导入。`]);
    const after = await ok<GeoMap>('geo.map', {});
    expect(after.townships.map((t) => t.boundary?.geometry)).toEqual(before.townships.map((t) => t.boundary?.geometry));
  });
});
