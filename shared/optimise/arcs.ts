// Which schools each demand point may use, and how far they are by road: the straight line
// in a local plane times the 路网系数. Points keep the schools within the service distance
// (the nearest `maxNear` of them), the nearest `maxFar` beyond it up to `beyondFactor` times
// it (allowed at a penalty), and, where boarding is allowed, the nearest `maxFar` further out
// up to the boarding limit. A point with no school or site in reach has no arc: its
// children are counted unmet, and the result says so.
import type { Arc } from './instance';

export interface Located {
  x: number;
  y: number;
}

const EARTH_M = 6_371_000;

/**
 * Longitude/latitude (WGS-84 or GCJ-02, degrees) to metres in a plane centred on the
 * county: an equirectangular projection, within a fraction of a per cent over a county's
 * tens of kilometres, which is far below the uncertainty of the 路网系数.
 */
export function toLocalPlane(points: readonly { lng: number; lat: number }[]): Located[] {
  if (points.length === 0) return [];
  const lat0 = points.reduce((s, p) => s + p.lat, 0) / points.length;
  const lng0 = points.reduce((s, p) => s + p.lng, 0) / points.length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  return points.map((p) => ({
    x: (((p.lng - lng0) * Math.PI) / 180) * EARTH_M * k,
    y: (((p.lat - lat0) * Math.PI) / 180) * EARTH_M,
  }));
}

export interface ArcOptions {
  /** Road km. */
  serviceKm: number;
  /** Road km for point `i` where it differs (城区 and 乡村 townships have different radii). */
  serviceKmOf?: (point: number) => number;
  /** Road km; null: no boarding. */
  boardingKm: number | null;
  roadFactor: number;
  /** Children may travel up to this many times the service distance without boarding (at a penalty); 1: not at all. */
  beyondFactor: number;
  maxNear: number;
  maxFar: number;
}

/** Grid buckets of the facilities, so each point looks only at the cells within its radius. */
function grid(facilities: readonly Located[], cell: number) {
  const cells = new Map<string, number[]>();
  facilities.forEach((f, i) => {
    const key = `${Math.floor(f.x / cell)},${Math.floor(f.y / cell)}`;
    const list = cells.get(key);
    if (list) list.push(i);
    else cells.set(key, [i]);
  });
  return (p: Located, radius: number): number[] => {
    const r = Math.ceil(radius / cell);
    const cx = Math.floor(p.x / cell);
    const cy = Math.floor(p.y / cell);
    const out: number[] = [];
    for (let dx = -r; dx <= r; dx++) for (let dy = -r; dy <= r; dy++) out.push(...(cells.get(`${cx + dx},${cy + dy}`) ?? []));
    return out;
  };
}

export function buildArcs(points: readonly Located[], facilities: readonly Located[], o: ArcOptions): Arc[] {
  const arcs: Arc[] = [];
  if (facilities.length === 0) return arcs;
  let reachKm = Math.max(o.serviceKm * o.beyondFactor, o.boardingKm ?? 0);
  if (o.serviceKmOf) for (let i = 0; i < points.length; i++) reachKm = Math.max(reachKm, o.serviceKmOf(i) * o.beyondFactor);
  const cellM = Math.max(500, (reachKm * 1000) / o.roadFactor / 2);
  const near = grid(facilities, cellM);
  points.forEach((p, pi) => {
    const km = (f: number) => {
      const q = facilities[f] as Located;
      return (Math.hypot(p.x - q.x, p.y - q.y) / 1000) * o.roadFactor;
    };
    const inReach = near(p, (reachKm * 1000) / o.roadFactor)
      .map((f) => ({ f, km: km(f) }))
      .filter((c) => c.km <= reachKm)
      .sort((a, b) => a.km - b.km || a.f - b.f);
    const service = o.serviceKmOf?.(pi) ?? o.serviceKm;
    const within = inReach.filter((c) => c.km <= service).slice(0, o.maxNear);
    const outside = inReach.filter((c) => c.km > service && c.km <= service * o.beyondFactor).slice(0, o.maxFar);
    const boarding = o.boardingKm === null ? [] : inReach.filter((c) => c.km > service * o.beyondFactor && c.km <= (o.boardingKm as number)).slice(0, o.maxFar);
    for (const c of within) arcs.push({ point: pi, facility: c.f, km: c.km, far: false, beyond: false });
    for (const c of outside) arcs.push({ point: pi, facility: c.f, km: c.km, far: false, beyond: true });
    for (const c of boarding) arcs.push({ point: pi, facility: c.f, km: c.km, far: true, beyond: false });
  });
  return arcs;
}

/**
 * The area-balance rule ("片区学位平衡"), the one the plan's "what needs to be built" uses: a
 * point may use any school or site of its own area, whatever the distance (travel still
 * costs), and none elsewhere. Nothing is beyond the service distance under this rule.
 * `maxPerPoint` keeps the nearest ones only: a county's MIP with every pair of an area is
 * several times larger and the solver spends its time limit on the first relaxation.
 */
export function areaArcs(
  points: readonly Located[],
  facilities: readonly Located[],
  pointArea: readonly string[],
  facilityArea: readonly string[],
  roadFactor: number,
  maxPerPoint = Infinity,
): Arc[] {
  const byArea = new Map<string, number[]>();
  facilityArea.forEach((a, f) => {
    const list = byArea.get(a);
    if (list) list.push(f);
    else byArea.set(a, [f]);
  });
  const arcs: Arc[] = [];
  points.forEach((p, pi) => {
    const reach = (byArea.get(pointArea[pi] ?? '') ?? [])
      .map((f) => {
        const q = facilities[f] as Located;
        return { f, km: (Math.hypot(p.x - q.x, p.y - q.y) / 1000) * roadFactor };
      })
      .sort((a, b) => a.km - b.km || a.f - b.f)
      .slice(0, maxPerPoint);
    for (const c of reach) arcs.push({ point: pi, facility: c.f, km: c.km, far: false, beyond: false });
  });
  return arcs;
}
