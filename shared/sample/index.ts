// The built-in sample county (示例县) and synthetic provinces for benchmarks: realistic enough
// that a planner recognises the county-town squeeze and the falling births, and fully
// deterministic so tests and screenshots can rely on it.
import type { CountyData } from '../domain/model';
import { BASE_YEAR } from './calendar';
import { buildBirths } from './births';
import { buildEnrolment, schoolTotals } from './enrolment';
import { withFacilities } from './facilities';
import { countyName } from './names';
import { birthRecords, populationRecords, simulatePopulation } from './population';
import { createRng, mixSeeds } from './prng';
import { buildRoster } from './schools';
import { buildStaff } from './staff';
import { buildTownships } from './townships';
import { buildGeography } from './geography';
import { buildInclusion } from './inclusion';

export { SAMPLE_COUNTY_NAME } from './names';

export const DEFAULT_SAMPLE_SEED = 20250901;
/** 99 fictional prefectures × 90 counties: codes stay 6 digits and never clash. */
export const MAX_SAMPLE_COUNTIES = 99 * 90;

export interface SampleOptions {
  seed?: number;
  /** 0 is 示例县; others are further fictional counties of the same province. */
  index?: number;
}

/** 990101 for the sample county; '99' marks a code no real county uses. */
export function sampleCountyCode(index: number): string {
  const prefecture = 1 + Math.floor(index / 90);
  const county = 1 + (index % 90);
  return `99${String(prefecture).padStart(2, '0')}${String(county).padStart(2, '0')}`;
}

export function generateCounty(options: SampleOptions = {}): CountyData {
  const seed = options.seed ?? DEFAULT_SAMPLE_SEED;
  const index = options.index ?? 0;
  if (!Number.isInteger(index) || index < 0 || index >= MAX_SAMPLE_COUNTIES) {
    throw new RangeError(`示例县序号应为 0 到 ${MAX_SAMPLE_COUNTIES - 1} 之间的整数`);
  }
  const rng = createRng(mixSeeds(seed, index));
  const code = sampleCountyCode(index);
  const name = countyName(index);
  const place = rng.fork('place');
  const centre = { lat: place.float(34.05, 34.9), lng: place.float(113.05, 113.9) };

  const frame = buildTownships(rng.fork('townships'), code, name, centre);
  const births = buildBirths(rng.fork('births'), frame.townships);
  const population = simulatePopulation(frame.townships, births);
  const roster = buildRoster(rng.fork('schools'), frame);
  const enrolment = buildEnrolment(rng.fork('enrolment'), frame, roster, population);
  const totals = schoolTotals(enrolment);
  const facilities = rng.fork('facilities');
  const rostered = roster.plans.map((plan) => withFacilities(facilities, plan, totals));
  const populationRows = populationRecords(frame.townships, population);
  const { geography, schools } = buildGeography(rng.fork('geography'), frame, rostered, populationRows, BASE_YEAR);

  return {
    meta: { name, code, schoolSystem: '六三制', baseYear: BASE_YEAR },
    townships: frame.townships.map((t) => ({ ...t.township })),
    schools,
    enrolment,
    staff: buildStaff(rng.fork('staff'), roster.plans, totals),
    population: populationRows,
    births: birthRecords(frame.townships, births),
    geography,
    inclusion: buildInclusion(rng.fork('inclusion'), schools, enrolment, BASE_YEAR),
  };
}

/** n fictional counties (示例县, 示例县2 …) for benchmarks and multi-county tests. */
export function generateProvince(n: number, seed: number = DEFAULT_SAMPLE_SEED): CountyData[] {
  if (!Number.isInteger(n) || n < 0 || n > MAX_SAMPLE_COUNTIES) {
    throw new RangeError(`县数应为 0 到 ${MAX_SAMPLE_COUNTIES} 之间的整数`);
  }
  return Array.from({ length: n }, (_, index) => generateCounty({ seed, index }));
}
