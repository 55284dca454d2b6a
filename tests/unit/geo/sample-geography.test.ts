// The sample county's geography: township polygons tile the outline, every school and village
// lies inside its own township, and the villages' children add up to the township's recorded
// children of the base year.
import { describe, expect, it } from 'vitest';
import { generateCounty } from '../../../shared/sample';
import { pointInPolygon, polygonArea } from '../../../shared/geo/geometry';

const county = generateCounty();
const geo = county.geography!;
const cellOf = new Map(geo.townships.map((b) => [b.township, b.geometry]));

describe('sample geography', () => {
  it('has a boundary for every township, tiling the outline', () => {
    expect(geo.townships.map((b) => b.township).sort()).toEqual(county.townships.map((t) => t.code).sort());
    const sum = geo.townships.reduce((a, b) => a + polygonArea(b.geometry), 0);
    const outline = polygonArea(geo.outline!.geometry);
    expect(Math.abs(sum - outline) / outline).toBeLessThan(0.001);
    expect(outline / 1e6).toBeGreaterThan(500);
  });

  it('puts every school and village inside its own township', () => {
    for (const s of county.schools) expect(pointInPolygon([s.lng!, s.lat!], cellOf.get(s.township)!), s.name).toBe(true);
    for (const v of geo.villages) expect(pointInPolygon(v.point, cellOf.get(v.townshipId)!), v.name).toBe(true);
  });

  it('is denser in the county town than in the outer townships', () => {
    const density = (urban: boolean) => {
      const ts = county.townships.filter((t) => (t.urbanRural === '城区') === urban);
      const area = ts.reduce((a, t) => a + polygonArea(cellOf.get(t.code)!), 0);
      return county.schools.filter((s) => ts.some((t) => t.code === s.township)).length / area;
    };
    expect(density(true)).toBeGreaterThan(3 * density(false));
  });

  it("shares out each township's recorded children among its villages", () => {
    const base = county.meta.baseYear;
    for (const t of county.townships) {
      const recorded = county.population.filter((r) => r.township === t.code && r.year === base && r.age <= 17).reduce((a, r) => a + r.count, 0);
      const villages = geo.villages.filter((v) => v.townshipId === t.code);
      expect(villages.length).toBeGreaterThan(3);
      const total = villages.reduce((a, v) => a + (v.children?.basis === 'age' ? v.children.bands.reduce((s, b) => s + b.count, 0) : 0), 0);
      expect(total).toBe(recorded);
    }
  });

  it('is deterministic', () => {
    expect(generateCounty().geography).toEqual(geo);
  });
});
