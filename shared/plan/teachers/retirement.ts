// Teachers reaching the statutory retirement age, from a school's 专任教师 age table (年龄段).
// The table gives five-year bands, not birth dates and not sex: each band is spread evenly
// over its ages (24岁及以下 from 20, 60岁及以上 all at 60), a teacher aged a in the table's
// year is taken as born that many years before, births spread evenly over the months, and
// men and women are mixed by the plan's share of women. Anyone the table still counts past
// the age leaves in the first projected year.
import { PROFILE_CATEGORIES } from '../../domain/staff-profile';
import { STANDARDS } from '../../standards';

export type Sex = 'male' | 'female';

const RULE = STANDARDS.retirementAge.value;
/** Youngest age of the open lowest band (24岁及以下): 本程序默认, no teacher is younger than 20. */
const YOUNGEST = 20;

/** Month (year × 12 + month − 1) in which a teacher born in that year and month reaches the statutory age. */
export function retirementMonth(birthYear: number, birthMonth: number, sex: Sex): number {
  const rule = RULE[sex];
  const born = birthYear * 12 + birthMonth - 1;
  const sinceFirst = born - rule.from * 12;
  const delay = sinceFirst < 0 ? 0 : Math.min(RULE.maxMonths, Math.floor(sinceFirst / RULE.monthsPerStep) + 1);
  return born + rule.age * 12 + delay;
}

/** Share of the teachers born in `birthYear` who have reached the statutory age by the end of `year`. */
export function retiredBy(birthYear: number, year: number, femaleShare: number): number {
  let share = 0;
  for (let m = 1; m <= 12; m++) {
    if (Math.floor(retirementMonth(birthYear, m, 'male') / 12) <= year) share += (1 - femaleShare) / 12;
    if (Math.floor(retirementMonth(birthYear, m, 'female') / 12) <= year) share += femaleShare / 12;
  }
  return share;
}

/** Teachers per single year of age from the age bands the table gives (category key → count). */
export function teachersByAge(counts: Readonly<Record<string, number>>): Map<number, number> {
  const out = new Map<number, number>();
  for (const band of PROFILE_CATEGORIES.age) {
    const n = counts[band.key];
    if (n === undefined || n <= 0) continue;
    const from = Math.max(band.minAge ?? 0, YOUNGEST);
    const to = band.maxAge ?? from;
    for (let a = from; a <= to; a++) out.set(a, (out.get(a) ?? 0) + n / (to - from + 1));
  }
  return out;
}

/** Whether the table gives any age band (absent: unknown, the exit rate applies). */
export function hasAgeTable(counts: Readonly<Record<string, number>> | undefined): counts is Record<string, number> {
  return !!counts && PROFILE_CATEGORIES.age.some((b) => counts[b.key] !== undefined);
}

/**
 * Teachers of the age table leaving in each of `years` (the first is the base year: none),
 * and how many the table counts. The table is of `tableYear`.
 */
export function retirementSchedule(
  counts: Readonly<Record<string, number>>,
  tableYear: number,
  years: readonly number[],
  femaleShare: number,
): { leaving: number[]; total: number } {
  const leaving = years.map(() => 0);
  let total = 0;
  for (const [age, n] of teachersByAge(counts)) {
    total += n;
    const born = tableYear - age;
    for (let yi = 1; yi < years.length; yi++) {
      const before = yi === 1 ? 0 : retiredBy(born, years[yi - 1] as number, femaleShare);
      leaving[yi] = (leaving[yi] as number) + n * (retiredBy(born, years[yi] as number, femaleShare) - before);
    }
  }
  return { leaving, total };
}
