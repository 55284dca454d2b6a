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

export const geoSettingsSchema = z.object({
  /** Straight-line distance × this = travel distance. */
  roadFactor: z.number().min(1, '路网系数不小于 1').max(3, '路网系数不大于 3').default(S.roadFactor.value),
  /** 服务半径 (m) for villages of 城区 townships. */
  urban: radii(S.serviceRadius.value),
  /** 服务半径 (m) for villages of 镇区 and 乡村 townships. */
  rural: radii(S.ruralServiceRadius.value),
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
} as const;

/** The 服务半径 (m) that applies to children living in a township of this class. */
export function serviceDistance(settings: GeoSettings, urbanRural: UrbanRural, stage: CoverageStage): number {
  return (urbanRural === '城区' ? settings.urban : settings.rural)[stage];
}
