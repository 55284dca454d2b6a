// Pricing changes to a layout under the greedy's nearest-first seating: the objective of a
// layout, its part that does not depend on the seating, and `Trials`, which keeps a change only
// where it lowers the total (the greedy's closures, the polish and its swaps all use it).
import type { OptInstance } from './instance';
import { asSolution, seat, TrialSeating, type Decisions } from './seating';
import { costOf, type Assignment, type OptSolution } from './solution';

/** Nearest-first assignment of every year under the decisions. */
export function assign(inst: OptInstance, d: Decisions, order: number[]): OptSolution {
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
 * Trials of changes at one or a few facilities against a kept layout: a change is priced by
 * what it alters (its fixed costs and the seating it re-seats), and kept when that lowers the
 * total by more than `tolerance`; the kept layout's total is then recomputed whole.
 */
export class Trials {
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

  /** Applies the change at the facilities `changed`, keeps it if it lowers the total, else undoes it; true if kept. */
  attempt(changed: number[], apply: () => void, undo: () => void, allowed: () => boolean = () => true): boolean {
    apply();
    if (!allowed()) {
      undo();
      return false;
    }
    const fixed = fixedOf(this.inst, this.d);
    const gain = fixed - this.fixed + this.seating.delta(this.d, changed);
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
export function spentByYear(inst: OptInstance, d: Decisions): number[] {
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
export function withinBudget(inst: OptInstance, d: Decisions): boolean {
  const spent = spentByYear(inst, d);
  if (spent.some((x, t) => x > (inst.budget[t] ?? Infinity) + 1e-9)) return false;
  return inst.totalBudget === null || spent.reduce((a, b) => a + b, 0) <= inst.totalBudget + 1e-9;
}
