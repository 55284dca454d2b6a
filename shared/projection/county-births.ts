// A bureau may have births only as a county series (卫健部门 totals) while the engine works
// by township. Years the county series covers and the township records do not are shared
// out over the townships, so those births are used rather than silently ignored.
import { largestRemainder } from '../analysis/apportion';
import type { BirthRecord, PopulationRecord, Township } from '../domain/model';

export const COUNTY_SERIES_SOURCE = '全县出生（按乡镇0岁人口比例分摊）';

/** Each township's weight: its age-0 population in the population year nearest to `year`. */
function weightsFor(year: number, townships: readonly Township[], population: readonly PopulationRecord[]): number[] {
  const age0 = population.filter((p) => p.age === 0 && p.sex === 'T');
  const years = [...new Set(age0.map((p) => p.year))];
  if (years.length === 0) return townships.map(() => 1);
  const nearest = years.reduce((best, y) => (Math.abs(y - year) < Math.abs(best - year) ? y : best));
  const w = townships.map((t) => age0.filter((p) => p.year === nearest && p.township === t.code).reduce((s, p) => s + p.count, 0));
  return w.some((x) => x > 0) ? w : townships.map(() => 1);
}

/** Splits `total` in proportion to `weights`, keeping the total exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  // Nothing to go by: share nothing rather than spread the births evenly.
  if (weights.reduce((s, w) => s + w, 0) <= 0) return weights.map(() => 0);
  return largestRemainder(weights, total);
}

/** Township births plus the county series' years that no township record covers. */
export function withCountySeries(
  births: readonly BirthRecord[],
  county: readonly { year: number; count: number }[],
  townships: readonly Township[],
  population: readonly PopulationRecord[],
): BirthRecord[] {
  if (county.length === 0 || townships.length === 0) return [...births];
  const covered = new Set(births.map((b) => b.year));
  const added: BirthRecord[] = [];
  for (const c of county) {
    if (covered.has(c.year)) continue;
    const shares = apportion(c.count, weightsFor(c.year, townships, population));
    townships.forEach((t, i) => added.push({ township: t.code, year: c.year, count: shares[i] ?? 0, source: COUNTY_SERIES_SOURCE }));
  }
  return [...births, ...added];
}
