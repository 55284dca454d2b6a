// Each decision type and constraint on a layout small enough to solve by hand; the expected
// objective is worked out in the comment above each case (travel 0.01 万元/child-km, unmet
// 5 万元/child-year, operating 10 万元/school-year, holding 3 %/year of a build's cost).
import { describe, expect, it } from 'vitest';
import { decisionsOf } from '../../../shared/optimise/decisions';
import { travelSummary } from '../../../shared/optimise/solution';
import { areaArcs } from '../../../shared/optimise/arcs';
import { instance, option, school, site, solveOptimal } from './tiny';

const solve = solveOptimal;

describe('layout MIP on hand-solvable instances', () => {
  it('keeps a school with room: no decision, operating + travel only', async () => {
    // 2 years × 10 + 0.01 × 1 km × 100 × 2 = 22.
    const r = await solve(instance([{ id: 'P', x: 1000, children: [100, 100] }], [school('A', 0, 200)]));
    expect(r.decisions).toEqual([]);
    expect(r.objective).toBeCloseTo(22, 6);
  });

  it('expands to the next standard size in the first year short', async () => {
    // Build 2027: 20 + 0.01 × (100 + 300) + 400 + 0.03 × 400 × 1 = 436 < 523 without.
    const A = school('A', 0, 200, { options: [option(100, 400, 200)] });
    const r = await solve(instance([{ id: 'P', x: 1000, children: [100, 300] }], [A]));
    expect(r.decisions).toEqual([{ type: '改扩建', id: 'A', year: 2027 }]);
    expect(r.objective).toBeCloseTo(436, 6);
  });

  it('builds a new school where children are beyond the service distance', async () => {
    // 300 + 0.03 × 300 + 10 (S) + 10 (A) + 0.01 × 0.5 × 100 = 329.5 < 510 without.
    const r = await solve(
      instance([{ id: 'P', x: 0, children: [100] }], [school('A', 10_000, 500), site('S', 500, [option(135, 300)])]),
    );
    expect(r.decisions).toEqual([{ type: '新建', id: 'S', year: 2026 }]);
    expect(r.objective).toBeCloseTo(329.5, 6);
  });

  it('merges a small school into a neighbour with room (撤并) and names the receiver', async () => {
    // Close B: 2 × 10 (A) + 0.01 × 2 km × 20 × 2 = 20.8 < 40 keeping both.
    const pts = [{ id: 'P1', x: 0, children: [20, 20] }, { id: 'P2', x: 2000, children: [100, 100] }];
    const inst = instance(pts, [school('B', 0, 30, { closable: true, students: 20 }), school('A', 2000, 200)]);
    const r = await solve(inst);
    expect(r.decisions).toEqual([{ type: '撤并', id: 'B', year: 2026 }]);
    expect(r.objective).toBeCloseTo(20.8, 6);
    const d = decisionsOf(inst, r.mip)[0];
    expect(d?.receivers.map((x) => [x.id, x.share])).toEqual([['A', 1]]);
    expect(d?.reason).toBe('撤并 B：在校 20 人，距 A 2.0 km，A 2026 年起接收后仍有富余学位 80 个，每年节省运行费用约 10 万元。');
  });

  it('keeps a locked school open', async () => {
    const pts = [{ id: 'P1', x: 0, children: [20, 20] }, { id: 'P2', x: 2000, children: [100, 100] }];
    const r = await solve(instance(pts, [school('B', 0, 30, { closable: true, keep: true }), school('A', 2000, 200)]));
    expect(r.decisions).toEqual([]);
    expect(r.objective).toBeCloseTo(40, 6);
  });

  it('converts instead of closing where the conversion is credited (转型)', async () => {
    // 20.8 − 50 = −29.2.
    const pts = [{ id: 'P1', x: 0, children: [20, 20] }, { id: 'P2', x: 2000, children: [100, 100] }];
    const B = school('B', 0, 30, { closable: true, students: 20, convertCredit: 50, convertKind: 'kindergarten', convertSeats: 90 });
    const r = await solve(instance(pts, [B, school('A', 2000, 200)]));
    expect(r.decisions).toEqual([{ type: '转型', id: 'B', year: 2026 }]);
    expect(r.objective).toBeCloseTo(-29.2, 6);
  });

  it('adds a boarding section for children beyond the service distance (寄宿)', async () => {
    // 100 + 0.03 × 100 + 0.5 × 40 + 0.01 × 10 km × 40 + 10 = 137 < 210 without.
    const inst = instance([{ id: 'P', x: 0, children: [40] }], [school('A', 10_000, 200, { boardingCost: 100 })], { boardingKm: 20, stage: 'junior' });
    const r = await solve(inst);
    expect(r.decisions).toEqual([{ type: '寄宿', id: 'A', year: 2026 }]);
    expect(r.objective).toBeCloseTo(137, 6);
    expect(travelSummary(inst, r.mip).uncoveredChildren).toBe(40);
  });

  it('lets children travel beyond the service distance, up to twice it, at a penalty', async () => {
    // 10 + 0.01 × 4 km × 100 + 0.1 × 100 = 24; with the factor at 1 they are unmet (510).
    const pts = [{ id: 'P', x: 4000, children: [100] }];
    const r = await solve(instance(pts, [school('A', 0, 200)], { beyondFactor: 2 }));
    expect(r.decisions).toEqual([]);
    expect(r.objective).toBeCloseTo(24, 6);
    const strict = await solve(instance(pts, [school('A', 0, 200)]));
    expect(strict.objective).toBeCloseTo(510, 6);
  });

  it('moves a build to a later year when the budget of the first year is too small', async () => {
    // No money in 2026 and 300 in 2027, below the build (400): built 2028, 100 children unmet in 2027.
    // 30 + 0.01 × (100 + 200 + 300) + 500 + 400 + 0.03 × 400 = 948.
    const A = school('A', 0, 200, { options: [option(100, 400, 200)] });
    const r = await solve(instance([{ id: 'P', x: 1000, children: [100, 300, 300] }], [A], { budget: [0, 300, null] }));
    expect(r.decisions).toEqual([{ type: '改扩建', id: 'A', year: 2028 }]);
    expect(r.objective).toBeCloseTo(948, 6);
  });

  it('keeps the builds within the total budget, choosing the one that fills more seats', async () => {
    // Both builds pay (412 < 500 and < 450) but only 500 万元 in all: A is built, B's 90 stay unmet.
    // 2 × 10 + 400 + 12 + 90 × 5 = 882.
    const A = school('A', 0, 200, { options: [option(100, 400, 200)] });
    const B = school('B', 50_000, 200, { options: [option(100, 400, 200)] });
    const pts = [{ id: 'P1', x: 0, children: [300] }, { id: 'P2', x: 50_000, children: [290] }];
    const r = await solve(instance(pts, [A, B], { totalBudget: 500 }));
    expect(r.decisions).toEqual([{ type: '改扩建', id: 'A', year: 2026 }]);
    expect(r.objective).toBeCloseTo(882, 6);
  });

  it('builds nothing before the first year a build can be finished', async () => {
    // 2026 short by 100 and nothing can be built that year: 100 unmet (500) then the build in 2027.
    const A = school('A', 0, 200, { options: [option(100, 400, 200)] });
    const inst = instance([{ id: 'P', x: 1000, children: [300, 300] }], [A], { firstBuildIndex: 1 });
    const r = await solve(inst);
    expect(r.decisions).toEqual([{ type: '改扩建', id: 'A', year: 2027 }]);
    // The 100 of 2026 are bridged (过渡期缺口), not unmet: no build could be ready for them.
    expect(travelSummary(inst, r.mip).bridged).toEqual([{ year: 2026, seats: 100 }]);
    expect(travelSummary(inst, r.mip).unmetSeats).toBe(0);
  });

  it('leaves children unmet when a seat would cost more than the penalty for them', async () => {
    const A = school('A', 0, 200, { options: [option(100, 400, 200)] });
    const inst = instance([{ id: 'P', x: 1000, children: [300] }], [A], { weights: { travel: 0.01, boarding: 0.5, beyond: 0.1, unmet: 1, holding: 0.03 } });
    const r = await solve(inst);
    expect(r.decisions).toEqual([]);
    expect(travelSummary(inst, r.mip).unmetSeats).toBe(100);
  });

  it('chooses the smaller of two standard sizes when it is enough', async () => {
    const A = school('A', 0, 200, { options: [option(90, 300, 200), option(180, 500, 200)] });
    const r = await solve(instance([{ id: 'P', x: 1000, children: [280] }], [A]));
    expect(r.decisions).toEqual([{ type: '改扩建', id: 'A', year: 2026 }]);
    expect(r.mip.option[0]).toBe(0);
  });

  it('sets up a 教学点 where a full primary school would stand nearly empty', async () => {
    // 20 children, the only school 10 km off (no arc). 教学点: 60 + 0.03 × 60 + 10 (site) + 10 (A) = 81.8;
    // a 6-class school: 1500 + …; nobody seated: 5 × 20 + 10 = 110.
    const tp = { ...option(45, 60), classes: 1, kind: 'teaching_point' as const, name: 'P村教学点' };
    const inst = instance([{ id: 'P', x: 0, children: [20] }], [school('A', 10_000, 500), site('S', 0, [tp, option(270, 1500)])]);
    const r = await solve(inst);
    expect(r.decisions).toEqual([{ type: '新建', id: 'S', year: 2026 }]);
    expect(r.objective).toBeCloseTo(81.8, 6);
    const d = decisionsOf(inst, r.mip)[0];
    expect([d?.kind, d?.name, d?.classes, d?.seats]).toEqual(['teaching_point', 'P村教学点', 1, 45]);
    expect(d?.reason).toContain('设教学点比新建完全小学省');
  });

  it('under the area rule sends children to a school of their own area, however far', async () => {
    // P (area X) may use A (area X, 8 km) but not B (area Y, 1 km): 2 × 10 + 0.01 × 8 × 100 = 28.
    const facilities = [school('A', 8000, 200), school('B', -1000, 200)];
    const pts = [{ id: 'P', x: 0, children: [100] }];
    const base = instance(pts, facilities);
    const arcs = areaArcs(base.points, facilities, ['X'], ['X', 'Y'], 1);
    expect(arcs.map((a) => [a.facility, a.km, a.far, a.beyond])).toEqual([[0, 8, false, false]]);
    const r = await solve({ ...base, arcs });
    expect(r.decisions).toEqual([]);
    expect(r.objective).toBeCloseTo(28, 6);
  });
});
