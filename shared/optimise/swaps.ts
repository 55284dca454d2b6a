// Swaps of two schools or sites, for the polish once no single change lowers the cost: the
// greedy adds seats one cheapest step at a time, so where a better layout builds at another
// site, closes a school and enlarges its neighbour, or reopens a school instead of building
// next to it, every single step towards it costs more and only the pair pays.
import { usefulOptions } from './dominance';
import type { OptInstance } from './instance';
import type { TryChange } from './polish';
import type { Decisions } from './seating';

/** Nearby facilities tried as the other half of a swap. */
const NEIGHBOURS = 10;

/** Per facility, the facilities that share a demand point with it, nearest first (at most NEIGHBOURS). */
export function swapNeighbours(inst: OptInstance): number[][] {
  const byPoint: number[][] = inst.points.map(() => []);
  for (const a of inst.arcs) byPoint[a.point]?.push(a.facility);
  const near = inst.facilities.map(() => new Set<number>());
  for (const fs of byPoint) for (const f of fs) for (const g of fs) if (f !== g) near[f]?.add(g);
  return inst.facilities.map((fac, f) =>
    [...(near[f] ?? [])]
      .map((g) => ({ g, d: Math.hypot((inst.facilities[g]?.x ?? 0) - fac.x, (inst.facilities[g]?.y ?? 0) - fac.y) }))
      .sort((a, b) => a.d - b.d || a.g - b.g)
      .slice(0, NEIGHBOURS)
      .map(({ g }) => g),
  );
}

const cache = new WeakMap<OptInstance, { neighbours: number[][]; useful: boolean[][] }>();

function prepared(inst: OptInstance): { neighbours: number[][]; useful: boolean[][] } {
  let p = cache.get(inst);
  if (!p) {
    p = { neighbours: swapNeighbours(inst), useful: usefulOptions(inst) };
    cache.set(inst, p);
  }
  return p;
}

/**
 * One pass of swaps, each facility with its neighbours: a build moved to a neighbour (at any
 * size larger than the neighbour has), a school closed and a neighbour built or enlarged, a
 * closed school reopened and a neighbour's build dropped or made smaller. True if any was kept.
 */
export function swapRound(inst: OptInstance, d: Decisions, tryChange: TryChange): boolean {
  const { neighbours, useful } = prepared(inst);
  const T = inst.years.length;
  // Every swap builds somewhere: nothing to try when no build can be ready within the period.
  if (inst.firstBuildIndex >= T) return false;
  const first = Math.min(inst.firstBuildIndex, T - 1);
  const added = (f: number, k: number | null | undefined) => (k === null || k === undefined ? 0 : (inst.facilities[f]?.options[k]?.added ?? 0));
  const usable = (g: number) => {
    const fac = inst.facilities[g];
    return !!fac && d.closeFrom[g] === null;
  };
  /** Sizes of g larger than its present build, smallest first. */
  const larger = (g: number) => {
    const now = added(g, d.option[g]);
    return (inst.facilities[g]?.options ?? []).map((o, j) => ({ o, j })).filter(({ o, j }) => useful[g]?.[j] && o.added > now).sort((a, b) => a.o.added - b.o.added);
  };
  /** Sets g's build (size, year) and returns the undo. */
  const build = (g: number, k: number | null, from: number | null) => {
    const k0 = d.option[g] ?? null;
    const f0 = d.optionFrom[g] ?? null;
    return {
      apply: () => {
        d.option[g] = k;
        d.optionFrom[g] = from;
      },
      undo: () => {
        d.option[g] = k0;
        d.optionFrom[g] = f0;
      },
    };
  };
  const both = (a: { apply: () => void; undo: () => void }, b: { apply: () => void; undo: () => void }) => ({
    apply: () => {
      a.apply();
      b.apply();
    },
    undo: () => {
      b.undo();
      a.undo();
    },
  });
  const close = (f: number, at: number | null) => {
    const c0 = d.closeFrom[f] ?? null;
    return { apply: () => (d.closeFrom[f] = at), undo: () => (d.closeFrom[f] = c0) };
  };
  let improved = false;
  inst.facilities.forEach((fac, f) => {
    const k = d.option[f];
    const from = d.optionFrom[f];
    const nb = neighbours[f] ?? [];
    if (k !== null && k !== undefined && from !== null && from !== undefined) {
      // The build moved to a neighbour, or made smaller with the neighbour's made larger.
      const now = added(f, k);
      const smaller = fac.options.map((o, j) => ({ o, j })).filter(({ o, j }) => useful[f]?.[j] && o.added < now).sort((a, b) => b.o.added - a.o.added);
      for (const g of nb) {
        if (!usable(g)) continue;
        const at = d.optionFrom[g] ?? from;
        for (const { j } of larger(g)) {
          for (const kf of [null, ...smaller.map((x) => x.j)]) {
            const m = both(build(f, kf, kf === null ? null : from), build(g, j, at));
            if (tryChange([f, g], m.apply, m.undo, true)) return (improved = true);
          }
        }
      }
      return;
    }
    if (!fac.existing) return;
    if (d.closeFrom[f] === null) {
      if (!fac.closable || fac.keep) return;
      // The school closed, a neighbour built or enlarged to take its children.
      for (const g of nb) {
        if (!usable(g)) continue;
        const at = d.optionFrom[g] ?? first;
        for (const { j } of larger(g)) {
          const m = both(close(f, first), build(g, j, at));
          if (tryChange([f, g], m.apply, m.undo, true)) return (improved = true);
        }
      }
      return;
    }
    // A closed school reopened, a neighbour's build dropped or made smaller.
    for (const g of nb) {
      const kg = d.option[g];
      const fg = d.optionFrom[g];
      if (kg === null || kg === undefined || fg === null || fg === undefined) continue;
      const now = added(g, kg);
      const smaller = (inst.facilities[g]?.options ?? []).map((o, j) => ({ o, j })).filter(({ o, j }) => useful[g]?.[j] && o.added < now).sort((a, b) => b.o.added - a.o.added);
      for (const j of [null, ...smaller.map((s) => s.j)]) {
        const m = both(close(f, null), build(g, j, j === null ? null : fg));
        if (tryChange([f, g], m.apply, m.undo, true)) return (improved = true);
      }
    }
  });
  return improved;
}
