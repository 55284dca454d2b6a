// The polish's swaps: layouts where no single change lowers the cost but a change at two
// schools or sites does, each worked out by hand (travel 0.01 万元/child-km, unmet 5 万元/child,
// holding 3 % of a build's cost per year in use, one plan year).
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../../shared/optimise/check';
import { polishLayout } from '../../../shared/optimise/greedy';
import type { OptInstance } from '../../../shared/optimise/instance';
import { fewestChoicesFirst } from '../../../shared/optimise/polish';
import { asSolution, blank, seat, TrialSeating, type Decisions } from '../../../shared/optimise/seating';
import { createRng } from '../../../shared/sample/prng';
import { syntheticCounty } from '../../fixtures/optimise-county';
import { costOf } from '../../../shared/optimise/solution';
import { swapNeighbours } from '../../../shared/optimise/swaps';
import { instance, option, school, site } from './tiny';

function polish(inst: OptInstance, set: (d: ReturnType<typeof blank>) => void, swaps = true) {
  const d = blank(inst);
  set(d);
  const start = asSolution(d, [], []);
  const sol = polishLayout(inst, start, { swaps });
  expect(checkSolution(inst, sol)).toEqual([]);
  return { sol, objective: costOf(inst, sol).objective };
}

/** S1 (50 seats, closable) at village P1 (50 children), S2 (100 seats, +50 possible) 1 km away at P2 (100 children). */
function twoSchools(s1Operating: number, enlargeCost: number): OptInstance {
  return instance(
    [
      { id: 'P1', x: 0, children: [50] },
      { id: 'P2', x: 1000, children: [100] },
    ],
    [school('S1', 0, 50, { closable: true, operating: s1Operating }), school('S2', 1000, 100, { options: [option(50, enlargeCost, 100)] })],
  );
}

describe('polish swaps', () => {
  it('moves a build to the site nearer its children', () => {
    // A at 2 km: 100 + 3 + 10 + 0.01 × 2 × 100 = 115; B at the village: 113. Dropping A leaves
    // 100 children unmet (+500), building B as well costs 113 more: only the move pays.
    const inst = instance([{ id: 'P', x: 2000, children: [100] }], [site('A', 0, [option(100, 100)]), site('B', 2000, [option(100, 100)])]);
    const startAtA = (d: ReturnType<typeof blank>) => {
      d.option[0] = 0;
      d.optionFrom[0] = 0;
    };
    expect(polish(inst, startAtA, false).objective).toBeCloseTo(115, 6);
    const r = polish(inst, startAtA);
    expect(r.sol.option).toEqual([null, 0]);
    expect(r.objective).toBeCloseTo(113, 6);
  });

  it('closes a dear small school and enlarges its neighbour', () => {
    // Now 40 + 10 = 50. Closed alone: its 50 children find no seat (+250); enlarged alone: +20.6.
    // Both: 10 + 20 + 0.6 + 0.01 × 1 × 50 = 31.1.
    const inst = twoSchools(40, 20);
    expect(polish(inst, () => undefined, false).objective).toBeCloseTo(50, 6);
    const r = polish(inst, () => undefined);
    expect(r.sol.closeFrom).toEqual([0, null]);
    expect(r.sol.option).toEqual([null, 0]);
    expect(r.objective).toBeCloseTo(31.1, 6);
  });

  it('reopens a closed school and drops its neighbour’s enlargement', () => {
    // Closed and enlarged: 10 + 100 + 3 + 0.5 = 113.5. Reopened alone: +9.5; the enlargement
    // dropped alone: 50 children unmet. Both: 10 + 10 = 20.
    const inst = twoSchools(10, 100);
    const closedAndEnlarged = (d: ReturnType<typeof blank>) => {
      d.closeFrom[0] = 0;
      d.option[1] = 0;
      d.optionFrom[1] = 0;
    };
    expect(polish(inst, closedAndEnlarged, false).objective).toBeCloseTo(113.5, 6);
    const r = polish(inst, closedAndEnlarged);
    expect(r.sol.closeFrom).toEqual([null, null]);
    expect(r.sol.option).toEqual([null, null]);
    expect(r.objective).toBeCloseTo(20, 6);
  });

  it('pairs only schools and sites that share a village, nearest first', () => {
    const inst = instance(
      [
        { id: 'P1', x: 0, children: [10] },
        { id: 'P2', x: 20000, children: [10] },
      ],
      [school('A', 0, 10), school('B', 1500, 10), school('C', 500, 10), school('D', 20000, 10)],
    );
    expect(swapNeighbours(inst)).toEqual([[2, 1], [2, 0], [0, 1], []]);
  });
});

describe('the polish seats villages with the fewest schools in reach first', () => {
  it('leaves no child unmet where nearest-first seating would', () => {
    // P1 (0.1 km from A, 2.8 km from B) and P2 (2 km from A, nothing else in reach), 50 each;
    // A and B 50 seats: nearest first gives A to P1 and leaves P2's 50 children unmet.
    const inst = instance(
      [
        { id: 'P1', x: 100, children: [50] },
        { id: 'P2', x: -2000, children: [50] },
      ],
      [school('A', 0, 50), school('B', 2900, 50)],
    );
    const unmet = (order: number[]) => seat(inst, blank(inst), order, () => undefined).flat().reduce((a, b) => a + b, 0);
    const nearest = inst.arcs.map((_, i) => i).sort((a, b) => (inst.arcs[a]?.km ?? 0) - (inst.arcs[b]?.km ?? 0));
    expect(unmet(nearest)).toBe(50);
    expect(unmet(fewestChoicesFirst(inst))).toBe(0);
  });

  it('prices changes in that order exactly as re-seating everything does', () => {
    const inst = syntheticCounty({ schools: 40, villages: 300, sites: 8, years: 3, sideKm: 20 });
    const order = fewestChoicesFirst(inst);
    const whole = (d: Decisions) => {
      let cost = 0;
      const w = inst.weights;
      const unmet = seat(inst, d, order, (ai, _t, n) => {
        const arc = inst.arcs[ai];
        if (arc) cost += (w.travel * arc.km + (arc.far ? w.boarding : 0) + (arc.beyond ? w.beyond : 0)) * n;
      });
      for (const row of unmet) for (const u of row) cost += w.unmet * u;
      return cost;
    };
    const base = blank(inst);
    const trials = new TrialSeating(inst, order, base);
    const rng = createRng(11);
    let changed = 0;
    for (let i = 0; i < 150; i++) {
      const f = rng.int(0, inst.facilities.length - 1);
      const g = rng.int(0, inst.facilities.length - 1);
      const d: Decisions = { closeFrom: [...base.closeFrom], option: [...base.option], optionFrom: [...base.optionFrom], boardingFrom: [...base.boardingFrom] };
      for (const h of [f, g]) {
        const fac = inst.facilities[h];
        if (fac?.existing && rng.int(0, 1) === 0) d.closeFrom[h] = rng.int(0, 2);
        else if (fac && fac.options.length > 0) {
          d.option[h] = rng.int(0, fac.options.length - 1);
          d.optionFrom[h] = rng.int(0, 2);
        }
      }
      const exact = whole(d) - whole(base);
      if (Math.abs(exact) > 1e-6) changed++;
      expect(trials.delta(d, [f, g])).toBeCloseTo(exact, 6);
    }
    expect(changed).toBeGreaterThan(50);
  });
});
