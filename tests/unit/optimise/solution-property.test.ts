// Property: on any small layout — schools that may close or convert, sites, standard sizes,
// 教学点 options, boarding, locks, budgets, a first build year, the distance or the area rule — every layout the MIP or the greedy heuristic
// returns satisfies every constraint it claims (the checker finds nothing), the objective it
// reports is the one its decisions cost, and the greedy layout never beats a proven optimum.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveInstance } from '../../../electron/backend/optimise/solve';
import { checkSolution } from '../../../shared/optimise/check';
import { decisionsOf } from '../../../shared/optimise/decisions';
import { greedySolve, polishLayout } from '../../../shared/optimise/greedy';
import { costOf } from '../../../shared/optimise/solution';
import { instanceArb } from './arbitrary';

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
