// The years the sample covers. One place, so that population, enrolment and staff agree.

/** Last recorded year: projections in the app start after it. */
export const BASE_YEAR = 2025;
/** Enrolment and staff statistics: the seven most recent school years. */
export const FIRST_ENROLMENT_YEAR = 2019;
/** Population by age: the 2020 census (七普) and yearly estimates after it. */
export const FIRST_POPULATION_YEAR = 2020;
export const CENSUS_YEAR = 2020;
/** Birth records a health bureau typically hands over. */
export const FIRST_BIRTH_RECORD_YEAR = 2010;
/**
 * The internal birth series starts early enough that every cohort aged 0–17 in any
 * enrolment year (2019 − 17 = 2002) is built from births rather than guessed.
 */
export const FIRST_BIRTH_YEAR = FIRST_ENROLMENT_YEAR - 17;
export const MAX_AGE = 17;

export function yearRange(first: number, last: number): number[] {
  const out: number[] = [];
  for (let y = first; y <= last; y++) out.push(y);
  return out;
}

export const ENROLMENT_YEARS = yearRange(FIRST_ENROLMENT_YEAR, BASE_YEAR);
export const POPULATION_YEARS = yearRange(FIRST_POPULATION_YEAR, BASE_YEAR);
export const BIRTH_RECORD_YEARS = yearRange(FIRST_BIRTH_RECORD_YEAR, BASE_YEAR);
