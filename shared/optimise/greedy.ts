// The greedy layout: the fallback when the solver is unavailable or out of time, and the
// yardstick the MIP is measured against. Children go to the nearest school with a seat; while
// children are left without one, the build with the lowest cost per seat it fills is added
// (the next standard size at a school they can reach, a new school at a candidate site, or a
// boarding section); then each small school is closed where that lowers the total cost.
import type { OptInstance } from './instance';
import { arcOrder, asSolution, blank, seat, type Decisions } from './seating';
import { isOpen, type OptSolution } from './solution';
import { assign, spentByYear, Trials } from './trials';

/** What facility f's current build of this kind contributes to year t (the part a new move replaces). */
function ownSpend(inst: OptInstance, d: Decisions, f: number, what: 'option' | 'boarding', t: number | null): number {
  const fac = inst.facilities[f];
  if (!fac) return 0;
  if (what === 'option') {
    const k = d.option[f];
    const from = d.optionFrom[f];
    if (k === null || k === undefined || from === null || from === undefined || (t !== null && from !== t)) return 0;
    return fac.options[k]?.cost ?? 0;
  }
  const bf = d.boardingFrom[f];
  if (bf === null || bf === undefined || (t !== null && bf !== t)) return 0;
  return fac.boardingCost ?? 0;
}

interface Move {
  f: number;
  kind: 'option' | 'boarding';
  k: number;
  year: number;
  score: number;
}

/** The cheapest build per seat filled for the unmet children of year `t`, within the budget. */
/** Unmet children per point and year, and children seated per year and facility: all the build loop reads. */
interface Seating {
  unmet: number[][];
  used: number[][];
}

function seating(inst: OptInstance, d: Decisions, order: number[]): Seating {
  const used = inst.years.map(() => new Array<number>(inst.facilities.length).fill(0));
  const unmet = seat(inst, d, order, (ai, t, n) => {
    const arc = inst.arcs[ai];
    const row = used[t];
    if (arc && row) row[arc.facility] = (row[arc.facility] ?? 0) + n;
  });
  return { unmet, used };
}

function bestMove(inst: OptInstance, d: Decisions, sol: Seating, t: number): Move | null {
  const T = inst.years.length;
  const years = T - t;
  const nearUnmet = new Array<number>(inst.facilities.length).fill(0);
  const farUnmet = new Array<number>(inst.facilities.length).fill(0);
  inst.arcs.forEach((arc) => {
    const u = sol.unmet[arc.point]?.[t] ?? 0;
    if (u <= 0) return;
    if (arc.far) farUnmet[arc.facility] = (farUnmet[arc.facility] ?? 0) + u;
    else nearUnmet[arc.facility] = (nearUnmet[arc.facility] ?? 0) + u;
  });
  const probe = asSolution(d, [], []);
  let best: Move | null = null;
  // Spending and seats used are summed once per move, not once per facility and option:
  // with hundreds of schools the greedy otherwise spends its time re-adding the same figures.
  const spent = spentByYear(inst, d);
  const spentAll = spent.reduce((a, b) => a + b, 0);
  const used = sol.used[t] ?? [];
  const fits = (f: number, what: 'option' | 'boarding', extra: number, at: number) => {
    const limit = inst.budget[at];
    if (limit !== null && limit !== undefined && (spent[at] ?? 0) - ownSpend(inst, d, f, what, at) + extra > limit + 1e-9) return false;
    if (inst.totalBudget === null) return true;
    return spentAll - ownSpend(inst, d, f, what, null) + extra <= inst.totalBudget + 1e-9;
  };
  inst.facilities.forEach((fac, f) => {
    const closed = fac.existing && !isOpen(inst, probe, f, t);
    if (closed) return;
    const k0 = d.option[f];
    const cur = k0 !== null && k0 !== undefined ? fac.options[k0] : undefined;
    const curAdded = cur?.added ?? 0;
    const curCost = cur?.cost ?? 0;
    const reach = nearUnmet[f] ?? 0;
    if (reach > 0) {
      fac.options.forEach((opt, k) => {
        if (opt.added <= curAdded) return;
        const filled = Math.min(opt.added - curAdded, reach);
        const from = d.optionFrom[f];
        const year = from !== null && from !== undefined ? Math.min(from, t) : t;
        const running = fac.existing || cur ? 0 : fac.operating * (T - year);
        const cost = (opt.cost - curCost) * (1 + inst.weights.holding * (T - year)) + running;
        const score = cost / filled;
        if (score >= inst.weights.unmet * years) return;
        if (!fits(f, 'option', opt.cost, year)) return;
        if (!best || score < best.score) best = { f, kind: 'option', k, year, score };
      });
    }
    const far = farUnmet[f] ?? 0;
    if (far > 0 && fac.boardingCost !== null && (d.boardingFrom[f] === null || d.boardingFrom[f] === undefined)) {
      const filled = Math.min(far, Math.max(0, fac.seats + curAdded - (used[f] ?? 0)));
      if (filled > 0) {
        const cost = fac.boardingCost * (1 + inst.weights.holding * years) + inst.weights.boarding * filled * years;
        const score = cost / filled;
        if (score < inst.weights.unmet * years && fits(f, 'boarding', fac.boardingCost, t)) {
          if (!best || score < best.score) best = { f, kind: 'boarding', k: -1, year: t, score };
        }
      }
    }
  });
  return best;
}

function firstUnmetYear(inst: OptInstance, sol: Seating, from: number): number | null {
  for (let t = from; t < inst.years.length; t++) {
    for (const row of sol.unmet) if ((row[t] ?? 0) > 1e-9) return t;
  }
  return null;
}

export function greedySolve(inst: OptInstance): OptSolution {
  const order = arcOrder(inst);
  const d = blank(inst);
  let sol = seating(inst, d, order);
  // Builds, cheapest per seat filled first; each move adds seats or a boarding section, so
  // the loop ends; a year nothing can help (budget, no site in reach) is passed over.
  let start = inst.firstBuildIndex;
  for (let guard = 0; guard < inst.facilities.length * 8 + 10; guard++) {
    const t = firstUnmetYear(inst, sol, start);
    if (t === null) break;
    const move = bestMove(inst, d, sol, t);
    if (!move) {
      start = t + 1;
      continue;
    }
    if (move.kind === 'option') {
      d.option[move.f] = move.k;
      d.optionFrom[move.f] = move.year;
    } else {
      d.boardingFrom[move.f] = move.year;
    }
    sol = seating(inst, d, order);
  }
  // Closures, smallest school first, kept only where the whole layout gets cheaper.
  const closable = inst.facilities
    .map((fac, f) => ({ fac, f }))
    .filter(({ fac, f }) => fac.existing && fac.closable && !fac.keep && d.option[f] === null && (fac.convertCredit === 0 || inst.firstBuildIndex < inst.years.length))
    .sort((a, b) => a.fac.students - b.fac.students || a.f - b.f);
  const at = Math.min(inst.firstBuildIndex, inst.years.length - 1);
  const trials = new Trials(inst, order, d, 1e-9);
  for (const { f } of closable) trials.attempt([f], () => (d.closeFrom[f] = at), () => (d.closeFrom[f] = null));
  return assign(inst, d, order);
}

export { polishLayout } from './polish';
