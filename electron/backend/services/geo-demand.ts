// Where the children live, for the plan evaluation and the 布局图: township children by age
// (recorded, then projected) and the plan's drawn catchments with each village's children.
import { demandPoints, type TownshipAges } from '../../../shared/geo/demand';
import type { PlanCatchments } from '../../../shared/plan';
import { catchmentRows, readGeography } from '../db/geo';
import type { ProjectFile } from '../db/project-file';
import { runOneScenario, type CountyRecords } from './projection';

/** Township children by age and year: recorded, then the scenario's projection (none: recorded only). */
export function townshipAges(file: ProjectFile, data: CountyRecords, scenario: string | null, horizon: number): TownshipAges | null {
  const years = new Map<number, Map<string, (number | null)[]>>();
  const rowOf = (year: number, t: string) => {
    const y = years.get(year) ?? new Map<string, (number | null)[]>();
    years.set(year, y);
    const row = y.get(t) ?? new Array<number | null>(18).fill(null);
    y.set(t, row);
    return row;
  };
  // A township's T row where it has one, else M + F.
  const totals = new Set(data.population.filter((r) => r.sex === 'T').map((r) => `${r.township}|${r.year}|${r.age}`));
  for (const r of data.population) {
    if (r.age > 17) continue;
    if (r.sex !== 'T' && totals.has(`${r.township}|${r.year}|${r.age}`)) continue;
    const row = rowOf(r.year, r.township);
    row[r.age] = (row[r.age] ?? 0) + r.count;
  }
  if (scenario !== null) try {
    const p = runOneScenario(file, { scenario, horizon });
    p.population.years.forEach((year, yi) => {
      if (p.population.knownUntil !== null && year <= p.population.knownUntil && years.has(year)) return;
      for (const t of p.population.townships) {
        const src = t.byYear[yi];
        if (!src) continue;
        const row = rowOf(year, t.code);
        src.forEach((v, age) => (row[age] = v));
      }
    });
  } catch {
    // No projection (too little data): recorded years only; demandPoints says what is missing.
  }
  if (years.size === 0) return null;
  const list = [...years.keys()].sort((a, b) => a - b);
  const codes = data.townships.map((t) => t.code);
  return {
    years: list,
    townships: codes.map((code) => ({ code, byYear: list.map((y) => years.get(y)?.get(code) ?? new Array<number | null>(18).fill(null)) })),
  };
}


/**
 * The plan's drawn catchments with every village's children of the data's base year (recorded
 * ages only: the evaluation takes each school's share of its area's children, and the
 * projection moves the area's total), or undefined when the plan has none.
 */
export function planCatchments(file: ProjectFile, data: CountyRecords, planId: number, year: number): PlanCatchments | undefined {
  if (!(planId > 0)) return undefined;
  const rows = catchmentRows(file.db, planId);
  if (rows.length === 0) return undefined;
  const geography = readGeography(file.db);
  const points = demandPoints({
    townships: data.townships,
    boundaries: geography.townships,
    villages: geography.villages,
    ages: townshipAges(file, data, null, year),
    system: data.meta.schoolSystem,
    referenceYear: year,
    year,
  }).points;
  return {
    plan: planId,
    year,
    villages: points.map((p) => ({ id: p.id, township: p.township, children: { ...p.children } })),
    assignments: rows.map((r) => ({ stage: r.stage, village: r.village, school: r.school })),
  };
}
