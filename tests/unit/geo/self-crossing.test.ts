// The ring crossing check: hand cases, then large rings against what is known of them (a
// wavy circle that cannot cross itself, the same circle with one crossing far from its start).
import { describe, expect, it } from 'vitest';
import type { Position } from '../../../shared/geo/model';
import { ringSelfCrossing, ringSelfIntersects } from '../../../shared/geo/self-crossing';

const closed = (pts: Position[]): Position[] => [...pts, pts[0]!];

/** A star-shaped wavy circle: every ray from the centre meets it once, so it never crosses itself. */
function wavyCircle(n: number): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    const r = 10_000 * (1 + 0.05 * Math.sin(7 * t) + 0.001 * Math.sin(3001 * t));
    ring.push([r * Math.cos(t), r * Math.sin(t)]);
  }
  return closed(ring);
}

describe('ringSelfCrossing: hand cases', () => {
  it('accepts a square, a triangle and a concave ring', () => {
    expect(ringSelfIntersects(closed([[0, 0], [10, 0], [10, 10], [0, 10]]))).toBe(false);
    expect(ringSelfIntersects(closed([[0, 0], [10, 0], [5, 8]]))).toBe(false);
    expect(ringSelfIntersects(closed([[0, 0], [10, 0], [10, 10], [5, 2], [0, 10]]))).toBe(false);
  });

  it('refuses a bow-tie and says where it crosses', () => {
    const c = ringSelfCrossing(closed([[0, 0], [10, 10], [10, 0], [0, 10]]));
    expect(c).not.toBeNull();
    expect(c!.edges).toEqual([0, 2]);
    expect(c!.at[0]).toBeCloseTo(5, 9);
    expect(c!.at[1]).toBeCloseTo(5, 9);
  });

  it('accepts a ring that touches itself at one vertex (pinched), and a vertex lying on another edge', () => {
    // Two squares meeting at (10, 10), walked as one ring through the shared point.
    expect(ringSelfIntersects(closed([[0, 0], [10, 0], [10, 10], [20, 10], [20, 20], [10, 20], [10, 10], [0, 10]]))).toBe(false);
    // A notch whose tip (5, 0) lies on the bottom edge: touching, not crossing.
    expect(ringSelfIntersects(closed([[0, 0], [10, 0], [10, 10], [6, 10], [5, 0.0], [4, 10], [0, 10]]))).toBe(false);
  });

  it('refuses edges that lie on one line and overlap over a length, but not ones meeting end to end', () => {
    // The ring comes back down onto y = 0 and runs (6, 0)→(4, 0) over its own first edge.
    const overlap = closed([[0, 0], [10, 0], [10, 5], [6, 5], [6, 0], [4, 0], [4, 5], [0, 5]]);
    const c = ringSelfCrossing(overlap);
    expect(c).not.toBeNull();
    expect(c!.at[1]).toBe(0);
    expect(c!.at[0]).toBeGreaterThan(4);
    expect(c!.at[0]).toBeLessThan(6);
    // Collinear neighbours (a straight edge cut in two) are fine.
    expect(ringSelfIntersects(closed([[0, 0], [5, 0], [10, 0], [10, 10], [0, 10]]))).toBe(false);
  });

  it('ignores repeated vertices (zero-length edges), as shapefiles often have them', () => {
    expect(ringSelfIntersects(closed([[0, 0], [10, 0], [10, 0], [10, 10], [0, 10], [0, 10]]))).toBe(false);
  });
});

describe('ringSelfCrossing: large rings', () => {
  it('passes a 100 000-vertex ring that does not cross itself', () => {
    expect(ringSelfCrossing(wavyCircle(100_000))).toBeNull();
  });

  it('finds one crossing far from the start of the same ring', () => {
    const ring = wavyCircle(100_000);
    // Swap two neighbouring vertices at about two thirds of the way round: their edges then cross.
    const k = 66_667;
    const a = ring[k]!;
    ring[k] = ring[k + 1]!;
    ring[k + 1] = a;
    const c = ringSelfCrossing(ring);
    expect(c).not.toBeNull();
    expect(c!.edges).toEqual([k - 1, k + 1]);
  });

  it('finds a crossing between edges far apart along the ring (a long chord through the middle)', () => {
    const ring = wavyCircle(50_000);
    // Vertex 30 000 pulled across the circle: its two edges cross many others.
    ring[30_000] = [12_000, 0];
    expect(ringSelfIntersects(ring)).toBe(true);
  });

  it('finds crossings among edges bunched in one small corner of a large box', () => {
    // A large square whose left side is a zigzag of 20 000 tiny teeth, one of them crossed.
    const pts: Position[] = [[0, 0], [100_000, 0], [100_000, 100_000], [0, 100_000]];
    for (let i = 0; i < 20_000; i++) pts.push([i % 2 ? 0.001 : 0, 100_000 - (i + 1) * 0.001]);
    expect(ringSelfIntersects(closed(pts))).toBe(false);
    const bad = [...pts];
    // One tooth's vertex pulled down past the next tooth: its edge crosses that tooth's edge.
    const k = 4 + 12_345;
    const top = bad[k - 1]![1];
    bad[k] = [0.0002, top - 0.0028];
    expect(ringSelfIntersects(closed(bad))).toBe(true);
  });
});
