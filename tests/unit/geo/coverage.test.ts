// Coverage, catchments and the new-site helper on a hand-made county whose distances are
// known in metres: two townships (one urban, one rural), two primary schools, four villages.
import { describe, expect, it } from 'vitest';
import { catchments, closureMoves } from '../../../shared/geo/catchments';
import { coverage, type SitedSchool } from '../../../shared/geo/coverage';
import { demandPoints, type DemandPoint } from '../../../shared/geo/demand';
import { localProjection } from '../../../shared/geo/geometry';
import type { MultiPolygon, Position } from '../../../shared/geo/model';
import { bestNewSite } from '../../../shared/geo/new-site';
import { defaultGeoSettings } from '../../../shared/geo/settings';
import type { Township } from '../../../shared/domain/model';

const proj = localProjection([113, 34]);
const at = (x: number, y: number): Position => proj.toLngLat(x, y);
const settings = defaultGeoSettings();

function village(id: string, township: 'A' | 'B', x: number, y: number, primary: number): DemandPoint {
  return {
    id,
    name: `${id}村`,
    township,
    townshipName: township === 'A' ? '甲街道' : '乙乡',
    urbanRural: township === 'A' ? '城区' : '乡村',
    position: at(x, y),
    children: { preschool: 0, primary, junior: 0 },
    basis: 'imported',
  };
}

const points = [village('v1', 'A', 300, 0, 60), village('v2', 'A', 0, 450, 40), village('v3', 'B', 3000, 1500, 30), village('v4', 'B', 9000, 0, 20)];
const schools = (p2Seats: number): SitedSchool[] => [
  { code: 'P1', name: '一小', position: at(0, 0), seats: { primary: 100 } },
  { code: 'P2', name: '二小', position: at(3000, 0), seats: { primary: p2Seats } },
];
const townships = [
  { code: 'A', name: '甲街道' },
  { code: 'B', name: '乙乡' },
];

describe('coverage', () => {
  const r = coverage({ points, schools: schools(50), settings, townships }).primary;

  it('counts children within the service distance × road factor', () => {
    // v1 390 m ≤ 500 (urban); v2 585 m > 500; v3 1950 m ≤ 2500 (rural); v4 7800 m > 2500.
    expect(r.children).toBe(150);
    expect(r.covered).toBe(90);
    expect(r.share).toBeCloseTo(0.6, 6);
    expect(r.townships.map(({ distance: _, ...t }) => t)).toEqual([
      { code: 'A', name: '甲街道', children: 100, covered: 60, share: 0.6 },
      { code: 'B', name: '乙乡', children: 50, covered: 30, share: 0.6 },
    ]);
  });

  it('gives each township its child-weighted mean and maximum distance', () => {
    // 甲街道: (390·60 + 585·40) ÷ 100 = 468, farthest 585; 乙乡: (1950·30 + 7800·20) ÷ 50 = 4290, farthest 7800.
    const [a, b] = r.townships;
    const near = (m: number | null | undefined, want: number) => expect(Math.abs(m! - want)).toBeLessThanOrEqual(2);
    near(a?.distance.mean, 468);
    near(a?.distance.max, 585);
    near(b?.distance.mean, 4290);
    near(b?.distance.max, 7800);
    const none = coverage({ points, schools: [], settings, townships }).primary;
    expect(none.townships.map((t) => t.distance)).toEqual([
      { mean: null, max: null },
      { mean: null, max: null },
    ]);
  });

  it('gives the child-weighted mean and the maximum distance in metres', () => {
    expect(r.distance.mean).toBeGreaterThanOrEqual(1741);
    expect(r.distance.mean).toBeLessThanOrEqual(1743);
    // Distances come from a local projection about the county's middle: within 0.05 % here.
    expect(Math.abs(r.distance.max! - 7800)).toBeLessThanOrEqual(2);
  });

  it('lists the uncovered villages farthest first with their nearest school', () => {
    expect(r.uncovered.map((u) => [u.villageId, u.nearest])).toEqual([
      ['v4', '二小'],
      ['v2', '一小'],
    ]);
    expect(Math.abs(r.uncovered[0]!.distance! - 7800)).toBeLessThanOrEqual(2);
    expect(Math.abs(r.uncovered[1]!.distance! - 585)).toBeLessThanOrEqual(1);
  });

  it('follows the plan settings: a larger road factor covers fewer children', () => {
    const strict = coverage({ points, schools: schools(50), settings: { ...settings, roadFactor: 1.7 }, townships }).primary;
    expect(strict.covered).toBe(0); // v1: 510 m > 500 now; v3: 2550 m > 2500
  });

  it('reports no distance when the stage has no school', () => {
    const none = coverage({ points, schools: [], settings, townships }).primary;
    expect(none.covered).toBe(0);
    expect(none.distance).toEqual({ mean: null, max: null });
    expect(none.uncovered.every((u) => u.distance === null && u.nearest === null)).toBe(true);
  });
});

describe('catchments', () => {
  it('assigns nearest first within seats', () => {
    const c = catchments({ points, schools: schools(50), roadFactor: 1.3 }).stages.primary;
    expect(Object.fromEntries(c.assignments.map((a) => [a.village, a.school]))).toEqual({ v1: 'P1', v2: 'P1', v3: 'P2', v4: 'P2' });
    expect(c.schools.map((s) => [s.code, s.children, s.utilisation])).toEqual([
      ['P1', 100, 1],
      ['P2', 50, 1],
    ]);
    expect(c.unassigned).toEqual([]);
  });

  it('leaves villages unassigned when every school is full', () => {
    const c = catchments({ points, schools: schools(40), roadFactor: 1.3 }).stages.primary;
    expect(c.unassigned).toEqual([{ village: 'v4村', villageId: 'v4', children: 20 }]);
  });

  it("takes the planner's assignments first, and the rest move on", () => {
    const r = catchments({ points, schools: schools(40), roadFactor: 1.3, manual: [{ stage: 'primary', village: 'v1', school: 'P2' }] });
    const c = r.stages.primary;
    const by = Object.fromEntries(c.assignments.map((a) => [a.village, a]));
    expect(by.v1).toMatchObject({ school: 'P2', manual: true });
    expect(Math.abs(by.v1!.distance - 2700 * 1.3)).toBeLessThanOrEqual(2);
    expect(by.v2!.school).toBe('P1');
    expect(by.v3!.school).toBe('P1');
    expect(by.v4!.school).toBe('P1');
    expect(c.schools.find((s) => s.code === 'P2')!.utilisation).toBe(1.5);
  });

  it('notes a manual assignment to a school that is not open', () => {
    const r = catchments({ points, schools: schools(40), roadFactor: 1.3, manual: [{ stage: 'primary', village: 'v1', school: 'GONE' }] });
    expect(r.notes.join('')).toMatch(/手工划片/);
  });
});

describe('new site', () => {
  it('picks the place covering the most uncovered children', () => {
    const uncovered = points.filter((p) => p.id === 'v2' || p.id === 'v4');
    const best = bestNewSite(points, uncovered, 'primary', settings)!;
    expect(best.covers).toBe(40);
    expect(best.villages).toEqual(['v2']);
  });
});

describe('demand without villages', () => {
  const square = (x0: number, y0: number, s: number): MultiPolygon => ({
    type: 'MultiPolygon',
    coordinates: [[[at(x0, y0), at(x0 + s, y0), at(x0 + s, y0 + s), at(x0, y0 + s), at(x0, y0)]]],
  });
  const ts: Township[] = [{ code: '1', name: '丙镇', kind: '镇', urbanRural: '镇区', area: '' }];
  const ages = { years: [2025], townships: [{ code: '1', byYear: [Array.from({ length: 18 }, () => 100)] }] };

  it("spreads the township's children over its polygon and says so", () => {
    const r = demandPoints({ townships: ts, boundaries: [{ township: '1', name: '丙镇', geometry: square(0, 0, 10_000), source: '' }], villages: [], ages, system: '六三制', referenceYear: 2025, year: 2025 });
    expect(r.basis).toBe('township-spread');
    expect(r.points.length).toBeGreaterThan(10);
    expect(r.points.reduce((a, p) => a + p.children.primary, 0)).toBeCloseTo(600, 6);
    expect(r.notes.join('')).toMatch(/均匀分布/);
  });

  it('names a township with neither villages nor boundary', () => {
    const r = demandPoints({ townships: ts, boundaries: [], villages: [], ages, system: '六三制', referenceYear: 2025, year: 2025 });
    expect(r.points).toEqual([]);
    expect(r.notes.join('')).toMatch(/丙镇 既无村/);
  });
});

describe('closure moves', () => {
  it('sends a closed school’s villages to the next school and flags the added distance', () => {
    const before = catchments({ points, schools: schools(200), roadFactor: 1.3 }).stages.primary;
    const afterSchools = schools(200).filter((s) => s.code !== 'P1');
    const after = catchments({ points, schools: afterSchools, roadFactor: 1.3 }).stages.primary;
    const moves = closureMoves(before, after, new Set(['P2']), new Map([['P1', '一小'], ['P2', '二小']]), points, 'primary', settings);
    expect(moves.map((m) => [m.villageId, m.fromName, m.toName, m.beyond])).toEqual([
      ['v2', '一小', '二小', true],
      ['v1', '一小', '二小', true],
    ]);
    const v1 = moves.find((m) => m.villageId === 'v1')!;
    expect(Math.abs(v1.added! - (2700 - 300) * 1.3)).toBeLessThanOrEqual(3);
  });
});
