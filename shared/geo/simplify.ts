// Polygon simplification for display: Douglas–Peucker on each ring in a local metric
// projection, iterative (an explicit stack), so a boundary of a million vertices is thinned
// to what the map can draw instead of being refused. Rings keep at least four positions.
import { bboxCentre, bboxOfPolygon, localProjection } from './geometry';
import type { MultiPolygon, Position } from './model';

function simplifyRing(ring: readonly Position[], xy: (p: Position) => [number, number], tolerance: number): Position[] {
  const n = ring.length;
  if (n <= 4) return [...ring];
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [x, y] = xy(ring[i]!);
    xs[i] = x;
    ys[i] = y;
  }
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  // A closed ring's first and last points coincide: split it at its farthest point first.
  let far = 0;
  let farD = -1;
  for (let i = 1; i < n - 1; i++) {
    const d = (xs[i]! - xs[0]!) ** 2 + (ys[i]! - ys[0]!) ** 2;
    if (d > farD) {
      farD = d;
      far = i;
    }
  }
  keep[far] = 1;
  const stack: number[] = [0, far, far, n - 1];
  const tol2 = tolerance * tolerance;
  while (stack.length > 0) {
    const b = stack.pop()!;
    const a = stack.pop()!;
    if (b - a < 2) continue;
    const dx = xs[b]! - xs[a]!;
    const dy = ys[b]! - ys[a]!;
    const len2 = dx * dx + dy * dy;
    let idx = -1;
    let max = tol2;
    for (let i = a + 1; i < b; i++) {
      let d: number;
      if (len2 === 0) d = (xs[i]! - xs[a]!) ** 2 + (ys[i]! - ys[a]!) ** 2;
      else {
        const cross = dx * (ys[i]! - ys[a]!) - dy * (xs[i]! - xs[a]!);
        d = (cross * cross) / len2;
      }
      if (d > max) {
        max = d;
        idx = i;
      }
    }
    if (idx >= 0) {
      keep[idx] = 1;
      stack.push(a, idx, idx, b);
    }
  }
  const out: Position[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(ring[i]!);
  if (out.length < 4) return [ring[0]!, ring[Math.floor(n / 3)]!, ring[Math.floor((2 * n) / 3)]!, ring[n - 1]!];
  return out;
}

/** The polygon with vertices closer than `toleranceMetres` to the simplified outline dropped. */
export function simplifyPolygon(g: MultiPolygon, toleranceMetres: number): MultiPolygon {
  const proj = localProjection(bboxCentre(bboxOfPolygon(g)));
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((ring) => simplifyRing(ring, proj.toXY, toleranceMetres))) };
}

export function vertexCount(g: MultiPolygon): number {
  let n = 0;
  for (const poly of g.coordinates) for (const ring of poly) n += ring.length;
  return n;
}
