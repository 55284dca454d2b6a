// 改扩建 before 新建: the seats a planning area is short go first to its existing public
// schools that have room on their own site — the site holds site area ÷ the norm's site area
// per pupil seats, and a school grows no larger than the plan's school-size limit for its
// kind (办学规模, `settings.schoolSize`) — fullest first; only what they cannot take calls for
// a new school. A school
// whose site area is not recorded is not assumed to have room (unknown is not zero); the
// proposal says how many were left out for that reason. See docs/ARCHITECTURE.md, "Suggestions".
import { gradesOf, type SchoolKind, type Stage } from '../domain/stages';
import { urbanTownshipCodes } from '../domain/urban';
import { poolOf } from './demand';
import { sizeChecks } from './aggregate';
import { estimateFacilities, type FacilityEstimate } from './norms';
import { siteRoom } from './site-room';
import type { PlanRun } from './run';

export interface Extension {
  ref: string;
  name: string;
  kind: SchoolKind;
  township: string;
  /** Classes and seats added for the stage. */
  classes: number;
  seats: number;
  /** What the site allows: its area, the norm per pupil and the seats it holds, against the seats it has. */
  siteArea: number;
  sitePerPupil: number;
  siteSeats: number;
  seatsNow: number;
  /** The school-size limit that applies (students of the stages it counts). */
  sizeLimit: number;
  est: FacilityEstimate | null;
}

interface Candidate {
  ref: string;
  name: string;
  kind: SchoolKind;
  township: string;
  excess: number;
  siteArea: number | null;
  seatsNow: number;
  classesNow: number;
  /** Seats by stage. */
  stageSeats: Map<Stage, number>;
  eligible: boolean;
}

/** The pool's existing public schools teaching the stage in year index `yi`, fullest first. */
function candidates(run: PlanRun, stage: Stage, pool: string, yi: number): Candidate[] {
  const byRef = new Map<string, Candidate>();
  for (const u of run.units) {
    if (!u.open[yi]) continue;
    const ref = u.unit.ref;
    const school = u.unit.school;
    let c = byRef.get(ref);
    if (!c) {
      const state = run.states[yi]?.schools.get(ref);
      const site = school.source?.siteArea ?? null;
      c = {
        ref, name: school.name, kind: state?.kind ?? school.kind, township: u.township[yi] as string, excess: Number.NEGATIVE_INFINITY,
        siteArea: site !== null && site > 0 ? site : null, seatsNow: 0, classesNow: 0, stageSeats: new Map(), eligible: !school.isNew && school.ownership === '公办',
      };
      byRef.set(ref, c);
    }
    c.seatsNow += u.capacity[yi] as number;
    c.classesNow += u.rooms[yi] as number;
    c.stageSeats.set(u.unit.stage, (c.stageSeats.get(u.unit.stage) ?? 0) + (u.capacity[yi] as number));
    if (u.unit.stage === stage) c.excess = (u.demand[yi] as number) - (u.capacity[yi] as number);
  }
  return [...byRef.values()]
    .filter((c) => c.eligible && c.excess !== Number.NEGATIVE_INFINITY && poolOf(stage, run.areaOf(c.township)) === pool)
    .sort((a, b) => b.excess - a.excess || a.ref.localeCompare(b.ref));
}

/**
 * Extensions that take up to `short` seats of the stage in the pool, sized for year index
 * `yi`: whole streams (one class per grade) where the site and the size limit allow them,
 * else the classes they allow. `left` is what is still short; `unknownSite` counts the schools
 * passed over because their site area is not recorded.
 */
export function extendOnSite(run: PlanRun, stage: Stage, pool: string, yi: number, short: number): { extensions: Extension[]; left: number; unknownSite: number } {
  const { settings } = run;
  const size = settings.classSize[stage];
  const grades = gradesOf(stage, run.ctx.county.schoolSystem);
  const extensions: Extension[] = [];
  let left = short;
  let unknownSite = 0;
  const urbanCodes = urbanTownshipCodes(run.ctx.townships);
  for (const c of candidates(run, stage, pool, yi)) {
    if (left <= 0) break;
    const urban = urbanCodes.has(c.township);
    const site = siteRoom(c.kind, c.siteArea, settings, urban);
    if (site === null) {
      unknownSite++;
      continue;
    }
    const check = sizeChecks(c.kind, settings.schoolSize).find((k) => k.stages.includes(stage));
    if (!check) continue;
    const counted = check.stages.reduce((t, st) => t + (c.stageSeats.get(st) ?? 0), 0);
    const { sitePerPupil, siteSeats } = site;
    const room = Math.floor(Math.min(siteSeats - c.seatsNow, check.limit - counted) / size);
    const wanted = Math.ceil(Math.ceil(left / size) / grades) * grades;
    const classes = Math.min(wanted, room);
    if (classes <= 0) continue;
    const seats = classes * size;
    const est = estimateFacilities(c.kind, c.classesNow + classes, seats, settings, { urban, added: { stage } });
    extensions.push({
      ref: c.ref, name: c.name, kind: c.kind, township: c.township, classes, seats,
      siteArea: site.siteArea, sitePerPupil, siteSeats, seatsNow: c.seatsNow, sizeLimit: check.limit, est,
    });
    left -= seats;
  }
  return { extensions, left: Math.max(0, left), unknownSite };
}
