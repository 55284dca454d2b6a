// Property: on any small layout — schools that may close or convert, sites, standard sizes,
// 教学点 options, boarding, locks, budgets, a first build year, the distance or the area rule — every layout the MIP or the greedy heuristic
// returns satisfies every constraint it claims (the checker finds nothing), the objective it
// reports is the one its decisions cost, and the greedy layout never beats a proven optimum.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveInstance } from '../../../electron/backend/optimise/solve';
import { areaArcs } from '../../../shared/optimise/arcs';
import { checkSolution } from '../../../shared/optimise/check';
import { decisionsOf } from '../../../shared/optimise/decisions';
import { greedySolve, polishLayout } from '../../../shared/optimise/greedy';
import { costOf } from '../../../shared/optimise/solution';
import { instance, option, school, site } from './tiny';

const T = 3;
const kids = fc.array(fc.integer({ min: 0, max: 150 }), { minLength: T, maxLength: T });
const pointArb = fc.record({ x: fc.integer({ min: 0, max: 12_000 }), children: kids });
const optionsArb = fc.array(fc.record({ added: fc.integer({ min: 30, max: 300 }), cost: fc.integer({ min: 50, max: 800 }) }), { maxLength: 2 });
const schoolArb = fc.record({
  x: fc.integer({ min: 0, max: 12_000 }),
  seats: fc.integer({ min: 20, max: 300 }),
  options: optionsArb,
  closable: fc.boolean(),
  keep: fc.boolean(),
  credit: fc.constantFrom(0, 0, 40),
  boarding: fc.option(fc.integer({ min: 20, max: 200 }), { nil: null }),
});
const siteArb = fc.record({ x: fc.integer({ min: 0, max: 12_000 }), options: optionsArb, teachingPoint: fc.boolean() });
const teachingPoint = { ...option(45, 60), classes: 1, kind: 'teaching_point' as const, name: '教学点' };
const instanceArb = fc
  .record({
    points: fc.array(pointArb, { minLength: 1, maxLength: 5 }),
    schools: fc.array(schoolArb, { minLength: 1, maxLength: 3 }),
    sites: fc.array(siteArb, { maxLength: 2 }),
    budget: fc.array(fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }), { minLength: T, maxLength: T }),
    firstBuildIndex: fc.integer({ min: 0, max: 1 }),
    boardingKm: fc.option(fc.constant(15), { nil: null }),
    totalBudget: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null }),
    beyondFactor: fc.constantFrom(1, 2),
    areaRule: fc.boolean(),
  })
  .map((r) => {
    const inst = instance(
      r.points.map((p, i) => ({ id: `P${i}`, ...p })),
      [
        ...r.schools.map((s, i) =>
          school(`S${i}`, s.x, s.seats, {
            options: s.options.map((o) => option(o.added, o.cost, s.seats)),
            closable: s.closable,
            keep: s.keep,
            convertCredit: s.credit,
            convertKind: s.credit > 0 ? 'kindergarten' : null,
            convertSeats: s.credit > 0 ? 90 : 0,
            boardingCost: s.boarding,
          }),
        ),
        ...r.sites.map((s, i) => site(`N${i}`, s.x, [...(s.teachingPoint ? [teachingPoint] : []), ...s.options.map((o) => option(o.added, o.cost))])),
      ],
      { budget: r.budget, totalBudget: r.totalBudget, beyondFactor: r.beyondFactor, firstBuildIndex: r.firstBuildIndex, boardingKm: r.boardingKm },
    );
    if (!r.areaRule) return inst;
    // Two areas split at 6 km: the area-balance rule's arcs instead of the distance rule's.
    const area = (x: number) => (x < 6000 ? 'W' : 'E');
    return { ...inst, arcs: areaArcs(inst.points, inst.facilities, inst.points.map((p) => area(p.x)), inst.facilities.map((f) => area(f.x)), 1) };
  });

describe('every layout satisfies the constraints it claims', () => {
  it('greedy', () => {
    fc.assert(
      fc.property(instanceArb, (inst) => {
        const sol = greedySolve(inst);
        expect(checkSolution(inst, sol)).toEqual([]);
        for (const d of decisionsOf(inst, sol)) expect(d.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 200, seed: 15 },
    );
  });

  it('the polished greedy layout (the first incumbent of the solver), never dearer than the greedy one', () => {
    fc.assert(
      fc.property(instanceArb, (inst) => {
        const greedy = greedySolve(inst);
        const sol = polishLayout(inst, greedy);
        expect(checkSolution(inst, sol)).toEqual([]);
        expect(costOf(inst, sol).objective).toBeLessThanOrEqual(costOf(inst, greedy).objective + 1e-6);
      }),
      { numRuns: 200, seed: 15 },
    );
  });

  it('MIP, and never worse than greedy when proven optimal', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb, async (inst) => {
        const out = await solveInstance(inst, { timeLimit: 10, mipGap: 0 });
        expect(out.violations.greedy).toEqual([]);
        expect(out.mip).not.toBeNull();
        if (!out.mip) return;
        expect(out.violations.mip).toEqual([]);
        if (out.mip.status === 'optimal') {
          expect(costOf(inst, out.mip).objective).toBeLessThanOrEqual(costOf(inst, out.greedy).objective + 1e-6);
        }
      }),
      { numRuns: 40, seed: 15 },
    );
  });
});
