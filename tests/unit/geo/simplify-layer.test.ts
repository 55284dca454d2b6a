// Thinning a layer to the display budget: rings stay closed, keep four or more positions and
// their area within what the tolerance allows, lines keep their ends, small layers are untouched.
import { describe, expect, it } from 'vitest';
import { localProjection, ringSignedArea } from '../../../shared/geo/geometry';
import type { MultiLine, MultiPolygon, Position } from '../../../shared/geo/model';
import { ringSelfIntersects } from '../../../shared/geo/self-crossing';
import { DISPLAY_LIMITS, simplifyPolygon, thinLayer, vertexCount } from '../../../shared/geo/simplify';

const proj = localProjection([113.5, 28.2]);

/** A wavy ring of `n` vertices about (dx, dy) km from the origin, radius `r` m, in lng/lat. */
function wavyRing(n: number, dx: number, dy: number, r: number): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    const rr = r * (1 + 0.08 * Math.sin(6 * t) + 0.0004 * Math.sin(4001 * t));
    ring.push(proj.toLngLat(dx * 1000 + rr * Math.cos(t), dy * 1000 + rr * Math.sin(t)));
  }
  ring.push(ring[0]!);
  return ring;
}

const metres = (ring: readonly Position[]): Position[] => ring.map((p) => proj.toXY(p));
const perimeter = (ring: readonly Position[]) => ring.slice(1).reduce((s, p, i) => s + Math.hypot(p[0] - ring[i]![0], p[1] - ring[i]![1]), 0);

describe('thinLayer', () => {
  it('leaves a layer within the budget alone', () => {
    const g: MultiPolygon = { type: 'MultiPolygon', coordinates: [[wavyRing(2000, 0, 0, 5000)]] };
    expect(thinLayer([g])).toBeNull();
  });

  it('thins a 300 000-vertex polygon to the budget: closed, ≥ 4 positions, not crossing, area kept within perimeter × tolerance', () => {
    const big = wavyRing(300_000, 0, 0, 20_000);
    const small = wavyRing(300, 60, 0, 400);
    const g: MultiPolygon = { type: 'MultiPolygon', coordinates: [[big], [small]] };
    const t = thinLayer([g])!;
    expect(t).not.toBeNull();
    expect(t.before).toBe(300_001 + 301);
    expect(t.after).toBeLessThanOrEqual(DISPLAY_LIMITS.vertices);
    expect(t.after).toBe(vertexCount(t.geometries[0]!));
    expect(t.tolerance).toBeGreaterThan(0);
    expect(t.tolerance).toBeLessThanOrEqual(DISPLAY_LIMITS.maxTolerance);
    for (const [poly, original] of [[t.geometries[0]!.coordinates[0]!, big], [t.geometries[0]!.coordinates[1]!, small]] as const) {
      const ring = poly[0]!;
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(ringSelfIntersects(ring)).toBe(false);
      const before = Math.abs(ringSignedArea(metres(original)));
      const after = Math.abs(ringSignedArea(metres(ring)));
      expect(Math.abs(after - before)).toBeLessThanOrEqual(perimeter(metres(original)) * t.tolerance);
    }
  });

  it('shrinks a ring smaller than the tolerance to four positions, not fewer', () => {
    const big = wavyRing(200_000, 0, 0, 20_000);
    const tiny: Position[] = [proj.toLngLat(50_000, 0), proj.toLngLat(50_001, 0), proj.toLngLat(50_001, 0.5), proj.toLngLat(50_000.5, 0.6), proj.toLngLat(50_000, 0.5), proj.toLngLat(50_000, 0)];
    const t = thinLayer<MultiPolygon>([{ type: 'MultiPolygon', coordinates: [[big], [tiny]] }])!;
    const ring = t.geometries[0]!.coordinates[1]![0]!;
    expect(ring.length).toBe(4);
    expect(ring[0]).toEqual(ring[3]);
  });

  it('thins lines too, keeping both ends, and passes points through', () => {
    const line: Position[] = [];
    for (let i = 0; i <= 300_000; i++) line.push(proj.toLngLat(i * 0.2, 50 * Math.sin(i / 2000)));
    const l: MultiLine = { type: 'MultiLineString', coordinates: [line] };
    const pt = { type: 'Point' as const, coordinates: [113.5, 28.2] as Position };
    const t = thinLayer<MultiLine | typeof pt>([l, pt])!;
    const out = (t.geometries[0] as MultiLine).coordinates[0]!;
    expect(out.length).toBeLessThan(line.length);
    expect(out[0]).toEqual(line[0]);
    expect(out[out.length - 1]).toEqual(line[line.length - 1]);
    expect(t.geometries[1]).toBe(pt);
  });

  it('thins a straight edge cut into 200 000 exact pieces at once (no quadratic split of equals)', () => {
    const ring: Position[] = [];
    for (let i = 0; i < 200_000; i++) ring.push([i, 0]);
    ring.push([199_999, 10], [0, 10], [0, 0]);
    const s = simplifyPolygon({ type: 'MultiPolygon', coordinates: [[ring]] }, 1);
    expect(s.coordinates[0]![0]).toEqual([[0, 0], [199_999, 0], [199_999, 10], [0, 10], [0, 0]]);
  });
});
