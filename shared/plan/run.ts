// One pass of the plan over the years: the state of every unit (school × stage) per year
// with its students after closures and relief, and its classes. Everything the results,
// the warnings and the helper show is read from this.
import { classesAtLeast, countsLargeClasses } from '../analysis/enrolment';
import type { Stage } from '../domain/stages';
import { estimateClasses } from './classes';
import type { EvaluationContext } from './context';
import { baseDemand, distributeDemand, poolOf, type DrawnCatchments, type YearDemand } from './demand';
import type { Plan } from './model';
import type { PlanSettings } from './settings';
import { buildTimeline, unitKey, type Timeline, type Unit, type YearState } from './timeline';

export interface UnitSeries {
  unit: Unit;
  open: boolean[];
  capacity: number[];
  rooms: number[];
  township: string[];
  /** Students (fractional while students are being moved; rounded only for display). */
  demand: number[];
  /** Students of a closed unit with no receiver. */
  unassigned: number[];
  classes: number[];
  large: number[];
  oversized: number[];
}

export interface PlanRun {
  ctx: EvaluationContext;
  plan: Plan;
  settings: PlanSettings;
  years: number[];
  timeline: Timeline;
  states: YearState[];
  moves: YearDemand[];
  /** The drawn catchments the demand followed, or null (students by seats). */
  catchments: DrawnCatchments | null;
  units: UnitSeries[];
  areaOf: (township: string) => string;
  townshipName: (township: string) => string;
}

export function yearsOf(plan: Pick<Plan, 'baseYear' | 'outlookYear'>): number[] {
  const out: number[] = [];
  for (let y = plan.baseYear; y <= plan.outlookYear; y++) out.push(y);
  return out;
}

export function runPlan(ctx: EvaluationContext, plan: Plan): PlanRun {
  const settings = plan.settings;
  const years = yearsOf(plan);
  const timeline = buildTimeline(ctx, plan.projects, plan.baseYear, settings);
  const townships = new Map(ctx.townships.map((t) => [t.code, t]));
  const areaOf = (code: string): string => {
    const t = townships.get(code);
    return plan.areas[code] || t?.area || t?.name || code;
  };
  const townshipName = (code: string): string => townships.get(code)?.name ?? code;
  const base = baseDemand(ctx, timeline.units, years);
  const states = years.map((y) => timeline.at(y));
  const catchments = drawnCatchments(ctx, plan, areaOf);
  const moves = years.map((_, yi) => {
    const row = new Map<string, number>();
    for (const u of timeline.units) row.set(u.key, base.get(u.key)?.[yi] ?? 0);
    return distributeDemand(states[yi] as YearState, timeline.units, row, areaOf, catchments);
  });

  const units: UnitSeries[] = timeline.units.map((unit) => {
    const n = years.length;
    const s: UnitSeries = {
      unit,
      open: new Array<boolean>(n),
      capacity: new Array<number>(n),
      rooms: new Array<number>(n),
      township: new Array<string>(n),
      demand: new Array<number>(n),
      unassigned: new Array<number>(n),
      classes: new Array<number>(n),
      large: new Array<number>(n),
      oversized: new Array<number>(n),
    };
    const size = settings.classSize[unit.stage as Stage];
    const graded = countsLargeClasses(unit.stage);
    years.forEach((y, yi) => {
      const st = (states[yi] as YearState).units.get(unit.key);
      const mv = moves[yi] as YearDemand;
      const demand = Math.max(0, mv.demand.get(unit.key) ?? 0);
      s.open[yi] = st?.open ?? false;
      s.capacity[yi] = st?.open ? st.capacity : 0;
      s.rooms[yi] = st?.open ? st.rooms : 0;
      s.township[yi] = st?.township ?? unit.school.township;
      s.demand[yi] = demand;
      s.unassigned[yi] = mv.unassigned.get(unit.key) ?? 0;
      const recorded = y <= ctx.dataBaseYear ? unit.school.source?.recorded[y]?.[unit.stage] : undefined;
      const untouched = !mv.received.has(unit.key) && !mv.relieved.has(unit.key) && !mv.drawn.has(unit.key) && Math.abs(demand - (recorded?.students ?? -1)) < 1e-6;
      if (recorded && st?.open && untouched) {
        s.classes[yi] = recorded.classes;
        s.large[yi] = graded ? classesAtLeast(recorded.grades, settings.largeClass) : 0;
        s.oversized[yi] = graded ? classesAtLeast(recorded.grades, settings.oversizedClass) : 0;
      } else if (st?.open) {
        const c = estimateClasses(demand, st.rooms, unit.minClasses, size, settings);
        s.classes[yi] = c.classes;
        s.large[yi] = graded ? c.large : 0;
        s.oversized[yi] = graded ? c.oversized : 0;
      } else {
        s.classes[yi] = 0;
        s.large[yi] = 0;
        s.oversized[yi] = 0;
      }
    });
    return s;
  });

  return { ctx, plan, settings, years, timeline, states, moves, catchments, units, areaOf, townshipName };
}

function drawnCatchments(ctx: EvaluationContext, plan: Plan, areaOf: (township: string) => string): DrawnCatchments | null {
  const c = ctx.catchments;
  if (!c || c.plan !== plan.id || c.assignments.length === 0) return null;
  const villages = new Map(c.villages.map((v) => [v.id, v]));
  const poolChildren = new Map<string, number>();
  for (const v of c.villages) {
    for (const [stage, n] of Object.entries(v.children) as [Stage, number][]) {
      const key = `${stage}|${poolOf(stage, areaOf(v.township))}`;
      poolChildren.set(key, (poolChildren.get(key) ?? 0) + n);
    }
  }
  const entries: DrawnCatchments['entries'] = [];
  const stages = new Set<Stage>();
  for (const a of c.assignments) {
    const v = villages.get(a.village);
    if (!v) continue;
    entries.push({ unit: unitKey(a.school, a.stage), children: v.children[a.stage] ?? 0 });
    stages.add(a.stage);
  }
  return entries.length ? { entries, poolChildren, stages: [...stages] } : null;
}
