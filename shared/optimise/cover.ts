// Groups of villages and the schools they may use, joined through shared schools (union–find
// over the arcs): every arc of a group's villages ends at a school of the group, so in each year
// the group's seats (what its schools offer, each counted as in its capacity row) plus its
// unmet children cover its children. The MIP states that balance as a row of its own
// (model.ts): it is implied by the capacity rows, but as one row it lets the solver's
// rounding cuts see that seats come in standard sizes, which the capacity rows one school
// at a time do not. See docs/ARCHITECTURE.md, "Layout optimiser".
import type { OptInstance } from './instance';

export interface SeatGroup {
  points: number[];
  facilities: number[];
}

export function seatGroups(inst: OptInstance): SeatGroup[] {
  const P = inst.points.length;
  const parent = Array.from({ length: P + inst.facilities.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      const up = parent[parent[i] as number] as number;
      parent[i] = up;
      i = up;
    }
    return i;
  };
  for (const a of inst.arcs) {
    const r1 = find(a.point);
    const r2 = find(P + a.facility);
    if (r1 !== r2) parent[r1] = r2;
  }
  const byRoot = new Map<number, SeatGroup>();
  const group = (i: number) => {
    const r = find(i);
    let g = byRoot.get(r);
    if (!g) byRoot.set(r, (g = { points: [], facilities: [] }));
    return g;
  };
  inst.points.forEach((_, p) => group(p).points.push(p));
  inst.facilities.forEach((_, f) => group(P + f).facilities.push(f));
  return [...byRoot.values()].filter((g) => g.points.length > 0 && g.facilities.length > 0);
}
