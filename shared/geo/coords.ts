// Coordinates as school tables give them, turned into WGS-84 longitude/latitude: decimal or
// 度分秒 text, one cell "112.93,28.23", WGS-84/CGCS2000 (one datum at county scale), GCJ-02
// (高德/腾讯) and BD-09 (百度) converted with gcoord, and CGCS2000 Gauss-Krüger 3°/6° projected
// metres (by EPSG code, a .prj, or the zone prefix of the easting) converted with proj4.
// Swapped values, projected values in a degree column and points far from the county are
// recognised and explained; nothing is stored on a guess without saying so.
import gcoord from 'gcoord';
import { z } from 'zod';
import proj4 from 'proj4';
import type { Position } from './model';

export const GEOGRAPHIC_SYSTEMS = ['wgs84', 'gcj02', 'bd09'] as const;
export type GeographicSystem = (typeof GEOGRAPHIC_SYSTEMS)[number];
export const SYSTEM_LABEL: Record<GeographicSystem | 'projected', string> = {
  wgs84: 'WGS-84 / CGCS2000 经纬度',
  gcj02: 'GCJ-02（高德、腾讯）',
  bd09: 'BD-09（百度）',
  projected: 'CGCS2000 高斯-克吕格投影坐标',
};

/** What the planner says the file's coordinates are. */
export type CoordinateOption =
  | { system: GeographicSystem }
  | { system: 'projected'; epsg?: number | undefined; prj?: string | undefined };

/** China's extent, degrees: a value outside it is not a coordinate in China. */
const CHINA = { lng: [73, 136], lat: [3, 54] } as const;

const num = String.raw`(\d+(?:\.\d+)?)`;
const DMS = new RegExp(String.raw`^([NSEW北南东西]|北纬|南纬|东经|西经)?\s*${num}\s*[°度]\s*(?:${num}\s*['′’分]\s*)?(?:${num}\s*(?:"|″|”|''|′′|秒)\s*)?([NSEW北南东西])?$`, 'i');

/** A degree value from a number or text: 28.23, "28.23", 28°13′48″, 28度13分48秒, N28°13'48". */
export function parseDegrees(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const t = value.trim().replace(/\s+/g, ' ');
  if (t === '') return null;
  if (/^[-+]?\d+(\.\d+)?$/.test(t)) return Number(t);
  const m = DMS.exec(t);
  if (!m) return null;
  const [, pre, d, mi, s, post] = m;
  const minutes = mi ? Number(mi) : 0;
  const seconds = s ? Number(s) : 0;
  if (minutes >= 60 || seconds >= 60) return null;
  const v = Number(d) + minutes / 60 + seconds / 3600;
  const hemi = `${pre ?? ''}${post ?? ''}`.toUpperCase();
  return /[SW南西]/.test(hemi) ? -v : v;
}

/** Two numbers in one cell: "112.93,28.23", "112.93，28.23", "112.93 28.23". */
export function parsePair(value: unknown): [number, number] | null {
  if (typeof value !== 'string') return null;
  const parts = value.trim().split(/\s*[,，;；/]\s*|\s+/).filter(Boolean);
  if (parts.length !== 2) return null;
  const a = parseDegrees(parts[0]);
  const b = parseDegrees(parts[1]);
  return a === null || b === null ? null : [a, b];
}

const inChina = (lng: number, lat: number) => lng >= CHINA.lng[0] && lng <= CHINA.lng[1] && lat >= CHINA.lat[0] && lat <= CHINA.lat[1];

/** EPSG codes of CGCS2000 Gauss-Krüger zones (with and without the zone prefix) → proj4 definition. */
export function gaussKrugerDefinition(epsg: number): { def: string; label: string } | null {
  const tm = (cm: number, x0: number) => `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=1 +x_0=${x0} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
  if (epsg >= 4491 && epsg <= 4501) {
    const zone = 13 + (epsg - 4491);
    return { def: tm(zone * 6 - 3, zone * 1e6 + 500000), label: `CGCS2000 6度带第 ${zone} 带（EPSG:${epsg}）` };
  }
  if (epsg >= 4502 && epsg <= 4512) {
    const cm = 75 + 6 * (epsg - 4502);
    return { def: tm(cm, 500000), label: `CGCS2000 6度带 中央经线 ${cm}°（EPSG:${epsg}）` };
  }
  if (epsg >= 4513 && epsg <= 4533) {
    const zone = 25 + (epsg - 4513);
    return { def: tm(zone * 3, zone * 1e6 + 500000), label: `CGCS2000 3度带第 ${zone} 带（EPSG:${epsg}）` };
  }
  if (epsg >= 4534 && epsg <= 4554) {
    const cm = 75 + 3 * (epsg - 4534);
    return { def: tm(cm, 500000), label: `CGCS2000 3度带 中央经线 ${cm}°（EPSG:${epsg}）` };
  }
  return null;
}

/** The EPSG code an easting's zone prefix implies (3° zones 25–45, 6° zones 13–23), or null. */
export function epsgFromEasting(easting: number): number | null {
  const zone = Math.floor(easting / 1e6);
  const rest = easting - zone * 1e6;
  if (rest < 100_000 || rest > 900_000) return null;
  if (zone >= 25 && zone <= 45) return 4513 + (zone - 25);
  if (zone >= 13 && zone <= 23) return 4491 + (zone - 13);
  return null;
}

// proj4 parses a definition (a .prj's WKT especially) on every call given the text; a boundary
// file converts millions of vertices with one definition, so its converter is made once.
type Converter = proj4.Converter;
const converters = new Map<string, Converter | null>();
function converterFor(def: string): Converter | null {
  if (converters.has(def)) return converters.get(def) ?? null;
  if (converters.size >= 32) converters.clear();
  let c: Converter | null;
  try {
    const made: Converter = proj4(def, 'WGS84');
    made.forward([500000, 3000000]);
    c = made;
  } catch {
    c = null;
  }
  converters.set(def, c);
  return c;
}

/** A .prj's projection as a proj4 definition (proj4 reads WKT), or null when it cannot. */
export function prjDefinition(wkt: string): string | null {
  return converterFor(wkt) ? wkt : null;
}

/** Projected metres → WGS-84 lng/lat with a proj4 definition. */
export function unproject(def: string, easting: number, northing: number): Position {
  const c = converterFor(def);
  const [lng, lat] = (c ? c.forward([easting, northing]) : proj4(def, 'WGS84', [easting, northing])) as [number, number];
  return [lng, lat];
}

/** GCJ-02 / BD-09 → WGS-84 (WGS-84 unchanged). */
export function toWgs84(p: Position, system: GeographicSystem): Position {
  if (system === 'wgs84') return p;
  const [lng, lat] = gcoord.transform([p[0], p[1]], system === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09, gcoord.WGS84) as [number, number];
  return [lng, lat];
}

/** WGS-84 → GCJ-02 / BD-09, for round-trip checks and export to web maps. */
export function fromWgs84(p: Position, system: GeographicSystem): Position {
  if (system === 'wgs84') return p;
  const [lng, lat] = gcoord.transform([p[0], p[1]], gcoord.WGS84, system === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09) as [number, number];
  return [lng, lat];
}

export interface CoordinateIssue {
  level: 'error' | 'warning' | 'info';
  code: string;
  message: string;
}

export interface CoordinateResult {
  /** WGS-84 [lng, lat], or null when the values cannot be used. */
  position: Position | null;
  issues: CoordinateIssue[];
}

const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

/** A pair of values that look like projected metres rather than degrees. */
export function looksProjected(a: number, b: number): boolean {
  return Math.abs(a) > 1000 && Math.abs(b) > 1000;
}

/**
 * One school's coordinates from the two values the file gives (as longitude, latitude or
 * easting/northing in either order), in the system the planner chose.
 */
export function readCoordinate(first: number, second: number, option: CoordinateOption = { system: 'wgs84' }): CoordinateResult {
  const issues: CoordinateIssue[] = [];
  if (!Number.isFinite(first) || !Number.isFinite(second)) {
    return { position: null, issues: [{ level: 'error', code: 'BAD_COORDINATE', message: '坐标不是有限数值，请核对。' }] };
  }
  if (looksProjected(first, second)) {
    // Gauss-Krüger: the easting carries the zone prefix (8 digits) or is under 1 000 000; the
    // northing in China is 1 000 000–6 100 000. Chinese tables often call the northing X.
    const [e, n] = isEasting(first, second) ? [first, second] : [second, first];
    if (option.system !== 'projected') {
      const guess = epsgFromEasting(e);
      const hint = guess ? `；按东坐标的带号推断为 ${gaussKrugerDefinition(guess)!.label}` : '';
      return {
        position: null,
        issues: [{ level: 'error', code: 'PROJECTED_AS_DEGREES', message: `坐标 ${first}、${second} 是以米为单位的投影坐标，不是经纬度${hint}。请在导入设置中把坐标系选为“投影坐标”并填写 EPSG 代码或提供 .prj 文件。` }],
      };
    }
    const epsg = option.epsg ?? epsgFromEasting(e);
    const def = option.prj ? prjDefinition(option.prj) : epsg ? (gaussKrugerDefinition(epsg)?.def ?? null) : null;
    if (!def) {
      const why = option.prj ? '.prj 文件中的投影无法识别' : option.epsg ? `EPSG:${option.epsg} 不是 CGCS2000 高斯-克吕格投影` : '东坐标没有带号，无法确定中央经线';
      return { position: null, issues: [{ level: 'error', code: 'UNKNOWN_PROJECTION', message: `${why}。请填写 CGCS2000 3度带或6度带的 EPSG 代码（4491–4554）。` }] };
    }
    const [lng, lat] = unproject(def, e, n);
    if (!inChina(lng, lat)) {
      return { position: null, issues: [{ level: 'error', code: 'BAD_COORDINATE', message: `投影坐标换算后为经度 ${lng.toFixed(4)}、纬度 ${lat.toFixed(4)}，不在中国境内。请核对坐标系和带号。` }] };
    }
    if (e !== first) issues.push({ level: 'info', code: 'NORTHING_FIRST', message: '投影坐标按“X 为北坐标、Y 为东坐标”的测绘习惯读取。' });
    return { position: [round7(lng), round7(lat)], issues };
  }
  let lng = first;
  let lat = second;
  if (!inChina(lng, lat) && inChina(second, first)) {
    lng = second;
    lat = first;
    issues.push({ level: 'warning', code: 'SWAPPED_COORDINATE', message: `经度 ${first}、纬度 ${second} 填反了，已按经度 ${lng}、纬度 ${lat} 读取。请核对。` });
  }
  if (!inChina(lng, lat)) {
    const msg = lat < CHINA.lat[0] || lat > CHINA.lat[1] ? `纬度 ${lat} 不在 3–54 之间（中国境内）` : `经度 ${lng} 不在 73–136 之间（中国境内）`;
    return { position: null, issues: [{ level: 'error', code: 'BAD_COORDINATE', message: `${msg}。请核对经纬度是否填反、坐标系是否正确。` }] };
  }
  if (option.system === 'projected') {
    return { position: null, issues: [{ level: 'error', code: 'DEGREES_AS_PROJECTED', message: `坐标 ${first}、${second} 是经纬度，不是投影坐标。请把坐标系改为经纬度（WGS-84/CGCS2000、GCJ-02 或 BD-09）。` }] };
  }
  const p = toWgs84([lng, lat], option.system);
  if (option.system !== 'wgs84') issues.push({ level: 'info', code: 'COORDINATE_CONVERTED', message: `坐标由 ${SYSTEM_LABEL[option.system]} 换算为 WGS-84。` });
  return { position: [round7(p[0]), round7(p[1])], issues };
}

function isEasting(a: number, b: number): boolean {
  if (epsgFromEasting(a) !== null) return true;
  if (epsgFromEasting(b) !== null) return false;
  return Math.abs(a) < 1_000_000 && Math.abs(b) >= 1_000_000;
}

/** Distance (km) beyond which a school is taken to be outside the county: no county is wider. */
export const FAR_FROM_COUNTY_KM = 150;

/**
 * A warning when a point lies far from where the county's other schools are (their median),
 * or null. Needs at least three located schools to know where the county is.
 */
export function farFromCounty(p: Position, others: readonly Position[]): CoordinateIssue | null {
  if (others.length < 3) return null;
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const c: Position = [median(others.map((o) => o[0])), median(others.map((o) => o[1]))];
  const km = (Math.hypot((p[0] - c[0]) * Math.cos((c[1] * Math.PI) / 180), p[1] - c[1]) * 6371008.8 * Math.PI) / 180 / 1000;
  if (km <= FAR_FROM_COUNTY_KM) return null;
  return {
    level: 'warning',
    code: 'FAR_FROM_COUNTY',
    message: `此校距县内其他学校约 ${Math.round(km)} 公里，远在县域之外。请核对经纬度、坐标系（GCJ-02、BD-09 需在导入设置中选择）或是否填反。`,
  };
}

/** The import option naming the file's coordinate system. */
export const coordinateOptionSchema = z.discriminatedUnion('system', [
  z.strictObject({ system: z.enum(GEOGRAPHIC_SYSTEMS) }),
  z.strictObject({
    system: z.literal('projected'),
    epsg: z.number().int().min(1024, 'EPSG 代码不正确').max(32767, 'EPSG 代码不正确').optional(),
    prj: z.string().max(20_000, '.prj 内容过长').optional(),
  }),
]);
