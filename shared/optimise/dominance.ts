// Build options the optimum never uses, found before the model is written: a school or site
// can never seat more children than the points with an arc to it hold in their largest year,
// so of two sizes that both cover that, the dearer one is never better (constraints only see
// the seats a size adds, the objective and the budgets only its cost). Dropping them removes
// most of a small rural site's binaries and leaves the optimum unchanged.
import type { OptInstance } from './instance';

/** Most children that can ever reach each facility (largest year of each point with an arc to it). */
export function reachOf(inst: OptInstance): number[] {
  const reach = new Array<number>(inst.facilities.length).fill(0);
  for (const a of inst.arcs) {
    const p = inst.points[a.point];
    if (!p) continue;
    let most = 0;
    for (const c of p.children) if (c > most) most = c;
    reach[a.facility] = (reach[a.facility] ?? 0) + most;
  }
  return reach;
}

/** Per facility, per option: whether the option can be part of an optimal layout. */
export function usefulOptions(inst: OptInstance): boolean[][] {
  const reach = reachOf(inst);
  return inst.facilities.map((fac, f) => {
    const need = Math.max(0, (reach[f] ?? 0) - fac.seats);
    const useful = (added: number) => Math.min(added, need);
    return fac.options.map((opt, k) =>
      fac.options.every((other, j) => {
        if (j === k) return useful(opt.added) > 0 || opt.cost <= 0;
        const better = other.cost < opt.cost || (other.cost === opt.cost && j < k);
        return !(better && useful(other.added) >= useful(opt.added));
      }),
    );
  });
}
