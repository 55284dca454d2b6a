// A layout as the MIP or the greedy heuristic proposes it, and what it costs. The cost is
// always recomputed here from the decisions and the assignment, never taken from the solver,
// so both methods are compared on the same terms and the checker can hold each to its claim.
import { bridgedFloorPenalty } from './bridged';
import type { OptInstance } from './instance';

export type OptMethod = 'mip' | 'greedy';
export type OptStatus = 'optimal' | 'feasible' | 'infeasible';

/** Children of one point sent to one facility in one year. */
export interface Assignment {
  arc: number;
  t: number;
  children: number;
}

export interface OptSolution {
  method: OptMethod;
  status: OptStatus;
  /** Relative MIP gap (0 = proven optimum); null for the greedy heuristic. */
  gap: number | null;
  /** Per facility: index into `years` of the first year it is closed (existing) — null: stays open. */
  closeFrom: (number | null)[];
  /** Per facility: chosen option (index into `options`) and the year index it is in use from. */
  option: (number | null)[];
  optionFrom: (number | null)[];
  /** Per facility: year index a boarding section is in use from. */
  boardingFrom: (number | null)[];
  assignments: Assignment[];
  /** Unmet children per point and year. */
  unmet: number[][];
  /** The objective as the method reported it (checked against `costOf`). */
  claimedObjective: number;
}

export interface CostBreakdown {
  /** 万元, all terms. */
  construction: number;
  boardingBuild: number;
  operating: number;
  travel: number;
  boardingPenalty: number;
  beyondPenalty: number;
  unmetPenalty: number;
  /** The unmet penalty on the bridged floor (children no layout can seat before a build can be ready): left out of the objective. */
  bridgedFloor: number;
  convertCredit: number;
  /** The holding charge on builds for the years they are in use. */
  holding: number;
  /** Construction + boarding sections (万元): what the county spends on building. */
  capital: number;
  objective: number;
}

export function isOpen(inst: OptInstance, sol: OptSolution, f: number, t: number): boolean {
  const fac = inst.facilities[f];
  if (!fac) return false;
  if (fac.existing) {
    const c = sol.closeFrom[f];
    return c === null || c === undefined || t < c;
  }
  const from = sol.optionFrom[f];
  return from !== null && from !== undefined && t >= from;
}

/** Seats of facility `f` in year `t` under the solution. */
export function capacityOf(inst: OptInstance, sol: OptSolution, f: number, t: number): number {
  const fac = inst.facilities[f];
  if (!fac || !isOpen(inst, sol, f, t)) return 0;
  const k = sol.option[f];
  const from = sol.optionFrom[f];
  if (k !== null && k !== undefined && from !== null && from !== undefined && t >= from) {
    return fac.seats + (fac.options[k]?.added ?? 0);
  }
  return fac.seats;
}

export function costOf(inst: OptInstance, sol: OptSolution): CostBreakdown {
  const w = inst.weights;
  const T = inst.years.length;
  let construction = 0;
  let boardingBuild = 0;
  let operating = 0;
  let convertCredit = 0;
  let holding = 0;
  inst.facilities.forEach((fac, f) => {
    const k = sol.option[f];
    const from = sol.optionFrom[f];
    if (k !== null && k !== undefined) {
      const c = fac.options[k]?.cost ?? 0;
      construction += c;
      if (from !== null && from !== undefined) holding += w.holding * c * (T - from);
    }
    const bf = sol.boardingFrom[f];
    if (bf !== null && bf !== undefined) {
      boardingBuild += fac.boardingCost ?? 0;
      holding += w.holding * (fac.boardingCost ?? 0) * (T - bf);
    }
    for (let t = 0; t < T; t++) if (isOpen(inst, sol, f, t)) operating += fac.operating;
    if (fac.existing && sol.closeFrom[f] !== null && sol.closeFrom[f] !== undefined) convertCredit += fac.convertCredit;
  });
  let travel = 0;
  let boardingPenalty = 0;
  let beyondPenalty = 0;
  for (const a of sol.assignments) {
    const arc = inst.arcs[a.arc];
    if (!arc) continue;
    travel += w.travel * arc.km * a.children;
    if (arc.far) boardingPenalty += w.boarding * a.children;
    if (arc.beyond) beyondPenalty += w.beyond * a.children;
  }
  let unmetPenalty = 0;
  for (const row of sol.unmet) for (const u of row) unmetPenalty += w.unmet * u;
  const capital = construction + boardingBuild;
  const bridgedFloor = bridgedFloorPenalty(inst);
  return {
    construction,
    boardingBuild,
    operating,
    travel,
    boardingPenalty,
    beyondPenalty,
    unmetPenalty,
    bridgedFloor,
    convertCredit,
    holding,
    capital,
    objective: capital + holding + operating + travel + boardingPenalty + beyondPenalty + unmetPenalty - convertCredit - bridgedFloor,
  };
}

export interface TravelSummary {
  /** Children-weighted mean road km in the last year. */
  mean: number | null;
  max: number | null;
  /** Largest number, over the years from the first a build can be ready, of children without a seat. */
  unmetSeats: number;
  /** Largest number over the years of children without a seat within the service distance (beyond it, boarders, unmet from the first build year). */
  uncoveredChildren: number;
  /** Children without a seat in each year before a build can be ready (过渡期缺口: bridged without building, not unmet). */
  bridged: { year: number; seats: number }[];
}

export function travelSummary(inst: OptInstance, sol: OptSolution): TravelSummary {
  const T = inst.years.length;
  const last = T - 1;
  let sum = 0;
  let kids = 0;
  let max: number | null = null;
  const far = new Array<number>(T).fill(0);
  for (const a of sol.assignments) {
    const arc = inst.arcs[a.arc];
    if (!arc || a.children <= 1e-6) continue;
    if (arc.far || arc.beyond) far[a.t] = (far[a.t] ?? 0) + a.children;
    if (a.t !== last) continue;
    sum += arc.km * a.children;
    kids += a.children;
    if (max === null || arc.km > max) max = arc.km;
  }
  let unmetSeats = 0;
  let uncovered = 0;
  const bridged: TravelSummary['bridged'] = [];
  for (let t = 0; t < T; t++) {
    let u = 0;
    for (const row of sol.unmet) u += row[t] ?? 0;
    if (t < inst.firstBuildIndex) {
      bridged.push({ year: inst.years[t] ?? t, seats: Math.round(u) });
      uncovered = Math.max(uncovered, far[t] ?? 0);
      continue;
    }
    unmetSeats = Math.max(unmetSeats, u);
    uncovered = Math.max(uncovered, u + (far[t] ?? 0));
  }
  return { mean: kids > 0 ? sum / kids : null, max, unmetSeats: Math.round(unmetSeats), uncoveredChildren: Math.round(uncovered), bridged };
}
