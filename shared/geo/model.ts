// The county's geography as the project stores it and the map draws it: the county outline,
// township boundaries, villages/communities (where children live) and reference layers
// (roads, rivers, towns). Everything is WGS-84 longitude/latitude (CGCS2000 is treated as the
// same datum at county scale); other systems are converted on import (shared/geo/coords.ts).
// Schools keep their location in the school record's lng/lat fields. See docs/ARCHITECTURE.md,
// "Geography".
import { z } from 'zod';
import { STAGES, type Stage } from '../domain/stages';

export const lngSchema = z.number().finite('经度不是有限数').min(-180, '经度应在 -180 到 180 之间').max(180, '经度应在 -180 到 180 之间');
export const latSchema = z.number().finite('纬度不是有限数').min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间');
/** [longitude, latitude], degrees (GeoJSON order). */
export const positionSchema = z.tuple([lngSchema, latSchema]);
export type Position = z.infer<typeof positionSchema>;

/** A closed ring: first and last positions equal, at least four. */
const ringSchema = z.array(positionSchema).min(4, '多边形的环至少要有 4 个点');
/** Polygons → rings (outer first, then holes) → positions, as GeoJSON. */
export const multiPolygonSchema = z.strictObject({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(ringSchema).min(1)).min(1),
});
export type MultiPolygon = z.infer<typeof multiPolygonSchema>;

export const pointSchema = z.strictObject({ type: z.literal('Point'), coordinates: positionSchema });
export type PointGeometry = z.infer<typeof pointSchema>;

export const multiLineSchema = z.strictObject({
  type: z.literal('MultiLineString'),
  coordinates: z.array(z.array(positionSchema).min(2)).min(1),
});
export type MultiLine = z.infer<typeof multiLineSchema>;

/** Where a village is: a point, or its area (its representative point is stored beside it). */
export const villageGeometrySchema = z.discriminatedUnion('type', [pointSchema, multiPolygonSchema]);
export type VillageGeometry = z.infer<typeof villageGeometrySchema>;

/** The outline of the county. */
export const countyOutlineSchema = z.strictObject({
  geometry: multiPolygonSchema,
  /** File and import, 示例数据, or 由乡镇边界合并. */
  source: z.string(),
});
export type CountyOutline = z.infer<typeof countyOutlineSchema>;

/** One township's boundary, joined to the township record by its code. */
export const townshipBoundarySchema = z.strictObject({
  /** Township code (the `townships` record). */
  township: z.string(),
  /** The name the boundary file gives (may differ from the township record's). */
  name: z.string(),
  geometry: multiPolygonSchema,
  source: z.string(),
});
export type TownshipBoundary = z.infer<typeof townshipBoundarySchema>;

const count = z.number().int('人数应为整数').min(0, '人数不能为负').max(10_000_000, '人数过大');

/** Children of a village: by stage (school-age children of each stage) or by age band. */
export const villageChildrenSchema = z.discriminatedUnion('basis', [
  z.strictObject({ basis: z.literal('stage'), byStage: z.partialRecord(z.enum(STAGES), count) }),
  z.strictObject({
    basis: z.literal('age'),
    /** Inclusive ages: from 3 to 5 = 3-, 4- and 5-year-olds. */
    bands: z.array(z.strictObject({ from: z.number().int().min(0).max(30), to: z.number().int().min(0).max(30), count })).min(1),
  }),
]);
export type VillageChildren = z.infer<typeof villageChildrenSchema>;

/** 行政村 / 社区: where the children live. */
export const villageSchema = z.strictObject({
  /** Stable id within the project (the village code when the file gives one). */
  id: z.string().min(1).max(40),
  name: z.string().min(1).max(60),
  /** 12-digit 统计用区划代码, when known. */
  code: z.string().nullable(),
  /** Township code. */
  townshipId: z.string(),
  geometry: villageGeometrySchema,
  /** The point distances are measured from: the point itself, or a point inside the polygon. */
  point: positionSchema,
  /** 户籍 or 常住 population, total; null when the file gives none. */
  population: count.nullable(),
  /** Null when only the population is known (children are then estimated from the township's ages). */
  children: villageChildrenSchema.nullable(),
  source: z.string(),
});
export type Village = z.infer<typeof villageSchema>;

export const REFERENCE_KINDS = ['road', 'river', 'town'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];
export const REFERENCE_KIND_LABEL: Record<ReferenceKind, string> = { road: '道路', river: '河流', town: '城镇' };

/** A drawn-only feature of a reference layer. */
export const referenceFeatureSchema = z.strictObject({
  kind: z.enum(REFERENCE_KINDS),
  name: z.string(),
  geometry: z.discriminatedUnion('type', [pointSchema, multiLineSchema, multiPolygonSchema]),
  source: z.string(),
});
export type ReferenceFeature = z.infer<typeof referenceFeatureSchema>;

/** Everything geographic a project holds (the sample county generates one). */
export interface CountyGeography {
  outline: CountyOutline | null;
  townships: TownshipBoundary[];
  villages: Village[];
  layers: ReferenceFeature[];
}

export function emptyGeography(): CountyGeography {
  return { outline: null, townships: [], villages: [], layers: [] };
}

/** Stages with a service distance: the ones children walk or ride to daily. */
export const COVERAGE_STAGES = ['preschool', 'primary', 'junior'] as const satisfies readonly Stage[];
export type CoverageStage = (typeof COVERAGE_STAGES)[number];

/** [minLng, minLat, maxLng, maxLat]. */
export type BBox = [number, number, number, number];
