// How many seats a school's own site holds at the norm — 占地面积 ÷ 生均用地 of its kind where it
// stands — and what land an enlargement past that needs: one rule for the plan's suggestions
// (which only extend within the site) and the layout optimiser (which may also buy land).
// A site area that is not recorded is unknown, never zero room; callers say how they treat it.
import type { SchoolKind } from '../domain/stages';
import { investmentParts, M2_PER_MU, siteAreaPerStudent } from './norms';
import type { PlanSettings } from './settings';

export interface SiteRoom {
  /** 占地面积, m². */
  siteArea: number;
  /** 生均用地 applied, m² per pupil. */
  sitePerPupil: number;
  /** Pupils of all the school's stages the site holds. */
  siteSeats: number;
}

/** The seats a site holds; null when its area is not recorded (or not positive). */
export function siteRoom(kind: SchoolKind, siteArea: number | null | undefined, settings: Pick<PlanSettings, 'siteAreaPerStudent'>, urban: boolean): SiteRoom | null {
  if (siteArea === null || siteArea === undefined || !(siteArea > 0)) return null;
  const sitePerPupil = siteAreaPerStudent(kind, settings, urban);
  return { siteArea, sitePerPupil, siteSeats: Math.floor(siteArea / sitePerPupil) };
}

export interface ExtraLand {
  /** m² to acquire beyond the present site. */
  area: number;
  /** The same in 亩, one decimal. */
  mu: number;
  /** 万元 at the plan's land price; null when the plan sets none (left out, as for new schools). */
  land: number | null;
  /** 万元 of site works (室外工程) on the new land. */
  siteWorks: number | null;
}

/**
 * Land a school of `schoolSeats` pupils (all stages) needs beyond its site, priced as a new
 * school's land is (the plan's 地价 and 室外工程 per m²); null when the site already holds them.
 */
export function extraLandFor(room: SiteRoom, schoolSeats: number, settings: PlanSettings): ExtraLand | null {
  if (schoolSeats <= room.siteSeats) return null;
  const area = Math.ceil(schoolSeats * room.sitePerPupil - room.siteArea);
  if (area <= 0) return null;
  const parts = investmentParts({ floorArea: null, siteArea: area, seats: {} }, settings);
  return { area, mu: Math.round((area / M2_PER_MU) * 10) / 10, land: parts.land, siteWorks: parts.siteWorks };
}
