// What the layout map draws, in geographic coordinates (longitude/latitude, WGS-84/CGCS2000),
// independent of where it is drawn: the 布局图 page and the printed 布局规划图 annex feed the
// same drawing function (render.ts), so the screen and the paper cannot disagree.
import type { MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { SchoolKind, Stage } from '../domain/stages';
import type { Level } from '../plan/types';

export type LonLat = readonly [number, number];
export type AreaGeometry = Polygon | MultiPolygon;

export interface MapArea {
  code: string;
  name: string;
  geometry: AreaGeometry;
}

/** A village or community (行政村/社区): where children live. */
export interface MapVillage {
  id: string;
  name: string;
  at: LonLat;
  /** School-age children of the stage shown (or all); null when unknown, drawn hollow. */
  children: number | null;
}

/** What a planned project does to the school drawn ('expanded': a proposed 改扩建 or 寄宿部). */
export type SchoolPlanMark = 'existing' | 'new' | 'closed' | 'expanded';

export interface MapSchool {
  /** 学校标识码, or new:<project id> for a planned school. */
  id: string;
  name: string;
  kind: SchoolKind;
  at: LonLat;
  students: number | null;
  /** 学位预警 for the year and scenario shown; 'none' without seats or students. */
  level: Level;
  mark: SchoolPlanMark;
}

/** A service-distance ring (服务半径) around a school. */
export interface MapRing {
  school: string;
  stage: Stage;
  radiusM: number;
}

/** 划片: a village's line to the school it is assigned to. */
export interface MapCatchmentLink {
  village: string;
  school: string;
}

/** 集团化办学: a member school's line to its group's core school. */
export interface MapGroupLink {
  group: string;
  core: string;
  member: string;
}

/** 撤并: from the closed school to a receiver. */
export interface MapTransfer {
  from: string;
  to: string;
}

/** A drawn-only feature: road, river or town (reference layers). */
export interface MapReference {
  kind: 'road' | 'river' | 'town';
  name: string;
  geometry: MultiLineString | Point | MultiPolygon;
}

export interface MapDrawing {
  county: MapArea | null;
  references?: MapReference[];
  townships: MapArea[];
  villages: MapVillage[];
  schools: MapSchool[];
  rings: MapRing[];
  catchments: MapCatchmentLink[];
  transfers: MapTransfer[];
  groups?: MapGroupLink[];
}

export const MAP_LAYERS = ['townships', 'references', 'villages', 'rings', 'catchments', 'groups', 'schools', 'projects', 'labels'] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];

export const MAP_LAYER_LABEL: Record<MapLayer, string> = {
  townships: '乡镇界',
  references: '道路河流',
  villages: '村（社区）儿童',
  rings: '服务半径',
  catchments: '划片',
  groups: '学校集团',
  schools: '学校',
  projects: '规划项目',
  labels: '名称',
};

/** Where and how big: the viewport in px, and the planner's pan and zoom on top of the fit. */
export interface MapView {
  width: number;
  height: number;
  /** Zoom factor over the fitted extent (1 = whole county). */
  zoom: number;
  /** Pan in px, applied after the zoom. */
  panX: number;
  panY: number;
}

export interface MapRenderOptions {
  layers: ReadonlySet<MapLayer>;
  /** Legend, scale bar and north arrow drawn into the picture (print); the page may draw its own. */
  furniture: boolean;
  /** Title of the legend box. */
  legendTitle?: string;
  /** Highlighted school (search result, drawer open). */
  selected?: string | null;
  /** Font family for the text drawn (print uses the annex fonts). */
  fontFamily?: string;
}

export function emptyDrawing(): MapDrawing {
  return { county: null, townships: [], villages: [], schools: [], rings: [], catchments: [], transfers: [] };
}
