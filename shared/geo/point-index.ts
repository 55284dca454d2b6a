// Nearest-point queries over points in metres (a local projection), on a kdbush k-d tree:
// the nearest school of a stage to each village, or the k nearest for capacitated catchments.
// kdbush itself answers box and radius queries; the k-nearest search here walks the same
// kd-sorted arrays (ids, coords, nodeSize) depth-first, near side first, pruning a half when
// the splitting line is farther than the current k-th best.
import KDBush from 'kdbush';

export interface PointIndex {
  readonly size: number;
  /** The nearest item and its distance (m), or null when the index is empty. */
  nearest(x: number, y: number): { id: number; distance: number } | null;
  /** Up to k items, nearest first. */
  nearestK(x: number, y: number, k: number): { id: number; distance: number }[];
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
  if (n === 0) return { size: 0, nearest: () => null, nearestK: () => [], within: () => [] };
  const tree = new KDBush(n, 16);
  for (let i = 0; i < n; i++) tree.add(xs[i]!, ys[i]!);
  tree.finish();
  const { ids, coords, nodeSize } = tree as unknown as KdArrays;

  function nearestK(qx: number, qy: number, k: number): { id: number; distance: number }[] {
    const want = Math.min(Math.max(1, k), n);
    // Best so far, sorted by squared distance (k is small: insertion is cheapest).
    const bestD: number[] = [];
    const bestI: number[] = [];
    const worst = () => (bestD.length < want ? Infinity : bestD[bestD.length - 1]!);
    const offer = (i: number) => {
      const dx = coords[2 * i]! - qx;
      const dy = coords[2 * i + 1]! - qy;
      const d = dx * dx + dy * dy;
      if (d >= worst() && !(d === worst() && bestI.length < want)) return;
      let p = bestD.length;
      while (p > 0 && (bestD[p - 1]! > d || (bestD[p - 1] === d && bestI[p - 1]! > ids[i]!))) p--;
      bestD.splice(p, 0, d);
      bestI.splice(p, 0, ids[i]!);
      if (bestD.length > want) {
        bestD.pop();
        bestI.pop();
      }
    };
    const visit = (left: number, right: number, axis: number): void => {
      if (right - left <= nodeSize) {
        for (let i = left; i <= right; i++) offer(i);
        return;
      }
      const m = (left + right) >> 1;
      offer(m);
      const split = coords[2 * m + axis]!;
      const q = axis === 0 ? qx : qy;
      const diff = q - split;
      if (diff <= 0) {
        visit(left, m - 1, 1 - axis);
        if (diff * diff <= worst()) visit(m + 1, right, 1 - axis);
      } else {
        visit(m + 1, right, 1 - axis);
        if (diff * diff <= worst()) visit(left, m - 1, 1 - axis);
      }
    };
    visit(0, n - 1, 0);
    return bestI.map((id, j) => ({ id, distance: Math.sqrt(bestD[j]!) }));
  }
  return {
    size: n,
    nearest: (x, y) => nearestK(x, y, 1)[0] ?? null,
    nearestK,
    within: (x, y, r) => tree.within(x, y, r),
  };
}
