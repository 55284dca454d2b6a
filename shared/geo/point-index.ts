// Nearest-point queries over points in metres (a local projection), on a kdbush k-d tree:
// the nearest school of a stage to each village, or the k nearest for capacitated catchments.
// kdbush answers radius queries; a nearest query widens the radius until something is found,
// which is exact because every point within the radius is returned.
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

export function pointIndex(xs: ArrayLike<number>, ys: ArrayLike<number>, startRadius = 2000): PointIndex {
  const n = xs.length;
  if (n === 0) {
    return { size: 0, nearest: () => null, nearestK: () => [], within: () => [] };
  }
  const tree = new KDBush(n, 16);
  for (let i = 0; i < n; i++) tree.add(xs[i]!, ys[i]!);
  tree.finish();
  const dist = (id: number, x: number, y: number) => Math.hypot(xs[id]! - x, ys[id]! - y);

  function nearestK(x: number, y: number, k: number): { id: number; distance: number }[] {
    const want = Math.min(k, n);
    let r = startRadius;
    for (;;) {
      const ids = tree.within(x, y, r);
      if (ids.length >= want || ids.length === n) {
        return ids
          .map((id) => ({ id, distance: dist(id, x, y) }))
          .sort((a, b) => a.distance - b.distance || a.id - b.id)
          .slice(0, want);
      }
      r *= 2;
    }
  }
  return {
    size: n,
    nearest: (x, y) => nearestK(x, y, 1)[0] ?? null,
    nearestK,
    within: (x, y, r) => tree.within(x, y, r),
  };
}
