// The solver's first incumbent: the greedy layout improved by local search under the greedy's
// nearest-first seating — single changes (a build dropped, smaller, later or larger, a build
// where there is none, a small school closed) and, once none helps, swaps of two schools or
// sites (swaps.ts). See docs/ARCHITECTURE.md, "Layout optimiser".
import type { OptInstance } from './instance';
import { arcOrder, type Decisions } from './seating';
import { checkSolution } from './check';
import type { OptSolution } from './solution';
import { swapRound } from './swaps';
import { assign, Trials, withinBudget } from './trials';

export interface PolishOptions {
  /** Rounds of single changes and swaps. */
  maxRounds?: number;
  /** Effort bound, in arc-years re-seated plus each trial's pass over the schools. */
  maxWork?: number;
  /** Try swaps of two schools or sites when no single change helps (default true). */
  swaps?: boolean;
}

/** A change at some facilities, tried and kept only if it lowers the total (and fits the budgets when `affordable`). */
export type TryChange = (changed: number[], apply: () => void, undo: () => void, affordable?: boolean) => boolean;

/**
 * The greedy layout improved while any change lowers the total cost. Used as the solver's
 * first incumbent only — the greedy layout itself stays the yardstick the result is compared
 * with. The nearest-first assignment seats children no better than the solver would, so every
 * layout kept here is a fair incumbent.
 */
export function polishLayout(inst: OptInstance, start: OptSolution, o: PolishOptions = {}): OptSolution {
  // Villages with the fewest schools in reach are seated first: nearest-first seating alone
  // lets a village with other choices take the seats another can only have there, and then
  // prices a tight layout (the kind an optimum is) as leaving children unmet.
  const order = fewestChoicesFirst(inst);
  const maxRounds = o.maxRounds ?? 12;
  // A large county stops polishing after a bounded effort instead of delaying the solver.
  const maxWork = o.maxWork ?? 2e7;
  const perTrial = inst.facilities.length * inst.years.length;
  let trialsWork = 0;
  const d: Decisions = { closeFrom: [...start.closeFrom], option: [...start.option], optionFrom: [...start.optionFrom], boardingFrom: [...start.boardingFrom] };
  const trials = new Trials(inst, order, d, 1e-6);
  const tryChange: TryChange = (changed, apply, undo, affordable = false) => {
    if (trialsWork + trials.seating.work >= maxWork) return false;
    trialsWork += perTrial;
    // A change that spends more is kept only within the budgets.
    return trials.attempt(changed, apply, undo, affordable ? () => withinBudget(inst, d) : undefined);
  };
  for (let round = 0; round < maxRounds; round++) {
    if (singleRound(inst, d, tryChange)) continue;
    if (o.swaps === false || !swapRound(inst, d, tryChange)) break;
  }
  // The layout is seated in whichever order costs less, and the start is kept where the new
  // order prices the changes above it: the polish never returns a dearer layout than it got.
  const options = [assign(inst, d, order), assign(inst, d, arcOrder(inst))];
  if (checkSolution(inst, start).length === 0) options.push(start);
  return options.reduce((a, b) => (b.claimedObjective < a.claimedObjective ? b : a));
}

/** One pass of single-facility changes; true if any was kept. */
function singleRound(inst: OptInstance, d: Decisions, tryChange: TryChange): boolean {
  const T = inst.years.length;
  let improved = false;
  const setter = (f: number) => (kk: number | null, ff: number | null) => () => {
    d.option[f] = kk;
    d.optionFrom[f] = ff;
  };
  inst.facilities.forEach((fac, f) => {
    const k = d.option[f];
    const from = d.optionFrom[f];
    if (k === null || k === undefined || from === null || from === undefined) return;
    const set = setter(f);
    if (tryChange([f], set(null, null), set(k, from))) return (improved = true);
    const smaller = fac.options
      .map((o, j) => ({ o, j }))
      .filter(({ o }) => o.added < (fac.options[k]?.added ?? 0))
      .sort((a, b) => b.o.added - a.o.added);
    for (const { j } of smaller) if (tryChange([f], set(j, from), set(k, from))) return (improved = true);
    if (from + 1 < T && tryChange([f], set(k, from + 1), set(k, from), true)) return (improved = true);
    // A larger size seats children the greedy left unmet where its per-seat rule stopped short.
    const larger = fac.options
      .map((o, j) => ({ o, j }))
      .filter(({ o }) => o.added > (fac.options[k]?.added ?? 0))
      .sort((a, b) => a.o.added - b.o.added);
    for (const { j } of larger) if (tryChange([f], set(j, from), set(k, from), true)) return (improved = true);
  });
  // A build where the greedy made none, smallest size first, completed as early as allowed.
  const first = Math.min(inst.firstBuildIndex, T - 1);
  inst.facilities.forEach((fac, f) => {
    if (d.option[f] !== null || d.closeFrom[f] !== null || fac.options.length === 0 || inst.firstBuildIndex >= T) return;
    const set = setter(f);
    for (let j = 0; j < fac.options.length; j++) if (tryChange([f], set(j, first), set(null, null), true)) return (improved = true);
  });
  // A small school closed, or a closure moved to another year or undone: children of a
  // shrinking village may need the school for a few years only.
  inst.facilities.forEach((fac, f) => {
    if (!fac.existing || !fac.closable || fac.keep || d.option[f] !== null) return;
    // A conversion (转型) cannot come before the first year a build can be ready.
    if (fac.convertCredit > 0 && inst.firstBuildIndex >= T) return;
    const now = d.closeFrom[f] ?? null;
    const to = (at: number | null) => () => (d.closeFrom[f] = at);
    for (const at of [first, ...Array.from({ length: T }, (_, i) => i).filter((t) => t !== first && (t >= first || fac.convertCredit === 0)), null]) {
      if (at === now) continue;
      if (tryChange([f], to(at), to(now))) return (improved = true);
    }
  });
  return improved;
}
/** Arcs of villages with fewer schools in reach first, then nearest first; ties by index. */
export function fewestChoicesFirst(inst: OptInstance): number[] {
  const choices = new Array<number>(inst.points.length).fill(0);
  for (const a of inst.arcs) choices[a.point] = (choices[a.point] ?? 0) + 1;
  const key = (i: number) => choices[inst.arcs[i]?.point ?? -1] ?? 0;
  return inst.arcs.map((_, i) => i).sort((a, b) => key(a) - key(b) || (inst.arcs[a]?.km ?? 0) - (inst.arcs[b]?.km ?? 0) || a - b);
}
