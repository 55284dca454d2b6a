// Seats against demand summed by area, township and county, and per school.
import { compareZh } from '../domain/collate';
import { KIND_STAGES, STAGES, type SchoolKind, type Stage } from '../domain/stages';
import { isUrban } from '../domain/urban';
import { COUNTY_POOL, COUNTY_STAGES } from './demand';
import { classGapOf, levelOf, utilisationOf } from './levels';
import type { PlanRun, UnitSeries } from './run';
import type { PlanSettings } from './settings';
import type { ClassYear, GapRow, PlanEvaluation, SchoolResult, SchoolStageSeries, TownshipGapRow } from './types';

const round3 = (x: number | null): number | null => (x === null ? null : Math.round(x * 1000) / 1000);

/** Stages with any seats or students in the plan's years, in the usual order. */
export function evaluatedStages(run: PlanRun): Stage[] {
  const seen = new Set<Stage>();
  for (const u of run.units) if (u.demand.some((d) => d > 0) || u.capacity.some((c) => c > 0)) seen.add(u.unit.stage);
  return STAGES.filter((s) => seen.has(s));
}

interface Acc {
  demand: number;
  capacity: number;
  shortfall: number;
}

// Rows are built as whole literals: spreading a row into a township row was most of the cost.
function rowOf(area: string, stage: Stage, year: number, a: Acc, settings: PlanSettings): GapRow {
  const demand = Math.round(a.demand);
  const capacity = Math.round(a.capacity);
  const gap = demand - capacity;
  return {
    area,
    stage,
    year,
    demand,
    capacity,
    gap,
    classGap: classGapOf(gap, settings.classSize[stage]),
    utilisation: round3(utilisationOf(demand, capacity)),
    level: levelOf(demand, capacity, settings.levels),
    shortfall: Math.round(a.shortfall),
  };
}

function townshipRowOf(area: string, stage: Stage, year: number, a: Acc, settings: PlanSettings, t: { code: string; name: string }): TownshipGapRow {
  const r = rowOf(area, stage, year, a, settings);
  return {
    area: r.area,
    stage: r.stage,
    year: r.year,
    demand: r.demand,
    capacity: r.capacity,
    gap: r.gap,
    classGap: r.classGap,
    utilisation: r.utilisation,
    level: r.level,
    shortfall: r.shortfall,
    township: t.code,
    townshipName: t.name,
  };
}

/**
 * Sums per group, stage and year, groups numbered by `groupOf` (−1 = left out). Flat typed
 * arrays rather than string-keyed maps: the renderer recomputes this on every edit.
 */
function accumulate(run: PlanRun, groups: number, groupOf: (u: UnitSeries, yi: number) => number) {
  const ny = run.years.length;
  const ns = STAGES.length;
  const data = new Float64Array(groups * ns * ny * 4);
  const at = (g: number, stage: Stage, yi: number) => ((g * ns + STAGES.indexOf(stage)) * ny + yi) * 4;
  for (const u of run.units) {
    const si = STAGES.indexOf(u.unit.stage);
    for (let yi = 0; yi < ny; yi++) {
      const d = u.demand[yi] as number;
      const c = u.capacity[yi] as number;
      if (d <= 0 && c <= 0) continue;
      const g = groupOf(u, yi);
      if (g < 0) continue;
      const i = ((g * ns + si) * ny + yi) * 4;
      data[i] = (data[i] as number) + d;
      data[i + 1] = (data[i + 1] as number) + c;
      data[i + 2] = (data[i + 2] as number) + Math.max(0, d - c);
      data[i + 3] = 1;
    }
  }
  return (g: number, stage: Stage, yi: number): Acc | null => {
    const i = at(g, stage, yi);
    return data[i + 3] ? { demand: data[i] as number, capacity: data[i + 1] as number, shortfall: data[i + 2] as number } : null;
  };
}

/** Areas in display order: those holding a 城区 township first, then by name. */
export function areaList(run: PlanRun): PlanEvaluation['areas'] {
  const groups = new Map<string, { code: string; name: string; urban: boolean }[]>();
  for (const t of run.ctx.townships) {
    const a = run.areaOf(t.code);
    const list = groups.get(a) ?? [];
    list.push({ code: t.code, name: t.name, urban: isUrban(t) });
    groups.set(a, list);
  }
  return [...groups.entries()]
    .sort(([a, la], [b, lb]) => Number(lb.some((t) => t.urban)) - Number(la.some((t) => t.urban)) || compareZh(a, b))
    .map(([name, list]) => ({ name, townships: list.map((t) => ({ code: t.code, name: t.name })) }));
}

export function gapRows(run: PlanRun, stages: readonly Stage[]): { gaps: GapRow[]; townships: TownshipGapRow[]; county: GapRow[] } {
  const { settings, years } = run;
  const ordered = areaList(run);
  const pools = [...ordered.map((a) => a.name), COUNTY_POOL];
  const poolIndex = new Map(pools.map((a, i) => [a, i]));
  const townshipOrder = ordered.flatMap((a) => a.townships);
  const townshipIndex = new Map(townshipOrder.map((t, i) => [t.code, i]));
  const areaOfTownship = townshipOrder.map((t) => run.areaOf(t.code));
  const countyPool = pools.length - 1;
  const byArea = accumulate(run, pools.length, (u, yi) =>
    COUNTY_STAGES.includes(u.unit.stage) ? countyPool : (poolIndex.get(run.areaOf(u.township[yi] as string)) ?? -1),
  );
  const byTownship = accumulate(run, townshipOrder.length, (u, yi) => townshipIndex.get(u.township[yi] as string) ?? -1);
  const byCounty = accumulate(run, 1, () => 0);
  const gaps: GapRow[] = [];
  const townships: TownshipGapRow[] = [];
  const county: GapRow[] = [];
  for (const stage of stages) {
    const poolIds = COUNTY_STAGES.includes(stage) ? [countyPool] : pools.slice(0, -1).map((_, i) => i);
    for (const g of poolIds) {
      years.forEach((year, yi) => {
        const a = byArea(g, stage, yi);
        if (a) gaps.push(rowOf(pools[g] as string, stage, year, a, settings));
      });
    }
    townshipOrder.forEach((t, ti) => {
      years.forEach((year, yi) => {
        const a = byTownship(ti, stage, yi);
        if (a) townships.push(townshipRowOf(areaOfTownship[ti] as string, stage, year, a, settings, t));
      });
    });
    years.forEach((year, yi) => {
      const a = byCounty(0, stage, yi);
      if (a) county.push(rowOf(COUNTY_POOL, stage, year, a, settings));
    });
  }
  return { gaps, townships, county };
}

/** The school-size limits a kind of school is held to: students of `stages` ≤ `limit`. */
export function sizeChecks(kind: SchoolKind, s: PlanSettings['schoolSize']): { stages: Stage[]; limit: number }[] {
  switch (kind) {
    case 'kindergarten':
      return [{ stages: ['preschool'], limit: s.kindergarten }];
    case 'primary':
    case 'teaching_point':
      return [{ stages: ['primary'], limit: s.primary }];
    case 'junior':
      return [{ stages: ['junior'], limit: s.junior }];
    case 'nine_year':
      return [{ stages: ['primary', 'junior'], limit: s.combined }];
    case 'twelve_year':
      return [{ stages: ['primary', 'junior'], limit: s.combined }, { stages: ['senior'], limit: s.senior }];
    case 'complete_middle':
      return [{ stages: ['junior'], limit: s.junior }, { stages: ['senior'], limit: s.senior }];
    case 'senior':
      return [{ stages: ['senior'], limit: s.senior }];
    default:
      return [];
  }
}

export function schoolResults(run: PlanRun): SchoolResult[] {
  const { settings, years } = run;
  const last = years.length - 1;
  const targetIdx = Math.max(0, Math.min(last, run.plan.targetYear - run.plan.baseYear));
  const bySchool = new Map<string, UnitSeries[]>();
  for (const u of run.units) {
    const list = bySchool.get(u.unit.ref) ?? [];
    list.push(u);
    bySchool.set(u.unit.ref, list);
  }
  const checks = new Map<SchoolKind, { stages: Stage[]; limit: number }[]>();
  const checksOf = (kind: SchoolKind) => {
    let c = checks.get(kind);
    if (!c) checks.set(kind, (c = sizeChecks(kind, settings.schoolSize)));
    return c;
  };
  const sumOver = (list: readonly UnitSeries[], field: 'demand' | 'capacity' | 'classes' | 'large' | 'oversized') =>
    years.map((_, yi) => {
      let t = 0;
      for (const u of list) t += u[field][yi] as number;
      return t;
    });
  const out: SchoolResult[] = [];
  for (const info of run.timeline.schools) {
    const list = bySchool.get(info.ref) ?? [];
    if (list.every((u) => u.demand.every((d) => d <= 0) && u.capacity.every((c) => c <= 0))) continue;
    const demand = sumOver(list, 'demand').map(Math.round);
    const capacity = sumOver(list, 'capacity');
    const classes = sumOver(list, 'classes');
    const openAt = years.map((_, yi) => run.states[yi]?.schools.get(info.ref)?.open ?? false);
    const kindAt = years.map((_, yi) => run.states[yi]?.schools.get(info.ref)?.kind ?? info.kind);
    const township = run.states[targetIdx]?.schools.get(info.ref)?.township ?? info.township;
    const overSize = years.map((_, yi) => {
      if (!openAt[yi]) return 0;
      let worst = 0;
      for (const check of checksOf(kindAt[yi] as SchoolKind)) {
        let students = 0;
        for (const u of list) if (check.stages.includes(u.unit.stage)) students += u.demand[yi] as number;
        worst = Math.max(worst, Math.round(students) - check.limit);
      }
      return worst;
    });
    const byStage: Partial<Record<Stage, SchoolStageSeries>> = {};
    for (const u of list) {
      byStage[u.unit.stage] = { demand: u.demand.map(Math.round), capacity: u.capacity.slice(), classes: u.classes.slice() };
    }
    const firstOpen = openAt.indexOf(true);
    const closedIdx = openAt.findIndex((o, i) => !o && i > 0 && openAt[i - 1]);
    const stagesOpen = KIND_STAGES[kindAt[targetIdx] as SchoolKind];
    out.push({
      code: info.ref,
      name: info.name,
      kind: kindAt[targetIdx] as SchoolKind,
      ownership: info.ownership,
      township,
      townshipName: run.townshipName(township),
      area: run.areaOf(township),
      stages: STAGES.filter((s) => list.some((u) => u.unit.stage === s && (stagesOpen.includes(s) || u.demand.some((d) => d > 0)))),
      isNew: info.isNew,
      projectId: info.projectId,
      openFrom: info.isNew && firstOpen >= 0 ? (years[firstOpen] as number) : null,
      closedFrom: closedIdx >= 0 ? (years[closedIdx] as number) : null,
      demand,
      capacity,
      utilisation: years.map((_, yi) => round3(utilisationOf(demand[yi] as number, capacity[yi] as number))),
      level: years.map((_, yi) => (openAt[yi] || (demand[yi] as number) > 0 ? levelOf(demand[yi] as number, capacity[yi] as number, settings.levels) : 'none')),
      classes,
      avgClassSize: years.map((_, yi) => ((classes[yi] as number) > 0 ? Math.round(((demand[yi] as number) / (classes[yi] as number)) * 10) / 10 : null)),
      largeClasses: sumOver(list, 'large'),
      oversizedClasses: sumOver(list, 'oversized'),
      sizeLimit: checksOf(kindAt[targetIdx] as SchoolKind)[0]?.limit ?? null,
      overSize: overSize.map((v) => Math.max(0, v)),
      byStage,
    });
  }
  return out;
}

export function classYears(run: PlanRun): ClassYear[] {
  return run.years.map((year, yi) => {
    const byStage: ClassYear['byStage'] = {};
    let large = 0;
    let oversized = 0;
    let unknown = 0;
    for (const u of run.units) {
      const st = u.unit.stage;
      if (st !== 'primary' && st !== 'junior' && st !== 'senior') continue;
      const b = (byStage[st] ??= { large: 0, oversized: 0, classes: 0, unknown: 0 });
      b.classes += u.classes[yi] as number;
      // Rooms estimated from the pupils would turn any growth into 大班额 of the program's making.
      if (u.unit.school.estimated) {
        if (u.open[yi] && (u.demand[yi] as number) > 0) {
          b.unknown += 1;
          unknown += 1;
        }
        continue;
      }
      b.large += u.large[yi] as number;
      b.oversized += u.oversized[yi] as number;
      large += u.large[yi] as number;
      oversized += u.oversized[yi] as number;
    }
    return { year, large, oversized, byStage, unknown };
  });
}
