// The geographic thresholds of a plan (a part of its 规划设置): the 服务半径 per stage for
// urban and rural townships and the 路网系数 that turns straight-line distance into a travel
// distance. Defaults and sources are in shared/standards.
import { z } from 'zod';
import { STANDARDS } from '../standards';
import type { UrbanRural } from '../domain/stages';
import type { CoverageStage } from './model';

const S = STANDARDS;
const metres = z.number().min(50, '服务半径不小于 50 米').max(50_000, '服务半径不大于 50 公里');

function radii(d: { kindergarten: number; primary: number; junior: number }) {
  return z
    .object({ preschool: metres.default(d.kindergarten), primary: metres.default(d.primary), junior: metres.default(d.junior) })
    .prefault({});
}

const minutes = z.number().min(1, '时间阈值不小于 1 分钟').max(240, '时间阈值不大于 240 分钟');
const speed = z.number().min(1, '速度不小于 1 km/h').max(120, '速度不大于 120 km/h');

function times(d: { kindergarten: number; primary: number; junior: number }) {
  return z
    .object({ preschool: minutes.default(d.kindergarten), primary: minutes.default(d.primary), junior: minutes.default(d.junior) })
    .prefault({});
}

export const TRAVEL_MODES = ['walk', 'bus'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];
export const TRAVEL_MODE_LABEL: Record<TravelMode, string> = { walk: '步行', bus: '校车' };

/** Travel time as an alternative to distance: speeds, how children of rural townships travel, and the thresholds. */
const travelSchema = z
  .object({
    walkKmh: speed.default(S.travelSpeed.value.walk),
    busKmh: speed.default(S.travelSpeed.value.bus),
    /** 城区 children walk; 镇区/乡村 children of each stage walk or ride the school bus. */
    ruralMode: z
      .object({ preschool: z.enum(TRAVEL_MODES).default('walk'), primary: z.enum(TRAVEL_MODES).default('walk'), junior: z.enum(TRAVEL_MODES).default('bus') })
      .prefault({}),
    urban: times(S.urbanTravelMinutes.value),
    rural: times(S.ruralTravelMinutes.value),
  })
  .prefault({});

export const geoSettingsSchema = z.object({
  /** Straight-line distance × this = travel distance. */
  roadFactor: z.number().min(1, '路网系数不小于 1').max(3, '路网系数不大于 3').default(S.roadFactor.value),
  /** 服务半径 (m) for villages of 城区 townships. */
  urban: radii(S.serviceRadius.value),
  /** 服务半径 (m) for villages of 镇区 and 乡村 townships. */
  rural: radii(S.ruralServiceRadius.value),
  travel: travelSchema,
});
export type GeoSettings = z.output<typeof geoSettingsSchema>;

export function defaultGeoSettings(): GeoSettings {
  return geoSettingsSchema.parse({});
}

/** Where each default comes from, for the settings drawer and the result's notes. */
export const GEO_SETTING_SOURCES = {
  roadFactor: S.roadFactor.source,
  urban: S.serviceRadius.source,
  rural: S.ruralServiceRadius.source,
  speed: S.travelSpeed.source,
  urbanMinutes: S.urbanTravelMinutes.source,
  ruralMinutes: S.ruralTravelMinutes.source,
} as const;

/** The 服务半径 (m) that applies to children living in a township of this class. */
export function serviceDistance(settings: GeoSettings, urbanRural: UrbanRural, stage: CoverageStage): number {
  return (urbanRural === '城区' ? settings.urban : settings.rural)[stage];
}

/** How children of a township of this class travel to a school of the stage. */
export function travelMode(settings: GeoSettings, urbanRural: UrbanRural, stage: CoverageStage): TravelMode {
  return urbanRural === '城区' ? 'walk' : settings.travel.ruralMode[stage];
}

/** Minutes a travel distance (m, already × 路网系数) takes on foot or by school bus. */
export function travelMinutes(settings: GeoSettings, metres: number, mode: TravelMode): number {
  const kmh = mode === 'walk' ? settings.travel.walkKmh : settings.travel.busKmh;
  return (metres / 1000 / kmh) * 60;
}

/** The travel-time threshold (minutes) for children of a township of this class. */
export function travelThreshold(settings: GeoSettings, urbanRural: UrbanRural, stage: CoverageStage): number {
  return (urbanRural === '城区' ? settings.travel.urban : settings.travel.rural)[stage];
}
