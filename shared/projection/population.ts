// Children by township and single year of age, 0–17, by cohort shift:
//   P(a, t) = P(a − 1, t − 1) × survival(a) × (1 + net migration(a, township)),  P(0, t) from births.
// Net migration is calibrated per township and age group from successive years of population
// data; with a single year (a census) it cannot be, and the scenario's rate applies.
import type { PopulationRecord } from '../domain/model';
import type { BirthsPath } from './births';
import { clamp } from './math';

export const MAX_AGE = 17;
export const AGES = MAX_AGE + 1;

/**
 * Probability of surviving from age a − 1 to a (index a; index 0 unused). China's infant
 * mortality is about 5 ‰ and child mortality after that a fraction of 1 ‰ a year; at these
 * levels survival hardly matters next to migration, which calibration absorbs anyway.
 */
export const SURVIVAL: readonly number[] = Array.from({ length: AGES }, (_, a) => (a === 0 ? 1 : a === 1 ? 0.995 : 0.9997));

/** Age groups that share one migration rate: families move at school entry and at junior secondary. */
const MIGRATION_GROUP: readonly number[] = Array.from({ length: AGES }, (_, a) =>
  a <= 2 ? 0 : a <= 5 ? 1 : a <= 11 ? 2 : a <= 14 ? 3 : 4,
);
const GROUPS = 5;
const MAX_MIGRATION = 0.2;

export type PopulationSource = 'recorded' | 'births' | 'none';

export interface PopulationBase {
  /** Year of index 0 in the table. */
  firstYear: number;
  /** Last year of recorded or reconstructed population (≤ base year). */
  lastYear: number;
  /** [township][(year − firstYear) × AGES + age], NaN where unknown. */
  known: Float64Array[];
  /** Last known year per township (−Infinity when none). */
  lastKnown: number[];
  source: PopulationSource[];
  /** Calibrated net migration per township and age group; null when not calibratable. */
  migration: (Float64Array | null)[];
  /** Age-0 children per recorded birth, per township (1 when not calibratable). */
  ageZeroRatio: number[];
  /** Male share by age in the latest year with a sex split, else null (no pyramid by sex). */
  maleShare: number[] | null;
}

export interface PopulationTable {
  firstYear: number;
  lastYear: number;
  townships: number;
  /** [township][(year − firstYear) × AGES + age]; NaN where unknown. */
  data: Float64Array[];
}

export function popAt(table: PopulationTable, t: number, year: number, age: number): number {
  if (year < table.firstYear || year > table.lastYear || age < 0 || age > MAX_AGE) return NaN;
  return (table.data[t] as Float64Array)[(year - table.firstYear) * AGES + age] as number;
}

/** Sexes combined: a township-year with a total ('T') row uses it, else M + F. */
function totals(records: readonly PopulationRecord[], baseYear: number): PopulationRecord[] {
  const hasTotal = new Map<string, Set<number>>();
  for (const r of records) {
    if (r.sex !== 'T' || r.year > baseYear) continue;
    let years = hasTotal.get(r.township);
    if (!years) hasTotal.set(r.township, (years = new Set()));
    years.add(r.year);
  }
  return records.filter((r) => r.year <= baseYear && r.age <= MAX_AGE && (r.sex === 'T' || !hasTotal.get(r.township)?.has(r.year)));
}

function maleShareOf(records: readonly PopulationRecord[], baseYear: number): number[] | null {
  let year = -Infinity;
  for (const r of records) if (r.sex !== 'T' && r.year <= baseYear && r.year > year) year = r.year;
  if (!Number.isFinite(year)) return null;
  const m = new Array<number>(AGES).fill(0);
  const f = new Array<number>(AGES).fill(0);
  for (const r of records) {
    if (r.year !== year || r.age > MAX_AGE) continue;
    if (r.sex === 'M') m[r.age] = (m[r.age] ?? 0) + r.count;
    else if (r.sex === 'F') f[r.age] = (f[r.age] ?? 0) + r.count;
  }
  return m.map((x, a) => (x + (f[a] ?? 0) > 0 ? x / (x + (f[a] ?? 0)) : 0.52));
}

export function calibratePopulation(
  records: readonly PopulationRecord[],
  townshipIndex: ReadonlyMap<string, number>,
  townships: number,
  baseYear: number,
  births: BirthsPath | null,
  /** First year the enrolment needs population for, used when it must come from births. */
  neededFrom: number,
  trendYears: number,
): PopulationBase {
  const rows = totals(records, baseYear).filter((r) => townshipIndex.has(r.township));
  let firstYear = Infinity;
  let lastYear = -Infinity;
  for (const r of rows) {
    firstYear = Math.min(firstYear, r.year);
    lastYear = Math.max(lastYear, r.year);
  }
  const hasRecorded = Number.isFinite(firstYear);
  if (!hasRecorded) {
    firstYear = neededFrom;
    lastYear = baseYear;
  } else {
    firstYear = Math.min(firstYear, neededFrom);
  }
  const nYears = lastYear - firstYear + 1;
  const known = Array.from({ length: townships }, () => new Float64Array(nYears * AGES).fill(NaN));
  for (const r of rows) {
    const t = townshipIndex.get(r.township) as number;
    const k = (r.year - firstYear) * AGES + r.age;
    const row = known[t] as Float64Array;
    // NaN marks "not counted"; a second row for the same cell (M and F) adds to the first.
    row[k] = Number.isNaN(row[k] as number) ? r.count : (row[k] as number) + r.count;
  }
  const source: PopulationSource[] = [];
  const lastKnown: number[] = [];
  for (let t = 0; t < townships; t++) {
    const row = known[t] as Float64Array;
    const years: number[] = [];
    for (let y = 0; y < nYears; y++) {
      let any = false;
      for (let a = 0; a < AGES; a++) if (!Number.isNaN(row[y * AGES + a] as number)) any = true;
      if (any) {
        years.push(firstYear + y);
        // An age left out of a recorded year means nobody was counted there.
        for (let a = 0; a < AGES; a++) if (Number.isNaN(row[y * AGES + a] as number)) row[y * AGES + a] = 0;
      }
    }
    if (years.length > 0) {
      source.push('recorded');
      lastKnown.push(years[years.length - 1] as number);
    } else if (births && reconstructFromBirths(row, t, births, firstYear, nYears)) {
      source.push('births');
      lastKnown.push(lastYear);
    } else {
      source.push('none');
      lastKnown.push(-Infinity);
    }
  }

  const migration = known.map((row, t) => (source[t] === 'recorded' ? calibrateMigration(row, firstYear, lastKnown[t] as number, trendYears) : null));
  const ageZeroRatio = known.map((row, t) => {
    if (source[t] !== 'recorded' || !births) return 1;
    let p = 0;
    let b = 0;
    for (let y = Math.max(firstYear, (lastKnown[t] as number) - trendYears + 1); y <= (lastKnown[t] as number); y++) {
      const pop = row[(y - firstYear) * AGES] as number;
      const bi = y - births.firstYear;
      const born = bi >= 0 && bi < (births.byTownship[t] as Float64Array).length ? ((births.byTownship[t] as Float64Array)[bi] as number) : NaN;
      if (births.recorded[bi] && !Number.isNaN(pop) && born > 0) {
        p += pop;
        b += born;
      }
    }
    return b > 0 ? clamp(p / b, 0.7, 1.3) : 1;
  });
  return { firstYear, lastYear, known, lastKnown, source, migration, ageZeroRatio, maleShare: maleShareOf(records, baseYear) };
}

function reconstructFromBirths(row: Float64Array, t: number, births: BirthsPath, firstYear: number, nYears: number): boolean {
  const series = births.byTownship[t] as Float64Array;
  let any = false;
  for (let y = 0; y < nYears; y++) {
    let cum = 1;
    for (let a = 0; a < AGES; a++) {
      cum *= SURVIVAL[a] as number;
      const bi = firstYear + y - a - births.firstYear;
      const b = bi >= 0 && bi < series.length && births.recorded[bi] ? (series[bi] as number) : NaN;
      row[y * AGES + a] = b * cum;
      if (!Number.isNaN(b)) any = true;
    }
  }
  return any;
}

/**
 * Pooled over the last years and the ages of a group: ratio of the children counted to the
 * children expected from last year's cohort with survival alone. Pooling keeps a small
 * township's rate from swinging with a few families.
 */
function calibrateMigration(row: Float64Array, firstYear: number, lastKnown: number, years: number): Float64Array | null {
  const observed = new Float64Array(GROUPS);
  const expected = new Float64Array(GROUPS);
  let pairs = 0;
  for (let y = lastKnown; y > lastKnown - years && y - 1 >= firstYear; y--) {
    const yi = y - firstYear;
    if (Number.isNaN(row[yi * AGES] as number) || Number.isNaN(row[(yi - 1) * AGES] as number)) continue;
    pairs++;
    for (let a = 1; a < AGES; a++) {
      const g = MIGRATION_GROUP[a] as number;
      observed[g] = (observed[g] as number) + (row[yi * AGES + a] as number);
      expected[g] = (expected[g] as number) + (row[(yi - 1) * AGES + a - 1] as number) * (SURVIVAL[a] as number);
    }
  }
  if (pairs === 0) return null;
  const byAge = new Float64Array(AGES);
  for (let a = 1; a < AGES; a++) {
    const g = MIGRATION_GROUP[a] as number;
    byAge[a] = (expected[g] as number) > 0 ? clamp((observed[g] as number) / (expected[g] as number) - 1, -MAX_MIGRATION, MAX_MIGRATION) : 0;
  }
  return byAge;
}

export interface PopulationScenario {
  migrationScale: number;
  /** Yearly net migration (0.01 = +1 %) where calibration was impossible. */
  migrationDefault: number;
  /** Survival by age (index a: from a − 1 to a); SURVIVAL unless a test needs exact cohorts. */
  survival?: readonly number[];
}

/** Known years as recorded, later years by cohort shift, up to lastYear. */
export function projectPopulation(base: PopulationBase, births: BirthsPath, scenario: PopulationScenario, lastYear: number): PopulationTable {
  const firstYear = base.firstYear;
  const nYears = Math.max(0, lastYear - firstYear + 1);
  const survival = scenario.survival ?? SURVIVAL;
  const data = base.known.map((row, t) => {
    const out = new Float64Array(nYears * AGES).fill(NaN);
    out.set(row.subarray(0, Math.min(row.length, out.length)));
    const from = base.lastKnown[t] as number;
    if (!Number.isFinite(from)) return out;
    const migration = base.migration[t];
    const series = births.byTownship[t] as Float64Array;
    const ratio0 = base.ageZeroRatio[t] as number;
    for (let year = from + 1; year <= lastYear; year++) {
      const yi = year - firstYear;
      const bi = year - births.firstYear;
      out[yi * AGES] = (bi >= 0 && bi < series.length ? (series[bi] as number) : 0) * ratio0;
      for (let a = 1; a < AGES; a++) {
        const m = migration ? (migration[a] as number) * scenario.migrationScale : scenario.migrationDefault;
        out[yi * AGES + a] = Math.max(0, (out[(yi - 1) * AGES + a - 1] as number) * (survival[a] as number) * (1 + m));
      }
    }
    return out;
  });
  return { firstYear, lastYear, townships: base.known.length, data };
}
