// The enrolment history arranged for the engine: one "section" per school and stage (a
// nine-year school has a primary and a junior section), with its students by year and grade,
// the grades it teaches, and where the leavers of a partial school (a 教学点 teaching grades
// 1–3) continue. Built once per calibration; the projection loops then index plain arrays.
import type { EnrolmentRecord, School, Township } from '../domain/model';
import { gradesOf, type SchoolSystem, type Stage, STAGES } from '../domain/stages';
import { isUrban } from '../domain/urban';

export interface Section {
  id: number;
  school: School;
  stage: Stage;
  township: number;
  /** Students [(year − firstYear) × grades + grade − 1] for the recorded years. */
  hist: Float64Array;
  /** Whether the section has any record in a year. */
  present: Uint8Array;
  /** Grades (index grade − 1) the section will teach in the projection. */
  taught: boolean[];
  /**
   * Grades (index grade − 1) whose pupils come in from other schools: taught, while the grade
   * below has never had a pupil here (a high school starting at 初三).
   */
  joinedAt: boolean[];
  /** Highest grade taught now. */
  topGrade: number;
  /** Teaches only the lower grades of its stage for good (教学点): its leavers move on. */
  partial: boolean;
  /** Adds a grade each year (a school opened recently). */
  growing: boolean;
  /** The section that receives this partial section's leavers, if any. */
  receiver: number | null;
  /** Partial sections whose leavers enter this one, by the grade they enter. */
  feeders: { section: number; grade: number }[];
  /** Students in the base year. */
  baseTotal: number;
  /** Years with records up to the base year. */
  yearsRecorded: number;
}

export interface SectionIndex {
  system: SchoolSystem;
  firstYear: number;
  baseYear: number;
  /** Grades per stage: the school system's, or more where the data has more. */
  grades: Record<Stage, number>;
  /** Stages whose data has more grades than the school system (a flag for the planner). */
  gradeMismatch: Stage[];
  townships: readonly Township[];
  townshipIndex: ReadonlyMap<string, number>;
  /** 城区 townships: together they are the county town, one pool of schools. */
  urban: boolean[];
  sections: Section[];
  byStage: Record<Stage, number[]>;
  /**
   * The county cohort by stage, [(year − firstYear) × grades + grade − 1]: `in` the students of
   * a grade in a year, `from` those of the grade below the year before, summed over every school
   * recorded in both years (closed since or not) and every school opened that year (it had no
   * pupils before). A school with no record in a year after its first is unknown there, not
   * empty: it counts in neither, so a school not reporting is not read as pupils lost.
   */
  cohort: Record<Stage, { in: Float64Array; from: Float64Array }>;
}

interface RecordedUnit {
  stage: Stage;
  hist: Float64Array;
  present: Uint8Array;
}

export function buildSections(
  townships: readonly Township[],
  schools: readonly School[],
  enrolment: readonly EnrolmentRecord[],
  system: SchoolSystem,
  baseYear: number,
): SectionIndex {
  const townshipIndex = new Map(townships.map((t, i) => [t.code, i]));
  const grades = Object.fromEntries(STAGES.map((s) => [s, gradesOf(s, system)])) as Record<Stage, number>;
  const gradeMismatch = new Set<Stage>();
  let firstYear = baseYear;
  for (const r of enrolment) {
    if (r.year > baseYear) continue;
    if (r.year < firstYear) firstYear = r.year;
    if (r.grade > grades[r.stage]) {
      grades[r.stage] = r.grade;
      gradeMismatch.add(r.stage);
    }
  }
  const nYears = baseYear - firstYear + 1;
  const schoolByCode = new Map(schools.map((s) => [s.code, s]));
  // Nested maps (school → stage) rather than joined string keys: this loop runs over every
  // enrolment record for each calibration, and the backtest calibrates several times.
  const sectionOf = new Map<string, Partial<Record<Stage, Section>>>();
  const all: Section[] = [];
  // Every school's record, closed ones included, for the county cohort.
  const recorded = new Map<string, Partial<Record<Stage, RecordedUnit>>>();
  const units: RecordedUnit[] = [];
  for (const r of enrolment) {
    if (r.year > baseYear) continue;
    let byStage = recorded.get(r.school);
    if (!byStage) {
      byStage = {};
      recorded.set(r.school, byStage);
    }
    let unit = byStage[r.stage];
    if (!unit) {
      unit = { stage: r.stage, hist: new Float64Array(nYears * grades[r.stage]), present: new Uint8Array(nYears) };
      byStage[r.stage] = unit;
      units.push(unit);
    }
    const uk = (r.year - firstYear) * grades[r.stage] + r.grade - 1;
    unit.hist[uk] = (unit.hist[uk] as number) + r.students;
    unit.present[r.year - firstYear] = 1;
    let stages = sectionOf.get(r.school);
    if (!stages) {
      const school = schoolByCode.get(r.school);
      const township = school ? townshipIndex.get(school.township) : undefined;
      if (!school || township === undefined || school.status === '停办') continue;
      stages = {};
      sectionOf.set(r.school, stages);
    }
    let s = stages[r.stage];
    if (!s) {
      const school = schoolByCode.get(r.school) as School;
      const g = grades[r.stage];
      s = {
        id: -1,
        school,
        stage: r.stage,
        township: townshipIndex.get(school.township) as number,
        hist: new Float64Array(nYears * g),
        present: new Uint8Array(nYears),
        taught: [],
        joinedAt: [],
        topGrade: 0,
        partial: false,
        growing: false,
        receiver: null,
        feeders: [],
        baseTotal: 0,
        yearsRecorded: 0,
      };
      stages[r.stage] = s;
      all.push(s);
    }
    const yi = r.year - firstYear;
    const k = yi * grades[r.stage] + r.grade - 1;
    s.hist[k] = (s.hist[k] as number) + r.students;
    s.present[yi] = 1;
  }
  // Only sections still running in the base year are projected; order is stable (by code) so
  // results do not depend on the order records arrive in.
  const sections: Section[] = [];
  const running = all
    .filter((s) => s.present[nYears - 1] === 1)
    .sort((a, b) => (a.school.code < b.school.code ? -1 : a.school.code > b.school.code ? 1 : STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage)));
  running.forEach((s, i) => {
    s.id = i;
    describeGrades(s, grades[s.stage], nYears);
    sections.push(s);
  });
  linkPartialSections(sections, grades, nYears, townships.map(isUrban));

  const byStage = Object.fromEntries(STAGES.map((st) => [st, [] as number[]])) as Record<Stage, number[]>;
  for (const s of sections) byStage[s.stage].push(s.id);
  return {
    system,
    firstYear,
    baseYear,
    grades,
    gradeMismatch: [...gradeMismatch],
    townships,
    townshipIndex,
    urban: townships.map(isUrban),
    sections,
    byStage,
    cohort: cohortOf(units, grades, nYears),
  };
}

function cohortOf(units: readonly RecordedUnit[], grades: Record<Stage, number>, nYears: number): SectionIndex['cohort'] {
  const out = Object.fromEntries(STAGES.map((st) => [st, { in: new Float64Array(nYears * grades[st]), from: new Float64Array(nYears * grades[st]) }])) as SectionIndex['cohort'];
  for (const u of units) {
    const g = grades[u.stage];
    const c = out[u.stage];
    const opened = u.present.indexOf(1);
    for (let yi = 1; yi < nYears; yi++) {
      if (!u.present[yi] || (!u.present[yi - 1] && yi !== opened)) continue;
      for (let k = 1; k < g; k++) {
        c.in[yi * g + k] = (c.in[yi * g + k] as number) + (u.hist[yi * g + k] as number);
        c.from[yi * g + k] = (c.from[yi * g + k] as number) + (u.hist[(yi - 1) * g + k - 1] as number);
      }
    }
  }
  return out;
}

function topGradeIn(s: Section, g: number, yi: number): number {
  for (let k = g; k >= 1; k--) if ((s.hist[yi * g + k - 1] as number) > 0) return k;
  return 0;
}

function describeGrades(s: Section, g: number, nYears: number): void {
  const last = nYears - 1;
  const prev = last - 1;
  s.yearsRecorded = s.present.reduce((n, p) => n + p, 0);
  let total = 0;
  for (let k = 0; k < g; k++) total += s.hist[last * g + k] as number;
  s.baseTotal = total;
  s.topGrade = Math.max(topGradeIn(s, g, last), prev >= 0 && s.present[prev] ? topGradeIn(s, g, prev) : 0);
  // A school whose top grade rose last year is filling up; one that stays below the stage's
  // last grade year after year hands its leavers on.
  s.growing = prev >= 0 && s.present[prev] === 1 && topGradeIn(s, g, last) > topGradeIn(s, g, prev) && topGradeIn(s, g, prev) > 0;
  s.partial = !s.growing && s.topGrade < g && s.topGrade > 0 && s.stage !== 'preschool' && s.stage !== 'special';
  s.taught = Array.from({ length: g }, (_, k) => {
    if (s.growing) return true;
    if (k + 1 > s.topGrade) return false;
    // A grade empty in both of the last two years is not taught any more (a closing school
    // stops taking entrants; the cohorts above it move on).
    const now = s.hist[last * g + k] as number;
    const before = prev >= 0 && s.present[prev] ? (s.hist[prev * g + k] as number) : 0;
    return now > 0 || before > 0;
  });
  s.joinedAt = s.taught.map((t, k) => {
    if (!t || k === 0) return false;
    for (let yi = 0; yi < nYears; yi++) if ((s.hist[yi * g + k - 1] as number) > 0) return false;
    return true;
  });
}

/**
 * A partial section's leavers go to the section of the same stage in its township (or, in the
 * county town, anywhere in town) that teaches the next grade and has the most pupils in it.
 */
function linkPartialSections(sections: Section[], grades: Record<Stage, number>, nYears: number, urban: boolean[]): void {
  const last = nYears - 1;
  for (const f of sections) {
    if (!f.partial) continue;
    const next = f.topGrade + 1;
    const g = grades[f.stage];
    let best: Section | null = null;
    let bestSize = -1;
    for (const r of sections) {
      if (r === f || r.stage !== f.stage || !r.taught[next - 1]) continue;
      const near = r.township === f.township || (urban[r.township] === true && urban[f.township] === true);
      if (!near) continue;
      const size = r.hist[last * g + next - 1] as number;
      if (size > bestSize) {
        best = r;
        bestSize = size;
      }
    }
    if (best) {
      f.receiver = best.id;
      best.feeders.push({ section: f.id, grade: next });
    }
  }
}
