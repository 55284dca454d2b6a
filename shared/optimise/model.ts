// The capacitated facility-location MIP of an instance, as sparse arrays any LP/MIP solver
// takes (rows in CSR), and the way back from a column vector to a layout. Kept pure so the
// formulation is tested without a solver and the solver call (electron/backend/optimise/)
// only passes arrays.
//
// Variables (t: plan year index):
//   x[a,t] ≥ 0  children of arc a's point at its facility      cost travel·km (+ boarding if far, + beyond penalty)
//   u[p,t] ≥ 0  children of point p without a seat              cost unmet
//   o[f,t] ∈ {0,1} existing school open, non-increasing         cost operating (+ conversion credit, see below)
//   y[f,k,t] ∈ {0,1} option k built and in use, non-decreasing  cost option cost (last year) + holding + operating for new sites
//   b[f,t] ∈ {0,1} boarding section in use, non-decreasing      cost boarding section (last year) + holding
// Rows:
//   demand     Σ_a x[a,t] + u[p,t] = d[p,t]
//   capacity   Σ_a x[a,t] − seats·o[f,t] − Σ_k added_k·y[f,k,t] ≤ 0
//   build-open Σ_k y[f,k,t] − o[f,t] ≤ 0 (existing: no build at a closed school)
//   one option Σ_k y[f,k,T−1] ≤ 1
//   far        x[a,t] − d[p,t]·b[f,t] ≤ 0 (beyond the service distance only with boarding)
//   link       x[a,t] − d[p,t]·o[f,t] ≤ 0 (closable schools), x[a,t] − d[p,t]·Σ_k y[f,k,t] ≤ 0
//              (sites): implied by capacity, but they make the LP relaxation far tighter, which
//              is what lets the solver prove the optimum of a county in seconds
//   monotone   o[f,t] ≤ o[f,t−1], y[f,k,t−1] ≤ y[f,k,t], b[f,t−1] ≤ b[f,t]
//   first build year: y and b exist from it on; a school with a conversion credit stays open
//              before it (o = 1); a 撤并 may close from the first plan year
//   balance    Σ_{f∈g} (seats counted in f's capacity row) + Σ_{p∈g} u[p,t] ≥ Σ_{p∈g} d[p,t] for each
//              group g of villages and the schools their arcs reach (cover.ts): implied by the
//              capacity rows, but as one row the solver's rounding cuts see that seats come in
//              standard sizes (on the sample's primary schools under the area rule the root
//              bound then rises to within 0.4 % of the optimum instead of 1.25 %); one block
//              of rows (`layout.balance`), which a large county's model leaves out
//              (slack-columns.ts: they hold each u[p,t] in a second row)
//   budget     Σ cost·(y[·,t] − y[·,t−1]) + Σ boarding·(b[·,t] − b[·,t−1]) ≤ B_t, and Σ cost·y[·,T−1] + Σ boarding·b[·,T−1] ≤ total
// A conversion credit c_f (closing as 转型 instead of 撤并) enters as −c_f·(1 − o[f,T−1]):
// +c_f on o[f,T−1] and −Σc_f in the objective offset. The unmet penalty on the children no
// layout can seat before the first build year (bridged.ts) is taken off the offset too.
import { bridgedFloorPenalty } from './bridged';
import { seatGroups } from './cover';
import { usefulOptions } from './dominance';
import type { OptInstance } from './instance';
import type { Assignment, OptSolution, OptStatus } from './solution';

export interface SparseMip {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  /** 1 = integer (all integers here are binaries), 0 = continuous. */
  integrality: Int32Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** CSR: row i's entries are starts[i] … starts[i+1]−1. */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  offset: number;
}

export interface MipLayout {
  T: number;
  /** arc·T + t → column, −1 where the point has no children that year. */
  x: Int32Array;
  /** p·T + t → column or −1. */
  u: Int32Array;
  /** f·T + t → column or −1 (existing schools only). */
  o: Int32Array;
  /** Per facility, per option, per year → column or −1 (before the first build year). */
  y: Int32Array[][];
  /** f·T + t → column or −1. */
  b: Int32Array;
  /** The seat-balance rows: one block, rows first … first + count − 1. */
  balance: { first: number; count: number };
}

class Builder {
  cost: number[] = [];
  lower: number[] = [];
  upper: number[] = [];
  integer: number[] = [];
  rowLower: number[] = [];
  rowUpper: number[] = [];
  starts: number[] = [0];
  indices: number[] = [];
  values: number[] = [];

  col(cost: number, lower: number, upper: number, integer: boolean): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    return this.cost.length - 1;
  }

  row(entries: [number, number][], lower: number, upper: number): void {
    const merged = new Map<number, number>();
    for (const [c, v] of entries) if (c >= 0) merged.set(c, (merged.get(c) ?? 0) + v);
    for (const [c, v] of merged) {
      if (v === 0) continue;
      this.indices.push(c);
      this.values.push(v);
    }
    this.starts.push(this.indices.length);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
  }
}

export function buildMip(inst: OptInstance): { mip: SparseMip; layout: MipLayout } {
  const T = inst.years.length;
  const F = inst.facilities.length;
  const last = T - 1;
  const first = inst.firstBuildIndex;
  const B = new Builder();
  const w = inst.weights;
  let offset = -bridgedFloorPenalty(inst);

  const o = new Int32Array(F * T).fill(-1);
  const y: Int32Array[][] = [];
  const b = new Int32Array(F * T).fill(-1);
  const useful = usefulOptions(inst);
  const hasFar = new Array<boolean>(F).fill(false);
  for (const a of inst.arcs) if (a.far) hasFar[a.facility] = true;

  inst.facilities.forEach((fac, f) => {
    if (fac.existing) {
      const fixed = fac.keep || !fac.closable;
      for (let t = 0; t < T; t++) {
        const credit = t === last ? fac.convertCredit : 0;
        // A conversion's refit is building work: the school stays open until a build could be ready.
        const refitting = fac.convertCredit > 0 && t < first;
        o[f * T + t] = B.col(fac.operating + credit, fixed || refitting ? 1 : 0, 1, true);
      }
      offset -= fac.convertCredit;
    }
    y.push(
      fac.options.map((opt, k) => {
        const cols = new Int32Array(T).fill(-1);
        if (!useful[f]?.[k]) return cols;
        for (let t = first; t < T; t++) {
          const cost = (fac.existing ? 0 : fac.operating) + w.holding * opt.cost + (t === last ? opt.cost : 0);
          cols[t] = B.col(cost, 0, 1, true);
        }
        return cols;
      }),
    );
    if (fac.boardingCost !== null && hasFar[f]) {
      const bc = fac.boardingCost;
      for (let t = first; t < T; t++) b[f * T + t] = B.col(w.holding * bc + (t === last ? bc : 0), 0, 1, true);
    }
  });

  const x = new Int32Array(inst.arcs.length * T).fill(-1);
  const u = new Int32Array(inst.points.length * T).fill(-1);
  inst.arcs.forEach((a, ai) => {
    const p = inst.points[a.point];
    if (!p) return;
    for (let t = 0; t < T; t++) {
      const d = p.children[t] ?? 0;
      if (d <= 0) continue;
      const farOk = !a.far || (b[a.facility * T + t] ?? -1) >= 0;
      x[ai * T + t] = B.col(w.travel * a.km + (a.far ? w.boarding : 0) + (a.beyond ? w.beyond : 0), 0, farOk ? d : 0, false);
    }
  });
  inst.points.forEach((p, pi) => {
    for (let t = 0; t < T; t++) {
      const d = p.children[t] ?? 0;
      if (d > 0) u[pi * T + t] = B.col(w.unmet, 0, d, false);
    }
  });

  // demand
  const arcsOfPoint: number[][] = inst.points.map(() => []);
  const arcsOfFacility: number[][] = inst.facilities.map(() => []);
  inst.arcs.forEach((a, ai) => {
    arcsOfPoint[a.point]?.push(ai);
    arcsOfFacility[a.facility]?.push(ai);
  });
  inst.points.forEach((p, pi) => {
    for (let t = 0; t < T; t++) {
      const d = p.children[t] ?? 0;
      if (d <= 0) continue;
      const e: [number, number][] = (arcsOfPoint[pi] ?? []).map((ai) => [x[ai * T + t] as number, 1]);
      e.push([u[pi * T + t] as number, 1]);
      B.row(e, d, d);
    }
  });

  // per facility and year, the seats its capacity row counts (column, seats), for the group balance
  const seatTerms: [number, number][][] = [];
  inst.facilities.forEach((fac, f) => {
    const ys = y[f] as Int32Array[];
    for (let t = 0; t < T; t++) {
      // capacity, each size counted for no more than the children who can reach the school
      // that year (the same tightening as the links below, over all its arcs at once)
      const arcs = arcsOfFacility[f] ?? [];
      let reach = 0;
      for (const ai of arcs) reach += inst.points[inst.arcs[ai]?.point ?? -1]?.children[t] ?? 0;
      const own = Math.min(reach, fac.seats);
      const e: [number, number][] = arcs.map((ai) => [x[ai * T + t] as number, 1]);
      if (fac.existing) e.push([o[f * T + t] as number, -own]);
      fac.options.forEach((opt, k) => e.push([ys[k]?.[t] ?? -1, -Math.min(reach - own, opt.added)]));
      if (e.some(([c]) => c >= 0)) B.row(e, -Infinity, 0);
      seatTerms[f * T + t] = e.filter(([c], i) => i >= arcs.length && c >= 0).map(([c, v]): [number, number] => [c, -v]);
      // build only at an open school
      if (fac.existing && fac.options.length > 0 && t >= first) {
        B.row([...ys.map((cols): [number, number] => [cols[t] as number, 1]), [o[f * T + t] as number, -1]], -Infinity, 0);
      }
      if (t > 0) {
        if (fac.existing) B.row([[o[f * T + t] as number, 1], [o[f * T + t - 1] as number, -1]], -Infinity, 0);
        if (t > first) {
          for (const cols of ys) B.row([[cols[t - 1] as number, 1], [cols[t] as number, -1]], -Infinity, 0);
          if ((b[f * T + t - 1] ?? -1) >= 0) B.row([[b[f * T + t - 1] as number, 1], [b[f * T + t] as number, -1]], -Infinity, 0);
        }
      }
    }
    if (fac.options.length > 1 && first <= last) B.row(ys.map((cols): [number, number] => [cols[last] as number, 1]), -Infinity, 1);
  });

  // seat balance of each group of villages and their schools (cover.ts)
  const balanceFirst = B.rowLower.length;
  for (const g of seatGroups(inst)) {
    for (let t = 0; t < T; t++) {
      let demand = 0;
      const e: [number, number][] = [];
      for (const p of g.points) {
        demand += inst.points[p]?.children[t] ?? 0;
        e.push([u[p * T + t] as number, 1]);
      }
      for (const f of g.facilities) for (const term of seatTerms[f * T + t] ?? []) e.push(term);
      if (demand > 0) B.row(e, demand, Infinity);
    }
  }
  const balance = { first: balanceFirst, count: B.rowLower.length - balanceFirst };

  // far arcs need the boarding section
  inst.arcs.forEach((a, ai) => {
    if (!a.far) return;
    const p = inst.points[a.point];
    for (let t = 0; t < T; t++) {
      const xc = x[ai * T + t] as number;
      const bc = b[a.facility * T + t] as number;
      if (xc < 0 || bc < 0) continue;
      B.row([[xc, 1], [bc, -(p?.children[t] ?? 0)]], -Infinity, 0);
    }
  });

  // strong links: a child can only use a school that is open (or built) that year
  inst.arcs.forEach((a, ai) => {
    const fac = inst.facilities[a.facility];
    const p = inst.points[a.point];
    if (!fac || !p) return;
    const ys = y[a.facility] as Int32Array[];
    for (let t = 0; t < T; t++) {
      const xc = x[ai * T + t] as number;
      if (xc < 0) continue;
      const d = p.children[t] ?? 0;
      // A size seats at most what it adds, so an arc gets at most min(d, seats) of each: with
      // plain d·y the relaxation mixes a teaching point with a large school at one site and
      // pays for a fraction of each.
      const sizes = (left: number) => fac.options.map((opt, k): [number, number] => [ys[k]?.[t] ?? -1, -Math.min(left, opt.added)]);
      if (fac.existing) {
        const oc = o[a.facility * T + t] as number;
        const fixed = fac.keep || !fac.closable;
        if (fixed && fac.seats >= d) continue;
        const own = Math.min(d, fac.seats);
        if (fixed) B.row([[xc, 1], ...sizes(d - own)], -Infinity, own);
        else B.row([[xc, 1], [oc, -own], ...sizes(d - own)], -Infinity, 0);
      } else {
        B.row([[xc, 1], ...sizes(d)], -Infinity, 0);
      }
    }
  });

  // budget
  inst.budget.forEach((limit, t) => {
    if (limit === null || t < first) return;
    const e: [number, number][] = [];
    inst.facilities.forEach((fac, f) => {
      const ys = y[f] as Int32Array[];
      fac.options.forEach((opt, k) => {
        e.push([ys[k]?.[t] ?? -1, opt.cost]);
        if (t > first) e.push([ys[k]?.[t - 1] ?? -1, -opt.cost]);
      });
      if (fac.boardingCost !== null && (b[f * T + t] ?? -1) >= 0) {
        e.push([b[f * T + t] as number, fac.boardingCost]);
        if (t > first) e.push([b[f * T + t - 1] as number, -fac.boardingCost]);
      }
    });
    if (e.length > 0) B.row(e, -Infinity, limit);
  });

  if (inst.totalBudget !== null && first <= last) {
    const e: [number, number][] = [];
    inst.facilities.forEach((fac, f) => {
      fac.options.forEach((opt, k) => e.push([y[f]?.[k]?.[last] ?? -1, opt.cost]));
      if (fac.boardingCost !== null) e.push([b[f * T + last] ?? -1, fac.boardingCost]);
    });
    if (e.length > 0) B.row(e, -Infinity, inst.totalBudget);
  }

  const mip: SparseMip = {
    numCols: B.cost.length,
    numRows: B.rowLower.length,
    colCost: Float64Array.from(B.cost),
    colLower: Float64Array.from(B.lower),
    colUpper: Float64Array.from(B.upper),
    integrality: Int32Array.from(B.integer),
    rowLower: Float64Array.from(B.rowLower),
    rowUpper: Float64Array.from(B.rowUpper),
    starts: Int32Array.from(B.starts),
    indices: Int32Array.from(B.indices),
    values: Float64Array.from(B.values),
    offset,
  };
  return { mip, layout: { T, x, u, o, y, b, balance } };
}

const HALF = 0.5;

function firstOn(cols: Int32Array, values: ArrayLike<number>, T: number, base = 0): number | null {
  for (let t = 0; t < T; t++) {
    const c = cols[base + t] as number;
    if (c >= 0 && (values[c] ?? 0) > HALF) return t;
  }
  return null;
}

/** The layout a column vector describes; assignments below 1e-9 children are dropped. */
export function decodeMip(
  inst: OptInstance,
  layout: MipLayout,
  values: ArrayLike<number>,
  status: OptStatus,
  gap: number | null,
  objective: number,
): OptSolution {
  const { T } = layout;
  const F = inst.facilities.length;
  const closeFrom: (number | null)[] = [];
  const option: (number | null)[] = [];
  const optionFrom: (number | null)[] = [];
  const boardingFrom: (number | null)[] = [];
  for (let f = 0; f < F; f++) {
    const fac = inst.facilities[f];
    let close: number | null = null;
    if (fac?.existing) {
      for (let t = 0; t < T; t++) {
        const c = layout.o[f * T + t] as number;
        if (c >= 0 && (values[c] ?? 1) < HALF) {
          close = t;
          break;
        }
      }
    }
    closeFrom.push(close);
    let k: number | null = null;
    let from: number | null = null;
    (layout.y[f] ?? []).forEach((cols, ki) => {
      const on = firstOn(cols, values, T);
      if (on !== null && (from === null || on < from)) {
        k = ki;
        from = on;
      }
    });
    option.push(k);
    optionFrom.push(from);
    boardingFrom.push(firstOn(layout.b, values, T, f * T));
  }
  const assignments: Assignment[] = [];
  inst.arcs.forEach((_, ai) => {
    for (let t = 0; t < T; t++) {
      const c = layout.x[ai * T + t] as number;
      if (c < 0) continue;
      const v = values[c] ?? 0;
      if (v > 1e-9) assignments.push({ arc: ai, t, children: v });
    }
  });
  const unmet = inst.points.map((_, pi) => {
    const row: number[] = [];
    for (let t = 0; t < T; t++) {
      const c = layout.u[pi * T + t] as number;
      const v = c >= 0 ? (values[c] ?? 0) : 0;
      row.push(v > 1e-9 ? v : 0);
    }
    return row;
  });
  return { method: 'mip', status, gap, closeFrom, option, optionFrom, boardingFrom, assignments, unmet, claimedObjective: objective };
}

/** The column vector of a layout (to give the solver the greedy layout as its first incumbent). */
export function encodeSolution(inst: OptInstance, layout: MipLayout, sol: OptSolution, numCols: number): Float64Array {
  const { T } = layout;
  const v = new Float64Array(numCols);
  inst.facilities.forEach((_, f) => {
    for (let t = 0; t < T; t++) {
      const oc = layout.o[f * T + t] as number;
      const close = sol.closeFrom[f];
      if (oc >= 0) v[oc] = close === null || close === undefined || t < close ? 1 : 0;
      const bc = layout.b[f * T + t] as number;
      const bf = sol.boardingFrom[f];
      if (bc >= 0) v[bc] = bf !== null && bf !== undefined && t >= bf ? 1 : 0;
    }
    const k = sol.option[f];
    const from = sol.optionFrom[f];
    if (k !== null && k !== undefined && from !== null && from !== undefined) {
      const cols = layout.y[f]?.[k];
      if (cols) for (let t = from; t < T; t++) if ((cols[t] as number) >= 0) v[cols[t] as number] = 1;
    }
  });
  for (const a of sol.assignments) {
    const c = layout.x[a.arc * T + a.t] as number;
    if (c >= 0) v[c] = (v[c] ?? 0) + a.children;
  }
  sol.unmet.forEach((row, pi) => row.forEach((u, t) => {
    const c = layout.u[pi * T + t] as number;
    if (c >= 0) v[c] = u;
  }));
  return v;
}
