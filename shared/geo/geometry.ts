// Plane geometry on lng/lat: bounding boxes, ring areas, point-in-polygon, a point inside a
// polygon, and a local metric projection for distances. At county scale (≤ 200 km) an
// equirectangular projection about the county's middle latitude is within 0.5 % of the
// great-circle distance, far below what a 路网系数 already approximates, and lets a k-d tree
// index points in metres.
import type { BBox, MultiPolygon, Position } from './model';

/** Mean Earth radius, m (IUGG). */
export const EARTH_RADIUS = 6_371_008.8;
const RAD = Math.PI / 180;

/** Great-circle distance between two positions, m (haversine). */
export function haversine(a: Position, b: Position): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLng = (b[0] - a[0]) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** lng/lat ↔ metres east/north of an origin (equirectangular about the origin's latitude). */
export interface LocalProjection {
  toXY(p: Position): [number, number];
  toLngLat(x: number, y: number): Position;
}

export function localProjection(origin: Position): LocalProjection {
  const kx = EARTH_RADIUS * RAD * Math.cos(origin[1] * RAD);
  const ky = EARTH_RADIUS * RAD;
  return {
    toXY: (p) => [(p[0] - origin[0]) * kx, (p[1] - origin[1]) * ky],
    toLngLat: (x, y) => [origin[0] + x / kx, origin[1] + y / ky],
  };
}

/** Positions in metres as two coordinate arrays (what the k-d tree indexes). */
export function projectAll(proj: LocalProjection, positions: readonly Position[]): { xs: Float64Array; ys: Float64Array } {
  const xs = new Float64Array(positions.length);
  const ys = new Float64Array(positions.length);
  positions.forEach((p, i) => {
    const [x, y] = proj.toXY(p);
    xs[i] = x;
    ys[i] = y;
  });
  return { xs, ys };
}

export function emptyBBox(): BBox {
  return [Infinity, Infinity, -Infinity, -Infinity];
}

export function extendBBox(b: BBox, p: Position): BBox {
  if (p[0] < b[0]) b[0] = p[0];
  if (p[1] < b[1]) b[1] = p[1];
  if (p[0] > b[2]) b[2] = p[0];
  if (p[1] > b[3]) b[3] = p[1];
  return b;
}

export function isEmptyBBox(b: BBox): boolean {
  return !(b[0] <= b[2] && b[1] <= b[3]);
}

export function bboxOfPolygon(g: MultiPolygon, into: BBox = emptyBBox()): BBox {
  for (const poly of g.coordinates) for (const p of poly[0] ?? []) extendBBox(into, p);
  return into;
}

export function bboxCentre(b: BBox): Position {
  return [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
}

/** Signed area of a ring in squared degrees (positive counter-clockwise). */
export function ringSignedArea(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j]!;
    const b = ring[i]!;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

/** Area of a multipolygon in m² (outer rings less holes), in a local projection. */
export function polygonArea(g: MultiPolygon): number {
  const proj = localProjection(bboxCentre(bboxOfPolygon(g)));
  let total = 0;
  for (const poly of g.coordinates) {
    poly.forEach((ring, i) => {
      const a = Math.abs(ringSignedArea(ring.map((p) => proj.toXY(p))));
      total += i === 0 ? a : -a;
    });
  }
  return total;
}

function inRing(p: Position, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

/** Point in a multipolygon (inside an outer ring and in none of its holes). */
export function pointInPolygon(p: Position, g: MultiPolygon): boolean {
  for (const poly of g.coordinates) {
    if (!poly[0] || !inRing(p, poly[0])) continue;
    if (poly.slice(1).some((hole) => inRing(p, hole))) continue;
    return true;
  }
  return false;
}

/** Area-weighted centroid of the largest polygon's outer ring. */
function largestRingCentroid(g: MultiPolygon): Position | null {
  let best: readonly Position[] | null = null;
  let bestArea = 0;
  for (const poly of g.coordinates) {
    const ring = poly[0];
    if (!ring) continue;
    const a = Math.abs(ringSignedArea(ring));
    if (a > bestArea) {
      bestArea = a;
      best = ring;
    }
  }
  if (!best) return null;
  let cx = 0;
  let cy = 0;
  let a2 = 0;
  for (let i = 0, j = best.length - 1; i < best.length; j = i++) {
    const a = best[j]!;
    const b = best[i]!;
    const f = a[0] * b[1] - b[0] * a[1];
    cx += (a[0] + b[0]) * f;
    cy += (a[1] + b[1]) * f;
    a2 += f;
  }
  if (a2 === 0) return best[0] ?? null;
  return [cx / (3 * a2), cy / (3 * a2)];
}

/**
 * Points inside the polygon on a regular grid of about `n` cells over its box; always at
 * least one point (the centroid, or the box's centre) so a tiny polygon still has demand.
 */
export function gridInside(g: MultiPolygon, n: number): Position[] {
  const b = bboxOfPolygon(g);
  const w = b[2] - b[0];
  const h = b[3] - b[1];
  const step = Math.sqrt((w * h) / Math.max(1, n)) || 1e-6;
  const out: Position[] = [];
  for (let x = b[0] + step / 2; x < b[2]; x += step) {
    for (let y = b[1] + step / 2; y < b[3]; y += step) {
      const p: Position = [x, y];
      if (pointInPolygon(p, g)) out.push(p);
    }
  }
  if (out.length === 0) out.push(representativePoint(g));
  return out;
}

/** A point inside the polygon: its centroid when that lies inside, else the grid point nearest to it. */
export function representativePoint(g: MultiPolygon): Position {
  const c = largestRingCentroid(g) ?? bboxCentre(bboxOfPolygon(g));
  if (pointInPolygon(c, g)) return c;
  const b = bboxOfPolygon(g);
  const step = Math.max(b[2] - b[0], b[3] - b[1]) / 40 || 1e-6;
  let best: Position | null = null;
  let bestD = Infinity;
  for (let x = b[0] + step / 2; x < b[2]; x += step) {
    for (let y = b[1] + step / 2; y < b[3]; y += step) {
      if (!pointInPolygon([x, y], g)) continue;
      const d = (x - c[0]) ** 2 + (y - c[1]) ** 2;
      if (d < bestD) {
        bestD = d;
        best = [x, y];
      }
    }
  }
  return best ?? g.coordinates[0]?.[0]?.[0] ?? c;
}
