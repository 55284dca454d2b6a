// The greedy's trials re-seat only what a change touches (TrialSeating): priced that way, a
// change must cost exactly what re-seating every village and year says, and the greedy must
// still return the layout it returned when every trial re-seated everything.
import { describe, expect, it } from 'vitest';
import { greedySolve, polishLayout } from '../../../shared/optimise/greedy';
import type { OptInstance } from '../../../shared/optimise/instance';
import { arcOrder, seat, TrialSeating, type Decisions } from '../../../shared/optimise/seating';
import { createRng } from '../../../shared/sample/prng';
import { checkSolution } from '../../../shared/optimise/check';
import layouts from '../../fixtures/optimise-greedy-layouts.json';
import { syntheticCounty } from '../../fixtures/optimise-county';

/** The seating part of the objective by re-seating every year: the oracle. */
function seatingCost(inst: OptInstance, d: Decisions, order: number[]): number {
  const w = inst.weights;
  let cost = 0;
  const unmet = seat(inst, d, order, (ai, _t, n) => {
    const arc = inst.arcs[ai];
    if (arc) cost += (w.travel * arc.km + (arc.far ? w.boarding : 0) + (arc.beyond ? w.beyond : 0)) * n;
  });
  for (const row of unmet) for (const u of row) cost += w.unmet * u;
  return cost;
}

const copy = (d: Decisions): Decisions => ({ closeFrom: [...d.closeFrom], option: [...d.option], optionFrom: [...d.optionFrom], boardingFrom: [...d.boardingFrom] });

describe('incremental greedy', () => {
  it('prices every single-school change as re-seating everything does', () => {
    const inst = syntheticCounty({ schools: 60, villages: 500, sites: 10, years: 4, sideKm: 25 });
    const order = arcOrder(inst);
    const rng = createRng(7);
    const F = inst.facilities.length;
    const T = inst.years.length;
    // A base layout with builds, closures and boarding, then 300 random changes against it.
    let base: Decisions = copy(greedySolve(inst));
    const trials = new TrialSeating(inst, order, base);
    let changed = 0;
    for (let i = 0; i < 300; i++) {
      const f = rng.int(0, F - 1);
      const fac = inst.facilities[f];
      if (!fac) continue;
      const d = copy(base);
      const kind = rng.int(0, 3);
      if (kind === 0 && fac.existing) d.closeFrom[f] = d.closeFrom[f] === null ? rng.int(0, T - 1) : null;
      else if (kind === 1 && fac.options.length > 0) {
        d.option[f] = rng.int(0, fac.options.length - 1);
        d.optionFrom[f] = rng.int(0, T - 1);
      } else if (kind === 2) {
        d.option[f] = null;
        d.optionFrom[f] = null;
      } else d.boardingFrom[f] = d.boardingFrom[f] === null ? rng.int(0, T - 1) : null;
      const whole = seatingCost(inst, d, order) - seatingCost(inst, base, order);
      const delta = trials.delta(d, [f]);
      if (Math.abs(whole) > 1e-6) changed++;
      expect(delta).toBeCloseTo(whole, 6);
      // Now and then keep the change, so later trials price against a moved base.
      if (i % 25 === 0) {
        base = d;
        trials.rebase(base);
      }
    }
    expect(changed).toBeGreaterThan(50);
  });

  it('returns the layouts of the greedy that re-seated everything', () => {
    const inst = syntheticCounty({ schools: 120, villages: 1000, sites: 15, years: 5, sideKm: 35 });
    const g = greedySolve(inst);
    const want = layouts.layouts['synthetic 120x1000'];
    expect({ closeFrom: g.closeFrom, option: g.option, optionFrom: g.optionFrom, boardingFrom: g.boardingFrom }).toEqual(want);
    expect(checkSolution(inst, g)).toEqual([]);
  });

  it('polishes to a layout that holds and costs no more than the greedy one', () => {
    const inst = syntheticCounty({ schools: 40, villages: 400, sites: 8, years: 3, sideKm: 25 });
    const g = greedySolve(inst);
    const p = polishLayout(inst, g);
    expect(checkSolution(inst, p)).toEqual([]);
    expect(p.claimedObjective).toBeLessThanOrEqual(g.claimedObjective + 1e-6);
  });
});
