// Result shapes of the plan evaluation. They cross the API unchanged (the CLI prints them
// as JSON) and feed the plan's annexes: 附件1 reads `targets`, 附件3 `gaps` (or `townships`
// / `county`), 附件4 and 附件5 `projects`. Keys are English and stable; every series is
// aligned with `years` (plan base year … outlook year).
import type { DemandAllocation } from './demand';
import type { CapacityEstimate } from './estimates';
import type { Ownership, SchoolKind, Stage } from '../domain/stages';
import type { DemandSource } from './context';
import type { Comparator, PlanHeader, PlanProject, SchoolRef, TargetAttribute } from './model';
import type { TeacherPlan } from './teachers/types';
import type { LayoutSuggestion } from './layout-suggest';
import type { InvestmentParts } from './norms';

/** 学位预警: red > 100 % use, orange 90–100 %, green 60–90 %, blue < 60 % (settings); none without seats or students. */
export type Level = 'red' | 'orange' | 'green' | 'blue' | 'none';

export interface TargetResult {
  key: string;
  name: string;
  unit: string;
  comparator: Comparator;
  attribute: TargetAttribute;
  target: number;
  /** Value in the plan's base year, from the recorded data. */
  base: number | null;
  /** Value expected in the target year. */
  projected: number | null;
  /** 达标 in the target year; null when the value cannot be computed. */
  met: boolean | null;
  /** Value per year. */
  series: (number | null)[];
  /** How the value is obtained, or why it is missing. */
  note: string | null;
  /** Why the target-year value cannot be computed (absent when it can). */
  missing?: string;
  /** The planner's own target: base and projected are typed in, not computed. */
  custom: boolean;
  /** The stages the value counts; null for the planner's own. */
  stages: Stage[] | null;
}

/** Seats against demand for one stage, year and group of schools. */
export interface GapRow {
  area: string;
  stage: Stage;
  year: number;
  demand: number;
  capacity: number;
  /** demand − capacity: positive = seats short. */
  gap: number;
  /** Classes short (positive) or spare (negative) at the standard class size. */
  classGap: number;
  utilisation: number | null;
  level: Level;
  /** Seats short summed over the schools that are short (a net gap can hide them). */
  shortfall: number;
}

export interface TownshipGapRow extends GapRow {
  township: string;
  townshipName: string;
}

export interface SchoolStageSeries {
  demand: number[];
  capacity: number[];
  classes: number[];
}

export interface SchoolResult {
  code: SchoolRef;
  name: string;
  kind: SchoolKind;
  ownership: Ownership;
  /** Township code in the target year (迁建 may move it). */
  township: string;
  townshipName: string;
  area: string;
  stages: Stage[];
  /** Created by a 新建 project of the plan. */
  isNew: boolean;
  projectId: number | null;
  /** First year open (new schools) and first year closed (撤并), else null. */
  openFrom: number | null;
  closedFrom: number | null;
  demand: number[];
  capacity: number[];
  utilisation: (number | null)[];
  level: Level[];
  classes: number[];
  avgClassSize: (number | null)[];
  largeClasses: number[];
  oversizedClasses: number[];
  /** Students above the school-size limit (0 when within), per year; null limit = no limit for the kind. */
  sizeLimit: number | null;
  overSize: number[];
  byStage: Partial<Record<Stage, SchoolStageSeries>>;
}

export const BALANCE_INDICATORS = ['qualified', 'key', 'peArts', 'teachingArea', 'sportsArea', 'equipment', 'multimedia'] as const;
export type BalanceIndicator = (typeof BALANCE_INDICATORS)[number];

export interface BalanceIndicatorResult {
  key: BalanceIndicator;
  name: string;
  unit: string;
  /** Each school's minimum. */
  threshold: number;
  /** Student-weighted coefficient of variation between schools. */
  cv: number | null;
  limit: number;
  /** cv ≤ limit. */
  met: boolean | null;
  /** Student-weighted county mean. */
  mean: number | null;
  /** Schools whose value is known and below the standard. */
  schoolsBelow: number;
  /** Schools whose value is not in the data, counted neither as met nor as missed. */
  schoolsUnknown: number;
}

/** An indicator a school does not meet, and how far it falls short. */
export interface BalanceShortfall {
  key: BalanceIndicator;
  /** null without students. */
  value: number | null;
  threshold: number;
  /** value ÷ threshold; null when the value is unknown. */
  share: number | null;
  /** Reaches the settings' `remainderShare` (85 %) of the threshold. */
  withinRemainder: boolean;
}

export interface BalanceSchoolRow {
  code: SchoolRef;
  name: string;
  students: number;
  values: Record<BalanceIndicator, number | null>;
  /** null: the value is not in the data. */
  passed: Record<BalanceIndicator, boolean | null>;
  passCount: number;
  /** The indicators whose value is not in the data. */
  unknown: BalanceIndicator[];
  /** The indicators not met, in catalogue order. */
  shortfalls: BalanceShortfall[];
  /** Meets at least `minPass` of the 7 and each of the rest reaches `remainderShare` of its threshold; null when an unknown indicator could change that. */
  ok: boolean | null;
}

export interface BalanceStageResult {
  stage: 'primary' | 'junior';
  year: number;
  indicators: BalanceIndicatorResult[];
  schools: BalanceSchoolRow[];
  /** Left out of the indicators: small 教学点, schools without students. */
  excluded: { code: SchoolRef; name: string; students: number; reason: string }[];
  schoolsPassing: number;
  schoolsTotal: number;
  /** Schools whose verdict an unknown indicator could change. */
  schoolsUnknown: number;
  /** Largest CV over the 7 indicators. */
  maxCv: number | null;
  cvLimit: number;
  /** Share of its threshold each indicator a school misses must still reach. */
  remainderShare: number;
}

export interface BalanceResult {
  year: number;
  primary: BalanceStageResult;
  junior: BalanceStageResult;
}

export interface BalanceYear {
  year: number;
  primary: { passing: number; total: number; unknown: number; maxCv: number | null; cv: Record<BalanceIndicator, number | null> };
  junior: { passing: number; total: number; unknown: number; maxCv: number | null; cv: Record<BalanceIndicator, number | null> };
}

export interface ClassYear {
  year: number;
  /**
   * County totals over primary, junior and senior classes; the 义务教育 targets count byStage primary + junior.
   * Only schools whose classes are recorded count: a school whose seats and classes were estimated from its
   * pupils has no class size to speak of, so it goes to `unknown` instead.
   */
  large: number;
  oversized: number;
  byStage: Partial<Record<Stage, { large: number; oversized: number; classes: number; unknown: number }>>;
  /** Open school-stages with pupils whose classes were estimated (see `large`). */
  unknown: number;
}

export type WarningKind =
  | 'area-gap'
  | 'school-gap'
  | 'surplus-build'
  | 'school-size'
  | 'large-class'
  | 'target'
  | 'unassigned'
  | 'under-use'
  | 'project'
  /** Seats estimated for schools that record neither design seats nor classes. */
  | 'estimated';

export interface PlanWarning {
  kind: WarningKind;
  /** red: seats short or a 约束性 target missed; orange: pressure or a 预期性 target missed; blue: seats standing empty. */
  level: 'red' | 'orange' | 'blue';
  /** First year concerned. */
  year: number | null;
  stage: Stage | null;
  /** School code, area name, target key or project id. */
  subject: string;
  message: string;
}

/**
 * A project as the evaluation applied it: the stored project (note, kind, receivers' refs
 * and all) with names resolved and its seats as counted, so readers need not go back to the
 * plan for any field.
 */
export interface ProjectResult extends Omit<PlanProject, 'receivers'> {
  /** Counted in the results (not 暂缓, and its school exists). */
  applied: boolean;
  /** Why it is not applied, or a caution about it. */
  issue: string | null;
  schoolName: string;
  townshipName: string;
  area: string;
  stages: Stage[];
  /** Seats and classes added (改扩建) or provided (新建/迁建/转型); negative for 撤并 (seats removed). */
  seats: number;
  classes: number;
  /** Receivers with their names, for 撤并 and 转型. */
  receivers: { school: SchoolRef; name: string; share: number }[];
  /** Utilisation of the school the project builds, per year (null before it is open). */
  utilisation: (number | null)[];
  /** 投资构成 estimated from the project's areas and seats (null for types that build nothing). */
  investmentParts: InvestmentParts | null;
}

export interface SuggestionYear {
  year: number;
  demand: number;
  capacity: number;
  /** Seats short (to bring use to the red threshold). */
  seats: number;
  classes: number;
}

/** The "what needs to be built" helper: one per area and stage short of seats in the plan period. */
export interface BuildSuggestion {
  key: string;
  area: string;
  stage: Stage;
  firstYear: number;
  peakYear: number;
  peakSeats: number;
  peakClasses: number;
  years: SuggestionYear[];
  /** Projects to add as they are (one click). */
  projects: Omit<PlanProject, 'id'>[];
  /** One paragraph saying what is short and what is proposed. */
  text: string;
  /** What happens later in the outlook (surplus), or null. */
  outlook: string | null;
  /** Short only in years before a project begun after the base year can be ready: bridged, not built for. */
  bridgeOnly: boolean;
}

export interface PlanEvaluation {
  plan: PlanHeader;
  years: number[];
  source: DemandSource;
  targets: TargetResult[];
  /** By planning area (county-wide stages: area '全县'). */
  gaps: GapRow[];
  townships: TownshipGapRow[];
  county: GapRow[];
  schools: SchoolResult[];
  classes: ClassYear[];
  /** 优质均衡 in the target year and in the base year. */
  balance: BalanceResult;
  balanceBase: BalanceResult;
  balanceByYear: BalanceYear[];
  projects: ProjectResult[];
  warnings: PlanWarning[];
  suggestions: BuildSuggestion[];
  /** 撤并 / 转型 of small schools whose pupils a school of the same township can seat. */
  layoutSuggestions: LayoutSuggestion[];
  /** Areas in display order with their townships. */
  areas: { name: string; townships: { code: string; name: string }[] }[];
  /** Stages evaluated (those with schools or demand). */
  stages: Stage[];
  /** 教师编制: posts needed against teachers, per stage, township and school. */
  teachers: TeacherPlan;
  /** Schools whose seats are estimated (no design seats, no classes recorded), with the method. */
  capacityEstimates: CapacityEstimate[];
  /** How the students of the schools a plan opens were found: by seats or by drawn catchments. */
  allocation: DemandAllocation;
}
