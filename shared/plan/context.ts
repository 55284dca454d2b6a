// What the evaluation reads besides the plan: the county's schools with their recorded
// figures, and the demand. Demand comes in the projection's own shape (years + one
// series per school and stage), so the evaluation never depends on how it was projected.
import { countsLargeClasses, knownClasses, type GradeClasses } from '../analysis/enrolment';
import { groupBy } from '../analysis/group';
import type { CountyData, CountyMeta, EnrolmentRecord, PopulationRecord, School, StaffRecord, Township } from '../domain/model';
import { gradesOf, type Stage } from '../domain/stages';
import type { InclusionData } from './inclusion';

/**
 * Students per school and stage for the projected years: a structural subset of the
 * projection result (`ProjectionResult` satisfies it), so either can be passed.
 */
export interface DemandInput {
  /** Last recorded year the projection started from. */
  baseYear: number;
  /** Projected years, aligned with every `students` array. */
  years: number[];
  scenario: string;
  schools: { code: string; stage: Stage; students: number[] }[];
  /** County population aged 0–17 per year ([year index][age]), when the projection has it. */
  population?: { years: number[]; county: (number | null)[][] };
  flags?: { level: string; message: string }[];
}

export interface DemandSource {
  /** 'projection': the enrolment projection; 'flat': the last recorded year held (no projection available). */
  kind: 'projection' | 'flat';
  scenario: string;
  /** Sentences for the planner on how far to trust the demand. */
  notes: string[];
}

/** One stage of one school in one recorded year. */
export interface StageRecord {
  students: number;
  classes: number;
  /** Students and classes per grade, where 大班额 is counted (from these, with the plan's thresholds); else empty. */
  grades: GradeClasses[];
  /**
   * Students of the grades whose class count is unknown, where some grade of the stage has a
   * known count (their classes are estimated; a stage with none known is estimated whole).
   */
  unknownGrades: number[];
  /** Students in the stage's first and last grades (for 巩固率). */
  firstGrade: number;
  lastGrade: number;
}

export type StaffCounts = Pick<StaffRecord, 'teachers' | 'qualifiedAbove' | 'keyTeachers' | 'peArtsTeachers'>;

export interface ContextSchool extends School {
  /** Year → stage → recorded figures. */
  recorded: Record<string, Partial<Record<Stage, StageRecord>>>;
  /** Year → staff. */
  staff: Record<string, StaffCounts>;
  /** Year → 教职工结构 category key → count, where a teacher table gave them (absent: unknown). */
  profile?: Record<string, Record<string, number>>;
}

export interface EvaluationContext {
  county: Pick<CountyMeta, 'name' | 'code' | 'schoolSystem'>;
  /** Last year with recorded enrolment. */
  dataBaseYear: number;
  townships: Township[];
  schools: ContextSchool[];
  demand: DemandInput;
  source: DemandSource;
  /** County population aged 0–17: [year index][age], recorded years then projected ones. */
  population: { years: number[]; byAge: (number | null)[][] } | null;
  /** Pupils with disabilities, 随迁子女 and school groups, where the project has them. */
  inclusion?: InclusionData;
  /** The planner's drawn catchments (划片) of one plan, when it has any. */
  catchments?: PlanCatchments;
}

/** What the evaluation reads of a plan's drawn catchments. */
export interface PlanCatchments {
  /** The plan they belong to (a context fetched for another plan ignores them). */
  plan: number;
  /** The year the villages' children are counted in (the data's base year). */
  year: number;
  /** Every village (or spread point) with its township and children per stage. */
  villages: { id: string; township: string; children: Partial<Record<Stage, number>> }[];
  /** Village → school (code, or new:<project id>) per stage, as drawn. */
  assignments: { stage: Stage; village: string; school: string }[];
}

/** The county's records a plan is evaluated on; population comes summed to the county. */
export interface ContextData extends Pick<CountyData, 'meta' | 'townships' | 'schools' | 'enrolment' | 'staff' | 'staffProfile'> {
  /** County population by year and age (sexes combined, townships summed), recorded. */
  population: { year: number; age: number; count: number }[];
}

function stageRecords(records: readonly EnrolmentRecord[], system: ContextData['meta']['schoolSystem']): Partial<Record<Stage, StageRecord>> {
  const out: Partial<Record<Stage, StageRecord>> = {};
  for (const [stage, list] of groupBy(records, (r) => r.stage)) {
    const s = stage as Stage;
    const last = gradesOf(s, system);
    out[s] = {
      students: list.reduce((a, r) => a + r.students, 0),
      classes: list.reduce((a, r) => a + knownClasses(r.classes), 0),
      grades: countsLargeClasses(s) ? list.map((r) => ({ students: r.students, classes: r.classes })) : [],
      unknownGrades: list.some((r) => r.classes !== null) ? list.filter((r) => r.classes === null).map((r) => r.students) : [],
      firstGrade: list.filter((r) => r.grade === 1).reduce((a, r) => a + r.students, 0),
      lastGrade: list.filter((r) => r.grade === last).reduce((a, r) => a + r.students, 0),
    };
  }
  return out;
}

/**
 * County population by year and age, sexes combined: a township's total ('T') row where it
 * has one for that year and age, else its M + F rows; townships summed.
 */
export function countyPopulation(records: readonly PopulationRecord[]): ContextData['population'] {
  const cells = new Map<string, { year: number; age: number; total: number; all: number; hasTotal: boolean }>();
  for (const r of records) {
    const k = `${r.township}|${r.year}|${r.age}`;
    const c = cells.get(k) ?? { year: r.year, age: r.age, total: 0, all: 0, hasTotal: false };
    c.all += r.count;
    if (r.sex === 'T') {
      c.total += r.count;
      c.hasTotal = true;
    }
    cells.set(k, c);
  }
  const sums = new Map<string, { year: number; age: number; count: number }>();
  for (const c of cells.values()) {
    const k = `${c.year}|${c.age}`;
    const e = sums.get(k) ?? { year: c.year, age: c.age, count: 0 };
    e.count += c.hasTotal ? c.total : c.all;
    sums.set(k, e);
  }
  return [...sums.values()];
}

/** Recorded population then the projection's, ages 0–17, one row per year. */
function populationSeries(
  recorded: ContextData['population'],
  projected: DemandInput['population'],
): EvaluationContext['population'] {
  const byYear = new Map<number, (number | null)[]>();
  for (const r of recorded) {
    if (r.age > 17) continue;
    const row = byYear.get(r.year) ?? new Array<number | null>(18).fill(null);
    row[r.age] = (row[r.age] ?? 0) + r.count;
    byYear.set(r.year, row);
  }
  if (projected) {
    projected.years.forEach((y, i) => {
      if (byYear.has(y)) return;
      const row = projected.county[i];
      if (row) byYear.set(y, row.slice(0, 18));
    });
  }
  if (byYear.size === 0) return null;
  const years = [...byYear.keys()].sort((a, b) => a - b);
  return { years, byAge: years.map((y) => byYear.get(y) as (number | null)[]) };
}

export function buildContext(data: ContextData, demand: DemandInput, source: DemandSource): EvaluationContext {
  const bySchool = groupBy(data.enrolment, (r) => r.school);
  const staffBySchool = groupBy(data.staff, (r) => r.school);
  const profileBySchool = groupBy(data.staffProfile ?? [], (r) => r.school);
  let dataBaseYear = -Infinity;
  for (const r of data.enrolment) if (r.year > dataBaseYear) dataBaseYear = r.year;
  if (!Number.isFinite(dataBaseYear)) dataBaseYear = data.meta.baseYear;
  const schools: ContextSchool[] = data.schools.map((s) => {
    const recorded: ContextSchool['recorded'] = {};
    for (const [year, list] of groupBy(bySchool.get(s.code) ?? [], (r) => String(r.year))) {
      recorded[year] = stageRecords(list, data.meta.schoolSystem);
    }
    const staff: ContextSchool['staff'] = {};
    for (const r of staffBySchool.get(s.code) ?? []) {
      staff[r.year] = { teachers: r.teachers, qualifiedAbove: r.qualifiedAbove, keyTeachers: r.keyTeachers, peArtsTeachers: r.peArtsTeachers };
    }
    const profile: NonNullable<ContextSchool['profile']> = {};
    for (const r of profileBySchool.get(s.code) ?? []) (profile[r.year] ??= {})[r.category] = r.count;
    return { ...s, recorded, staff, profile };
  });
  return {
    county: { name: data.meta.name, code: data.meta.code, schoolSystem: data.meta.schoolSystem },
    dataBaseYear,
    townships: data.townships,
    schools,
    demand,
    source,
    population: populationSeries(data.population, demand.population),
  };
}

/**
 * Students held at the last recorded year: the stand-in demand when no projection is
 * available. The result says so (source.kind 'flat').
 */
export function flatDemand(data: Pick<ContextData, 'enrolment'>, baseYear: number, lastYear: number, scenario: string): DemandInput {
  const years: number[] = [];
  for (let y = baseYear + 1; y <= lastYear; y++) years.push(y);
  const totals = new Map<string, { code: string; stage: Stage; n: number }>();
  for (const r of data.enrolment) {
    if (r.year !== baseYear) continue;
    const key = `${r.school}|${r.stage}`;
    const t = totals.get(key) ?? { code: r.school, stage: r.stage, n: 0 };
    t.n += r.students;
    totals.set(key, t);
  }
  return {
    baseYear,
    years,
    scenario,
    schools: [...totals.values()].map((t) => ({ code: t.code, stage: t.stage, students: years.map(() => t.n) })),
  };
}

/** Population by age moved forward one year per year (no deaths, no migration), births filling age 0. */
export function shiftPopulation(
  recorded: ContextData['population'],
  births: { year: number; count: number }[],
  lastYear: number,
): DemandInput['population'] {
  const known = new Map<number, number[]>();
  for (const r of recorded) {
    if (r.age > 17) continue;
    const row = known.get(r.year) ?? new Array<number>(18).fill(0);
    row[r.age] = (row[r.age] ?? 0) + r.count;
    known.set(r.year, row);
  }
  if (known.size === 0) return undefined;
  const from = Math.max(...known.keys());
  const start = known.get(from) as number[];
  const birthsByYear = new Map(births.map((b) => [b.year, b.count]));
  const lastBirth = births.length ? births.reduce((a, b) => (b.year > a.year ? b : a)) : null;
  const years: number[] = [];
  const county: number[][] = [];
  for (let y = from + 1; y <= lastYear; y++) {
    const shift = y - from;
    const row = new Array<number>(18).fill(0);
    for (let age = 0; age < 18; age++) {
      if (age >= shift) row[age] = start[age - shift] as number;
      else row[age] = birthsByYear.get(y - age) ?? lastBirth?.count ?? start[0] ?? 0;
    }
    years.push(y);
    county.push(row);
  }
  return { years, county };
}
