// Result types of the API methods. Inputs are zod schemas in contract.ts.
import type { ByStage, School, SchoolSystem, Stage, StaffProfileRecord, StaffRecord, UrbanRural } from '../domain';
import type { CapacitySource } from '../analysis/enrolment';

export interface RecentFile {
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
}

export interface ProjectSummary {
  path: string;
  name: string;
  countyCode: string;
  schoolSystem: SchoolSystem;
  baseYear: number;
  /**
   * The latest enrolment year up to `baseYear` (else the latest at all): the year forecasts and new
   * plans start from; null without enrolment. Differs from `baseYear` when the data end earlier.
   */
  dataYear: number | null;
  schemaVersion: number;
  townships: number;
  schools: number;
  /** Something the user should know about how the file was written (a restore through a link). */
  notice?: string;
}

export interface HomeState {
  dataDir: string;
  /** Where new projects are proposed and the sample county lives. */
  projectsDir: string;
  recent: RecentFile[];
  current: ProjectSummary | null;
  /** 'electron' when running as the desktop app, 'browser' for the loopback host. */
  shell: 'electron' | 'browser';
}

/** The machine-readable summary behind `cli info --json`. */
export interface ProjectInfo {
  name: string;
  countyCode: string;
  schoolSystem: SchoolSystem;
  baseYear: number;
  townships: number;
  schools: { total: number; byStage: ByStage };
  enrolmentYears: number[];
  populationYears: number[];
  birthYears: number[];
  studentsByYear: Record<string, ByStage>;
  /** Count at age 0, 1, …, 17 (sexes summed) per year. */
  populationByYear: Record<string, number[]>;
}

/** A school as stored, with the names people read beside its codes. */
export interface NamedSchool extends School {
  kindLabel: string;
  stages: Stage[];
  townshipName: string;
}

/** A school with its latest year's figures: every stored field, so consumers need no second read. */
export interface SchoolRow extends NamedSchool {
  /** The latest year with enrolment for this school. */
  year: number | null;
  students: number;
  classes: number;
  /** Students per class, one decimal; null without classes. */
  avgClassSize: number | null;
  /** 大班额 classes estimated from grade averages (≥ 56). */
  largeClasses: number;
  /** Design seats, else classes × standard class size of its stages. */
  capacity: number;
  /** design: recorded 设计学位; otherwise an estimate (CAPACITY_METHOD says how). */
  capacitySource: CapacitySource;
  /** students / capacity, null when capacity is 0. */
  utilisation: number | null;
}

export interface GradeCell {
  stage: Stage;
  grade: number;
  label: string;
  students: number;
  /** Null when the file gave no class count. */
  classes: number | null;
}

export interface SchoolDetail {
  school: NamedSchool;
  years: number[];
  /** Students per year per stage the school teaches. */
  studentsByYear: Record<string, Partial<ByStage>>;
  classesByYear: Record<string, Partial<ByStage>>;
  /** Grades of the latest year. */
  latestGrades: GradeCell[];
  staff: StaffRecord[];
  /** 教职工 by 岗位, 年龄段, 学历, 职称, 骨干 level, as imported (empty: none imported). */
  staffProfile: StaffProfileRecord[];
}

export interface TownshipOverview {
  code: string;
  name: string;
  urbanRural: UrbanRural;
  schools: number;
  students: ByStage;
  /** Change in primary + junior students over the recorded years, in %. */
  compulsoryChangePct: number | null;
  /** 义务教育 (小学 + 初中) classes at the 大班额 limit in the latest year, as the plan's targets count them; null: none found and some schools' classes unknown. */
  largeClasses: number | null;
}

/** 大班额 and 超大班额 classes of one school level in the latest year. */
export interface LargeClassCount {
  large: number;
  oversized: number;
}

export interface Overview {
  name: string;
  countyCode: string;
  schoolSystem: SchoolSystem;
  baseYear: number;
  years: number[];
  firstYear: number | null;
  latestYear: number | null;
  studentsByYear: Record<string, ByStage>;
  /** Primary + junior students in the first and latest recorded year, by 城乡 class of the township. */
  compulsoryByUrbanRural: Record<UrbanRural, { first: number; latest: number }>;
  classesByYear: Record<string, ByStage>;
  schoolsByStage: ByStage;
  /** classes null: the latest year's pupils have no class counts at all; teachers null: no teacher data imported. */
  totals: { schools: number; students: number; classes: number | null; townships: number; teachers: number | null };
  /** Classes of ≥ 56 and ≥ 66 students in the latest year (primary + junior + senior). */
  largeClasses: number;
  oversizedClasses: number;
  /** The same counts split as the plan's targets and 附件1 count them: 义务教育 (小学 + 初中) and 普通高中 apart. */
  largeClassesByLevel: { compulsory: LargeClassCount; senior: LargeClassCount };
  /** Schools with students but no classes recorded in the latest year: their 大班额 is unknown, not zero. */
  schoolsWithoutClasses: number;
  births: { year: number; count: number }[];
  townships: TownshipOverview[];
}

export interface PopulationView {
  township: string | null;
  townshipName: string;
  years: number[];
  /** Per year: count at age 0..17. */
  byYear: Record<string, number[]>;
  births: { year: number; count: number }[];
  townships: { code: string; name: string }[];
}

export interface BackupEntry {
  file: string;
  createdAt: string;
  reason: string;
  bytes: number;
}

export interface TownshipRow {
  code: string;
  name: string;
  kind: string;
  urbanRural: UrbanRural;
  area: string;
}
