// The geographic thresholds of a plan (a part of its 规划设置): the 服务半径 per stage for
// urban and rural townships and the 路网系数 that turns straight-line distance into a travel
// distance. Defaults and sources are in shared/standards.
import { z } from 'zod';
import { STANDARDS } from '../standards';
import type { UrbanRural } from '../domain/stages';
import type { CoverageStage } from './model';

const S = STANDARDS;

/** Where a threshold applies, in the drawer's and the messages' words. */
export const GEO_PLACE_LABEL = { urban: '城区', rural: '镇区及乡村' } as const;
export const GEO_STAGE_LABEL: Record<CoverageStage, string> = { preschool: '幼儿园', primary: '小学', junior: '初中' };

/**
 * Bounds of every geographic setting, shared by the schema and the drawer's inputs. Speeds:
 * children walk about 4 km/h, so 10 km/h is already a run; 《校车安全管理条例》 caps a school bus
 * carrying pupils at 80 km/h on expressways (60 km/h on other roads; see the source of
 * STANDARDS.travelSpeed), so an average above 80 km/h cannot be right.
 */
export const GEO_SETTING_LIMITS = {
  metres: { min: 50, max: 50_000, unit: '米' },
  minutes: { min: 1, max: 240, unit: '分钟' },
  roadFactor: { min: 1, max: 3, unit: '' },
  walkKmh: { min: 1, max: 10, unit: 'km/h' },
  busKmh: { min: 5, max: 80, unit: 'km/h' },
} as const;
type Limit = (typeof GEO_SETTING_LIMITS)[keyof typeof GEO_SETTING_LIMITS];

/** A bounded number whose messages name the setting (the API answers with them). */
function bounded(label: string, l: Limit) {
  const unit = l.unit ? ` ${l.unit}` : '';
  return z.number().min(l.min, `${label}不小于 ${l.min.toLocaleString('en-US')}${unit}`).max(l.max, `${label}不大于 ${l.max.toLocaleString('en-US')}${unit}`);
}

type StageDefaults = { kindergarten: number; primary: number; junior: number };

function radii(place: keyof typeof GEO_PLACE_LABEL, d: StageDefaults) {
  const m = (stage: CoverageStage) => bounded(`${GEO_PLACE_LABEL[place]}${GEO_STAGE_LABEL[stage]}服务半径`, GEO_SETTING_LIMITS.metres);
  return z.object({ preschool: m('preschool').default(d.kindergarten), primary: m('primary').default(d.primary), junior: m('junior').default(d.junior) }).prefault({});
}

function times(place: keyof typeof GEO_PLACE_LABEL, d: StageDefaults) {
  const m = (stage: CoverageStage) => bounded(`${GEO_PLACE_LABEL[place]}${GEO_STAGE_LABEL[stage]}出行时间阈值`, GEO_SETTING_LIMITS.minutes);
  return z.object({ preschool: m('preschool').default(d.kindergarten), primary: m('primary').default(d.primary), junior: m('junior').default(d.junior) }).prefault({});
}

export const TRAVEL_MODES = ['walk', 'bus'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];
export const TRAVEL_MODE_LABEL: Record<TravelMode, string> = { walk: '步行', bus: '校车' };

/** Travel time as an alternative to distance: speeds, how children of rural townships travel, and the thresholds. */
const travelSchema = z
  .object({
    walkKmh: bounded('步行速度', GEO_SETTING_LIMITS.walkKmh).default(S.travelSpeed.value.walk),
    busKmh: bounded('校车平均速度', GEO_SETTING_LIMITS.busKmh).default(S.travelSpeed.value.bus),
    /** 城区 children walk; 镇区/乡村 children of each stage walk or ride the school bus. */
    ruralMode: z
      .object({ preschool: z.enum(TRAVEL_MODES).default('walk'), primary: z.enum(TRAVEL_MODES).default('walk'), junior: z.enum(TRAVEL_MODES).default('bus') })
      .prefault({}),
    urban: times('urban', S.urbanTravelMinutes.value),
    rural: times('rural', S.ruralTravelMinutes.value),
  })
  .prefault({});

export const geoSettingsSchema = z.object({
  /** Straight-line distance × this = travel distance. */
  roadFactor: bounded('路网系数', GEO_SETTING_LIMITS.roadFactor).default(S.roadFactor.value),
  /** 服务半径 (m) for villages of 城区 townships. */
  urban: radii('urban', S.serviceRadius.value),
  /** 服务半径 (m) for villages of 镇区 and 乡村 townships. */
  rural: radii('rural', S.ruralServiceRadius.value),
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
