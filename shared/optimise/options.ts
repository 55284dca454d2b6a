// The standard sizes a school can be expanded to or built at, with their cost, from the
// plan's settings: the standard class counts of the norms (建标), seats at the plan's class
// size, the school-size limit, floor area per student by size and the plan's cost per m².
import type { SchoolKind, Stage } from '../domain/stages';
import { estimateFacilities, standardClassCounts } from '../plan/norms';
import type { PlanSettings } from '../plan/settings';
import { extraLandFor, siteRoom } from '../plan/site-room';
import type { BuildOption, OptionLand } from './instance';

/** The single-stage kind whose norms size a stage's seats (a 九年一贯制 school's primary part is sized as a primary school). */
export const STAGE_KIND: Partial<Record<Stage, SchoolKind>> = {
  preschool: 'kindergarten',
  primary: 'primary',
  junior: 'junior',
  senior: 'senior',
};

export function sizeLimit(stage: Stage, settings: PlanSettings): number | null {
  switch (stage) {
    case 'primary':
      return settings.schoolSize.primary;
    case 'junior':
      return settings.schoolSize.junior;
    case 'senior':
      return settings.schoolSize.senior;
    case 'preschool':
      return settings.schoolSize.kindergarten;
    default:
      return null;
  }
}

/** An existing school's site: its kind (for the 生均用地), 占地面积 (null: not recorded) and the seats of its other stages, which share the site. */
export interface ExpansionSite {
  kind: SchoolKind;
  siteArea: number | null;
  otherSeats: number;
}

/**
 * Standard sizes above `seatsNow` (0 for a new school), each within the size limit; the cost
 * is the floor area of the seats added at the norm of the size reached. With the school's
 * `site`, a size the site holds is priced as before and a larger one also buys the land it
 * needs at the plan's land price, as a new school does (with its site works); a school with no
 * 占地面积 keeps every size, marked unchecked.
 */
export function buildOptions(stage: Stage, urban: boolean, seatsNow: number, settings: PlanSettings, site?: ExpansionSite): BuildOption[] {
  const kind = STAGE_KIND[stage];
  if (!kind) return [];
  const size = settings.classSize[stage];
  const limit = sizeLimit(stage, settings);
  const out: BuildOption[] = [];
  for (const classes of standardClassCounts(kind, urban)) {
    const seats = classes * size;
    if (seats <= seatsNow) continue;
    if (limit !== null && seats > limit) continue;
    const added = seats - seatsNow;
    // Priced as the plan's suggestions price theirs: an extension's seats without site works
    // or land, a new school with the site area per pupil of where it stands.
    const est = estimateFacilities(kind, classes, added, settings, seatsNow > 0 ? { urban, added: { stage } } : { urban });
    if (!est) continue;
    const option: BuildOption = { classes, seats, added, cost: est.investment, floorArea: est.floorArea, siteArea: seatsNow === 0 ? est.siteArea : null };
    out.push(site && seatsNow > 0 ? withLand(option, site, urban, settings) : option);
  }
  return out;
}

function withLand(option: BuildOption, site: ExpansionSite, urban: boolean, settings: PlanSettings): BuildOption {
  const room = siteRoom(site.kind, site.siteArea, settings, urban);
  const schoolSeats = site.otherSeats + option.seats;
  const extra = room ? extraLandFor(room, schoolSeats, settings) : null;
  const land: OptionLand = { site: room, schoolSeats, extra };
  if (!extra) return { ...option, land };
  const cost = Math.round((option.cost + (extra.land ?? 0) + (extra.siteWorks ?? 0)) * 10) / 10;
  return { ...option, cost, siteArea: extra.area, land };
}

/** Classes a 教学点 may have: one to four (复式) classes in the lower grades. */
export const TEACHING_POINT_CLASSES = [1, 2, 3, 4] as const;

export const TEACHING_POINT_SOURCE =
  '教学点：1–4 个班，学位按规划设定的小学班额，生均建筑面积取小学最小规模一档（本程序默认，教学点无单独的建设标准）';

/**
 * A 教学点 at a candidate site: the cheap way to keep small, isolated villages' youngest
 * pupils within the service distance where a full primary school would stand half empty.
 */
export function teachingPointOptions(settings: PlanSettings, name: string): BuildOption[] {
  const out: BuildOption[] = [];
  for (const classes of TEACHING_POINT_CLASSES) {
    const seats = classes * settings.classSize.primary;
    const est = estimateFacilities('teaching_point', classes, seats, settings, { urban: false });
    if (!est) continue;
    out.push({ classes, seats, added: seats, cost: est.investment, floorArea: est.floorArea, siteArea: est.siteArea, kind: 'teaching_point', name });
  }
  return out;
}
