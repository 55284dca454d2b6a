// The greedy layout: the fallback when the solver is unavailable or out of time, and the
// yardstick the MIP is measured against. Children go to the nearest school with a seat; while
// children are left without one, the build with the lowest cost per seat it fills is added
// (the next standard size at a school they can reach, a new school at a candidate site, or a
// boarding section); then each small school is closed where that lowers the total cost.
import type { OptInstance } from './instance';
import { costOf, isOpen, type Assignment, type OptSolution } from './solution';

interface Decisions {
  closeFrom: (number | null)[];
  option: (number | null)[];
  optionFrom: (number | null)[];
  boardingFrom: (number | null)[];
}

function blank(inst: OptInstance): Decisions {
  const n = inst.facilities.length;
  const none = () => new Array<number | null>(n).fill(null);
  return { closeFrom: none(), option: none(), optionFrom: none(), boardingFrom: none() };
}

function asSolution(d: Decisions, assignments: Assignment[], unmet: number[][]): OptSolution {
  return { method: 'greedy', status: 'feasible', gap: null, ...d, assignments, unmet, claimedObjective: 0 };
}

/** Arcs nearest first; ties by index so the result never depends on sort stability. */
function arcOrder(inst: OptInstance): number[] {
  return inst.arcs.map((_, i) => i).sort((a, b) => (inst.arcs[a]?.km ?? 0) - (inst.arcs[b]?.km ?? 0) || a - b);
}

/**
 * Nearest-first seating of every year under the decisions: `onSeat` hears each arc's
 * children in order (year by year, nearest arc first); the unmet children are returned.
 */
function seat(inst: OptInstance, d: Decisions, order: number[], onSeat: (arc: number, t: number, children: number) => void): number[][] {
  const T = inst.years.length;
  const probe = asSolution(d, [], []);
  const unmet = inst.points.map((p) => p.children.slice(0, T).map((c) => c ?? 0));
  for (let t = 0; t < T; t++) {
    const spare = inst.facilities.map((fac, f) => {
      if (!isOpen(inst, probe, f, t)) return 0;
      const k = d.option[f];
      const from = d.optionFrom[f];
      const extra = k !== null && k !== undefined && from !== null && from !== undefined && t >= from ? (fac.options[k]?.added ?? 0) : 0;
      return fac.seats + extra;
    });
    for (const ai of order) {
      const arc = inst.arcs[ai];
      if (!arc) continue;
      const row = unmet[arc.point] as number[];
      const left = row[t] ?? 0;
      if (left <= 0) continue;
      if (arc.far) {
        const bf = d.boardingFrom[arc.facility];
        if (bf === null || bf === undefined || t < bf) continue;
      }
      const room = spare[arc.facility] ?? 0;
      if (room <= 0) continue;
      const n = Math.min(left, room);
      row[t] = left - n;
      spare[arc.facility] = room - n;
      onSeat(ai, t, n);
    }
  }
  return unmet;
}

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
    .filter(({ fac, f }) => fac.existing && fac.closable && !fac.keep && d.option[f] === null)
    .sort((a, b) => a.fac.students - b.fac.students || a.f - b.f);
  const at = Math.min(inst.firstBuildIndex, inst.years.length - 1);
  let best = objectiveOf(inst, d, order);
  for (const { f } of closable) {
    d.closeFrom[f] = at;
    const trial = objectiveOf(inst, d, order);
    if (trial < best - 1e-9) best = trial;
    else d.closeFrom[f] = null;
  }
  return assign(inst, d, order);
}

/**
 * The greedy layout improved by single changes while any lowers the total cost: each build
 * dropped, made one standard size smaller or completed a year later, then each small school
 * closed. Used as the solver's first incumbent only — the greedy layout itself stays the
 * yardstick the result is compared with. The nearest-first assignment seats children
 * no better than the solver would, so every layout kept here is a fair incumbent.
 */
export function polishLayout(inst: OptInstance, start: OptSolution, o: { maxRounds?: number; maxWork?: number } = {}): OptSolution {
  const order = arcOrder(inst);
  const maxRounds = o.maxRounds ?? 4;
  // Each trial re-assigns every year: the work is counted in arc-years so a large county
  // stops polishing after a bounded effort instead of delaying the solver.
  let work = o.maxWork ?? 2e7;
  const perTrial = inst.arcs.length * inst.years.length + inst.facilities.length;
  const d: Decisions = { closeFrom: [...start.closeFrom], option: [...start.option], optionFrom: [...start.optionFrom], boardingFrom: [...start.boardingFrom] };
  let best = objectiveOf(inst, d, order);
  const T = inst.years.length;
  const tryChange = (apply: () => void, undo: () => void) => {
    if (work <= 0) return false;
    work -= perTrial;
    apply();
    const trial = objectiveOf(inst, d, order);
    if (trial < best - 1e-6) {
      best = trial;
      return true;
    }
    undo();
    return false;
  };
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
      if (tryChange(set(null, null), set(k, from))) return (improved = true);
      const smaller = fac.options
        .map((o, j) => ({ o, j }))
        .filter(({ o }) => o.added < (fac.options[k]?.added ?? 0))
        .sort((a, b) => b.o.added - a.o.added);
      for (const { j } of smaller) if (tryChange(set(j, from), set(k, from))) return (improved = true);
      if (from + 1 < T && tryChange(set(k, from + 1), set(k, from))) improved = true;
    });
    const at = Math.min(inst.firstBuildIndex, T - 1);
    inst.facilities.forEach((fac, f) => {
      if (!fac.existing || !fac.closable || fac.keep || d.option[f] !== null || d.closeFrom[f] !== null) return;
      if (tryChange(() => (d.closeFrom[f] = at), () => (d.closeFrom[f] = null))) improved = true;
    });
    if (!improved) break;
  }
  return assign(inst, d, order);
}
