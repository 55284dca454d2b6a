// Whether a polygon ring runs over itself, fast enough for every ring of a surveyed boundary
// (a million vertices in a ring occur). Comparing every pair of edges is O(n²) — minutes for
// 100 k vertices — so the edges go into a uniform grid over the ring's box and only edges that
// share a cell are compared; a cell still crowded (edges bunched in one place) is gridded
// again inside. The cell size also grows with the edges' lengths, so long edges never fill
// more than a few cells each and memory stays a small multiple of the vertex count.
//
// Refused: two edges that are not neighbours along the ring crossing properly, or lying on one
// line and overlapping over a length (the boundary runs back over itself). Accepted: edges
// that only touch at a point (a ring pinched at a vertex, common in real data and harmless to
// the point-in-polygon tests that use the ring).
import type { BBox, Position } from './model';

export interface RingCrossing {
  /** The two edges, by the index of their first vertex. */
  edges: [number, number];
  /** Where they cross (the middle of the overlap for collinear edges). */
  at: Position;
}

/** Compare every pair at or below this many edges in a cell. */
const BRUTE = 24;
/** Grids inside grids stop here; what is still crowded is compared pair by pair. */
const MAX_DEPTH = 6;

/** The first crossing of a closed ring (first position repeated at the end), or null. */
export function ringSelfCrossing(ring: readonly Position[]): RingCrossing | null {
  const n = ring.length - 1;
  if (n < 4) return null;
  const xs = new Float64Array(n + 1);
  const ys = new Float64Array(n + 1);
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i <= n; i++) {
    const p = ring[i]!;
    xs[i] = p[0];
    ys[i] = p[1];
    if (p[0] < box[0]) box[0] = p[0];
    if (p[0] > box[2]) box[2] = p[0];
    if (p[1] < box[1]) box[1] = p[1];
    if (p[1] > box[3]) box[3] = p[1];
  }
  const edges = new Int32Array(n);
  for (let i = 0; i < n; i++) edges[i] = i;
  return search(new Ring(xs, ys, n), edges, box, 0);
}

/** Whether a closed ring runs over itself (see ringSelfCrossing). */
export function ringSelfIntersects(ring: readonly Position[]): boolean {
  return ringSelfCrossing(ring) !== null;
}

class Ring {
  constructor(
    readonly xs: Float64Array,
    readonly ys: Float64Array,
    readonly n: number,
  ) {}

  private orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
    return Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
  }

  /** Edges i and j (i ≠ j) crossing or overlapping; null when they do not or are neighbours. */
  crossing(i: number, j: number): RingCrossing | null {
    const n = this.n;
    const d = Math.abs(i - j);
    if (d <= 1 || d === n - 1) return null;
    const { xs, ys } = this;
    const ax = xs[i]!;
    const ay = ys[i]!;
    const bx = xs[i + 1]!;
    const by = ys[i + 1]!;
    const cx = xs[j]!;
    const cy = ys[j]!;
    const dx = xs[j + 1]!;
    const dy = ys[j + 1]!;
    if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx)) return null;
    if (Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) return null;
    const o1 = this.orient(ax, ay, bx, by, cx, cy);
    const o2 = this.orient(ax, ay, bx, by, dx, dy);
    const o3 = this.orient(cx, cy, dx, dy, ax, ay);
    const o4 = this.orient(cx, cy, dx, dy, bx, by);
    const edges: [number, number] = [Math.min(i, j), Math.max(i, j)];
    if (o1 * o2 < 0 && o3 * o4 < 0) {
      const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / ((bx - ax) * (dy - cy) - (by - ay) * (dx - cx));
      return { edges, at: [ax + t * (bx - ax), ay + t * (by - ay)] };
    }
    if (o1 === 0 && o2 === 0 && (ax !== bx || ay !== by) && (cx !== dx || cy !== dy)) {
      // On one line: overlapping over a length, not just meeting at an end.
      const alongX = Math.abs(bx - ax) >= Math.abs(by - ay);
      const [p0, p1, q0, q1] = alongX ? [ax, bx, cx, dx] : [ay, by, cy, dy];
      const lo = Math.max(Math.min(p0, p1), Math.min(q0, q1));
      const hi = Math.min(Math.max(p0, p1), Math.max(q0, q1));
      if (hi > lo) {
        const mid = (lo + hi) / 2;
        const t = (mid - p0) / (p1 - p0);
        return { edges, at: [ax + t * (bx - ax), ay + t * (by - ay)] };
      }
    }
    return null;
  }
}

function bruteForce(ring: Ring, edges: Int32Array, count: number): RingCrossing | null {
  for (let a = 0; a < count; a++) {
    for (let b = a + 1; b < count; b++) {
      const c = ring.crossing(edges[a]!, edges[b]!);
      if (c) return c;
    }
  }
  return null;
}

/** A growable pair of typed arrays: (cell, edge) entries of one grid level. */
class Entries {
  cells = new Int32Array(1024);
  edges = new Int32Array(1024);
  length = 0;
  push(cell: number, edge: number): void {
    if (this.length === this.cells.length) {
      const cells = new Int32Array(this.length * 2);
      const edges = new Int32Array(this.length * 2);
      cells.set(this.cells);
      edges.set(this.edges);
      this.cells = cells;
      this.edges = edges;
    }
    this.cells[this.length] = cell;
    this.edges[this.length++] = edge;
  }
}

function search(ring: Ring, edges: Int32Array, box: BBox, depth: number): RingCrossing | null {
  const count = edges.length;
  if (count <= BRUTE || depth >= MAX_DEPTH) return bruteForce(ring, edges, count);
  const { xs, ys } = ring;
  const [bx0, by0, bx1, by1] = box;
  const w = bx1 - bx0;
  const h = by1 - by0;
  // About one edge per cell, and cells no smaller than a quarter of the edges' mean extent.
  let extent = 0;
  for (let k = 0; k < count; k++) {
    const e = edges[k]!;
    extent += Math.min(Math.abs(xs[e + 1]! - xs[e]!), w) + Math.min(Math.abs(ys[e + 1]! - ys[e]!), h);
  }
  const side = Math.max(Math.sqrt((w * h) / count), extent / (4 * count), (w + h) / (2 * Math.sqrt(count)) / 64, Number.MIN_VALUE);
  const cols = Math.max(1, Math.min(Math.ceil(w / side), 4 * Math.ceil(Math.sqrt(count))));
  const rows = Math.max(1, Math.min(Math.ceil(h / side), 4 * Math.ceil(Math.sqrt(count))));
  const cw = w / cols || 1;
  const ch = h / rows || 1;
  const padX = cw * 1e-9;
  const padY = ch * 1e-9;
  const clampCol = (x: number) => Math.min(cols - 1, Math.max(0, Math.floor((x - bx0) / cw)));
  const clampRow = (y: number) => Math.min(rows - 1, Math.max(0, Math.floor((y - by0) / ch)));
  const entries = new Entries();
  for (let k = 0; k < count; k++) {
    const e = edges[k]!;
    const x0 = xs[e]!;
    const y0 = ys[e]!;
    const x1 = xs[e + 1]!;
    const y1 = ys[e + 1]!;
    const lo = Math.max(Math.min(x0, x1), bx0);
    const hi = Math.min(Math.max(x0, x1), bx1);
    if (lo > hi + padX) continue;
    const c0 = clampCol(lo - padX);
    const c1 = clampCol(hi + padX);
    for (let c = c0; c <= c1; c++) {
      // The edge's y-range over this column's slab of x.
      const sx0 = Math.max(lo, bx0 + c * cw) - padX;
      const sx1 = Math.min(hi, bx0 + (c + 1) * cw) + padX;
      let ya: number;
      let yb: number;
      if (x1 === x0) {
        ya = y0;
        yb = y1;
      } else {
        ya = y0 + ((sx0 - x0) / (x1 - x0)) * (y1 - y0);
        yb = y0 + ((sx1 - x0) / (x1 - x0)) * (y1 - y0);
      }
      const ylo = Math.max(Math.min(ya, yb), Math.min(y0, y1));
      const yhi = Math.min(Math.max(ya, yb), Math.max(y0, y1));
      if (ylo - padY > by1 || yhi + padY < by0) continue;
      const r0 = clampRow(ylo - padY);
      const r1 = clampRow(yhi + padY);
      for (let r = r0; r <= r1; r++) entries.push(r * cols + c, e);
    }
  }
  // Counting sort of the entries by cell, then each cell's edges side by side.
  const cellCount = cols * rows;
  const start = new Int32Array(cellCount + 1);
  for (let k = 0; k < entries.length; k++) start[entries.cells[k]! + 1]!++;
  for (let c = 0; c < cellCount; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, cellCount);
  const byCell = new Int32Array(entries.length);
  for (let k = 0; k < entries.length; k++) byCell[fill[entries.cells[k]!]!++] = entries.edges[k]!;
  for (let c = 0; c < cellCount; c++) {
    const k = start[c + 1]! - start[c]!;
    if (k < 2) continue;
    const inCell = byCell.subarray(start[c]!, start[c + 1]!);
    const col = c % cols;
    const row = (c - col) / cols;
    const sub: BBox = [bx0 + col * cw, by0 + row * ch, bx0 + (col + 1) * cw, by0 + (row + 1) * ch];
    // A cell holding every edge of its parent would grid the same way again: compare pairs.
    const found = k === count ? bruteForce(ring, inCell, k) : search(ring, inCell, sub, depth + 1);
    if (found) return found;
  }
  return null;
}
