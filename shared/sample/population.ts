// Children by township and single year of age, built from births by cohort shift with a
// little mortality and migration. Migration is what produces 城挤乡空: rural townships lose
// children every year, partly to the county town and partly out of the county.
import type { BirthRecord, PopulationRecord } from '../domain/model';
import {
  BASE_YEAR,
  BIRTH_RECORD_YEARS,
  CENSUS_YEAR,
  FIRST_BIRTH_YEAR,
  MAX_AGE,
  POPULATION_YEARS,
} from './calendar';
import type { BirthSeries } from './births';
import type { TownshipInfo } from './townships';

const AGES = MAX_AGE + 1;
const YEARS = BASE_YEAR - FIRST_BIRTH_YEAR + 1;

/** Share of the rural children who move that stay in the county (settle in the county town). */
const TO_COUNTY_TOWN = 0.55;
/** County-town families also leave for cities, more slowly. */
const URBAN_OUTFLOW = 0.004;

/** Yearly rural outflow by age reached: school entry and junior secondary are the moves. */
function ruralOutflow(age: number): number {
  if (age <= 2) return 0.012;
  if (age <= 5) return 0.022;
  if (age <= 11) return 0.028;
  if (age <= 14) return 0.018;
  return 0.025;
}

/** Urbanisation speeds up over the years. */
function intensity(year: number): number {
  return Math.min(1.2, Math.max(0.7, 0.85 + 0.02 * (year - 2010)));
}

function survival(age: number): number {
  return age === 1 ? 0.995 : 0.9996;
}

export interface PopulationTable {
  /** Children (not rounded) of a township (frame index) at an age in a year from 2002. */
  get(township: number, year: number, age: number): number;
}

export function simulatePopulation(townships: readonly TownshipInfo[], births: BirthSeries): PopulationTable {
  const n = townships.length;
  const data = new Float64Array(n * YEARS * AGES);
  const at = (t: number, yi: number, a: number): number => (t * YEARS + yi) * AGES + a;

  for (let yi = 0; yi < YEARS; yi++) {
    const year = FIRST_BIRTH_YEAR + yi;
    for (let t = 0; t < n; t++) data[at(t, yi, 0)] = births.byTownship[t]?.[yi] ?? 0;
    if (yi === 0) continue;
    // Cohorts born before the series starts are left at zero; no output year reaches them.
    for (let a = 1; a < AGES && a <= yi; a++) {
      let moved = 0;
      let urbanBase = 0;
      for (let t = 0; t < n; t++) {
        const info = townships[t] as TownshipInfo;
        const before = (data[at(t, yi - 1, a - 1)] ?? 0) * survival(a);
        if (info.urban) {
          data[at(t, yi, a)] = before * (1 - URBAN_OUTFLOW);
          urbanBase += before;
        } else {
          const loss = before * ruralOutflow(a) * info.outflow * intensity(year);
          data[at(t, yi, a)] = before - loss;
          moved += loss;
        }
      }
      // Arrivals spread over county-town townships in proportion to their children.
      const gain = moved * TO_COUNTY_TOWN;
      for (let t = 0; t < n; t++) {
        if (!townships[t]?.urban || urbanBase <= 0) continue;
        const before = (data[at(t, yi - 1, a - 1)] ?? 0) * survival(a);
        data[at(t, yi, a)] = (data[at(t, yi, a)] ?? 0) + (gain * before) / urbanBase;
      }
    }
  }

  return {
    get(t, year, age) {
      const yi = year - FIRST_BIRTH_YEAR;
      if (t < 0 || t >= n || yi < 0 || yi >= YEARS || age < 0 || age >= AGES) return 0;
      return data[at(t, yi, age)] ?? 0;
    },
  };
}

export function populationRecords(townships: readonly TownshipInfo[], table: PopulationTable): PopulationRecord[] {
  const out: PopulationRecord[] = [];
  townships.forEach((info, t) => {
    for (const year of POPULATION_YEARS) {
      const source = year === CENSUS_YEAR ? '七普' : '年度估算';
      for (let age = 0; age < AGES; age++) {
        out.push({ township: info.township.code, year, age, sex: 'T', count: Math.round(table.get(t, year, age)), source });
      }
    }
  });
  return out;
}

export function birthRecords(townships: readonly TownshipInfo[], births: BirthSeries): BirthRecord[] {
  const out: BirthRecord[] = [];
  townships.forEach((info, t) => {
    for (const year of BIRTH_RECORD_YEARS) {
      const count = births.byTownship[t]?.[year - FIRST_BIRTH_YEAR] ?? 0;
      out.push({ township: info.township.code, year, count, source: '卫健部门' });
    }
  });
  return out;
}
