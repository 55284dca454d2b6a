// The greedy layout: the fallback when the solver is unavailable or out of time, and the
// yardstick the MIP is measured against. Children go to the nearest school with a seat; while
// children are left without one, the build with the lowest cost per seat it fills is added
// (the next standard size at a school they can reach, a new school at a candidate site, or a
// boarding section); then each small school is closed where that lowers the total cost.
import type { OptInstance } from './instance';
import { arcOrder, asSolution, blank, seat, TrialSeating, type Decisions } from './seating';
import { costOf, isOpen, type Assignment, type OptSolution } from './solution';

/** Nearest-first assignment of every year under the decisions. */
function assign(inst: OptInstance, d: Decisions, order: number[]): OptSolution {
  const assignments: Assignment[] = [];
  const unmet = seat(inst, d, order, (arc, t, children) => assignments.push({ arc, t, children }));
  const sol = asSolution(d, assignments, unmet);
  sol.claimedObjective = costOf(inst, sol).objective;
  return sol;
}

/**
 * The objective `assign` would claim, without building the assignment: the trials of the
 * closure and polishing loops only compare totals, and building a hundred thousand
 * assignment records per trial is most of a large county's greedy time. Sums are taken in
 * `costOf`'s order, so the figure is the same to the last bit.
 */
function objectiveOf(inst: OptInstance, d: Decisions, order: number[]): number {
  const w = inst.weights;
  let travel = 0;
  let boardingPenalty = 0;
  let beyondPenalty = 0;
  const unmet = seat(inst, d, order, (ai, _t, n) => {
    const arc = inst.arcs[ai];
    if (!arc) return;
    travel += w.travel * arc.km * n;
    if (arc.far) boardingPenalty += w.boarding * n;
    if (arc.beyond) beyondPenalty += w.beyond * n;
  });
  let unmetPenalty = 0;
  for (const row of unmet) for (const u of row) unmetPenalty += w.unmet * u;
  const fixed = costOf(inst, asSolution(d, [], []));
  return fixed.capital + fixed.holding + fixed.operating + travel + boardingPenalty + beyondPenalty + unmetPenalty - fixed.convertCredit;
}

/** The part of the objective that does not depend on the seating: construction, holding, running costs, conversion credits. */
function fixedOf(inst: OptInstance, d: Decisions): number {
  const fixed = costOf(inst, asSolution(d, [], []));
  return fixed.capital + fixed.holding + fixed.operating - fixed.convertCredit;
}

/**
 * Trials of single-facility changes against a kept layout: a change is priced by what it
 * alters (its fixed costs and the seating it re-seats), and kept when that lowers the total
 * by more than `tolerance`; the kept layout's total is then recomputed whole.
 */
class Trials {
  readonly seating: TrialSeating;
  private fixed: number;
  best: number;

  constructor(
    private readonly inst: OptInstance,
    private readonly order: number[],
    private readonly d: Decisions,
    private readonly tolerance: number,
  ) {
    this.seating = new TrialSeating(inst, order, d);
    this.fixed = fixedOf(inst, d);
    this.best = objectiveOf(inst, d, order);
  }

  /** Applies the change at facility f, keeps it if it lowers the total, else undoes it; true if kept. */
  attempt(f: number, apply: () => void, undo: () => void, allowed: () => boolean = () => true): boolean {
    apply();
    if (!allowed()) {
      undo();
      return false;
    }
    const fixed = fixedOf(this.inst, this.d);
    const gain = fixed - this.fixed + this.seating.delta(this.d, [f]);
    if (!(gain < -this.tolerance)) {
      undo();
      return false;
    }
    this.fixed = fixed;
    this.best = objectiveOf(this.inst, this.d, this.order);
    this.seating.rebase(this.d);
    return true;
  }
}

/** Construction completed in each year under the decisions. */
function spentByYear(inst: OptInstance, d: Decisions): number[] {
  const spent = new Array<number>(inst.years.length).fill(0);
  inst.facilities.forEach((fac, f) => {
    const k = d.option[f];
    const from = d.optionFrom[f];
    if (k !== null && k !== undefined && from !== null && from !== undefined) spent[from] = (spent[from] ?? 0) + (fac.options[k]?.cost ?? 0);
    const bf = d.boardingFrom[f];
    if (bf !== null && bf !== undefined) spent[bf] = (spent[bf] ?? 0) + (fac.boardingCost ?? 0);
  });
  return spent;
}

/** Whether the construction completed each year and over the period stays within the budgets. */
function withinBudget(inst: OptInstance, d: Decisions): boolean {
  const spent = spentByYear(inst, d);
  if (spent.some((x, t) => x > (inst.budget[t] ?? Infinity) + 1e-9)) return false;
  return inst.totalBudget === null || spent.reduce((a, b) => a + b, 0) <= inst.totalBudget + 1e-9;
}

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
  for (const { f } of closable) trials.attempt(f, () => (d.closeFrom[f] = at), () => (d.closeFrom[f] = null));
  return assign(inst, d, order);
}

/**
 * The greedy layout improved by single changes while any lowers the total cost: each build
 * dropped, made a standard size smaller, completed a year later or made larger (within the
 * budgets), a build added where there is none, then each small school closed. Used as the solver's first incumbent only — the greedy layout itself stays the
 * yardstick the result is compared with. The nearest-first assignment seats children
 * no better than the solver would, so every layout kept here is a fair incumbent.
 */
export function polishLayout(inst: OptInstance, start: OptSolution, o: { maxRounds?: number; maxWork?: number } = {}): OptSolution {
  const order = arcOrder(inst);
  const maxRounds = o.maxRounds ?? 4;
  // The work is counted in arc-years re-seated (plus each trial's pass over the schools), so
  // a large county stops polishing after a bounded effort instead of delaying the solver.
  const maxWork = o.maxWork ?? 2e7;
  const perTrial = inst.facilities.length * inst.years.length;
  let trialsWork = 0;
  const d: Decisions = { closeFrom: [...start.closeFrom], option: [...start.option], optionFrom: [...start.optionFrom], boardingFrom: [...start.boardingFrom] };
  const trials = new Trials(inst, order, d, 1e-6);
  const T = inst.years.length;
  const tryChange = (f: number, apply: () => void, undo: () => void, allowed?: () => boolean) => {
    if (trialsWork + trials.seating.work >= maxWork) return false;
    trialsWork += perTrial;
    return trials.attempt(f, apply, undo, allowed);
  };
  // A change that spends more is kept only within the budgets.
  const tryAffordable = (f: number, apply: () => void, undo: () => void) => tryChange(f, apply, undo, () => withinBudget(inst, d));
  for (let round = 0; round < maxRounds; round++) {
    let improved = false;
    inst.facilities.forEach((fac, f) => {
      const k = d.option[f];
      const from = d.optionFrom[f];
      if (k === null || k === undefined || from === null || from === undefined) return;
      const set = (kk: number | null, ff: number | null) => () => {
        d.option[f] = kk;
        d.optionFrom[f] = ff;
      };
      if (tryChange(f, set(null, null), set(k, from))) return (improved = true);
      const smaller = fac.options
        .map((o, j) => ({ o, j }))
        .filter(({ o }) => o.added < (fac.options[k]?.added ?? 0))
        .sort((a, b) => b.o.added - a.o.added);
      for (const { j } of smaller) if (tryChange(f, set(j, from), set(k, from))) return (improved = true);
      if (from + 1 < T && tryAffordable(f, set(k, from + 1), set(k, from))) return (improved = true);
      // A larger size seats children the greedy left unmet where its per-seat rule stopped short.
      const larger = fac.options
        .map((o, j) => ({ o, j }))
        .filter(({ o }) => o.added > (fac.options[k]?.added ?? 0))
        .sort((a, b) => a.o.added - b.o.added);
      for (const { j } of larger) if (tryAffordable(f, set(j, from), set(k, from))) return (improved = true);
    });
    // A build where the greedy made none, smallest size first, completed as early as allowed.
    const first = Math.min(inst.firstBuildIndex, T - 1);
    inst.facilities.forEach((fac, f) => {
      if (d.option[f] !== null || d.closeFrom[f] !== null || fac.options.length === 0 || inst.firstBuildIndex >= T) return;
      const set = (kk: number | null, ff: number | null) => () => {
        d.option[f] = kk;
        d.optionFrom[f] = ff;
      };
      for (let j = 0; j < fac.options.length; j++) if (tryAffordable(f, set(j, first), set(null, null))) return (improved = true);
    });
    const at = Math.min(inst.firstBuildIndex, T - 1);
    inst.facilities.forEach((fac, f) => {
      if (!fac.existing || !fac.closable || fac.keep || d.option[f] !== null || d.closeFrom[f] !== null) return;
      if (fac.convertCredit > 0 && inst.firstBuildIndex >= T) return;
      if (tryChange(f, () => (d.closeFrom[f] = at), () => (d.closeFrom[f] = null))) improved = true;
    });
    if (!improved) break;
  }
  return assign(inst, d, order);
}
