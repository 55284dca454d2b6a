// Nearest-first seating, the greedy layout's assignment rule: each year, arcs are taken nearest
// first and each seats as many of its village's children as its school has room for. Also
// `TrialSeating`, which prices a change of one school's decisions by re-seating only what the
// change touches (see docs/ARCHITECTURE.md, "Layout optimiser").
import type { OptInstance } from './instance';
import { isOpen, type Assignment, type OptSolution } from './solution';

/** The greedy's decisions per facility (the layout without its assignment). */
export interface Decisions {
  closeFrom: (number | null)[];
  option: (number | null)[];
  optionFrom: (number | null)[];
  boardingFrom: (number | null)[];
}

export function blank(inst: OptInstance): Decisions {
  const n = inst.facilities.length;
  const none = () => new Array<number | null>(n).fill(null);
  return { closeFrom: none(), option: none(), optionFrom: none(), boardingFrom: none() };
}

export function asSolution(d: Decisions, assignments: Assignment[], unmet: number[][]): OptSolution {
  return { method: 'greedy', status: 'feasible', gap: null, ...d, assignments, unmet, claimedObjective: 0 };
}

/** Arcs nearest first; ties by index so the result never depends on sort stability. */
export function arcOrder(inst: OptInstance): number[] {
  return inst.arcs.map((_, i) => i).sort((a, b) => (inst.arcs[a]?.km ?? 0) - (inst.arcs[b]?.km ?? 0) || a - b);
}

/** Seats facility f has in year t under the decisions (0 while closed or not yet built). */
function roomAt(inst: OptInstance, d: Decisions, probe: OptSolution, f: number, t: number): number {
  const fac = inst.facilities[f];
  if (!fac || !isOpen(inst, probe, f, t)) return 0;
  const k = d.option[f];
  const from = d.optionFrom[f];
  const extra = k !== null && k !== undefined && from !== null && from !== undefined && t >= from ? (fac.options[k]?.added ?? 0) : 0;
  return fac.seats + extra;
}

/** Whether children may use a far arc to facility f in year t (a boarding section in use). */
function boardsAt(d: Decisions, f: number, t: number): boolean {
  const bf = d.boardingFrom[f];
  return bf !== null && bf !== undefined && t >= bf;
}

/**
 * Nearest-first seating of every year under the decisions: `onSeat` hears each arc's
 * children in order (year by year, nearest arc first); the unmet children are returned.
 */
export function seat(inst: OptInstance, d: Decisions, order: number[], onSeat: (arc: number, t: number, children: number) => void): number[][] {
  const T = inst.years.length;
  const probe = asSolution(d, [], []);
  const unmet = inst.points.map((p) => p.children.slice(0, T).map((c) => c ?? 0));
  for (let t = 0; t < T; t++) {
    const spare = inst.facilities.map((_, f) => roomAt(inst, d, probe, f, t));
    for (const ai of order) {
      const arc = inst.arcs[ai];
      if (!arc) continue;
      const row = unmet[arc.point] as number[];
      const left = row[t] ?? 0;
      if (left <= 0) continue;
      if (arc.far && !boardsAt(d, arc.facility, t)) continue;
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

/** What seating one more child on an arc adds to the objective (travel and the arc's penalties). */
function arcWeight(inst: OptInstance, ai: number): number {
  const arc = inst.arcs[ai];
  if (!arc) return 0;
  const w = inst.weights;
  return w.travel * arc.km + (arc.far ? w.boarding : 0) + (arc.beyond ? w.beyond : 0);
}

/** Ascending positions in `order` of each point's and each facility's arcs. */
function positionsBy(inst: OptInstance, order: number[]): { byPoint: number[][]; byFacility: number[][] } {
  const byPoint = inst.points.map(() => [] as number[]);
  const byFacility = inst.facilities.map(() => [] as number[]);
  order.forEach((ai, p) => {
    const arc = inst.arcs[ai];
    if (!arc) return;
    byPoint[arc.point]?.push(p);
    byFacility[arc.facility]?.push(p);
  });
  return { byPoint, byFacility };
}

/** A min-heap of arc positions, each pushed at most once per year re-seated. */
class PositionQueue {
  private heap: number[] = [];
  private seen: Int32Array;
  private stamp = 0;
  constructor(size: number) {
    this.seen = new Int32Array(size);
  }
  reset(): void {
    this.heap.length = 0;
    this.stamp++;
  }
  pushFrom(positions: number[], after: number): void {
    // Positions are ascending: skip to the first one past `after`.
    let lo = 0;
    let hi = positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((positions[mid] ?? 0) <= after) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < positions.length; i++) this.push(positions[i] ?? 0);
  }
  private push(p: number): void {
    if (this.seen[p] === this.stamp) return;
    this.seen[p] = this.stamp;
    const h = this.heap;
    h.push(p);
    let i = h.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if ((h[up] ?? 0) <= p) break;
      h[i] = h[up] ?? 0;
      i = up;
    }
    h[i] = p;
  }
  pop(): number | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const c = r < h.length && (h[r] ?? 0) < (h[l] ?? 0) ? r : l;
      if ((h[c] ?? 0) >= last) break;
      h[i] = h[c] ?? 0;
      i = c;
    }
    h[i] = last;
    return top;
  }
}

/**
 * The seating of a base layout, kept arc by arc, and the objective's seating part of a layout
 * that differs from it at a few facilities. A change at a school alters the seats of its own
 * arcs first; an arc seats differently only where its village or its school already does,
 * so re-seating follows those villages and schools alone, in the same order and with the same
 * arithmetic as a whole re-seating — the seats found are identical.
 */
export class TrialSeating {
  private readonly T: number;
  private readonly byPoint: number[][];
  private readonly byFacility: number[][];
  private readonly weight: Float64Array;
  private readonly queue: PositionQueue;
  /** Per year, per position: children seated, and the village's and school's figures before it. */
  private seated: Float64Array[] = [];
  private leftBefore: Float64Array[] = [];
  private roomBefore: Float64Array[] = [];
  /** Per year, per facility: seats at the start of the year and whether far arcs are open. */
  private room0: Float64Array[] = [];
  private boards: Uint8Array[] = [];
  private base: Decisions;
  /** Arc-years visited so far (re-seating whole counts every arc of every year): the polish's effort bound. */
  work = 0;

  constructor(
    private readonly inst: OptInstance,
    private readonly order: number[],
    d: Decisions,
  ) {
    this.T = inst.years.length;
    ({ byPoint: this.byPoint, byFacility: this.byFacility } = positionsBy(inst, order));
    this.weight = Float64Array.from(order, (ai) => arcWeight(inst, ai));
    this.queue = new PositionQueue(order.length);
    this.base = d;
    this.rebase(d);
  }

  /** Takes `d` as the new base layout (after a change is kept). */
  rebase(d: Decisions): void {
    const { inst, order, T } = this;
    const A = order.length;
    const F = inst.facilities.length;
    this.base = { closeFrom: [...d.closeFrom], option: [...d.option], optionFrom: [...d.optionFrom], boardingFrom: [...d.boardingFrom] };
    const probe = asSolution(this.base, [], []);
    this.work += A * T;
    this.seated = [];
    this.leftBefore = [];
    this.roomBefore = [];
    this.room0 = [];
    this.boards = [];
    for (let t = 0; t < T; t++) {
      const room0 = Float64Array.from({ length: F }, (_, f) => roomAt(inst, this.base, probe, f, t));
      const boards = Uint8Array.from({ length: F }, (_, f) => (boardsAt(this.base, f, t) ? 1 : 0));
      const left = Float64Array.from(inst.points, (p) => p.children[t] ?? 0);
      const room = Float64Array.from(room0);
      const seated = new Float64Array(A);
      const lb = new Float64Array(A);
      const rb = new Float64Array(A);
      for (let p = 0; p < A; p++) {
        const arc = inst.arcs[order[p] ?? -1];
        if (!arc) continue;
        lb[p] = left[arc.point] ?? 0;
        rb[p] = room[arc.facility] ?? 0;
        const n = seatsOn(arc.far, boards[arc.facility] === 1, lb[p] ?? 0, rb[p] ?? 0);
        seated[p] = n;
        left[arc.point] = (lb[p] ?? 0) - n;
        room[arc.facility] = (rb[p] ?? 0) - n;
      }
      this.seated.push(seated);
      this.leftBefore.push(lb);
      this.roomBefore.push(rb);
      this.room0.push(room0);
      this.boards.push(boards);
    }
  }

  /**
   * How much the seating part of the objective changes (travel, arc penalties and unmet
   * children) when the base layout's decisions at `changed` become those of `d`.
   */
  delta(d: Decisions, changed: number[]): number {
    const { inst, order, T } = this;
    const probe = asSolution(d, [], []);
    let delta = 0;
    const w = inst.weights;
    for (let t = 0; t < T; t++) {
      const room0 = this.room0[t] as Float64Array;
      const boards = this.boards[t] as Uint8Array;
      const seated = this.seated[t] as Float64Array;
      const lb = this.leftBefore[t] as Float64Array;
      const rb = this.roomBefore[t] as Float64Array;
      const rooms = new Map<number, number>();
      const boarding = new Map<number, boolean>();
      for (const f of changed) {
        const r = roomAt(inst, d, probe, f, t);
        const b = boardsAt(d, f, t);
        if (r === room0[f] && b === (boards[f] === 1)) continue;
        rooms.set(f, r);
        boarding.set(f, b);
      }
      if (rooms.size === 0) continue;
      const q = this.queue;
      q.reset();
      for (const f of rooms.keys()) q.pushFrom(this.byFacility[f] ?? [], -1);
      const lefts = new Map<number, number>();
      for (let p = q.pop(); p !== undefined; p = q.pop()) {
        this.work++;
        const arc = inst.arcs[order[p] ?? -1];
        if (!arc) continue;
        const i = arc.point;
        const f = arc.facility;
        const left = lefts.get(i) ?? (lb[p] ?? 0);
        // A school that changed starts the year with its new seats and is followed from there.
        const room = rooms.get(f) ?? (rb[p] ?? 0);
        const n = seatsOn(arc.far, boarding.get(f) ?? boards[f] === 1, left, room);
        const was = seated[p] ?? 0;
        if (lefts.has(i)) lefts.set(i, left - n);
        else if (n !== was) {
          lefts.set(i, left - n);
          q.pushFrom(this.byPoint[i] ?? [], p);
        }
        if (rooms.has(f)) rooms.set(f, room - n);
        else if (n !== was) {
          rooms.set(f, room - n);
          q.pushFrom(this.byFacility[f] ?? [], p);
        }
        delta += (this.weight[p] ?? 0) * (n - was);
      }
      for (const [i, left] of lefts) delta += w.unmet * (left - this.finalLeft(t, i));
    }
    return delta;
  }

  /** The village's unmet children at the end of year t under the base layout. */
  private finalLeft(t: number, i: number): number {
    const ps = this.byPoint[i] ?? [];
    const last = ps[ps.length - 1];
    if (last === undefined) return this.inst.points[i]?.children[t] ?? 0;
    return (this.leftBefore[t]?.[last] ?? 0) - (this.seated[t]?.[last] ?? 0);
  }
}

/** Children an arc seats: as many as are left, up to the school's room; far arcs only with boarding. */
function seatsOn(far: boolean, boards: boolean, left: number, room: number): number {
  if (left <= 0 || (far && !boards) || room <= 0) return 0;
  return Math.min(left, room);
}
