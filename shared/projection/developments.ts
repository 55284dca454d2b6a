// New housing (配套学位): a development adds students per 1,000 new residents by stage (千人指标)
// from its completion year, filling up over a few years. The students go to the schools of
// the development's township (in proportion to their projected size), or, where the
// township has no school of that stage, to the county town's or the county's schools.
import type { Stage } from '../domain/stages';
import type { CoreCalibration } from './engine';
import type { Development, ScenarioParams } from './params';
import type { Section } from './sections';

export const HOUSING_STAGES = ['preschool', 'primary', 'junior', 'senior'] as const satisfies readonly Stage[];

/** Residents of a development: recorded, else dwellings × residents per dwelling. */
export function residentsOf(d: Pick<Development, 'residents' | 'dwellings'>, perDwelling: number): number {
  if (d.residents !== null && d.residents > 0) return d.residents;
  return (d.dwellings ?? 0) * perDwelling;
}

/** Share of a development's eventual students present in `year`. */
export function rampShare(completionYear: number, year: number, rampYears: number): number {
  if (year < completionYear) return 0;
  return Math.min(1, (year - completionYear + 1) / rampYears);
}

export function developmentsFor(all: readonly Development[], scenario: string): Development[] {
  return all.filter((d) => d.scenario === null || d.scenario === scenario);
}

/**
 * Adds development students into `cells` (mutated) and returns the added students per stage
 * and projected year, so the result can say how much of the demand is new housing.
 */
export function addDevelopments(
  cal: CoreCalibration,
  cells: Float64Array[],
  developments: readonly Development[],
  params: ScenarioParams,
  lastYear: number,
): Record<(typeof HOUSING_STAGES)[number], number[]> {
  const { index, baseYear } = cal;
  const years = lastYear - baseYear;
  const added = Object.fromEntries(HOUSING_STAGES.map((s) => [s, new Array<number>(Math.max(0, years)).fill(0)])) as Record<
    (typeof HOUSING_STAGES)[number],
    number[]
  >;
  for (const d of developments) {
    const t = index.townshipIndex.get(d.township);
    if (t === undefined) continue;
    const residents = residentsOf(d, params.residentsPerDwelling);
    for (const stage of HOUSING_STAGES) {
      const perYear = (residents / 1000) * params.perThousand[stage];
      if (perYear <= 0) continue;
      const targets = receivingSections(cal, stage, t);
      if (targets.length === 0) continue;
      const g = index.grades[stage];
      for (let year = Math.max(baseYear + 1, d.completionYear); year <= lastYear; year++) {
        const students = perYear * rampShare(d.completionYear, year, params.rampYears);
        const yi = (year - index.firstYear) * g;
        const sizes = targets.map((id) => taughtSum(cells[id] as Float64Array, index.sections[id] as Section, yi, g));
        const total = sizes.reduce((s, x) => s + x, 0);
        targets.forEach((id, j) => {
          const share = total > 0 ? (sizes[j] as number) / total : 1 / targets.length;
          spreadOverGrades(cells[id] as Float64Array, index.sections[id] as Section, yi, g, students * share);
        });
        const list = added[stage];
        list[year - baseYear - 1] = (list[year - baseYear - 1] ?? 0) + students;
      }
    }
  }
  return added;
}

function taughtSum(row: Float64Array, s: Section, yi: number, g: number): number {
  let sum = 0;
  for (let k = 0; k < g; k++) if (s.taught[k]) sum += row[yi + k] as number;
  return sum;
}

/** In proportion to the grades' projected sizes; evenly over taught grades when all are empty. */
function spreadOverGrades(row: Float64Array, s: Section, yi: number, g: number, students: number): void {
  const total = taughtSum(row, s, yi, g);
  const taught = s.taught.filter(Boolean).length || g;
  for (let k = 0; k < g; k++) {
    if (!s.taught[k] && s.taught.some(Boolean)) continue;
    row[yi + k] = (row[yi + k] as number) + (total > 0 ? (students * (row[yi + k] as number)) / total : students / taught);
  }
}

function receivingSections(cal: CoreCalibration, stage: Stage, township: number): number[] {
  const { index } = cal;
  const ids = index.byStage[stage].filter((id) => (index.sections[id] as Section).taught.some(Boolean));
  const local = ids.filter((id) => (index.sections[id] as Section).township === township);
  if (local.length > 0) return local;
  if (index.urban[township]) {
    const town = ids.filter((id) => index.urban[(index.sections[id] as Section).township]);
    if (town.length > 0) return town;
  }
  return ids;
}
