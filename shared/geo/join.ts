// Boundary features joined to the project's townships: by code (a 9-digit 乡级 code, or a
// 12-digit village code's first 9 digits) where a feature has one, else by name (exact, then
// without the 镇/乡/街道 suffix). What does not join is reported, never dropped in silence.
import type { Township } from '../domain/model';
import { representativePoint } from './geometry';
import { featureName, type ParsedFeature } from './features';
import type { MultiPolygon, Position, TownshipBoundary, Village } from './model';

const CODE_KEYS = ['code', 'CODE', 'Code', 'XZQDM', 'xzqdm', 'DM', 'PAC', 'adcode', 'ADCODE', '乡镇代码', '代码', '区划代码', 'QHDM'];

export function featureCode(props: Record<string, unknown>): string {
  for (const k of CODE_KEYS) {
    const v = props[k];
    if ((typeof v === 'string' || typeof v === 'number') && /^\d{6,12}$/.test(String(v).trim())) return String(v).trim();
  }
  return '';
}

const bare = (name: string) => name.replace(/(街道办事处|街道|镇|乡|民族乡)$/, '');

export interface JoinReport {
  joined: number;
  /** Features that matched no township: number, name, code. */
  unmatched: { feature: number; name: string; code: string }[];
  /** Townships no feature matched. */
  missing: string[];
}

/** Township boundaries from polygon features; features of the same township are merged. */
export function joinTownships(features: readonly ParsedFeature[], townships: readonly Township[], source: string): { boundaries: TownshipBoundary[]; report: JoinReport } {
  const byCode = new Map(townships.map((t) => [t.code, t]));
  const byName = new Map(townships.map((t) => [t.name, t]));
  const byBare = new Map(townships.map((t) => [bare(t.name), t]));
  const out = new Map<string, TownshipBoundary>();
  const unmatched: JoinReport['unmatched'] = [];
  for (const f of features) {
    if (f.geometry.type !== 'MultiPolygon') {
      unmatched.push({ feature: f.index, name: featureName(f.properties), code: featureCode(f.properties) });
      continue;
    }
    const code = featureCode(f.properties);
    const name = featureName(f.properties);
    const t = (code ? (byCode.get(code.slice(0, 9)) ?? byCode.get(code)) : undefined) ?? byName.get(name) ?? byBare.get(bare(name));
    if (!t) {
      unmatched.push({ feature: f.index, name, code });
      continue;
    }
    const prev = out.get(t.code);
    if (prev) prev.geometry.coordinates.push(...f.geometry.coordinates);
    else out.set(t.code, { township: t.code, name: name || t.name, geometry: { type: 'MultiPolygon', coordinates: [...f.geometry.coordinates] }, source });
  }
  const missing = townships.filter((t) => !out.has(t.code)).map((t) => t.name);
  return { boundaries: [...out.values()], report: { joined: out.size, unmatched, missing } };
}

const POP_KEYS = ['population', 'POP', 'pop', '人口', '总人口', '户籍人口', '常住人口', 'RK'];
const CHILD_KEYS: Record<'preschool' | 'primary' | 'junior', string[]> = {
  preschool: ['preschool', '学前儿童', '3-5岁', '学前'],
  primary: ['primary', '小学学龄儿童', '6-11岁', '小学'],
  junior: ['junior', '初中学龄儿童', '12-14岁', '初中'],
};

function numberOf(props: Record<string, unknown>, keys: readonly string[]): number | null {
  for (const k of keys) {
    const v = props[k];
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    if (Number.isFinite(n) && n >= 0) return Math.round(n);
  }
  return null;
}

/** Villages from point or polygon features, placed in the township whose code or polygon holds them. */
export function joinVillages(
  features: readonly ParsedFeature[],
  townships: readonly Township[],
  boundaries: readonly TownshipBoundary[],
  source: string,
  inside: (p: Position, g: MultiPolygon) => boolean,
): { villages: Village[]; report: JoinReport } {
  const byCode = new Map(townships.map((t) => [t.code, t]));
  const byName = new Map(townships.map((t) => [t.name, t]));
  const villages: Village[] = [];
  const unmatched: JoinReport['unmatched'] = [];
  const ids = new Set<string>();
  for (const f of features) {
    if (f.geometry.type === 'MultiLineString') {
      unmatched.push({ feature: f.index, name: featureName(f.properties), code: featureCode(f.properties) });
      continue;
    }
    const point: Position = f.geometry.type === 'Point' ? f.geometry.coordinates : representativePoint(f.geometry);
    const code = featureCode(f.properties);
    const name = featureName(f.properties) || `村${f.index}`;
    const townshipName = typeof f.properties['乡镇'] === 'string' ? (f.properties['乡镇'] as string) : '';
    const t =
      (code.length >= 9 ? byCode.get(code.slice(0, 9)) : undefined) ??
      byName.get(townshipName) ??
      townships.find((x) => boundaries.some((b) => b.township === x.code && inside(point, b.geometry)));
    if (!t) {
      unmatched.push({ feature: f.index, name, code });
      continue;
    }
    let id = code || `${t.code}-${f.index}`;
    while (ids.has(id)) id = `${id}-${f.index}`;
    ids.add(id);
    const byStage: Partial<Record<'preschool' | 'primary' | 'junior', number>> = {};
    for (const [stage, keys] of Object.entries(CHILD_KEYS)) {
      const n = numberOf(f.properties, keys);
      if (n !== null) byStage[stage as keyof typeof CHILD_KEYS] = n;
    }
    villages.push({
      id,
      name,
      code: code || null,
      townshipId: t.code,
      geometry: f.geometry.type === 'Point' ? f.geometry : f.geometry,
      point,
      population: numberOf(f.properties, POP_KEYS),
      children: Object.keys(byStage).length ? { basis: 'stage', byStage } : null,
      source,
    });
  }
  return { villages, report: { joined: villages.length, unmatched, missing: [] } };
}

/** The outline: every polygon of every feature, as one multipolygon. */
export function outlineOf(features: readonly ParsedFeature[]): MultiPolygon | null {
  const coords = features.flatMap((f) => (f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : []));
  return coords.length ? { type: 'MultiPolygon', coordinates: coords } : null;
}

