// Simplification for display and storage: Douglas–Peucker in a local metric projection,
// iterative (an explicit stack), so a boundary of a million vertices is thinned instead of
// being refused. One pass gives every vertex its importance — the distance at which
// Douglas–Peucker would drop it, capped by its parent's so the levels nest — and any
// tolerance is then a threshold on it: the tolerance that fits a layer into a vertex budget
// is read off the sorted importances instead of simplifying again and again.
// Rings stay closed with at least four positions and are checked for crossings after thinning
// (a thinned ring that crosses itself is thinned less). See docs/ARCHITECTURE.md, "Geography".
import { bboxCentre, bboxOfPolygon, emptyBBox, extendBBox, localProjection, type LocalProjection } from './geometry';
import type { BBox, MultiLine, MultiPolygon, Position } from './model';
import { ringSelfIntersects } from './self-crossing';

/**
 * Douglas–Peucker importance of every vertex, m (Infinity for the ends it never drops). Below
 * `floor` nothing is kept anyway, so a span whose farthest vertex is within it is not split
 * further and its vertices stay at 0: that is most of the work on a dense boundary.
 */
function importance(xs: Float64Array, ys: Float64Array, closed: boolean, floor: number): Float64Array {
  const n = xs.length;
  const imp = new Float64Array(n);
  if (n <= (closed ? 4 : 2)) return imp.fill(Infinity);
  imp[0] = Infinity;
  imp[n - 1] = Infinity;
  // [from, to, the importance cap from the parent]
  const stack: number[] = [];
  if (closed) {
    // A closed ring's first and last points coincide: split it at its farthest point first.
    let far = 1;
    let farD = -1;
    for (let i = 1; i < n - 1; i++) {
      const d = (xs[i]! - xs[0]!) ** 2 + (ys[i]! - ys[0]!) ** 2;
      if (d > farD) {
        farD = d;
        far = i;
      }
    }
    imp[far] = Infinity;
    stack.push(0, far, Infinity, far, n - 1, Infinity);
  } else {
    stack.push(0, n - 1, Infinity);
  }
  while (stack.length > 0) {
    const cap = stack.pop()!;
    const b = stack.pop()!;
    const a = stack.pop()!;
    if (b - a < 2) continue;
    const dx = xs[b]! - xs[a]!;
    const dy = ys[b]! - ys[a]!;
    const len2 = dx * dx + dy * dy;
    let idx = a + 1;
    let max = -1;
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
    // Exactly on one line (a straight edge cut into pieces): nothing between a and b matters,
    // and splitting at the first of equals would make this quadratic.
    if (max <= 0 || max <= floor * floor) continue;
    const own = Math.min(Math.sqrt(max), cap);
    imp[idx] = own;
    stack.push(a, idx, own, idx, b, own);
  }
  return imp;
}

interface Part {
  positions: readonly Position[];
  closed: boolean;
  imp: Float64Array;
}

function partOf(positions: readonly Position[], closed: boolean, proj: LocalProjection, floor: number): Part {
  const xs = new Float64Array(positions.length);
  const ys = new Float64Array(positions.length);
  for (let i = 0; i < positions.length; i++) {
    const [x, y] = proj.toXY(positions[i]!);
    xs[i] = x;
    ys[i] = y;
  }
  return { positions, closed, imp: importance(xs, ys, closed, floor) };
}

function keepAbove(part: Part, tolerance: number): Position[] {
  const { positions, imp } = part;
  const out: Position[] = [];
  for (let i = 0; i < positions.length; i++) if (imp[i]! > tolerance) out.push(positions[i]!);
  if (part.closed && out.length < 4 && positions.length >= 4) {
    // Only the two anchors and the closing point are left: keep the most important other vertex.
    let best = -1;
    for (let i = 1; i < positions.length - 1; i++) if (imp[i]! !== Infinity && (best < 0 || imp[i]! > imp[best]!)) best = i;
    const kept = new Set<number>();
    for (let i = 0; i < positions.length; i++) if (imp[i]! > tolerance || i === best) kept.add(i);
    return [...kept].sort((a, b) => a - b).map((i) => positions[i]!);
  }
  return out;
}

/** A part thinned to `tolerance`; a ring that would cross itself is thinned less, down to not at all. */
function thin(part: Part, tolerance: number): Position[] {
  if (!part.closed) return keepAbove(part, tolerance);
  for (let t = tolerance; t >= tolerance / 64; t /= 4) {
    const ring = keepAbove(part, t);
    if (ring.length === part.positions.length || !ringSelfIntersects(ring)) return ring;
  }
  return [...part.positions];
}

/** The polygon with vertices closer than `toleranceMetres` to the simplified outline dropped. */
export function simplifyPolygon(g: MultiPolygon, toleranceMetres: number): MultiPolygon {
  const proj = localProjection(bboxCentre(bboxOfPolygon(g)));
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((ring) => thin(partOf(ring, true, proj, toleranceMetres), toleranceMetres))) };
}

export function vertexCount(g: MultiPolygon | MultiLine): number {
  let n = 0;
  if (g.type === 'MultiPolygon') for (const poly of g.coordinates) for (const ring of poly) n += ring.length;
  else for (const line of g.coordinates) n += line.length;
  return n;
}

/** How many vertices a layer keeps, and the tolerances it may use to get there. */
export const DISPLAY_LIMITS = {
  /** Vertices a layer keeps: the 布局图 redraws them on every pan, the annex prints them as SVG. */
  vertices: 100_000,
  /** The smallest tolerance is the layer's diagonal ÷ this (1 m for a 100 km county): far below a pixel. */
  diagonalFraction: 100_000,
  /**
   * The largest tolerance, m: far below the smallest 服务半径 (幼儿园 300 m, GB 50180-2018), so a
   * village's township by point-in-polygon changes only within this distance of a boundary.
   */
  maxTolerance: 30,
} as const;

type Geometry = MultiPolygon | MultiLine | { type: 'Point'; coordinates: Position };

export interface ThinnedLayer<G extends Geometry> {
  geometries: G[];
  before: number;
  after: number;
  /** The tolerance used, m. */
  tolerance: number;
}

/**
 * A layer's polygons and lines thinned to fit DISPLAY_LIMITS.vertices, with the smallest
 * tolerance that does (bounded as DISPLAY_LIMITS says); null when the layer already fits.
 */
export function thinLayer<G extends Geometry>(geometries: readonly G[], onProgress?: (fraction: number) => void): ThinnedLayer<G> | null {
  let before = 0;
  const box: BBox = emptyBBox();
  for (const g of geometries) {
    if (g.type === 'Point') continue;
    before += vertexCount(g);
    if (g.type === 'MultiPolygon') bboxOfPolygon(g, box);
    else for (const line of g.coordinates) for (const p of line) extendBBox(box, p);
  }
  if (before <= DISPLAY_LIMITS.vertices) return null;
  const proj = localProjection(bboxCentre(box));
  const [x0, y0] = proj.toXY([box[0], box[1]]);
  const [x1, y1] = proj.toXY([box[2], box[3]]);
  const minTolerance = Math.max(Math.hypot(x1 - x0, y1 - y0) / DISPLAY_LIMITS.diagonalFraction, 0.01);
  // The importances are most of the work (about nine tenths); the thinning itself is the rest.
  let seen = 0;
  let reported = 0;
  const part = (positions: readonly Position[], closed: boolean): Part => {
    const p = partOf(positions, closed, proj, minTolerance);
    seen += positions.length;
    if (onProgress && seen - reported >= 1 << 16) {
      reported = seen;
      onProgress((0.9 * seen) / before);
    }
    return p;
  };
  onProgress?.(0);
  const parts = geometries.map((g) =>
    g.type === 'MultiPolygon'
      ? g.coordinates.map((poly) => poly.map((ring) => part(ring, true)))
      : g.type === 'MultiLineString'
        ? [g.coordinates.map((line) => part(line, false))]
        : [],
  );
  // The tolerance is the importance just below the budget's worth of the most important vertices.
  const all = new Float64Array(before);
  let k = 0;
  for (const g of parts) for (const poly of g) for (const part of poly) {
    all.set(part.imp, k);
    k += part.imp.length;
  }
  all.sort();
  const rank = all.length - DISPLAY_LIMITS.vertices;
  const fit = rank >= 0 ? all[rank]! : 0;
  const tolerance = Math.min(Math.max(Number.isFinite(fit) ? fit : DISPLAY_LIMITS.maxTolerance, minTolerance), DISPLAY_LIMITS.maxTolerance);
  onProgress?.(0.9);
  let after = 0;
  const out = geometries.map((g, i): G => {
    const p = parts[i]!;
    if (g.type === 'Point') return g;
    if (g.type === 'MultiPolygon') {
      const coordinates = p.map((poly) => poly.map((part) => thin(part, tolerance)));
      for (const poly of coordinates) for (const ring of poly) after += ring.length;
      return { ...g, coordinates } as G;
    }
    const coordinates = p[0]!.map((part) => thin(part, tolerance));
    for (const line of coordinates) after += line.length;
    return { ...g, coordinates } as G;
  });
  return { geometries: out, before, after, tolerance };
}
