// Students per unit and year under the plan. Three steps, each moving students and never
// creating or losing any (the county's demand per stage is conserved):
// 1. the demand as projected (recorded in recorded years);
// 2. a closed unit's students go to its project's receivers (following a receiver that is
//    itself closed on to its own receivers); students with nowhere to go stay where they
//    were and are reported;
// 3. a school a project opened or rebuilt takes, up to its seats, the students that the
//    full schools of its area (of the county, for county-wide stages) cannot seat.
import type { Stage } from '../domain/stages';
import type { EvaluationContext } from './context';
import { recordAt, unitKey, type Unit, type YearState } from './timeline';

/** Stages whose schools draw on the whole county rather than an area. */
export const COUNTY_STAGES: readonly Stage[] = ['senior', 'vocational', 'special'];
export const COUNTY_POOL = '全县';

export function poolOf(stage: Stage, area: string): string {
  return COUNTY_STAGES.includes(stage) ? COUNTY_POOL : area;
}

/** Projected (or recorded) students of every existing unit, aligned with `years`. */
export function baseDemand(ctx: EvaluationContext, units: readonly Unit[], years: readonly number[]): Map<string, number[]> {
  const projected = new Map<string, number[]>();
  for (const s of ctx.demand.schools) projected.set(unitKey(s.code, s.stage), s.students);
  const dy = ctx.demand.years;
  const out = new Map<string, number[]>();
  for (const u of units) {
    const src = u.school.source;
    if (!src) {
      out.set(u.key, years.map(() => 0));
      continue;
    }
    const series = projected.get(u.key);
    out.set(
      u.key,
      years.map((y) => {
        if (y <= ctx.dataBaseYear || !series || dy.length === 0) {
          const rec = y <= ctx.dataBaseYear ? src.recorded[y] : recordAt(src.recorded, ctx.dataBaseYear);
          return rec?.[u.stage]?.students ?? 0;
        }
        let i = dy.indexOf(y);
        if (i < 0) i = y > (dy[dy.length - 1] as number) ? dy.length - 1 : -1;
        if (i < 0) return recordAt(src.recorded, ctx.dataBaseYear)?.[u.stage]?.students ?? 0;
        return series[i] ?? 0;
      }),
    );
  }
  return out;
}

export interface YearDemand {
  demand: Map<string, number>;
  /** Closed unit → students with no receiver (they stay counted at the closed unit). */
  unassigned: Map<string, number>;
  /** Receiving unit → students moved in from closed units. */
  received: Map<string, number>;
  /** Absorbing unit → students taken from full schools of its area. */
  relieved: Map<string, number>;
}

export function distributeDemand(
  state: YearState,
  units: readonly Unit[],
  base: ReadonlyMap<string, number>,
  areaOfTownship: (code: string) => string,
): YearDemand {
  const unitByKey = new Map(units.map((u) => [u.key, u]));
  const demand = new Map<string, number>();
  const unassigned = new Map<string, number>();
  const received = new Map<string, number>();
  const relieved = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

  const place = (root: string, key: string, amount: number, visited: Set<string>): void => {
    const st = state.units.get(key);
    if (st?.open) {
      add(demand, key, amount);
      if (key !== root) add(received, key, amount);
      return;
    }
    const unit = unitByKey.get(key);
    const closer = st?.closedBy;
    if (!unit || !closer || visited.has(key)) {
      add(demand, root, amount);
      add(unassigned, root, amount);
      return;
    }
    const eligible = closer.receivers
      .map((r) => ({ key: unitKey(r.school, unit.stage), share: r.share }))
      .filter((r) => state.units.has(r.key) && r.key !== key);
    const total = eligible.reduce((s, r) => s + r.share, 0);
    if (total <= 0) {
      add(demand, root, amount);
      add(unassigned, root, amount);
      return;
    }
    const next = new Set(visited).add(key);
    for (const r of eligible) place(root, r.key, (amount * r.share) / total, next);
  };

  for (const u of units) {
    const d = base.get(u.key) ?? 0;
    if (d <= 0) continue;
    place(u.key, u.key, d, new Set());
  }

  // Relief of full schools by the schools the plan opens, earliest project first.
  const absorbers = units
    .filter((u) => {
      const st = state.units.get(u.key);
      return st?.open && st.absorbs;
    })
    .sort((a, b) => (state.units.get(a.key)?.absorbOrder ?? 0) - (state.units.get(b.key)?.absorbOrder ?? 0));
  for (const a of absorbers) {
    const sa = state.units.get(a.key);
    if (!sa) continue;
    const pool = poolOf(a.stage, areaOfTownship(sa.township));
    const room = sa.capacity - (demand.get(a.key) ?? 0);
    if (room <= 0) continue;
    const donors: { key: string; excess: number }[] = [];
    for (const u of units) {
      if (u.stage !== a.stage) continue;
      const su = state.units.get(u.key);
      if (!su?.open || su.absorbs || poolOf(u.stage, areaOfTownship(su.township)) !== pool) continue;
      const excess = (demand.get(u.key) ?? 0) - su.capacity;
      if (excess > 0) donors.push({ key: u.key, excess });
    }
    const excess = donors.reduce((s, d) => s + d.excess, 0);
    if (excess <= 0) continue;
    const take = Math.min(room, excess);
    for (const d of donors) {
      const move = (take * d.excess) / excess;
      add(demand, d.key, -move);
      add(demand, a.key, move);
    }
    add(relieved, a.key, take);
  }
  return { demand, unassigned, received, relieved };
}
