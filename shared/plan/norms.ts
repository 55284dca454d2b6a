// Building norms for a new or enlarged school: standard class counts (建标102-2002 urban,
// 建标109-2008 rural), floor area per student (建标102-2002) and the seats and classes a
// given school kind holds per stage. Kindergarten and site-area figures are not in those
// two standards: they are reference values, marked as such wherever they are shown.
import { gradesOf, KIND_STAGES, type SchoolKind, type SchoolSystem, type Stage } from '../domain/stages';
import type { PlanSettings } from './settings';

/** Kinds a 新建 or 转型 project can create. */
export const BUILDABLE_KINDS = ['kindergarten', 'primary', 'junior', 'nine_year', 'senior', 'special'] as const satisfies readonly SchoolKind[];
export type BuildableKind = (typeof BUILDABLE_KINDS)[number];

const STANDARD_CLASSES: Record<BuildableKind, { urban: number[]; rural: number[] }> = {
  primary: { urban: [12, 18, 24, 30], rural: [6, 12, 18, 24] },
  junior: { urban: [12, 18, 24, 30], rural: [12, 18, 24] },
  nine_year: { urban: [18, 27, 36, 45], rural: [18, 27, 36] },
  senior: { urban: [18, 24, 30, 36], rural: [18, 24, 30, 36] },
  // 建标175-2016 sizes; a kindergarten should not exceed 12 classes (360 children).
  kindergarten: { urban: [6, 9, 12], rural: [3, 6, 9, 12] },
  special: { urban: [9, 18, 27], rural: [9, 18, 27] },
};

export function standardClassCounts(kind: SchoolKind, urban: boolean): number[] {
  const row = STANDARD_CLASSES[kind as BuildableKind];
  if (!row) return [];
  return urban ? row.urban : row.rural;
}

/** [classes, basic m², planning m²] per student, 建标102-2002. */
type FloorRow = readonly [number, number, number];
const FLOOR_AREA: Partial<Record<SchoolKind, readonly FloorRow[]>> = {
  primary: [[12, 6.6, 10.0], [18, 5.8, 8.3], [24, 5.4, 7.9], [30, 5.2, 7.2]],
  junior: [[12, 7.9, 11.4], [18, 7.1, 10.1], [24, 6.7, 9.8], [30, 6.4, 9.0]],
  nine_year: [[18, 6.5, 9.3], [27, 5.8, 7.9], [36, 5.6, 8.0], [45, 5.5, 7.8]],
  senior: [[18, 7.4, 10.4], [24, 6.9, 10.0], [30, 6.6, 9.2], [36, 6.4, 8.9]],
  // Reference values (幼儿园 and 特殊教育 are outside 建标102-2002).
  kindergarten: [[3, 11.8, 11.8], [6, 10.2, 10.2], [9, 9.7, 9.7], [12, 9.3, 9.3]],
  special: [[9, 30, 30], [18, 26, 26], [27, 24, 24]],
};
FLOOR_AREA.teaching_point = FLOOR_AREA.primary;
FLOOR_AREA.twelve_year = FLOOR_AREA.nine_year;
FLOOR_AREA.complete_middle = FLOOR_AREA.senior;

/** Reference site area per student, m² (local norms vary; a setting can follow later). */
const SITE_AREA_PER_STUDENT: Record<SchoolKind, number> = {
  kindergarten: 15,
  primary: 18,
  teaching_point: 18,
  junior: 20,
  nine_year: 19,
  complete_middle: 21,
  senior: 22,
  twelve_year: 20,
  vocational: 25,
  special: 30,
};

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
