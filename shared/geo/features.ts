// GeoJSON features from a boundary or layer file, checked before anything is stored: the
// structure, every coordinate finite, rings closed, polygons not crossing themselves, the
// limits, and projected metres converted to WGS-84 (a .prj or an EPSG code). Every problem
// is a Chinese message naming the file and the feature (its number and name).
import { readCoordinate, type CoordinateOption } from './coords';
import type { GeoStageProgress } from './import-progress';
import type { MultiLine, MultiPolygon, Position } from './model';
import { ringSelfIntersects } from './self-crossing';

// Every ring is checked for crossings, however long (self-crossing.ts is near-linear).
export const GEO_LIMITS = { features: 200_000, vertices: 5_000_000 } as const;

export interface ParsedFeature {
  index: number;
  properties: Record<string, unknown>;
  geometry: MultiPolygon | MultiLine | { type: 'Point'; coordinates: Position };
}

export interface FeatureProblem {
  feature: number | null;
  name: string;
  message: string;
}

export interface ParsedFeatures {
  features: ParsedFeature[];
  problems: FeatureProblem[];
  notes: string[];
}

const NAME_KEYS = ['name', 'NAME', 'Name', 'XZQMC', 'xzqmc', 'MC', '名称', '乡镇名称', '乡镇', '村名', '村庄名称', 'QHMC'];

export function featureName(props: Record<string, unknown>): string {
  for (const k of NAME_KEYS) {
    const v = props[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return '';
}

class Bad extends Error {}

/** Positions in a geometry's coordinates, counted without checking them (for the progress fraction). */
function positionsIn(c: unknown, depth: number): number {
  if (!Array.isArray(c)) return 0;
  if (depth === 0) return c.length;
  let n = 0;
  for (const x of c) n += positionsIn(x, depth - 1);
  return n;
}

const NESTING: Record<string, number> = { Point: -1, LineString: 0, MultiLineString: 1, Polygon: 1, MultiPolygon: 2 };

/** Reports every this many positions converted or checked: often enough for a bar, rare enough to cost nothing. */
const REPORT_EVERY = 1 << 16;

/**
 * Features of a GeoJSON value (FeatureCollection, Feature or bare geometry). `option` says
 * what projected coordinates are (absent: they are refused with the zone the easting implies).
 * The value's coordinate arrays are reused for the result: pass a value read for this call.
 * Two passes, each reported to `onProgress` by positions: every coordinate is checked and
 * converted, then every polygon ring of the features still standing is checked for crossings.
 */
export function parseFeatures(value: unknown, fileName: string, option?: CoordinateOption, onProgress?: (p: GeoStageProgress) => void): ParsedFeatures {
  const problems: FeatureProblem[] = [];
  const notes: string[] = [];
  const features: ParsedFeature[] = [];
  const raw: { properties: Record<string, unknown>; geometry: unknown }[] = [];
  const obj = value as { type?: unknown; features?: unknown; geometry?: unknown; properties?: unknown } | null;
  if (!obj || typeof obj !== 'object') return { features, problems: [{ feature: null, name: '', message: `${fileName} 不是有效的 GeoJSON：内容不是对象。` }], notes };
  if (obj.type === 'FeatureCollection') {
    if (!Array.isArray(obj.features)) return { features, problems: [{ feature: null, name: '', message: `${fileName} 不是有效的 GeoJSON：FeatureCollection 缺少 features 数组。` }], notes };
    if (obj.features.length > GEO_LIMITS.features) {
      return { features, problems: [{ feature: null, name: '', message: `${fileName} 含 ${obj.features.length} 个要素，超过上限 ${GEO_LIMITS.features} 个。请先按县域裁剪后再导入。` }], notes };
    }
    for (const f of obj.features as unknown[]) {
      const ff = f as { properties?: unknown; geometry?: unknown } | null;
      raw.push({ properties: ff && typeof ff.properties === 'object' && ff.properties ? (ff.properties as Record<string, unknown>) : {}, geometry: ff?.geometry });
    }
  } else if (obj.type === 'Feature') {
    raw.push({ properties: typeof obj.properties === 'object' && obj.properties ? (obj.properties as Record<string, unknown>) : {}, geometry: obj.geometry });
  } else if (typeof obj.type === 'string') {
    raw.push({ properties: {}, geometry: obj });
  } else {
    return { features, problems: [{ feature: null, name: '', message: `${fileName} 不是有效的 GeoJSON：缺少 type。` }], notes };
  }

  let expected = 0;
  if (onProgress) {
    for (const f of raw) {
      const g = f.geometry as { type?: unknown; coordinates?: unknown } | null;
      const depth = g && typeof g === 'object' && typeof g.type === 'string' ? NESTING[g.type] : undefined;
      if (depth !== undefined) expected += depth < 0 ? 1 : positionsIn(g!.coordinates, depth);
    }
    onProgress({ stage: 'coordinates', fraction: 0 });
  }
  let vertices = 0;
  let converted = false;
  const point = (p: unknown): Position => {
    if (!Array.isArray(p) || p.length < 2) throw new Bad('坐标应为 [经度, 纬度] 数组');
    const [a, b] = p as unknown[];
    if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b)) throw new Bad('坐标含有非数值（NaN、Infinity 或文字）');
    if (++vertices > GEO_LIMITS.vertices) throw new Bad(`顶点总数超过上限 ${GEO_LIMITS.vertices} 个`);
    if (onProgress && vertices % REPORT_EVERY === 0) onProgress({ stage: 'coordinates', fraction: Math.min(1, vertices / Math.max(1, expected)) });
    if (Math.abs(a) <= 180 && Math.abs(b) <= 90 && option?.system !== 'projected') {
      if (option && option.system !== 'wgs84') {
        const r = readCoordinate(a, b, option);
        if (!r.position) throw new Bad(r.issues[0]?.message ?? '坐标无法换算');
        converted = true;
        return r.position;
      }
      return [a, b];
    }
    const r = readCoordinate(a, b, option);
    if (!r.position) throw new Bad(r.issues[0]?.message ?? '坐标无法换算');
    converted = true;
    return r.position;
  };
  // Positions are converted in the caller's arrays: a large file's vertices are then never
  // held twice (the value is read from a file for this call and not used again).
  const inPlace = (list: unknown[]): Position[] => {
    for (let i = 0; i < list.length; i++) list[i] = point(list[i]);
    return list as Position[];
  };
  const ring = (r: unknown): Position[] => {
    if (!Array.isArray(r)) throw new Bad('多边形的环应为坐标数组');
    const pts = inPlace(r);
    const first = pts[0];
    const last = pts[pts.length - 1];
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) pts.push([first[0], first[1]]);
    if (pts.length < 4) throw new Bad('多边形的环少于 4 个点');
    return pts;
  };
  const polygon = (p: unknown): Position[][] => {
    if (!Array.isArray(p) || p.length === 0) throw new Bad('多边形应为环的数组');
    return p.map(ring);
  };
  const line = (l: unknown): Position[] => {
    if (!Array.isArray(l) || l.length < 2) throw new Bad('线应至少有 2 个点');
    return inPlace(l);
  };

  const problem = (i: number, name: string, message: string) =>
    problems.push({ feature: i + 1, name, message: `${fileName} 第 ${i + 1} 个要素${name ? `（${name}）` : ''}：${message}。` });
  raw.forEach((f, i) => {
    const name = featureName(f.properties);
    try {
      const g = f.geometry as { type?: unknown; coordinates?: unknown } | null;
      if (!g || typeof g !== 'object') throw new Bad('没有几何图形');
      let geometry: ParsedFeature['geometry'];
      switch (g.type) {
        case 'Polygon':
          geometry = { type: 'MultiPolygon', coordinates: [polygon(g.coordinates)] };
          break;
        case 'MultiPolygon':
          if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) throw new Bad('MultiPolygon 没有多边形');
          geometry = { type: 'MultiPolygon', coordinates: g.coordinates.map(polygon) };
          break;
        case 'LineString':
          geometry = { type: 'MultiLineString', coordinates: [line(g.coordinates)] };
          break;
        case 'MultiLineString':
          if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) throw new Bad('MultiLineString 没有线');
          geometry = { type: 'MultiLineString', coordinates: g.coordinates.map(line) };
          break;
        case 'Point':
          geometry = { type: 'Point', coordinates: point(g.coordinates) };
          break;
        default:
          throw new Bad(`不支持的几何类型“${String(g.type)}”`);
      }
      features.push({ index: i + 1, properties: f.properties, geometry });
    } catch (err) {
      if (!(err instanceof Bad)) throw err;
      problem(i, name, err.message);
    }
  });
  if (converted) notes.push(`${fileName} 的坐标已换算为 WGS-84 经纬度。`);

  let inRings = 0;
  for (const f of features) if (f.geometry.type === 'MultiPolygon') for (const poly of f.geometry.coordinates) for (const r of poly) inRings += r.length;
  onProgress?.({ stage: 'rings', fraction: 0 });
  let checked = 0;
  let reported = 0;
  const crossed = new Set<ParsedFeature>();
  for (const f of features) {
    if (f.geometry.type !== 'MultiPolygon') continue;
    for (const r of f.geometry.coordinates.flat()) {
      if (ringSelfIntersects(r)) {
        problem(f.index - 1, featureName(f.properties), '多边形自相交（边界线交叉），请在 GIS 软件中修复（如“修复几何”）后再导入');
        crossed.add(f);
        break;
      }
      checked += r.length;
      if (onProgress && checked - reported >= REPORT_EVERY) {
        reported = checked;
        onProgress({ stage: 'rings', fraction: checked / inRings });
      }
    }
  }
  // The crossings are found after the coordinates: in file order, as one pass would list them.
  if (crossed.size) problems.sort((a, b) => (a.feature ?? 0) - (b.feature ?? 0));
  return { features: crossed.size ? features.filter((f) => !crossed.has(f)) : features, problems, notes };
}
