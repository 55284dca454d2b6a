// Building norms for a new or enlarged school: standard class counts, floor area per
// student and the seats and classes a given school kind holds per stage. The figures and
// their sources are in shared/standards; kindergarten, special-school and site-area figures
// are reference values, marked as such wherever they are shown.
import { gradesOf, KIND_STAGES, type SchoolKind, type SchoolSystem, type Stage } from '../domain/stages';
import { STANDARDS } from '../standards';
import type { PlanSettings } from './settings';

/** Kinds a 新建 or 转型 project can create. */
export const BUILDABLE_KINDS = ['kindergarten', 'primary', 'junior', 'nine_year', 'senior', 'special'] as const satisfies readonly SchoolKind[];
export type BuildableKind = (typeof BUILDABLE_KINDS)[number];

const STANDARD_CLASSES: Record<BuildableKind, { urban: number[]; rural: number[] }> = STANDARDS.standardClassCounts.value;

export function standardClassCounts(kind: SchoolKind, urban: boolean): number[] {
  const row = STANDARD_CLASSES[kind as BuildableKind];
  if (!row) return [];
  return urban ? row.urban : row.rural;
}

/** [classes, basic m², planning m²] per student. */
type FloorRow = readonly [number, number, number];
const FLOOR_AREA: Partial<Record<SchoolKind, readonly FloorRow[]>> = {
  ...STANDARDS.floorAreaPerStudent.value,
  ...STANDARDS.floorAreaPerStudentReference.value,
};
FLOOR_AREA.teaching_point = FLOOR_AREA.primary;
FLOOR_AREA.twelve_year = FLOOR_AREA.nine_year;
FLOOR_AREA.complete_middle = FLOOR_AREA.senior;

const SITE_AREA_PER_STUDENT: Record<SchoolKind, number> = STANDARDS.siteAreaPerStudent.value;

/**
 * Floor area per student for a school of `classes` classes: the row of the largest
 * standard size not above it (smaller schools take the smallest row: they need more per pupil).
 */
export function floorAreaPerStudent(kind: SchoolKind, classes: number, basis: PlanSettings['floorAreaBasis']): number | null {
  const rows = FLOOR_AREA[kind];
  if (!rows || rows.length === 0) return null;
  let row = rows[0] as FloorRow;
  for (const r of rows) if (r[0] <= classes) row = r;
  return basis === 'basic' ? row[1] : row[2];
}

export function siteAreaPerStudent(kind: SchoolKind): number {
  return SITE_AREA_PER_STUDENT[kind];
}

/** How a combined school's classes divide between its stages (one class per grade per stream). */
export function classesByStage(kind: SchoolKind, classes: number, system: SchoolSystem): Partial<Record<Stage, number>> {
  const stages = KIND_STAGES[kind];
  if (stages.length === 1) return { [stages[0] as Stage]: classes };
  const grades = stages.map((s) => gradesOf(s, system));
  const total = grades.reduce((a, b) => a + b, 0);
  const out: Partial<Record<Stage, number>> = {};
  let left = classes;
  stages.forEach((s, i) => {
    const n = i === stages.length - 1 ? left : Math.round((classes * (grades[i] as number)) / total);
    out[s] = n;
    left -= n;
  });
  return out;
}

export function seatsFor(kind: SchoolKind, classes: number, system: SchoolSystem, classSize: PlanSettings['classSize']): number {
  const split = classesByStage(kind, classes, system);
  let seats = 0;
  for (const [stage, n] of Object.entries(split) as [Stage, number][]) seats += n * classSize[stage];
  return seats;
}

export interface FacilityEstimate {
  /** m². */
  floorArea: number;
  /** m². */
  siteArea: number;
  /** 万元. */
  investment: number;
  /** m² per student used. */
  floorPerStudent: number;
}

/** Floor and site area from the norms and the investment at the cost per m²; null without a norm. */
export function estimateFacilities(kind: SchoolKind, classes: number, seats: number, settings: PlanSettings): FacilityEstimate | null {
  const per = floorAreaPerStudent(kind, classes, settings.floorAreaBasis);
  if (per === null || seats <= 0) return null;
  const floorArea = Math.round(seats * per);
  return {
    floorArea,
    siteArea: Math.round(seats * siteAreaPerStudent(kind)),
    investment: investmentFor(floorArea, settings),
    floorPerStudent: per,
  };
}

/** 万元, one decimal. */
export function investmentFor(floorArea: number, settings: PlanSettings): number {
  return Math.round((floorArea * settings.costPerM2) / 1000) / 10;
}
