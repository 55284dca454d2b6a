// Students and classes by school, stage, grade and year, drawn from the township population.
// County-town schools take their own children plus a growing share of rural ones (进城就读)
// and, short of classrooms, pack them into ever larger classes; rural schools empty.
import type { EnrolmentRecord } from '../domain/model';
import { knownClasses } from '../analysis/enrolment';
import { KIND_STAGES, type Stage } from '../domain/stages';
import { STANDARDS } from '../standards';
import { BASE_YEAR, ENROLMENT_YEARS, FIRST_ENROLMENT_YEAR } from './calendar';
import type { PopulationTable } from './population';
import type { Rng } from './prng';
import type { Roster, SchoolPlan } from './schools';
import type { CountyFrame } from './townships';

/** Above this a school opens another class even without a proper classroom. */
const HARD_MAX_CLASS = 75;

/** Share of the age group enrolled, by stage and grade (1-based) and year. */
function enrolmentRate(stage: Stage, grade: number, year: number): number {
  const t = year - FIRST_ENROLMENT_YEAR;
  switch (stage) {
    case 'preschool':
      // 毛入园率 rises from about 85 % to 91 %; the youngest are least often enrolled.
      return Math.min(0.98, 0.86 + 0.01 * t + ([-0.06, 0, 0.04][grade - 1] ?? 0));
    case 'primary':
      return 0.995;
    case 'junior':
      // Fewer drop-outs and fewer pupils schooled outside the county each year.
      return 0.95 + 0.006 * t;
    case 'senior':
      return 0.57 + 0.007 * t;
    case 'vocational':
      return 0.33 - 0.003 * t;
    case 'special':
      return 1;
  }
}

/** Share of rural children attending county-town schools (进城就读), before township factors. */
function pullShare(stage: Stage, year: number): number {
  const t = year - FIRST_ENROLMENT_YEAR;
  if (stage === 'preschool') return 0.04 + 0.012 * t;
  if (stage === 'primary') return 0.08 + 0.02 * t;
  if (stage === 'junior') return 0.18 + 0.03 * t;
  return 0;
}

function ageOf(stage: Stage, grade: number): number {
  if (stage === 'preschool') return 2 + grade;
  if (stage === 'primary') return 5 + grade;
  if (stage === 'junior') return 11 + grade;
  return 14 + grade;
}

const GRADES: Record<Stage, number> = { preschool: 3, primary: 6, junior: 3, senior: 3, vocational: 3, special: 1 };

function teaches(plan: SchoolPlan, stage: Stage): boolean {
  return KIND_STAGES[plan.school.kind].includes(stage);
}

function weightIn(plan: SchoolPlan, stage: Stage, year: number): number {
  return (plan.stageWeight[stage] ?? plan.weight) * Math.pow(1 + plan.trend, year - FIRST_ENROLMENT_YEAR);
}

/** students[schoolIndex][stage][yearIndex][grade − 1], before classes are formed. */
type Students = Map<number, Map<Stage, number[][]>>;

export function buildEnrolment(rng: Rng, frame: CountyFrame, roster: Roster, pop: PopulationTable): EnrolmentRecord[] {
  const { plans, juniorHost } = roster;
  const towns = frame.townships;
  const students: Students = new Map();
  const put = (si: number, stage: Stage, yi: number, grade: number, value: number): void => {
    let byStage = students.get(si);
    if (!byStage) students.set(si, (byStage = new Map()));
    let grid = byStage.get(stage);
    if (!grid) byStage.set(stage, (grid = ENROLMENT_YEARS.map(() => new Array<number>(GRADES[stage]).fill(0))));
    const row = grid[yi] as number[];
    row[grade - 1] = (row[grade - 1] ?? 0) + value;
  };
  const noisy = (x: number): number => Math.max(0, Math.round(x * (1 + rng.normal(0.02))));

  for (const stage of ['preschool', 'primary', 'junior'] as const) {
    ENROLMENT_YEARS.forEach((year, yi) => {
      for (let grade = 1; grade <= GRADES[stage]; grade++) {
        const rate = enrolmentRate(stage, grade, year);
        const age = ageOf(stage, grade);
        // County town: one pool of its own children and those sent in from villages.
        let urbanDemand = 0;
        const ruralDemand = towns.map(() => 0);
        towns.forEach((info, t) => {
          const kids = pop.get(t, year, age) * rate;
          if (info.urban) {
            urbanDemand += kids;
            return;
          }
          const pulled = kids * Math.min(0.6, pullShare(stage, year) * info.pull);
          urbanDemand += pulled;
          const host = stage === 'junior' ? (juniorHost[t] ?? t) : t;
          ruralDemand[host] = (ruralDemand[host] ?? 0) + kids - pulled;
        });

        const urban = plans.map((p, i) => ({ p, i })).filter(({ p }) => p.role === 'urban' && teaches(p, stage));
        const urbanWeight = urban.reduce((s, { p }) => s + weightIn(p, stage, year), 0);
        for (const { p, i } of urban) put(i, stage, yi, grade, noisy((urbanDemand * weightIn(p, stage, year)) / urbanWeight));

        towns.forEach((info, t) => {
          if (info.urban || (ruralDemand[t] ?? 0) <= 0) return;
          const demand = ruralDemand[t] ?? 0;
          const local = plans.map((p, i) => ({ p, i })).filter(({ p }) => p.township === t && teaches(p, stage));
          let left = 1;
          for (const { p, i } of local) {
            if (p.role !== 'share' || grade > p.maxGrade) continue;
            const share = weightIn(p, stage, year);
            left -= share;
            put(i, stage, yi, grade, noisy(demand * share));
          }
          const central = local.filter(({ p }) => p.role === 'central');
          for (const { i } of central) put(i, stage, yi, grade, noisy((demand * Math.max(0.2, left)) / central.length));
        });
      }
    });
  }

  // County-wide stages: senior secondary (普高 and 中职) and special education.
  const ageGroup = (year: number, age: number): number => towns.reduce((s, _, t) => s + pop.get(t, year, age), 0);
  const specialBase = rng.int(60, 80);
  for (const stage of ['senior', 'vocational', 'special'] as const) {
    // County-wide schools keep their shares: no trend, so the base-year weight serves all years.
    const members = plans.map((p, i) => ({ p, i })).filter(({ p }) => teaches(p, stage));
    const total = members.reduce((s, { p }) => s + weightIn(p, stage, FIRST_ENROLMENT_YEAR), 0);
    ENROLMENT_YEARS.forEach((year, yi) => {
      for (let grade = 1; grade <= GRADES[stage]; grade++) {
        const demand =
          stage === 'special'
            ? specialBase * (1 + 0.05 * (year - FIRST_ENROLMENT_YEAR))
            : ageGroup(year, ageOf(stage, grade)) * enrolmentRate(stage, grade, year);
        for (const { p, i } of members) put(i, stage, yi, grade, noisy((demand * weightIn(p, stage, FIRST_ENROLMENT_YEAR)) / total));
      }
    });
  }

  return formClasses(plans, students);
}

function formClasses(plans: readonly SchoolPlan[], students: Students): EnrolmentRecord[] {
  const out: EnrolmentRecord[] = [];
  const baseIndex = BASE_YEAR - FIRST_ENROLMENT_YEAR;
  plans.forEach((plan, si) => {
    for (const stage of KIND_STAGES[plan.school.kind]) {
      const grid = students.get(si)?.get(stage);
      if (!grid) continue;
      // Classrooms are fixed: sized so that this year's cohort fills them to the crowd target.
      const base = grid[baseIndex] ?? [];
      const mean = base.reduce((s, x) => s + x, 0) / Math.max(1, base.length);
      const cap = plan.crowdTarget === null ? Infinity : Math.max(1, Math.floor(mean / plan.crowdTarget));
      grid.forEach((row, yi) => {
        row.forEach((n, gi) => {
          if (n <= 0) return;
          const grade = gi + 1;
          out.push({
            school: plan.school.code,
            year: FIRST_ENROLMENT_YEAR + yi,
            stage,
            grade,
            classes: classesFor(plan, stage, grade, n, cap),
            students: n,
          });
        });
      });
    }
  });
  return out;
}

function classesFor(plan: SchoolPlan, stage: Stage, grade: number, n: number, cap: number): number {
  const norm =
    stage === 'preschool'
      ? (STANDARDS.kindergartenClassSize.value[grade - 1] ?? STANDARDS.classSize.value.preschool)
      : stage === 'special'
        ? 10
        : STANDARDS.classSize.value[stage];
  // Village schools and 教学点 keep one class per grade however few pupils they have.
  if (plan.role === 'share' && stage === 'primary' && n <= norm) return 1;
  const wanted = Math.ceil(n / norm);
  return Math.max(1, Math.ceil(n / HARD_MAX_CLASS), Math.min(wanted, cap));
}

export interface StageTotal {
  students: number;
  classes: number;
}

/** Students and classes per school, year and stage: what facilities and staff are sized from. */
export type SchoolTotals = Map<string, Map<number, Map<Stage, StageTotal>>>;

export function schoolTotals(records: readonly EnrolmentRecord[]): SchoolTotals {
  const out: SchoolTotals = new Map();
  for (const r of records) {
    let years = out.get(r.school);
    if (!years) out.set(r.school, (years = new Map()));
    let stages = years.get(r.year);
    if (!stages) years.set(r.year, (stages = new Map()));
    const cell = stages.get(r.stage) ?? { students: 0, classes: 0 };
    cell.students += r.students;
    cell.classes += knownClasses(r.classes);
    stages.set(r.stage, cell);
  }
  return out;
}
