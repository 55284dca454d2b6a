// What an import would write, worked out before anything is written: the records, the
// issues, the counts and a preview. The backend commits exactly this.
import type { CoordinateOption } from '../geo/coords';
import type { Village } from '../geo/model';
import type { BirthRecord, EnrolmentRecord, PopulationRecord, School, SchoolTotal, StaffRecord, Township } from '../domain/model';
import type { StaffProfileRecord } from '../domain/staff-profile';
import type { MigrantRecord, SchoolGroup, SpecialNeedsRecord } from '../domain/inclusion';
import type { SchoolSystem, Stage } from '../domain/stages';
import type { ImportIssue } from './issues';
import type { ImportKind } from './kinds';

export interface ImportCounts {
  /** Data rows below the header (empty rows not counted). */
  rowsRead: number;
  /** Rows whose data are (or, in a dry run, would be) written. */
  rowsImported: number;
  /** 合计/小计 and notes rows, left out on purpose. */
  rowsSkipped: number;
  /** Rows with errors. */
  rowsRejected: number;
}

export type { SchoolTotal };

export interface EnrolmentReplacement {
  school: string;
  year: number;
  /** Stages of this school-year the file covers: their stored grades are replaced. */
  stages: Stage[];
  records: EnrolmentRecord[];
}

export interface PreviewTable {
  headers: string[];
  rows: (string | number | null)[][];
}

export interface ImportPlan {
  kind: ImportKind;
  newTownships: Township[];
  schools: { record: School; isNew: boolean }[];
  enrolment: EnrolmentReplacement[];
  staff: StaffRecord[];
  totals: SchoolTotal[];
  population: PopulationRecord[];
  births: BirthRecord[];
  countyBirths: { year: number; count: number; source: string }[];
  /** 教职工 by 岗位, 年龄段, 学历, 职称, 骨干 level (the teacher import). */
  staffProfile: StaffProfileRecord[];
  specialNeeds: SpecialNeedsRecord[];
  migrants: MigrantRecord[];
  groups: SchoolGroup[];
  /** 行政村/社区, merged into the stored ones (shared/import/plan-villages.ts). */
  villages: Village[];
  counts: ImportCounts;
  issues: ImportIssue[];
  preview: PreviewTable;
  /** One line per fact, for the confirmation step: ['新增学校', '12 所']. */
  summary: [string, string][];
}

/** The project's data the checks need (existing rows are matched and merged, never duplicated). */
export interface ValidateContext {
  sheet: string;
  fileName: string;
  system: SchoolSystem;
  countyCode: string;
  /** Year given by the planner, used where the file has no year column. */
  year: number | null;
  townships: readonly Township[];
  schools: readonly School[];
  staff: readonly StaffRecord[];
  /** Stored classes and students per `${school}|${year}`, to check totals-only files against. */
  enrolmentTotals: ReadonlyMap<string, { classes: number | null; students: number }>;
  /** Create townships the project does not know yet, instead of refusing their rows. */
  createTownships: boolean;
  /** The county seat's township name (the county's 县城 setting), classed 城区 when an import creates it. */
  countySeat?: string | null;
  /** Import the rows without errors and reject the others (default: any error blocks). */
  skipInvalidRows: boolean;
  /** The coordinate system of the file's coordinates, schools' or villages' (WGS-84 when absent). */
  coordinates?: CoordinateOption;
  /** The stored villages a village table merges into (only that kind reads them). */
  villages?: readonly Village[];
}

export function emptyPlan(kind: ImportKind): ImportPlan {
  return {
    kind, newTownships: [], schools: [], enrolment: [], staff: [], totals: [], population: [], births: [], countyBirths: [], staffProfile: [],
    specialNeeds: [], migrants: [], groups: [], villages: [],
    counts: { rowsRead: 0, rowsImported: 0, rowsSkipped: 0, rowsRejected: 0 },
    issues: [], preview: { headers: [], rows: [] }, summary: [],
  };
}

/** The source label stored with population and births rows. */
export function sourceLabel(fileName: string): string {
  const name = fileName.length > 80 ? `${fileName.slice(0, 77)}…` : fileName;
  return `导入：${name}`;
}
