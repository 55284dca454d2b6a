// Result shapes of the engine. They cross the API unchanged (the CLI prints them as JSON),
// so keys are English and stable; every number is a count of people unless named otherwise.
import type { SchoolSystem, Stage, UrbanRural } from '../domain/stages';
import type { Flag } from './flags';
import type { StagePeak } from './peaks';
import type { SizeClass } from './size-classes';
import type { Development, MethodSettings, ScenarioParams } from './params';
import type { TrustClass } from './trust';

export type StageSeries = Record<Stage, number[]>;

/** Ends of the 80 % interval beside a series (null where the record was too short to estimate one). */
export interface SeriesRange {
  low: StageSeries | null;
  high: StageSeries | null;
}

export type TownshipProjection = { code: string; name: string; urbanRural: UrbanRural } & StageSeries & SeriesRange;

export interface SchoolProjection {
  code: string;
  name: string;
  township: string;
  townshipName: string;
  stage: Stage;
  /** Students of this stage in the base year. */
  base: number;
  sizeClass: SizeClass;
  /** Weight of grade progression in this school's figures (see trust). */
  trust: number;
  /** Recorded students per history year (null where the school had no record). */
  history: (number | null)[];
  students: number[];
  /** 80 % interval of `students`, year by year (null where it could not be estimated). */
  low: number[] | null;
  high: number[] | null;
  /** Classes needed at the standard class size. */
  classes: number[];
}

export interface PopulationProjection {
  /** Years from the first population year to the horizon. */
  years: number[];
  /** Last year of recorded (or reconstructed) population; later years are projected. */
  knownUntil: number | null;
  /** [year][age 0–17], null where unknown. */
  county: (number | null)[][];
  townships: { code: string; name: string; byYear: (number | null)[][] }[];
  /** Male share by age when the data split by sex (for the pyramid), else null. */
  maleShare: number[] | null;
}

export interface BirthsProjection {
  years: number[];
  county: number[];
  recorded: boolean[];
  townships: { code: string; counts: number[] }[];
}

export interface CalibrationSummary {
  /** Yearly change of recorded births fitted on the last years, in %. */
  birthsTrendPct: number;
  birthsSource: 'recorded' | 'age0' | 'none';
  /** County births in the last recorded year (fitted level), and that year. */
  birthsLevel: number;
  birthsLastYear: number;
  /** Mean yearly net migration of school-age children (6–14) in rural and county-town townships, %. */
  migration: { calibrated: boolean; ruralPct: number | null; townPct: number | null };
  /** Yearly shift of rural entrants to county-town schools, in percentage points, by stage. */
  urbanisation: { stage: Stage; ppPerYear: number | null }[];
  /** Entrants per child of entry age (primary) and per primary leaver (junior). */
  primaryEntry: number | null;
  juniorTransition: number | null;
  /** 学前三年毛入园率, 初升高 ratio and 普高 share in the base year, with their yearly change in points. */
  preschoolRate: { level: number; slopePp: number } | null;
  seniorTransition: { level: number; slopePp: number } | null;
  generalShare: { level: number; slopePp: number } | null;
  /** Settings in force (k years of ratios etc.). */
  progressionYears: number;
  trendYears: number;
}

export interface ScenarioCounty {
  scenario: string;
  county: StageSeries;
}

export interface ProjectionResult {
  /** The year the projection starts from (data after it ignored). */
  baseYear: number;
  requestedBaseYear: number;
  horizon: number;
  /** Projected years: baseYear + 1 … horizon. */
  years: number[];
  scenario: string;
  schoolSystem: SchoolSystem;
  county: StageSeries;
  /** 80 % interval of `county` (the engine's own backtest errors; null where none could be estimated). */
  countyLow: StageSeries | null;
  countyHigh: StageSeries | null;
  /** Where the intervals come from: the engine's rolling-origin backtest, year-on-year changes, or nothing. */
  intervals: { level: 80; source: 'backtest' | 'history' | 'none' };
  townships: TownshipProjection[];
  schools: SchoolProjection[];
  /** Recorded students by stage, for the years before the projection. */
  history: { years: number[]; county: StageSeries };
  /** Of the projected students, those from new housing, by stage. */
  housing: Record<'preschool' | 'primary' | 'junior' | 'senior', number[]>;
  population: PopulationProjection;
  births: BirthsProjection;
  /** Peak year and size per stage, with the sentence a plan's text needs. */
  peaks: ({ stage: Stage; text: string } & StagePeak)[];
  /** County figures of every scenario side by side (the band on the chart). */
  comparison: ScenarioCounty[];
  calibration: CalibrationSummary;
  trust: TrustClass[];
  flags: Flag[];
}

export interface MethodErrors {
  /** Mean absolute percentage error over every unit and year with recorded students, %. */
  mape: number | null;
  /** Mean signed percentage error (projection − actual), %: positive = too high. */
  bias: number | null;
}

export type BacktestMethod = 'projection' | 'persistence' | 'trend';

export interface StageAccuracy extends MethodErrors {
  /** Units × years compared. */
  n: number;
  /** Share of actual values inside the projection's 80 % interval, %; null without intervals. */
  coverage: number | null;
  baselines: { persistence: MethodErrors; trend: MethodErrors };
  best: BacktestMethod | null;
}

export type BacktestLevel = 'county' | 'township' | 'school';

export interface BacktestResult {
  baseYear: number;
  to: number;
  /** Years compared: baseYear + 1 … to. */
  years: number[];
  scenario: string;
  byLevel: Record<BacktestLevel, Partial<Record<Stage, StageAccuracy>>>;
  /** All stages together, per level. */
  overall: Record<BacktestLevel, StageAccuracy>;
  /** All stages together, per projected year (h = year − baseYear) and level. */
  byHorizon: { h: number; year: number; levels: Record<BacktestLevel, StageAccuracy> }[];
  /** School-level errors by size class, with the trust the engine chose as of the base year. */
  sizeClasses: { key: SizeClass; label: string; schools: number; alpha: number; projection: MethodErrors; persistence: MethodErrors; trend: MethodErrors }[];
  /** One sentence per level, in Chinese, saying which method did best. */
  verdict: string[];
  flags: Flag[];
}

export interface ScenarioEntry {
  name: string;
  params: ScenarioParams;
  /** One of 低/中/高 as shipped (still editable). */
  builtIn: boolean;
}

/** What the 预测 page needs before it can run anything: the editable inputs. */
export interface ProjectionSetup {
  scenarios: ScenarioEntry[];
  settings: MethodSettings;
  developments: Development[];
  townships: { code: string; name: string; urbanRural: UrbanRural }[];
  /** Years with recorded enrolment, ascending. */
  enrolmentYears: number[];
  /** The base year a projection uses by default (last recorded year up to the project's base year). */
  baseYear: number | null;
  defaultHorizon: number | null;
  maxHorizon: number | null;
  /** Default base year of the backtest (three years before the last record), null when too little history. */
  backtestBaseYear: number | null;
}

export interface ProjectionExport {
  fileName: string;
  /** The XLSX file, base64-encoded (the renderer saves it as a download). */
  base64: string;
  /** Cells whose text was cut to Excel's limit, one Chinese line each (empty when none). */
  truncated: string[];
}
