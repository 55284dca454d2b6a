// The special-education, 随迁子女 and school-group indicators of one year (docs/ARCHITECTURE.md,
// "Special education, migrant children and school groups"). Pupils with disabilities, resource
// rooms and migrant pupils come from the latest recorded year up to the year asked (so a
// projected year holds the base year: nothing projects them); groups count from the year they
// were formed, so a group the plan forms later counts from then.
import { disabledPupils, groupSchools, type InclusionData } from '../domain/inclusion';
import type { Ownership, SchoolKind, URBAN_RURAL } from '../domain/stages';
import { KIND_STAGES } from '../domain/stages';

export type { InclusionData };

export interface InclusionFacts {
  /** Year the pupil records were taken from (null: none up to this year). */
  recordsYear: number | null;
  /** Pupils with disabilities in school or taught at home (ordinary schools' placements + special schools' students). */
  disabledEnrolled: number | null;
  /** Ordinary schools with at least the threshold of pupils with disabilities, and of them with a 资源教室. */
  roomsNeeded: number;
  roomsPresent: number;
  /** Qualifying schools whose resource rooms are not known. */
  roomsUnknown: number;
  migrants: number | null;
  /** Migrant pupils in 公办 schools or in places the government buys. */
  migrantsPublic: number | null;
  ruralSchools: number;
  ruralInGroup: number;
  groups: number;
  /** The county's registered disabled children of compulsory-school age (plan setting; null: not given). */
  registered: number | null;
}

/** One school as the indicators see it in a year. */
export interface InclusionSchool {
  code: string;
  kind: SchoolKind;
  ownership: Ownership;
  urbanRural: (typeof URBAN_RURAL)[number];
  /** Recorded students by year and stage (a special school's count toward the 入学率); absent for a school the plan builds. */
  recorded?: Record<string, Partial<Record<string, { students: number }>>>;
}

const recordedStudents = (s: InclusionSchool, year: number): number =>
  Object.values(s.recorded?.[String(year)] ?? {}).reduce((sum, r) => sum + (r?.students ?? 0), 0);

const latestYear = (records: readonly { year: number }[], upTo: number): number | null => {
  let best: number | null = null;
  for (const r of records) if (r.year <= upTo && (best === null || r.year > best)) best = r.year;
  return best;
};

/** Compulsory-age schools in 乡村, as "rural schools" in the group share. */
const isRuralCompulsory = (s: InclusionSchool) => s.urbanRural === '乡村' && s.kind !== 'special' && KIND_STAGES[s.kind].some((st) => st === 'primary' || st === 'junior');

/**
 * `year` is the year asked; `dataBase` the last recorded year; `schools` the schools open in
 * `year` (a closed school's pupils and rooms drop out with it).
 */
export function inclusionFacts(
  data: InclusionData | undefined,
  schools: readonly InclusionSchool[],
  year: number,
  dataBase: number,
  settings: { registeredDisabledChildren: number | null; resourceRoomMinPupils: number },
  /** A 资源教室 project of the plan is done at this school by `year`. */
  roomBuilt: (school: string) => boolean = () => false,
): InclusionFacts {
  const minPupils = settings.resourceRoomMinPupils;
  const d = data ?? { specialNeeds: [], migrants: [], groups: [] };
  const open = new Map(schools.map((s) => [s.code, s]));
  const needsYear = latestYear(d.specialNeeds, Math.min(year, dataBase));
  let disabledEnrolled: number | null = null;
  let roomsNeeded = 0;
  let roomsPresent = 0;
  let roomsUnknown = 0;
  if (needsYear !== null) {
    disabledEnrolled = 0;
    for (const r of d.specialNeeds) {
      const s = open.get(r.school);
      if (r.year !== needsYear || !s || s.kind === 'special') continue;
      disabledEnrolled += disabledPupils(r) ?? 0;
      if ((r.inclusive ?? 0) + (r.specialClass ?? 0) < minPupils) continue;
      roomsNeeded++;
      if (roomBuilt(r.school) || (r.resourceRooms ?? 0) > 0) roomsPresent++;
      else if (r.resourceRooms === null) roomsUnknown++;
    }
    for (const s of schools) if (s.kind === 'special') disabledEnrolled += recordedStudents(s, needsYear);
  }
  const migrantYear = latestYear(d.migrants, Math.min(year, dataBase));
  let migrants: number | null = null;
  let migrantsPublic: number | null = null;
  for (const r of d.migrants) {
    const s = open.get(r.school);
    if (r.year !== migrantYear || !s || r.pupils === null) continue;
    migrants = (migrants ?? 0) + r.pupils;
    migrantsPublic = (migrantsPublic ?? 0) + (s.ownership === '公办' ? r.pupils : Math.min(r.pupils, r.purchased ?? 0));
  }
  const formed = d.groups.filter((g) => g.yearFormed === null || g.yearFormed <= year);
  const inGroup = new Set(formed.flatMap((g) => groupSchools(g)));
  const rural = schools.filter(isRuralCompulsory);
  return {
    recordsYear: needsYear,
    disabledEnrolled,
    roomsNeeded,
    roomsPresent,
    roomsUnknown,
    migrants,
    migrantsPublic,
    ruralSchools: rural.length,
    ruralInGroup: rural.filter((s) => inGroup.has(s.code)).length,
    groups: formed.length,
    registered: settings.registeredDisabledChildren ?? d.registeredDisabledChildren ?? null,
  };
}
