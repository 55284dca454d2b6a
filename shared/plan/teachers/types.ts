// Result shapes of the teacher (编制) projection. Every series is aligned with the plan's
// `years`; demand and supply are whole teachers. Schools whose teachers are unknown (no staff
// record) keep their posts in demand and `unknownPosts` but count in neither supply nor gap:
// gap = demand − unknownPosts − supply (positive = 缺编, negative = 超编), and a series with no
// school of known teachers in a year has supply and gap null there.
import type { SchoolRef } from '../model';
import type { StaffingRule, TeacherStage } from './norms';

export interface TeacherSeries {
  demand: number[];
  supply: (number | null)[];
  gap: (number | null)[];
  /** Posts of the schools whose teachers are unknown, in demand but not in the gap. */
  unknownPosts: number[];
}

export interface TeacherStageResult extends TeacherSeries {
  /** Teachers leaving in the year (retirement and other exits). */
  retired: number[];
  /** Teachers the plan recruits in the year. */
  hired: number[];
  /** Teachers of schools closed (撤并, 转型) in the year, moved with their pupils (known teachers only). */
  freedByClosure: number[];
  /** Posts the schools the plan builds (新建) need. */
  neededByNew: number[];
}

export interface TeacherTownshipRow extends TeacherSeries {
  township: string;
  townshipName: string;
  stage: TeacherStage;
}

export interface TeacherSchoolRow extends TeacherSeries {
  code: SchoolRef;
  name: string;
  township: string;
  townshipName: string;
  stage: TeacherStage;
  isNew: boolean;
  /** The rule that set the posts each year. */
  rule: StaffingRule[];
}

/** 义务教育 staff as the teacher targets count them, per year. */
export interface TeacherIndicatorYear {
  year: number;
  students: number;
  teachers: number;
  keyTeachers: number;
  qualifiedAbove: number;
  peArtsTeachers: number;
  /** 学历达标率 (0–1) of the schools whose 学历 breakdown was imported, held over the projected years; null when none was. */
  degreeCompliance: number | null;
  /** 缺编 summed over the townships short of teachers (a surplus elsewhere does not offset it). */
  shortage: number;
}

export interface TeacherPlan {
  years: number[];
  stages: TeacherStage[];
  byStage: Partial<Record<TeacherStage, TeacherStageResult>>;
  byTownship: TeacherTownshipRow[];
  schools: TeacherSchoolRow[];
  /** Year of the staff records supply starts from, or null when none is recorded. */
  staffYear: number | null;
  indicators: TeacherIndicatorYear[];
  /** Existing schools with posts but no staff record: their teachers are unknown, outside supply and gap. */
  missingStaff: { code: SchoolRef; name: string }[];
  /** Per existing school with teachers: retirements from its age table ('age', with the table's year) or the exit rate. */
  retirementBasis: RetirementBasis[];
  /** Where the figures come from, in words. */
  notes: string[];
}

export interface RetirementBasis {
  code: SchoolRef;
  name: string;
  basis: 'age' | 'rate';
  /** Year of the age table; null for the exit rate. */
  year: number | null;
}
