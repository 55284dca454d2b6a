// The sample county's pupils with disabilities, 随迁子女 and school groups, chosen by rule
// from its schools (so every seed gets the same picture): the large county-town schools each
// teach five or more pupils with disabilities and all but the last of them have a resource
// room; a few rural centre schools teach pupils at home; migrant pupils sit mostly in the
// county town, a share of the private school's in bought places; two groups take in a few
// rural schools. The targets then show both 达标 and 未达标.
import type { EnrolmentRecord } from '../domain/model';
import { disabledPupils, type InclusionData, type MigrantRecord, type SchoolGroup, type SpecialNeedsRecord } from '../domain/inclusion';
import type { School } from '../domain/school';
import { KIND_STAGES } from '../domain/stages';
import type { Rng } from './prng';

const LARGE = 1800;
const MIDDLE = 800;

export function buildInclusion(rng: Rng, schools: readonly School[], enrolment: readonly EnrolmentRecord[], year: number): InclusionData {
  const students = new Map<string, number>();
  for (const e of enrolment) if (e.year === year) students.set(e.school, (students.get(e.school) ?? 0) + e.students);
  const compulsory = schools
    .filter((s) => s.kind !== 'special' && KIND_STAGES[s.kind].some((st) => st === 'primary' || st === 'junior') && (students.get(s.code) ?? 0) > 0)
    .sort((a, b) => a.code.localeCompare(b.code));
  const pupils = (s: School) => students.get(s.code) ?? 0;

  const specialNeeds: SpecialNeedsRecord[] = [];
  const large = compulsory.filter((s) => pupils(s) >= LARGE);
  for (const s of large) {
    const last = s === large[large.length - 1];
    specialNeeds.push({ school: s.code, year, inclusive: rng.int(5, 6), specialClass: 0, homeTaught: 0, resourceRooms: last ? 0 : 1 });
  }
  for (const s of compulsory.filter((x) => pupils(x) >= MIDDLE && pupils(x) < LARGE)) {
    const home = s.urbanRural === '乡村' ? rng.int(1, 2) : 0;
    specialNeeds.push({ school: s.code, year, inclusive: rng.int(0, 2), specialClass: 0, homeTaught: home, resourceRooms: 0 });
  }

  const migrants: MigrantRecord[] = [];
  for (const s of compulsory) {
    if (s.urbanRural === '乡村') continue;
    const share = s.urbanRural === '城区' ? (s.ownership === '民办' ? 0.3 : rng.float(0.08, 0.12)) : rng.float(0.02, 0.04);
    const n = Math.round(pupils(s) * share);
    migrants.push({ school: s.code, year, pupils: n, purchased: s.ownership === '民办' ? Math.round(n / 2) : null });
  }

  const byPupils = (list: School[]) => [...list].sort((a, b) => pupils(b) - pupils(a) || a.code.localeCompare(b.code));
  const rural = byPupils(compulsory.filter((s) => s.urbanRural === '乡村' && s.kind !== 'teaching_point'));
  const townCore = byPupils(compulsory.filter((s) => s.urbanRural === '城区' && s.ownership === '公办' && s.kind === 'primary'))[0];
  const townshipCore = byPupils(compulsory.filter((s) => s.urbanRural === '镇区' && s.kind === 'junior'))[0];
  const groups: SchoolGroup[] = [];
  if (townCore && rural.length >= 2) {
    groups.push({ name: `${townCore.name}教育集团`, kind: '教育集团', core: townCore.code, members: rural.slice(0, 2).map((s) => s.code), yearFormed: year - 2 });
  }
  if (townshipCore && rural.length >= 5) {
    groups.push({ name: `${townshipCore.name}城乡学校共同体`, kind: '共同体', core: townshipCore.code, members: rural.slice(2, 5).map((s) => s.code), yearFormed: year - 1 });
  }
  // The register holds children no school teaches yet: about one in fifteen beyond those enrolled.
  const special = new Set(schools.filter((s) => s.kind === 'special').map((s) => s.code));
  const enrolled = specialNeeds.reduce((s, r) => s + (disabledPupils(r) ?? 0), 0) + [...special].reduce((s, c) => s + (students.get(c) ?? 0), 0);
  return { specialNeeds, migrants, groups, registeredDisabledChildren: Math.round(enrolled * 1.07) };
}
