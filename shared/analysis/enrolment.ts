// Aggregations over enrolment records, pure so the UI, CLI and tests share them.
import type { EnrolmentRecord, School } from '../domain/model';
import { emptyByStage, type ByStage, KIND_STAGES, LARGE_CLASS, OVERSIZED_CLASS, STANDARD_CLASS_SIZE, type Stage } from '../domain/stages';

export function byYearAndStage(records: readonly EnrolmentRecord[], field: 'students' | 'classes'): Record<string, ByStage> {
  const out: Record<string, ByStage> = {};
  for (const r of records) {
    const y = (out[r.year] ??= emptyByStage());
    y[r.stage] += r[field];
  }
  return out;
}

/** Classes at or above `threshold` when a grade's students are spread evenly over its classes. */
export function classesAtLeast(records: readonly EnrolmentRecord[], threshold: number): number {
  let n = 0;
  for (const r of records) if (r.classes > 0 && r.students / r.classes >= threshold) n += r.classes;
  return n;
}

/** 大班额 and 超大班额 counts; pre-school and special classes follow other norms and are left out. */
export function largeClassCounts(records: readonly EnrolmentRecord[]): { large: number; oversized: number } {
  const graded = records.filter((r) => r.stage === 'primary' || r.stage === 'junior' || r.stage === 'senior');
  return { large: classesAtLeast(graded, LARGE_CLASS), oversized: classesAtLeast(graded, OVERSIZED_CLASS) };
}

export interface SchoolYearSummary {
  year: number | null;
  students: number;
  classes: number;
  byStage: Partial<ByStage>;
  classesByStage: Partial<ByStage>;
  largeClasses: number;
}

/** The school's latest recorded year, totalled. */
export function latestYearSummary(records: readonly EnrolmentRecord[]): SchoolYearSummary {
  let year: number | null = null;
  for (const r of records) if (year === null || r.year > year) year = r.year;
  const latest = records.filter((r) => r.year === year);
  const byStage: Partial<ByStage> = {};
  const classesByStage: Partial<ByStage> = {};
  for (const r of latest) {
    byStage[r.stage] = (byStage[r.stage] ?? 0) + r.students;
    classesByStage[r.stage] = (classesByStage[r.stage] ?? 0) + r.classes;
  }
  return {
    year,
    students: latest.reduce((s, r) => s + r.students, 0),
    classes: latest.reduce((s, r) => s + r.classes, 0),
    byStage,
    classesByStage,
    largeClasses: largeClassCounts(latest).large,
  };
}

/**
 * Seats a school offers: its design seats when recorded, else its classes filled to the
 * standard class size of their stage (the norm, not today's overcrowding).
 */
export function capacityOf(school: Pick<School, 'designSeats' | 'kind'>, classesByStage: Partial<ByStage>): {
  seats: number;
  source: 'design' | 'classes';
} {
  if (school.designSeats && school.designSeats > 0) return { seats: school.designSeats, source: 'design' };
  let seats = 0;
  for (const stage of KIND_STAGES[school.kind]) seats += (classesByStage[stage] ?? 0) * STANDARD_CLASS_SIZE[stage];
  return { seats, source: 'classes' };
}

export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function sumStages(b: Partial<ByStage>, stages: readonly Stage[]): number {
  return stages.reduce((s, st) => s + (b[st] ?? 0), 0);
}
