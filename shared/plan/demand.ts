// Students per unit and year under the plan. Each step moves students and never creates or
// loses any (the county's demand per stage is conserved):
// 1. the demand as projected (recorded in recorded years);
// 2. a closed unit's students go to its project's receivers (following a receiver that is
//    itself closed on to its own receivers); students with nowhere to go stay where they
//    were and are reported;
// 3. where the plan has drawn catchments (划片) for a stage, a school with villages drawn to
//    it takes the area's students in the share its villages hold of the area's children;
//    the area's other schools give them up in proportion to their students;
// 4. a school a project opened or rebuilt (without drawn villages) first takes what the full
//    schools of its area (of the county, for county-wide stages) cannot seat, then fills up
//    to its share of the area's students by seats (the area's mean utilisation, at most its
//    seats), taken from the area's other schools in proportion to their students.
import { STAGE_LABEL, STAGES, type Stage } from '../domain/stages';
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

/** The planner's catchments in the evaluation's terms (built by `drawnCatchments`). */
export interface DrawnCatchments {
  /** Villages drawn to a unit: the unit and the village's children of the unit's stage. */
  entries: { unit: string; children: number }[];
  /** Children of every village (and spread point) of a stage in a pool: `${stage}|${pool}`. */
  poolChildren: Map<string, number>;
  /** Stages with drawn villages. */
  stages: Stage[];
}

export interface YearDemand {
  demand: Map<string, number>;
  /** Closed unit → students with no receiver (they stay counted at the closed unit). */
  unassigned: Map<string, number>;
  /** Receiving unit → students moved in from closed units. */
  received: Map<string, number>;
  /** Absorbing unit → students taken from the other schools of its area. */
  relieved: Map<string, number>;
  /** Unit with drawn villages → its students by catchment. */
  drawn: Map<string, number>;
}

export function distributeDemand(
  state: YearState,
  units: readonly Unit[],
  base: ReadonlyMap<string, number>,
  areaOfTownship: (code: string) => string,
  catchments: DrawnCatchments | null = null,
): YearDemand {
  const unitByKey = new Map(units.map((u) => [u.key, u]));
  const demand = new Map<string, number>();
  const unassigned = new Map<string, number>();
  const received = new Map<string, number>();
  const relieved = new Map<string, number>();
  const drawn = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const poolOfUnit = (u: Unit): string | null => {
    const st = state.units.get(u.key);
    return st?.open ? `${u.stage}|${poolOf(u.stage, areaOfTownship(st.township))}` : null;
  };
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

  const poolUnits = new Map<string, Unit[]>();
  for (const u of units) {
    const pool = poolOfUnit(u);
    if (pool === null) continue;
    const list = poolUnits.get(pool) ?? [];
    list.push(u);
    poolUnits.set(pool, list);
  }
  const of = (k: string) => demand.get(k) ?? 0;
  /** Moves `amount` to `to` from `from`, each giving in proportion to its students. */
  const takeFrom = (from: readonly Unit[], to: string, amount: number): number => {
    const sum = from.reduce((s, u) => s + Math.max(0, of(u.key)), 0);
    const take = Math.min(amount, sum);
    if (take <= 0) return 0;
    for (const u of from) {
      const move = (take * Math.max(0, of(u.key))) / sum;
      add(demand, u.key, -move);
    }
    add(demand, to, take);
    return take;
  };

  // Drawn catchments: the area's students by the children of the villages drawn to each school.
  if (catchments) {
    const childrenOf = new Map<string, number>();
    for (const e of catchments.entries) if (state.units.get(e.unit)?.open) add(childrenOf, e.unit, e.children);
    for (const [pool, members] of poolUnits) {
      const mine = members.filter((u) => childrenOf.has(u.key));
      if (mine.length === 0) continue;
      const others = members.filter((u) => !childrenOf.has(u.key));
      const total = members.reduce((s, u) => s + of(u.key), 0);
      const drawnChildren = mine.reduce((s, u) => s + (childrenOf.get(u.key) ?? 0), 0);
      const children = Math.max(catchments.poolChildren.get(pool) ?? 0, drawnChildren);
      if (!(children > 0)) continue;
      const targets = mine.map((u) => (total * (childrenOf.get(u.key) ?? 0)) / children);
      const targetSum = targets.reduce((s, t) => s + t, 0);
      const othersNow = others.reduce((s, u) => s + of(u.key), 0);
      // Without other schools holding students the drawn schools share the whole area.
      const scale = othersNow > 0 || targetSum <= 0 ? 1 : total / targetSum;
      const othersAfter = total - targetSum * scale;
      for (const u of others) demand.set(u.key, othersNow > 0 ? (of(u.key) * othersAfter) / othersNow : of(u.key));
      mine.forEach((u, i) => {
        const t = (targets[i] as number) * scale;
        demand.set(u.key, t);
        drawn.set(u.key, t);
      });
    }
  }

  // Schools the plan opens, earliest project first: the overflow of full schools, then their
  // share by seats.
  const absorbers = units
    .filter((u) => {
      const st = state.units.get(u.key);
      return st?.open && st.absorbs && !drawn.has(u.key);
    })
    .sort((a, b) => (state.units.get(a.key)?.absorbOrder ?? 0) - (state.units.get(b.key)?.absorbOrder ?? 0));
  for (const a of absorbers) {
    const sa = state.units.get(a.key);
    const pool = poolOfUnit(a);
    if (!sa || pool === null) continue;
    const members = poolUnits.get(pool) ?? [];
    const donors = members.filter((u) => !state.units.get(u.key)?.absorbs && !drawn.has(u.key));
    const full: { key: string; excess: number }[] = [];
    for (const u of donors) {
      const excess = of(u.key) - (state.units.get(u.key)?.capacity ?? 0);
      if (excess > 0) full.push({ key: u.key, excess });
    }
    const excess = full.reduce((s, d) => s + d.excess, 0);
    const room = sa.capacity - of(a.key);
    let taken = 0;
    if (room > 0 && excess > 0) {
      taken = Math.min(room, excess);
      for (const d of full) add(demand, d.key, -(taken * d.excess) / excess);
      add(demand, a.key, taken);
    }
    const total = members.reduce((s, u) => s + of(u.key), 0);
    const seats = members.reduce((s, u) => s + (state.units.get(u.key)?.capacity ?? 0), 0);
    const share = seats > 0 ? Math.min(sa.capacity, (total * sa.capacity) / seats) : 0;
    const need = share - of(a.key);
    if (need > 1e-9) taken += takeFrom(donors, a.key, need);
    if (taken > 0) add(relieved, a.key, taken);
  }
  return { demand, unassigned, received, relieved, drawn };
}

/** Which rule gave the students of the schools a plan opens, for the planner to read. */
export interface DemandAllocation {
  /** 'catchments' when some stage follows drawn catchments; the other stages follow seats. */
  rule: 'seats' | 'catchments';
  /** Stages whose students follow the drawn catchments. */
  catchmentStages: Stage[];
  /** The year the villages' children were counted in, with catchments. */
  childrenYear: number | null;
  text: string;
}

const SEATS_TEXT =
  '新建、迁建学校的在校生：先接收所在片区满员学校容纳不下的学生，再按其学位数占片区学位总数的比例分担片区学生（不超过其学位数），由片区其他学校按人数比例分出。';

export function demandAllocation(catchments: DrawnCatchments | null, childrenYear: number | null): DemandAllocation {
  if (!catchments) return { rule: 'seats', catchmentStages: [], childrenYear: null, text: SEATS_TEXT };
  const stages = STAGES.filter((s) => catchments.stages.includes(s));
  const names = stages.map((s) => STAGE_LABEL[s]).join('、');
  return {
    rule: 'catchments',
    catchmentStages: stages,
    childrenYear,
    text:
      `${names}按规划划片分配学生：划入某校的村（社区）儿童数${childrenYear !== null ? `（${childrenYear} 年）` : ''}占所在片区儿童数的比例，` +
      `即该校分得片区在校生的比例，片区其他学校按人数比例相应调整；未划片的学段和学校：${SEATS_TEXT}`,
  };
}
