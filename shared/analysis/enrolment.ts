// Aggregations over enrolment records, pure so the UI, CLI and tests share them.
import type { EnrolmentRecord, School } from '../domain/model';
import { emptyByStage, type ByStage, KIND_STAGES, type Stage } from '../domain/stages';
import { STANDARDS } from '../standards';

/**
 * Classes counted in a sum: an unknown count (null) adds nothing, so a school whose counts are
 * all unknown sums to 0 classes beside its pupils — which `capacityOf`, `schoolsWithoutClasses`
 * and the import's CAPACITY_UNKNOWN warning read as unknown and estimate, never as no classes.
 */
export function knownClasses(classes: number | null): number {
  return classes ?? 0;
}

export function byYearAndStage(records: readonly EnrolmentRecord[], field: 'students' | 'classes'): Record<string, ByStage> {
  const out: Record<string, ByStage> = {};
  for (const r of records) {
    const y = (out[r.year] ??= emptyByStage());
    y[r.stage] += knownClasses(r[field]);
  }
  return out;
}

/** The 大班额 and 超大班额 thresholds (students per class): a plan's settings, or the national defaults. */
export interface ClassSizeLimits {
  largeClass: number;
  oversizedClass: number;
}

/** One grade's students and classes. */
export interface GradeClasses {
  students: number;
  /** Null when unknown: such a grade is in no 大班额 count. */
  classes: number | null;
}

/** Classes at or above `threshold` when a grade's students are spread evenly over its classes. */
export function classesAtLeast(grades: readonly GradeClasses[], threshold: number): number {
  let n = 0;
  for (const r of grades) if (r.classes !== null && r.classes > 0 && r.students / r.classes >= threshold) n += r.classes;
  return n;
}

const LARGE_CLASS_STAGES: ReadonlySet<Stage> = new Set(STANDARDS.largeClassStages.value);

/** Whether the 大班额 norms count a stage's classes (pre-school and special classes follow norms of their own). */
export function countsLargeClasses(stage: Stage): boolean {
  return LARGE_CLASS_STAGES.has(stage);
}

/** 大班额 and 超大班额 counts over grade records of any stages. */
export function largeClassCounts(records: readonly EnrolmentRecord[], limits: ClassSizeLimits): { large: number; oversized: number } {
  const graded = records.filter((r) => countsLargeClasses(r.stage));
  return { large: classesAtLeast(graded, limits.largeClass), oversized: classesAtLeast(graded, limits.oversizedClass) };
}

/**
 * 大班额 split as the plan's targets count them: 义务教育 (小学 + 初中) apart from 普通高中, so a
 * count labelled 义务教育 anywhere is the same number.
 */
export function largeClassCountsByLevel(records: readonly EnrolmentRecord[], limits: ClassSizeLimits): { compulsory: { large: number; oversized: number }; senior: { large: number; oversized: number } } {
  return {
    compulsory: largeClassCounts(records.filter((r) => r.stage === 'primary' || r.stage === 'junior'), limits),
    senior: largeClassCounts(records.filter((r) => r.stage === 'senior'), limits),
  };
}

/** Schools with students but no classes recorded in a stage where 大班额 is counted: whether they have 大班额 is unknown. */
export function schoolsWithoutClasses(records: readonly EnrolmentRecord[]): number {
  const by = new Map<string, { students: number; classes: number }>();
  for (const r of records) {
    if (!countsLargeClasses(r.stage)) continue;
    const t = by.get(r.school) ?? { students: 0, classes: 0 };
    t.students += r.students;
    t.classes += knownClasses(r.classes);
    by.set(r.school, t);
  }
  let n = 0;
  for (const t of by.values()) if (t.students > 0 && t.classes === 0) n++;
  return n;
}

export interface SchoolYearSummary {
  year: number | null;
  students: number;
  classes: number;
  byStage: Partial<ByStage>;
  classesByStage: Partial<ByStage>;
  /** Classes estimated for the grades whose count is unknown, in stages where other grades' counts are known. */
  estimatedClassesByStage: Partial<ByStage>;
  largeClasses: number;
}

/**
 * Classes of the grades whose count is unknown, estimated grade by grade from their students at
 * the standard class size — only where some grade of the stage has a known count (a stage with
 * none known is the whole-school estimate of `capacityOf`).
 */
export function unknownGradeClasses(grades: readonly GradeClasses[], classSize: number): number {
  if (!grades.some((g) => g.classes !== null)) return 0;
  return grades.reduce((n, g) => n + (g.classes === null ? classesForStudents(g.students, classSize) : 0), 0);
}

function estimatedClassesOf(records: readonly EnrolmentRecord[], classSize: Readonly<Record<Stage, number>>): Partial<ByStage> {
  const out: Partial<ByStage> = {};
  const byStage = new Map<Stage, EnrolmentRecord[]>();
  for (const r of records) byStage.set(r.stage, [...(byStage.get(r.stage) ?? []), r]);
  for (const [stage, list] of byStage) {
    const n = unknownGradeClasses(list, classSize[stage]);
    if (n > 0) out[stage] = n;
  }
  return out;
}

/** The school's latest recorded year, totalled. */
export function latestYearSummary(
  records: readonly EnrolmentRecord[],
  limits: ClassSizeLimits & { classSize: Readonly<Record<Stage, number>> },
): SchoolYearSummary {
  let year: number | null = null;
  for (const r of records) if (year === null || r.year > year) year = r.year;
  const latest = records.filter((r) => r.year === year);
  const byStage: Partial<ByStage> = {};
  const classesByStage: Partial<ByStage> = {};
  for (const r of latest) {
    byStage[r.stage] = (byStage[r.stage] ?? 0) + r.students;
    classesByStage[r.stage] = (classesByStage[r.stage] ?? 0) + knownClasses(r.classes);
  }
  return {
    year,
    students: latest.reduce((s, r) => s + r.students, 0),
    classes: latest.reduce((s, r) => s + knownClasses(r.classes), 0),
    byStage,
    classesByStage,
    estimatedClassesByStage: estimatedClassesOf(latest, limits.classSize),
    largeClasses: largeClassCounts(latest, limits).large,
  };
}

/** Where a school's seats come from: recorded design seats, or an estimate (method named). */
export type CapacitySource = 'design' | 'classes' | 'grades' | 'floor' | 'students';

/** How each estimate is made, as tables and annexes print it. */
export const CAPACITY_METHOD: Record<Exclude<CapacitySource, 'design'>, string> = {
  classes: '估算：班级数 × 标准班额',
  grades: '估算：已知班级数 × 标准班额，班级数未知的年级按在校生 ÷ 标准班额估算班级数',
  floor: '估算：校舍建筑面积 ÷ 建标生均校舍建筑面积',
  students: '估算：在校生 ÷ 标准班额 得班级数，× 标准班额',
};

/** Classes a stage needs for its students at the standard class size: how a missing class count is estimated. */
export function classesForStudents(students: number, classSize: number): number {
  return students > 0 ? Math.ceil(students / classSize) : 0;
}

/**
 * Seats a school offers: its design seats when recorded, else its classes filled to the
 * standard class size of their stage (the norm, not today's overcrowding). A school that
 * records neither is estimated — from its floor area at the 建标 norm when the caller found
 * one (`floorSeats`), else from its students — never counted as zero seats.
 */
export function capacityOf(
  school: Pick<School, 'designSeats' | 'kind'>,
  classesByStage: Partial<ByStage>,
  classSize: Readonly<Record<Stage, number>>,
  studentsByStage: Partial<ByStage> = {},
  floorSeats: number | null = null,
  estimatedClassesByStage: Partial<ByStage> = {},
): {
  seats: number;
  source: CapacitySource;
} {
  if (school.designSeats && school.designSeats > 0) return { seats: school.designSeats, source: 'design' };
  const stages = KIND_STAGES[school.kind];
  let seats = 0;
  for (const stage of stages) seats += (classesByStage[stage] ?? 0) * classSize[stage];
  if (seats > 0) {
    let estimated = 0;
    for (const stage of stages) estimated += (estimatedClassesByStage[stage] ?? 0) * classSize[stage];
    return estimated > 0 ? { seats: seats + estimated, source: 'grades' } : { seats, source: 'classes' };
  }
  if (stages.every((st) => (studentsByStage[st] ?? 0) === 0)) return { seats, source: 'classes' };
  if (floorSeats !== null && floorSeats > 0) return { seats: floorSeats, source: 'floor' };
  for (const stage of stages) seats += classesForStudents(studentsByStage[stage] ?? 0, classSize[stage]) * classSize[stage];
  return { seats, source: 'students' };
}

export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function sumStages(b: Partial<ByStage>, stages: readonly Stage[]): number {
  return stages.reduce((s, st) => s + (b[st] ?? 0), 0);
}
