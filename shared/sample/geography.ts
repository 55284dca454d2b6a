// The sample county's geography: a county outline round the county town, township polygons
// that tile it (the Voronoi cells of the township seats, clipped to the outline), villages and
// communities spread over each township with the township's recorded children shared out
// among them, roads from the county town to each township seat, a river and the seats as
// towns. Rural primary schools other than the township's central one stand in villages, so
// the county town is dense and the outer townships sparse. Deterministic like the rest.
import { largestRemainder } from '../analysis/apportion';
import type { PopulationRecord, School } from '../domain/model';
import { localProjection, pointInPolygon, representativePoint } from '../geo/geometry';
import type { CountyGeography, MultiPolygon, Position, ReferenceFeature, TownshipBoundary, Village } from '../geo/model';
import { shortName } from './names';
import type { Rng } from './prng';
import type { CountyFrame, TownshipInfo } from './townships';

const SOURCE = '示例数据';
/** Age bands the villages' children are given in (inclusive). */
const BANDS: readonly [number, number][] = [
  [0, 2],
  [3, 5],
  [6, 11],
  [12, 14],
  [15, 17],
];
/** Total population per child aged 0–17: a rural county's age structure, roughly 1 in 4.5. */
const PEOPLE_PER_CHILD = 4.5;

const SURNAMES = ['李', '王', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '宋', '谢', '韩', '唐', '冯', '于', '董', '萧'];
const PLACE_ENDINGS = ['庄', '营', '寨', '湾', '岗', '店', '集', '庙', '楼', '屯', '沟', '坪', '河', '桥', '园', '岭'];
const COMMUNITIES = ['新华', '建设', '人民', '解放', '文化', '胜利', '和平', '团结', '幸福', '光明', '东风', '红旗', '民主', '振兴', '朝阳', '滨河', '花园', '翠苑'];

type XY = [number, number];

/** Keeps the part of a polygon on a's side of the perpendicular bisector of a and b. */
function clipBisector(poly: XY[], a: XY, b: XY): XY[] {
  const nx = b[0] - a[0];
  const ny = b[1] - a[1];
  const c = (nx * (a[0] + b[0])) / 2 + (ny * (a[1] + b[1])) / 2;
  const side = (p: XY) => p[0] * nx + p[1] * ny - c;
  const out: XY[] = [];
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i]!;
    const q = poly[(i + 1) % poly.length]!;
    const sp = side(p);
    const sq = side(q);
    if (sp <= 0) out.push(p);
    if ((sp < 0 && sq > 0) || (sp > 0 && sq < 0)) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function ringOf(points: readonly XY[], toLngLat: (x: number, y: number) => Position): Position[] {
  const ring = points.map(([x, y]) => {
    const [lng, lat] = toLngLat(x, y);
    return [round6(lng), round6(lat)] as Position;
  });
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}

export interface SampleGeography {
  geography: CountyGeography;
  /** The schools with rural village schools moved into villages and every school inside its township. */
  schools: School[];
}

export function buildGeography(rng: Rng, frame: CountyFrame, schools: readonly School[], population: readonly PopulationRecord[], baseYear: number): SampleGeography {
  const proj = localProjection([frame.lng, frame.lat]);
  const seats: XY[] = frame.townships.map((t) => proj.toXY([t.lng, t.lat]));

  // Outline: a gently irregular round shape a few km beyond the farthest seat.
  const reach = Math.max(...seats.map(([x, y]) => Math.hypot(x, y))) + 7000;
  const phases = [rng.float(0, 6.3), rng.float(0, 6.3), rng.float(0, 6.3)];
  const outlineXY: XY[] = [];
  for (let k = 0; k < 48; k++) {
    const th = (2 * Math.PI * k) / 48;
    const r = reach * (1 + 0.07 * Math.sin(2 * th + phases[0]!) + 0.05 * Math.sin(3 * th + phases[1]!) + 0.025 * Math.sin(5 * th + phases[2]!));
    outlineXY.push([r * Math.cos(th), r * Math.sin(th)]);
  }
  const toLngLat = proj.toLngLat;
  const outline: MultiPolygon = { type: 'MultiPolygon', coordinates: [[ringOf(outlineXY, toLngLat)]] };

  const cells: XY[][] = seats.map((s, i) => {
    let cell = outlineXY;
    seats.forEach((o, j) => {
      if (j !== i) cell = clipBisector(cell, s, o);
    });
    return cell;
  });
  const boundaries: TownshipBoundary[] = frame.townships.map((t, i) => ({
    township: t.township.code,
    name: t.township.name,
    geometry: { type: 'MultiPolygon', coordinates: [[ringOf(cells[i]!, toLngLat)]] },
    source: SOURCE,
  }));
  const cellOf = new Map(boundaries.map((b) => [b.township, b.geometry]));

  const villages: Village[] = [];
  const movedSchools = new Map<string, Position>();
  frame.townships.forEach((info, ti) => {
    const geometry = cellOf.get(info.township.code)!;
    const placed = placeVillages(rng.fork(info.township.code), info, seats[ti]!, geometry, proj);
    const points = placed.map(([x, y]) => proj.toLngLat(x, y)).map(([lng, lat]) => [round6(lng), round6(lat)] as Position);
    const list = villagesOf(info, points, population, baseYear, rng.fork(`${info.township.code}-children`));
    villages.push(...list);
    // County-town schools stand in its communities; in rural townships every primary school and
    // kindergarten but the central one of each kind stands in a village, farthest villages first.
    if (list.length > 0) {
      const local = schools
        .filter((s) => s.township === info.township.code && (info.urban || s.kind === 'primary' || s.kind === 'teaching_point' || s.kind === 'kindergarten'))
        .map((s) => ({ s, d: seatDistance(s.lng ?? info.lng, s.lat ?? info.lat, seats[ti]!, proj) }))
        .sort((a, b) => a.d - b.d || a.s.code.localeCompare(b.s.code));
      const central = new Set<string>();
      const moving = local.filter(({ s }) => {
        if (info.urban) return true;
        const kind = s.kind === 'teaching_point' ? 'primary' : s.kind;
        if (central.has(kind)) return true;
        central.add(kind);
        return false;
      });
      const order = info.urban ? list : [...list].sort((a, b) => seatDistance(b.point[0], b.point[1], seats[ti]!, proj) - seatDistance(a.point[0], a.point[1], seats[ti]!, proj) || a.id.localeCompare(b.id));
      moving.forEach(({ s }, k) => {
        const v = order[info.urban ? k % order.length : (k * 2) % order.length]!;
        const offset = proj.toLngLat(rng.float(-180, 180), rng.float(-180, 180));
        movedSchools.set(s.code, [round6(v.point[0] + offset[0] - frame.lng), round6(v.point[1] + offset[1] - frame.lat)]);
      });
    }
  });

  const out = schools.map((s) => {
    const info = frame.townships.find((t) => t.township.code === s.township);
    const cell = cellOf.get(s.township);
    let p: Position | null = movedSchools.get(s.code) ?? (s.lng !== null && s.lat !== null ? [s.lng, s.lat] : null);
    if (p && info && cell && !pointInPolygon(p, cell)) p = pullInside(p, [info.lng, info.lat], cell);
    return p ? { ...s, lng: round6(p[0]), lat: round6(p[1]) } : s;
  });

  return {
    geography: { outline: { geometry: outline, source: SOURCE }, townships: boundaries, villages, layers: referenceLayers(rng.fork('layers'), frame, seats, reach, proj) },
    schools: out,
  };
}

function seatDistance(lng: number, lat: number, seat: XY, proj: ReturnType<typeof localProjection>): number {
  const [x, y] = proj.toXY([lng, lat]);
  return Math.hypot(x - seat[0], y - seat[1]);
}

/** Moves a point toward its township seat (inside its own cell) until it is inside the polygon. */
function pullInside(p: Position, seat: Position, cell: MultiPolygon): Position {
  for (let f = 0.9; f > 0; f -= 0.1) {
    const q: Position = [seat[0] + (p[0] - seat[0]) * f, seat[1] + (p[1] - seat[1]) * f];
    if (pointInPolygon(q, cell)) return q;
  }
  return seat;
}

/** Village positions by best-candidate sampling: evenly spread, communities close to the seat. */
function placeVillages(rng: Rng, info: TownshipInfo, seat: XY, cell: MultiPolygon, proj: ReturnType<typeof localProjection>): XY[] {
  const count = info.urban ? rng.int(5, 9) : info.township.kind === '乡' ? rng.int(9, 15) : rng.int(12, 20);
  const ring = cell.coordinates[0]![0]!.map((p) => proj.toXY(p));
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const out: XY[] = [];
  for (let n = 0; n < count; n++) {
    let best: XY | null = null;
    let bestGap = -1;
    for (let tries = 0; tries < 30; tries++) {
      // Communities crowd round the seat; about half the villages lie within 4 km of it (the
      // plain round the market town), the rest anywhere in the township (the hills).
      const c: XY = info.urban
        ? [seat[0] + rng.float(-1300, 1300), seat[1] + rng.float(-1300, 1300)]
        : n % 2 === 0
          ? [seat[0] + rng.float(-4000, 4000), seat[1] + rng.float(-4000, 4000)]
          : [rng.float(x0, x1), rng.float(y0, y1)];
      if (!pointInPolygon(proj.toLngLat(c[0], c[1]), cell)) continue;
      const gap = out.length === 0 ? 1 : Math.min(...out.map((o) => Math.hypot(o[0] - c[0], o[1] - c[1])));
      if (gap > bestGap) {
        bestGap = gap;
        best = c;
      }
    }
    out.push(best ?? proj.toXY(representativePoint(cell)));
  }
  return out;
}

/** Villages of a township with the township's recorded children of the base year shared out. */
function villagesOf(info: TownshipInfo, placed: readonly Position[], population: readonly PopulationRecord[], baseYear: number, rng: Rng): Village[] {
  const code = info.township.code;
  const ages = new Array<number>(18).fill(0);
  for (const r of population) if (r.township === code && r.year === baseYear && r.age <= 17 && r.sex === 'T') ages[r.age]! += r.count;
  const weights = placed.map(() => Math.exp(rng.normal(0.45)));
  const perBand = BANDS.map(([from, to]) => largestRemainder(weights, ages.slice(from, to + 1).reduce((a, b) => a + b, 0)));
  const used = new Set<string>();
  return placed.map((point, i) => {
    const name = uniqueName(rng, info, used);
    const vcode = `${code}${String(info.urban ? i + 1 : 200 + i + 1).padStart(3, '0')}`;
    const bands = BANDS.map(([from, to], b) => ({ from, to, count: perBand[b]![i]! }));
    const children = bands.reduce((a, b) => a + b.count, 0);
    return {
      id: vcode,
      name,
      code: vcode,
      townshipId: code,
      geometry: { type: 'Point', coordinates: point },
      point,
      population: Math.round(children * PEOPLE_PER_CHILD),
      children: { basis: 'age', bands },
      source: `${SOURCE}（按乡镇 ${baseYear} 年分年龄人口分配）`,
    } satisfies Village;
  });
}

function uniqueName(rng: Rng, info: TownshipInfo, used: Set<string>): string {
  for (let k = 0; k < 50; k++) {
    const name = info.urban ? `${rng.pick(COMMUNITIES)}社区` : `${rng.pick(SURNAMES)}${rng.pick(PLACE_ENDINGS)}村`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const name = `${shortName(info.township.name)}${used.size + 1}村`;
  used.add(name);
  return name;
}

function referenceLayers(rng: Rng, frame: CountyFrame, seats: readonly XY[], reach: number, proj: ReturnType<typeof localProjection>): ReferenceFeature[] {
  const line = (pts: XY[]): Position[] => pts.map(([x, y]) => {
    const [lng, lat] = proj.toLngLat(x, y);
    return [round6(lng), round6(lat)] as Position;
  });
  const out: ReferenceFeature[] = [];
  const centre = seats[frame.townships.findIndex((t) => t.distanceKm === 0)] ?? [0, 0];
  frame.townships.forEach((t, i) => {
    if (t.urban) return;
    const s = seats[i]!;
    const mid: XY = [(centre[0] + s[0]) / 2 + rng.float(-800, 800), (centre[1] + s[1]) / 2 + rng.float(-800, 800)];
    out.push({ kind: 'road', name: `县道 ${shortName(t.township.name)}线`, geometry: { type: 'MultiLineString', coordinates: [line([centre, mid, s])] }, source: SOURCE });
  });
  const angle = rng.float(0, Math.PI);
  const river: XY[] = [];
  for (let k = -12; k <= 12; k++) {
    const along = (k / 12) * reach * 1.1;
    const wiggle = Math.sin(k * 0.9) * 1500 + 1200;
    river.push([along * Math.cos(angle) - wiggle * Math.sin(angle), along * Math.sin(angle) + wiggle * Math.cos(angle)]);
  }
  out.push({ kind: 'river', name: '清水河', geometry: { type: 'MultiLineString', coordinates: [line(river)] }, source: SOURCE });
  frame.townships.forEach((t, i) => {
    const [lng, lat] = proj.toLngLat(seats[i]![0], seats[i]![1]);
    out.push({ kind: 'town', name: t.township.name, geometry: { type: 'Point', coordinates: [round6(lng), round6(lat)] }, source: SOURCE });
  });
  return out;
}
