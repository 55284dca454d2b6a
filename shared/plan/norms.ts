// Building norms for a new or enlarged school: standard class counts, floor area per
// student and the seats and classes a given school kind holds per stage. The figures and
// their sources are in shared/standards; kindergarten, special-school and site-area figures
// are reference values, marked as such wherever they are shown.
import { gradesOf, KIND_STAGES, type SchoolKind, type SchoolSystem, type Stage } from '../domain/stages';
import { STANDARDS } from '../standards';
import type { PlanProject } from './model';
import { PROJECT_TYPE, type ProjectTypeSpec } from './project-types';
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

/** Where the floor-area row of a kind comes from, as a planner would cite it. */
export function floorNormSource(kind: SchoolKind, urban: boolean): string {
  if (kind in STANDARDS.floorAreaPerStudentReference.value) return STANDARDS.floorAreaPerStudentReference.source;
  if (kind === 'twelve_year') return `${STANDARDS.floorAreaPerStudent.source}；十二年一贯制学校按九年制学校列（本程序默认）`;
  return urban ? STANDARDS.floorAreaPerStudent.source : `${STANDARDS.ruralFloorArea.source}；${STANDARDS.floorAreaPerStudent.source}`;
}

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

/**
 * Seats an existing school's 校舍建筑面积 holds at the norm's floor area per pupil: the seat
 * estimate for a school that records neither design seats nor classes. Null without a norm
 * for the kind or without a floor area.
 */
export function seatsFromFloorArea(kind: SchoolKind, floorArea: number | null, classes: number, basis: PlanSettings['floorAreaBasis']): number | null {
  const per = floorAreaPerStudent(kind, classes, basis);
  return per === null || !floorArea || floorArea <= 0 ? null : Math.floor(floorArea / per);
}

/**
 * 生均用地 of a kind, m²: the plan's urban series in 城区, its rural one in 镇区 and 乡村 (the
 * caller says where the school stands: a rural school sized with urban figures gets too little land).
 */
export function siteAreaPerStudent(kind: SchoolKind, settings: Pick<PlanSettings, 'siteAreaPerStudent'>, urban: boolean): number {
  return settings.siteAreaPerStudent[urban ? 'urban' : 'rural'][kind];
}

/** The plan's 生均用地 series and where their defaults come from, for notes under a table and the settings drawer. */
export function siteAreaBasis(settings: PlanSettings): string {
  const d = STANDARDS.siteAreaPerStudent.value;
  const row = (k: SchoolKind) => `${settings.siteAreaPerStudent.urban[k]}/${settings.siteAreaPerStudent.rural[k]}`;
  const changed = (['urban', 'rural'] as const).some((u) => Object.entries(d[u]).some(([k, v]) => settings.siteAreaPerStudent[u][k as SchoolKind] !== v));
  return (
    `生均用地（㎡，城区/镇区及乡村）：幼儿园 ${row('kindergarten')}，小学 ${row('primary')}，初中 ${row('junior')}，九年一贯制 ${row('nine_year')}，` +
    `高中 ${row('senior')}，特殊教育学校 ${row('special')}（${changed ? '规划设置；默认值为' : ''}${STANDARDS.siteAreaPerStudent.source}）。`
  );
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

/** 投资构成, 万元 (one decimal); null where the part cannot be estimated. */
export interface InvestmentParts {
  /** 建安工程: floor area × 建安造价. */
  building: number | null;
  /** 设备购置: seats × 生均设备. */
  equipment: number | null;
  /** 室外工程: site area × 室外工程单价 (an extension on its own site has none estimated). */
  siteWorks: number | null;
  /** 土地费用: site area × land price; null while the plan sets no land price. */
  land: number | null;
  /** Sum of the known parts. */
  total: number;
}

export const M2_PER_MU = 2000 / 3;

function wan1(yuan: number): number {
  return Math.round(yuan / 1000) / 10;
}

/** Seats of each stage a school of `kind` with `seats` seats holds (shared in proportion to its grades). */
export function seatsByStage(kind: SchoolKind, seats: number, system: SchoolSystem = '六三制'): Partial<Record<Stage, number>> {
  const stages = KIND_STAGES[kind];
  const grades = stages.map((st) => gradesOf(st, system));
  const total = grades.reduce((a, b) => a + b, 0);
  const out: Partial<Record<Stage, number>> = {};
  stages.forEach((st, i) => (out[st] = (seats * (grades[i] as number)) / total));
  return out;
}

/** The parts of a project's cost from its floor and site area and the seats it adds. */
export function investmentParts(
  input: { floorArea: number | null; siteArea: number | null; seats: Partial<Record<Stage, number>>; ownSite?: boolean },
  settings: PlanSettings,
): InvestmentParts {
  const building = input.floorArea === null ? null : wan1(input.floorArea * settings.costPerM2);
  const seatEntries = Object.entries(input.seats) as [Stage, number][];
  const equipment = seatEntries.length === 0 ? null : wan1(seatEntries.reduce((a, [st, n]) => a + n * settings.equipmentPerStudent[st], 0));
  const siteWorks = input.siteArea === null ? null : wan1(input.siteArea * settings.siteWorksPerM2);
  const land = input.siteArea === null || input.ownSite || settings.landPerMu === null ? null : Math.round((input.siteArea / M2_PER_MU) * settings.landPerMu * 10) / 10;
  const total = Math.round([building, equipment, siteWorks, land].reduce<number>((a, b) => a + (b ?? 0), 0) * 10) / 10;
  return { building, equipment, siteWorks, land, total };
}

/** What each part of the estimate rests on, for notes under a table. */
export function investmentBasis(settings: PlanSettings): string {
  const e = settings.equipmentPerStudent;
  return (
    `投资按规范测算：建安工程 = 建筑面积 × ${settings.costPerM2} 元/㎡（${STANDARDS.costPerM2.source}）；` +
    `设备购置 = 新增学位 × 生均设备（小学 ${e.primary} 元、初中 ${e.junior} 元：${STANDARDS.equipmentPerStudent.source}；` +
    `幼儿园 ${e.preschool} 元、高中 ${e.senior} 元、特殊教育 ${e.special} 元：${STANDARDS.equipmentPerStudentReference.source}）；` +
    `室外工程 = 用地面积 × ${settings.siteWorksPerM2} 元/㎡（${STANDARDS.siteWorksPerM2.source}），改扩建不计；` +
    (settings.landPerMu === null ? '土地费用未计（规划未设置地价）。' : `土地费用 = 用地面积 × ${settings.landPerMu} 万元/亩（规划设置）。`)
  );
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
  parts: InvestmentParts;
  /** The standard the floor area per student comes from. */
  normSource: string;
}

/**
 * Floor and site area from the norms and the investment from its parts; null without a norm.
 * `added` marks an extension: it builds on the school's own site, so no site area or site works.
 */
export function estimateFacilities(
  kind: SchoolKind,
  classes: number,
  seats: number,
  settings: PlanSettings,
  where: { urban?: boolean; added?: { stage: Stage } } = {},
): FacilityEstimate | null {
  const per = floorAreaPerStudent(kind, classes, settings.floorAreaBasis);
  if (per === null || seats <= 0) return null;
  const floorArea = Math.round(seats * per);
  const siteArea = Math.round(seats * siteAreaPerStudent(kind, settings, where.urban ?? true));
  const parts = investmentParts(
    { floorArea, siteArea: where.added ? null : siteArea, seats: where.added ? { [where.added.stage]: seats } : seatsByStage(kind, seats) },
    settings,
  );
  return { floorArea, siteArea, investment: parts.total, floorPerStudent: per, parts, normSource: floorNormSource(kind, where.urban ?? true) };
}

/**
 * A project's cost parts from what it records (its own floor and site area, seats): an
 * extension's seats are of its stage and it has no site of its own; types that build nothing have none.
 */
export function projectInvestmentParts(
  p: Pick<PlanProject, 'type' | 'seats' | 'floorArea' | 'siteArea' | 'stage'>,
  kind: SchoolKind | null,
  settings: PlanSettings,
): InvestmentParts | null {
  const spec: ProjectTypeSpec = PROJECT_TYPE[p.type];
  // Works on a school's own buildings or grounds: no seats to equip, no land to buy.
  if (spec.works) return investmentParts({ floorArea: p.floorArea, siteArea: p.siteArea, seats: {}, ownSite: true }, settings);
  if (!spec.builds) return null;
  const first = kind ? (KIND_STAGES[kind][0] as Stage) : null;
  const stage = p.stage ?? first;
  const seats: Partial<Record<Stage, number>> = spec.increment ? (stage ? { [stage]: p.seats } : {}) : kind ? seatsByStage(kind, p.seats) : {};
  return investmentParts({ floorArea: p.floorArea, siteArea: spec.increment ? null : p.siteArea, seats }, settings);
}

/** Floor area of a 寄宿部 (dormitory and canteen) for `places` boarding places, m². */
export function boardingFloorArea(places: number, settings: PlanSettings): number {
  const a = settings.boardingAreaPerPlace;
  return Math.round(places * (a.dormitory + a.canteen));
}
