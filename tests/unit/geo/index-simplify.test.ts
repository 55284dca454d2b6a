// The k-nearest search against brute force, and display simplification of a large ring.
import { describe, expect, it } from 'vitest';
import { localProjection, pointInPolygon } from '../../../shared/geo/geometry';
import type { MultiPolygon, Position } from '../../../shared/geo/model';
import { pointIndex } from '../../../shared/geo/point-index';
import { simplifyPolygon, vertexCount } from '../../../shared/geo/simplify';
import { createRng } from '../../../shared/sample/prng';

describe('pointIndex', () => {
  it('finds the same k nearest as brute force', () => {
    const rng = createRng(3);
    const n = 700;
    const xs = Float64Array.from({ length: n }, () => rng.float(-50_000, 50_000));
    const ys = Float64Array.from({ length: n }, () => rng.float(-50_000, 50_000));
    const index = pointIndex(xs, ys);
    for (let q = 0; q < 200; q++) {
      const x = rng.float(-60_000, 60_000);
      const y = rng.float(-60_000, 60_000);
      const brute = Array.from({ length: n }, (_, i) => ({ id: i, d: Math.hypot(xs[i]! - x, ys[i]! - y) })).sort((a, b) => a.d - b.d || a.id - b.id);
      const got = index.nearestK(x, y, 8);
      expect(got.map((g) => g.id)).toEqual(brute.slice(0, 8).map((b) => b.id));
      expect(index.nearest(x, y)!.distance).toBeCloseTo(brute[0]!.d, 6);
    }
    expect(pointIndex([], []).nearest(0, 0)).toBeNull();
  });

  it('writes the same k nearest into arrays, breaks ties by the smaller id, and asks for no more than there are', () => {
    // A grid with many equal distances: the ties must come out in id order, as brute force sorts them.
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < 40; i++) for (let j = 0; j < 40; j++) {
      xs.push(i * 100);
      ys.push(j * 100);
    }
    const index = pointIndex(xs, ys);
    const ids = new Int32Array(8);
    const ds = new Float64Array(8);
    for (const [x, y] of [[1950, 1950], [0, 0], [2000, 2000], [-500, 1000]] as const) {
      const brute = xs.map((_, i) => ({ id: i, d: Math.hypot(xs[i]! - x, ys[i]! - y) })).sort((a, b) => a.d - b.d || a.id - b.id);
      expect(index.nearestK(x, y, 8).map((g) => g.id)).toEqual(brute.slice(0, 8).map((b) => b.id));
      expect(index.nearestInto(x, y, 8, ids, ds)).toBe(8);
      expect([...ids]).toEqual(brute.slice(0, 8).map((b) => b.id));
      expect(ds[7]).toBeCloseTo(brute[7]!.d, 9);
    }
    expect(pointIndex([5], [5]).nearestK(0, 0, 8)).toEqual([{ id: 0, distance: Math.hypot(5, 5) }]);
  });
});

describe('simplifyPolygon', () => {
  it('thins a 200 000-vertex ring to a drawable one that keeps its shape', () => {
    const proj = localProjection([113.5, 34.5]);
    const n = 200_000;
    const ring: Position[] = [];
    for (let i = 0; i < n - 1; i++) {
      const t = (2 * Math.PI * i) / (n - 1);
      const r = 20_000 * (1 + 0.1 * Math.sin(5 * t) + 0.0005 * Math.sin(5000 * t));
      ring.push(proj.toLngLat(r * Math.cos(t), r * Math.sin(t)));
    }
    ring.push(ring[0]!);
    const g: MultiPolygon = { type: 'MultiPolygon', coordinates: [[ring]] };
    const s = simplifyPolygon(g, 30);
    expect(vertexCount(s)).toBeLessThan(5000);
    expect(vertexCount(s)).toBeGreaterThan(50);
    const ringOut = s.coordinates[0]![0]!;
    expect(ringOut[0]).toEqual(ringOut[ringOut.length - 1]);
    expect(pointInPolygon(proj.toLngLat(0, 0), s)).toBe(true);
    expect(pointInPolygon(proj.toLngLat(25_000, 0), s)).toBe(false);
  });
});
