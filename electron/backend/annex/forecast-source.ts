// Annex 2 (学龄人口与在校生预测表) from the enrolment projection: the projection result is
// mapped onto the provider's ForecastInput, so the annex never depends on the engine's
// internals, only on ProjectionResult as the API returns it.
import { chineseOrdinal, type ForecastArea, type ForecastInput, type ForecastSeries } from '../../../shared/annex';
import { entryAge, gradesOf, type SchoolSystem, type Stage } from '../../../shared/domain';
import type { ProjectionResult } from '../../../shared/projection/types';
import type { PlanHeader } from '../../../shared/plan';
import type { ProjectFile } from '../db/project-file';
import { allEnrolment, allSchools } from '../db/queries';

/** Stages the forecast table shows; population rows only where a school age applies. */
const STUDENT_STAGES: readonly Stage[] = ['preschool', 'primary', 'junior', 'senior', 'vocational'];
const POPULATION_STAGES: readonly Stage[] = ['preschool', 'primary', 'junior', 'senior'];

/** Ages of a stage's population: 学前 3–5, 小学 6–11 (五四制 6–10), 初中 12–14 (11–14), 高中阶段 15–17. */
export function schoolAges(stage: Stage, system: SchoolSystem): [number, number] {
  const from = entryAge(stage, system);
  return [from, from + gradesOf(stage, system) - 1];
}

/** The five-year plan that starts after the base year: 2026–2030 is 十五五 (六五 was 1981–1985). */
export function nextFiveYearPlan(baseYear: number): { name: string; from: number; to: number } {
  const from = 1981 + 5 * Math.ceil((baseYear + 1 - 1981) / 5);
  return { name: `${chineseOrdinal((from - 1981) / 5 + 6)}五`, from, to: from + 4 };
}

function populationSeries(byYear: readonly (readonly (number | null)[])[], years: readonly number[], stage: Stage, system: SchoolSystem): ForecastSeries {
  const [from, to] = schoolAges(stage, system);
  const values: Record<string, number> = {};
  years.forEach((year, i) => {
    const ages = byYear[i];
    if (!ages) return;
    let total = 0;
    for (let a = from; a <= to; a++) {
      const v = ages[a];
      if (v === null || v === undefined) return;
      total += v;
    }
    values[year] = Math.round(total);
  });
  return { stage, measure: 'population', values };
}

/** The 80 % interval's bound per projected year (none where the projection has no interval). */
type Bounds = { low: readonly number[] | undefined; high: readonly number[] | undefined };

function studentSeries(stage: Stage, baseYear: number, base: number | undefined, years: readonly number[], projected: readonly number[] | undefined, bounds?: Bounds): ForecastSeries {
  const values: Record<string, number> = {};
  const low: Record<string, number> = {};
  const high: Record<string, number> = {};
  if (base !== undefined) values[baseYear] = base;
  years.forEach((y, i) => {
    const v = projected?.[i];
    if (v !== undefined) values[y] = Math.round(v);
    const l = bounds?.low?.[i];
    const h = bounds?.high?.[i];
    if (l !== undefined && h !== undefined) {
      low[y] = Math.round(l);
      high[y] = Math.round(h);
    }
  });
  return Object.keys(low).length > 0 ? { stage, measure: 'students', values, low, high } : { stage, measure: 'students', values };
}

/** Recorded students of the base year by township and stage (the projection reports projected years only). */
function baseYearStudents(file: ProjectFile, baseYear: number): Map<string, Partial<Record<Stage, number>>> {
  const township = new Map(allSchools(file.db).map((s) => [s.code, s.township]));
  const out = new Map<string, Partial<Record<Stage, number>>>();
  for (const r of allEnrolment(file.db)) {
    if (r.year !== baseYear) continue;
    const t = township.get(r.school) ?? '';
    const row = out.get(t) ?? {};
    row[r.stage] = (row[r.stage] ?? 0) + r.students;
    out.set(t, row);
  }
  return out;
}

const FIVE_YEAR_PLAN = /^[一二三四五六七八九十]+五$/;

/**
 * The period the table shows: the stored plan's (target year, outlook years every five years
 * to its outlook year) when it starts from the projection's base year and is named as a
 * five-year plan or spans the next one; else the next five-year plan and ten years beyond.
 */
export function forecastPeriod(
  baseYear: number,
  horizon: number,
  stored?: Pick<PlanHeader, 'name' | 'baseYear' | 'targetYear' | 'outlookYear'> | null,
): { plan: ForecastInput['plan']; outlookYears: number[] } {
  const next = nextFiveYearPlan(baseYear);
  if (stored && stored.baseYear === baseYear) {
    const named = FIVE_YEAR_PLAN.test(stored.name) ? stored.name : stored.targetYear === next.to ? next.name : null;
    if (named) {
      const outlook: number[] = [];
      for (let y = stored.targetYear + 5; y < stored.outlookYear; y += 5) outlook.push(y);
      if (stored.outlookYear > stored.targetYear) outlook.push(stored.outlookYear);
      return { plan: { name: named, from: baseYear + 1, to: stored.targetYear }, outlookYears: outlook.filter((y) => y <= horizon) };
    }
  }
  return { plan: next, outlookYears: [next.to + 5, next.to + 10].filter((y) => y <= horizon) };
}

export function forecastInput(
  file: ProjectFile,
  result: ProjectionResult,
  stored?: Pick<PlanHeader, 'name' | 'baseYear' | 'targetYear' | 'outlookYear'> | null,
): ForecastInput {
  const system = result.schoolSystem;
  const { plan, outlookYears } = forecastPeriod(result.baseYear, result.horizon, stored);
  const popYears = result.population.years;
  const baseStudents = baseYearStudents(file, result.baseYear);
  const historyIndex = result.history.years.indexOf(result.baseYear);
  const hasStudents = (series: Partial<Record<Stage, readonly number[]>>, stage: Stage) => (series[stage] ?? []).some((v) => v > 0);

  const county: ForecastArea = {
    name: '全县',
    series: [
      ...POPULATION_STAGES.map((s) => populationSeries(result.population.county, popYears, s, system)),
      ...STUDENT_STAGES.filter((s) => hasStudents(result.county, s)).map((s) =>
        studentSeries(s, result.baseYear, historyIndex >= 0 ? result.history.county[s][historyIndex] : undefined, result.years, result.county[s], {
          low: result.countyLow?.[s],
          high: result.countyHigh?.[s],
        }),
      ),
    ],
  };
  const townships: ForecastArea[] = result.townships.map((t) => {
    const pop = result.population.townships.find((p) => p.code === t.code);
    return {
      name: t.name,
      series: [
        ...(pop ? POPULATION_STAGES.map((s) => populationSeries(pop.byYear, popYears, s, system)) : []),
        ...STUDENT_STAGES.filter((s) => hasStudents(t, s)).map((s) =>
          studentSeries(s, result.baseYear, baseStudents.get(t.code)?.[s] ?? 0, result.years, t[s], { low: t.low?.[s], high: t.high?.[s] }),
        ),
      ],
    };
  });
  return { baseYear: result.baseYear, plan, outlookYears, areas: [county, ...townships], scenario: result.scenario, intervalSource: result.intervals.source };
}
