// The years before a build can be ready: nothing is built, expanded or converted in them, the
// seats they are short are reported as bridged (过渡期缺口) rather than unmet, and the penalty
// on the seats no layout can provide there stays out of the objective. Figures as in
// mip-cases (travel 0.01 万元/child-km, unmet 5, operating 10, holding 3 %/year).
import { describe, expect, it } from 'vitest';
import { bridgedFloor } from '../../../shared/optimise/bridged';
import { costOf } from '../../../shared/optimise/solution';
import { earliestCompletion } from '../../../shared/plan/build-years';
import { instance, option, school, solveOptimal } from './tiny';

const solve = solveOptimal;

describe('the first year a build can be ready', () => {
  it('is the base year + 1 + the construction years, the suggestions’ rule', () => {
    expect(earliestCompletion(2025, 2)).toBe(2028);
    expect(earliestCompletion(2025, 0)).toBe(2026);
  });

  it('bridges a gap in the first year that no build can meet, and builds nothing for it', async () => {
    // 2026: 300 children, 200 seats, nothing can be ready: 100 bridged. 2027: 200, no gap.
    // 2 × 10 + 0.01 × 1 km × (200 + 200) = 24; the 100 × 5 = 500 on the floor is left out.
    const A = school('A', 0, 200, { options: [option(100, 400, 200)] });
    const inst = instance([{ id: 'P', x: 1000, children: [300, 200] }], [A], { firstBuildIndex: 1 });
    expect(bridgedFloor(inst)).toEqual([100]);
    const r = await solve(inst);
    expect(r.decisions).toEqual([]);
    expect(r.objective).toBeCloseTo(24, 6);
    expect(r.summary.bridged).toEqual([{ year: 2026, seats: 100 }]);
    expect(r.summary.unmetSeats).toBe(0);
    // Were a build ready in 2026 it would pay: 20 + 0.01 × 500 + 400 + 0.03 × 400 × 2 = 449 < 524.
    const early = await solve({ ...inst, firstBuildIndex: 0 });
    expect(early.decisions).toEqual([{ type: '改扩建', id: 'A', year: 2026 }]);
    expect(early.objective).toBeCloseTo(449, 6);
  });

  it('builds in the third year when that is the first a build can be ready', async () => {
    // 300 children a year, 200 seats; a build is ready in 2028 at the earliest.
    // 4 × 10 + 0.01 × (200 + 200 + 300 + 300) + 400 + 0.03 × 400 × 2 = 474; 2 × 100 bridged.
    const A = school('A', 0, 200, { options: [option(100, 400, 200)] });
    const inst = instance([{ id: 'P', x: 1000, children: [300, 300, 300, 300] }], [A], { firstBuildIndex: 2 });
    const r = await solve(inst);
    expect(r.decisions).toEqual([{ type: '改扩建', id: 'A', year: 2028 }]);
    expect(r.objective).toBeCloseTo(474, 6);
    expect(r.summary.bridged).toEqual([{ year: 2026, seats: 100 }, { year: 2027, seats: 100 }]);
    expect(r.summary.unmetSeats).toBe(0);
    expect(costOf(inst, r.out.greedy).objective).toBeGreaterThanOrEqual(r.objective - 1e-6);
  });

  it('lets a 撤并 into spare seats happen in a bridged year', async () => {
    // B (30 seats, 20 pupils) closes in 2026, its pupils 2 km to A (200 seats, 100 pupils):
    // 3 × 10 + 0.01 × 2 km × 20 × 3 = 31.2.
    const pts = [{ id: 'P1', x: 0, children: [20, 20, 20] }, { id: 'P2', x: 2000, children: [100, 100, 100] }];
    const r = await solve(instance(pts, [school('B', 0, 30, { closable: true, students: 20 }), school('A', 2000, 200)], { firstBuildIndex: 2 }));
    expect(r.decisions).toEqual([{ type: '撤并', id: 'B', year: 2026 }]);
    expect(r.objective).toBeCloseTo(31.2, 6);
  });

  it('keeps a school open in the bridged years when closing it would leave its pupils without a seat', async () => {
    // A is full (200 of 200): closing B saves 10 a year and leaves 20 unseated at 5 each.
    // 3 years × 2 schools × 10 = 60; no travel (each village next to its school).
    const pts = [{ id: 'P1', x: 0, children: [20, 20, 20] }, { id: 'P2', x: 2000, children: [200, 200, 200] }];
    const r = await solve(instance(pts, [school('B', 0, 30, { closable: true, students: 20 }), school('A', 2000, 200)], { firstBuildIndex: 3 }));
    expect(r.decisions).toEqual([]);
    expect(r.objective).toBeCloseTo(60, 6);
  });

  it('converts (转型) only once its refit can be built', async () => {
    // B stays open 2026–27, converts in 2028: 3 × 10 (A) + 2 × 10 (B) + 0.01 × 2 km × 20 − 50 = 0.4.
    const pts = [{ id: 'P1', x: 0, children: [20, 20, 20] }, { id: 'P2', x: 2000, children: [100, 100, 100] }];
    const B = school('B', 0, 30, { closable: true, students: 20, convertCredit: 50, convertKind: 'kindergarten', convertSeats: 90 });
    const r = await solve(instance(pts, [B, school('A', 2000, 200)], { firstBuildIndex: 2 }));
    expect(r.decisions).toEqual([{ type: '转型', id: 'B', year: 2028 }]);
    expect(r.objective).toBeCloseTo(0.4, 6);
  });
});
