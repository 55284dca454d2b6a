// What the geography methods return (shared/geo/contract.ts): the map's layers for one plan,
// scenario and year, the coverage (服务半径) analysis, the catchments (划片) and the new-site
// helper. Keys are English and stable; distances are metres (travel distance: straight line ×
// 路网系数), shares 0–1, positions [lng, lat] WGS-84.
import type { SchoolKind, Stage, UrbanRural } from '../domain/stages';
import type { Level } from '../plan/types';
import type { ProjectType } from '../plan/project-types';
import type { SchoolRef } from '../plan/model';
import type { GeoSettings, TravelMode } from './settings';
import type { GeoImportProgress } from './import-progress';
import type { BBox, CountyOutline, CoverageStage, Position, ReferenceFeature, TownshipBoundary, Village } from './model';

/** How a village's children per stage were obtained. */
export type ChildrenBasis =
  /** Imported per stage or by age band. */
  | 'imported'
  /** The village's population × its township's share of children of the stage's ages. */
  | 'estimated'
  /** No villages: the township's children spread evenly over its polygon (a grid of points). */
  | 'township-spread';

export interface MapVillage extends Village {
  /** Children of each coverage stage in the year asked for. */
  childrenByStage: Record<CoverageStage, number>;
  childrenBasis: ChildrenBasis;
}

export interface MapTownship {
  code: string;
  name: string;
  urbanRural: UrbanRural;
  area: string;
  /** Null when no boundary was imported. */
  boundary: TownshipBoundary | null;
}

export interface MapSchool {
  code: SchoolRef;
  name: string;
  kind: SchoolKind;
  stages: Stage[];
  township: string;
  /** Null: the school has no location (it is listed, not drawn). */
  position: Position | null;
  /** Students and seats in the year asked for (projected after the base year). */
  students: number;
  seats: number;
  utilisation: number | null;
  level: Level;
  /** Created by a 新建 project of the plan (position = the project's site). */
  isNew: boolean;
  /** Open in the year asked for (a 新建 not yet built, a 撤并 already closed: false). */
  open: boolean;
  /** 服务半径 (m) per stage it teaches, by its township's class. */
  serviceDistance: Partial<Record<CoverageStage, number>>;
}

export interface MapProject {
  id: number;
  type: ProjectType;
  name: string;
  school: SchoolRef | null;
  township: string | null;
  completionYear: number;
  /** Where a 新建 or 迁建 builds; null until placed. */
  site: Position | null;
  /** 撤并 / 转型 receivers: arrows from the school to each. */
  receivers: { school: SchoolRef; share: number }[];
}

/** A village assigned to a school for one stage. */
export interface CatchmentAssignment {
  stage: CoverageStage;
  village: string;
  school: SchoolRef;
  /** Drawn by the planner (stored with the plan) or computed (nearest school with seats). */
  manual: boolean;
  /** Travel distance, m. */
  distance: number;
}

export interface GeoMap {
  plan: { id: number; name: string } | null;
  scenario: string;
  year: number;
  /** Years the slider offers: the plan's base year to its outlook year. */
  years: number[];
  settings: GeoSettings;
  /** Where each setting's default comes from. */
  sources: { roadFactor: string; urban: string; rural: string };
  /** Extent of everything drawn; null when the project holds no geography or locations. */
  bbox: BBox | null;
  outline: CountyOutline | null;
  townships: MapTownship[];
  villages: MapVillage[];
  layers: ReferenceFeature[];
  schools: MapSchool[];
  projects: MapProject[];
  catchments: CatchmentAssignment[];
  /** School groups (集团、共同体、学区) formed by `year`: the core school and its members. */
  groups: { name: string; core: string; members: string[] }[];
  /** What the map cannot show and why (no boundaries, schools without location, estimated children…). */
  notes: string[];
}

/**
 * Why a coverage figure is unknown rather than zero: no demand points at all (no villages and no
 * township boundary to spread children over), or no school of the stage with a location.
 */
export const COVERAGE_UNKNOWN = ['no-villages', 'no-school-positions'] as const;
export type CoverageUnknown = (typeof COVERAGE_UNKNOWN)[number];
export const COVERAGE_UNKNOWN_LABEL: Record<CoverageUnknown, string> = {
  'no-villages': '没有村（社区）数据，也没有乡镇边界',
  'no-school-positions': '学校没有位置（经纬度）',
};

export interface TownshipCoverage {
  code: string;
  name: string;
  /** Null when the township has no demand point (no villages, no boundary). */
  children: number | null;
  /** Null when children are unknown or no school of the stage has a location. */
  covered: number | null;
  /** covered ÷ children; null without children. */
  share: number | null;
  /** Child-weighted mean and maximum travel distance of its villages to the nearest school, m; null without one. */
  distance: { mean: number | null; max: number | null };
}

export interface UncoveredVillage {
  /** Village name (or 乡镇名（均布点N） for spread demand). */
  village: string;
  villageId: string;
  township: string;
  children: number;
  /** Travel distance to the nearest school of the stage, m; null when the stage has no school. */
  distance: number | null;
  /** Travel time to it, minutes (on foot, or by school bus where the plan says so). */
  minutes: number | null;
  /** Name of the nearest school; null when none. */
  nearest: string | null;
  nearestCode: SchoolRef | null;
}

export interface StageCoverage {
  /** 服务半径 (m) for urban and rural townships. */
  serviceDistance: { urban: number; rural: number };
  /** Travel-time thresholds (minutes) for urban (walking) and rural townships, and how rural children travel. */
  travelMinutes: { urban: number; rural: number; ruralMode: TravelMode };
  /** Null when no village or township boundary places any child (see `unknown`). */
  children: number | null;
  /** Null when children are unknown or no school of the stage has a location (see `unknown`). */
  covered: number | null;
  share: number | null;
  /** Why children or covered are unknown; empty when both are known. */
  unknown: CoverageUnknown[];
  /** Child-weighted mean and the maximum travel distance to the nearest school, m. */
  distance: { mean: number | null; max: number | null };
  /** The same as travel time, minutes. */
  minutes: { mean: number | null; max: number | null };
  schools: number;
  townships: TownshipCoverage[];
  /** Villages beyond the service distance, farthest first. */
  uncovered: UncoveredVillage[];
}

/** A village whose population and children are both unknown. */
export interface UnknownVillage {
  villageId: string;
  village: string;
  /** Township name. */
  township: string;
}

/** What decides coverage: the 服务半径 in metres, or the travel time in minutes. */
export const COVERAGE_BY = ['distance', 'time'] as const;
export type CoverageBy = (typeof COVERAGE_BY)[number];

export interface CoverageResult {
  plan: { id: number; name: string } | null;
  scenario: string;
  year: number;
  by: CoverageBy;
  roadFactor: number;
  /** Walking and school-bus speeds, km/h. */
  speeds: { walk: number; bus: number };
  childrenBasis: ChildrenBasis;
  stages: Record<CoverageStage, StageCoverage>;
  /** Villages without any children figure: left out of the shares, named here. */
  villagesWithoutChildren: UnknownVillage[];
  /** How the numbers were obtained: demand spread over townships, schools without location, … */
  notes: string[];
}

export interface CatchmentSchool {
  code: SchoolRef;
  name: string;
  seats: number;
  /** Children of the villages assigned to it. */
  children: number;
  /** children ÷ seats. */
  utilisation: number | null;
  villages: number;
  /** Travel distance, child-weighted mean and max, m. */
  distance: { mean: number | null; max: number | null };
}

export interface StageCatchments {
  assignments: CatchmentAssignment[];
  schools: CatchmentSchool[];
  /** Children no school of the stage has seats for (every school full). */
  unassigned: { village: string; villageId: string; children: number }[];
  /** Villages whose base-year school has closed (撤并) by this year: where they go and how much farther. */
  moved: ClosureMove[];
}

export interface ClosureMove {
  villageId: string;
  village: string;
  children: number;
  from: SchoolRef;
  fromName: string;
  /** Null when no school has seats for them. */
  to: SchoolRef | null;
  toName: string | null;
  /** Travel distances, m. */
  before: number;
  after: number | null;
  added: number | null;
  /** The new distance is beyond the village's 服务半径. */
  beyond: boolean;
}

export interface CatchmentResult {
  plan: { id: number; name: string } | null;
  year: number;
  stages: Record<CoverageStage, StageCatchments>;
  notes: string[];
}

export interface NewSiteSuggestion {
  stage: CoverageStage;
  year: number;
  /** Where: a village's point or a grid point. */
  position: Position;
  township: string;
  townshipName: string;
  /** The village chosen, or null for a grid point. */
  village: string | null;
  /** Children beyond the service distance today that this site would cover. */
  covers: number;
  /** Villages it would cover (ids). */
  villages: string[];
  /** Uncovered children of the stage in the county, and the seats short in the township. */
  uncoveredChildren: number;
  seatGap: number;
}

export const GEO_LAYERS = ['outline', 'townships', 'villages', 'road', 'river', 'town'] as const;
export type GeoLayer = (typeof GEO_LAYERS)[number];
export const GEO_LAYER_LABEL: Record<GeoLayer, string> = {
  outline: '县界',
  townships: '乡镇边界',
  villages: '村（社区）',
  road: '道路',
  river: '河流',
  town: '城镇',
};

/** What a boundary or layer import found and (unless refused or a dry run) wrote. */
export interface GeoImportResult {
  ok: boolean;
  written: boolean;
  layer: GeoLayer;
  fileName: string;
  features: number;
  joined: number;
  /** Features that joined no township: feature number, name and code from the file. */
  unmatched: { feature: number; name: string; code: string }[];
  /** Townships left without a boundary. */
  missing: string[];
  /** Problems that refused the file: each names the file and the feature. */
  problems: string[];
  notes: string[];
  backup: string | null;
}

/** A boundary or layer import started by geo.importStart, as geo.importStatus answers it. */
export interface GeoImportJob {
  job: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  progress: GeoImportProgress | null;
  /** False once the write has begun (it runs to the end, in one transaction). */
  cancellable: boolean;
  result: GeoImportResult | null;
  /** Why it failed or that it was cancelled, in Chinese. */
  error: string | null;
}
