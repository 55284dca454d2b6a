// Nearest-point queries over points in metres (a local projection), on a kdbush k-d tree:
// the nearest school of a stage to each village, or the k nearest for capacitated catchments.
// kdbush itself answers box and radius queries; the k-nearest search here walks the same
// kd-sorted arrays (ids, coords, nodeSize) depth-first, near side first, pruning a half when
// the splitting line is farther than the current k-th best (ties broken by the smaller id).
import KDBush from 'kdbush';

export interface PointIndex {
  readonly size: number;
  /** The nearest item and its distance (m), or null when the index is empty. */
  nearest(x: number, y: number): { id: number; distance: number } | null;
  /** Up to k items, nearest first. */
  nearestK(x: number, y: number, k: number): { id: number; distance: number }[];
  /** Up to k items, nearest first, written into the arrays given; returns how many. */
  nearestInto(x: number, y: number, k: number, ids: Int32Array, distances: Float64Array): number;
  /** Items within r metres. */
  within(x: number, y: number, r: number): number[];
}

interface KdArrays {
  ids: ArrayLike<number>;
  coords: ArrayLike<number>;
  nodeSize: number;
}

export function pointIndex(xs: ArrayLike<number>, ys: ArrayLike<number>): PointIndex {
  const n = xs.length;
  if (n === 0) return { size: 0, nearest: () => null, nearestK: () => [], nearestInto: () => 0, within: () => [] };
  const tree = new KDBush(n, 16);
  for (let i = 0; i < n; i++) tree.add(xs[i]!, ys[i]!);
  tree.finish();
  const { ids, coords, nodeSize } = tree as unknown as KdArrays;
  // One explicit stack of (left, right, axis) triples with the squared distance to the
  // part's splitting line, reused by every query: a query allocates nothing, which is what
  // makes 15,000 of them cost milliseconds rather than most of a second.
  const depth = 2 * (Math.ceil(Math.log2(n + 1)) + 2);
  const stack = new Int32Array(3 * depth);
  const bounds = new Float64Array(depth);
  let bestD = new Float64Array(8);
  let bestI = new Int32Array(8);

  /** The k nearest (by distance, then id) into bestD/bestI; returns how many. */
  function search(qx: number, qy: number, k: number): number {
    const want = Math.min(Math.max(1, k), n);
    if (bestD.length < want) {
      bestD = new Float64Array(want);
      bestI = new Int32Array(want);
    }
    let count = 0;
    let worst = Infinity;
    let top = 0;
    stack[0] = 0;
    stack[1] = n - 1;
    stack[2] = 0;
    bounds[0] = 0;
    top = 1;
    while (top > 0) {
      top--;
      if (bounds[top]! > worst) continue;
      const left = stack[3 * top]!;
      const right = stack[3 * top + 1]!;
      const axis = stack[3 * top + 2]!;
      if (right < left) continue;
      if (right - left <= nodeSize) {
        for (let i = left; i <= right; i++) {
          const dx = coords[2 * i]! - qx;
          const dy = coords[2 * i + 1]! - qy;
          const d = dx * dx + dy * dy;
          if (count === want && (d > worst || (d === worst && ids[i]! >= bestI[count - 1]!))) continue;
          count = insert(d, ids[i]!, count, want);
          if (count === want) worst = bestD[count - 1]!;
        }
        continue;
      }
      const m = (left + right) >> 1;
      const dx = coords[2 * m]! - qx;
      const dy = coords[2 * m + 1]! - qy;
      const d = dx * dx + dy * dy;
      if (count < want || d < worst || (d === worst && ids[m]! < bestI[count - 1]!)) {
        count = insert(d, ids[m]!, count, want);
        if (count === want) worst = bestD[count - 1]!;
      }
      const diff = (axis === 0 ? qx : qy) - coords[2 * m + axis]!;
      const next = 1 - axis;
      // Far side first on the stack (visited last, skipped if the best got nearer meanwhile).
      const far = diff * diff;
      const nearLeft = diff <= 0;
      if (far <= worst) {
        stack[3 * top] = nearLeft ? m + 1 : left;
        stack[3 * top + 1] = nearLeft ? right : m - 1;
        stack[3 * top + 2] = next;
        bounds[top] = far;
        top++;
      }
      stack[3 * top] = nearLeft ? left : m + 1;
      stack[3 * top + 1] = nearLeft ? m - 1 : right;
      stack[3 * top + 2] = next;
      bounds[top] = 0;
      top++;
    }
    return count;
  }

  function insert(d: number, id: number, count: number, want: number): number {
    let p = count < want ? count : want - 1;
    while (p > 0 && (bestD[p - 1]! > d || (bestD[p - 1] === d && bestI[p - 1]! > id))) {
      bestD[p] = bestD[p - 1]!;
      bestI[p] = bestI[p - 1]!;
      p--;
    }
    bestD[p] = d;
    bestI[p] = id;
    return count < want ? count + 1 : count;
  }

  return {
    size: n,
    nearest: (x, y) => (search(x, y, 1) > 0 ? { id: bestI[0]!, distance: Math.sqrt(bestD[0]!) } : null),
    nearestK: (x, y, k) => {
      const c = search(x, y, k);
      const out: { id: number; distance: number }[] = [];
      for (let j = 0; j < c; j++) out.push({ id: bestI[j]!, distance: Math.sqrt(bestD[j]!) });
      return out;
    },
    nearestInto: (x, y, k, outIds, outDistances) => {
      const c = search(x, y, Math.min(k, outIds.length, outDistances.length));
      for (let j = 0; j < c; j++) {
        outIds[j] = bestI[j]!;
        outDistances[j] = Math.sqrt(bestD[j]!);
      }
      return c;
    },
    within: (x, y, r) => tree.within(x, y, r),
  };
}
