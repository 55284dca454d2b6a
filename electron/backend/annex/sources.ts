// Where each annex's data comes from. One entry per annex kind: whether the project has
// the data now, and how to turn it into the provider's input. The plan's annexes (1, 3, 4,
// 5 and the demand chart) read the stored plan asked for and its evaluation, computed once
// per request (AnnexScope).
import {
  adjustmentsAnnex,
  demandChartAnnex,
  forecastAnnex,
  indicatorsAnnex,
  layoutMapAnnex,
  plannedSchoolsAnnex,
  completedProjectsAnnex,
  projectsAnnex,
  schoolListAnnex,
  seatBalanceAnnex,
  studentsChartAnnex,
  teachersAnnex,
  type AnnexContent,
  type AnnexContext,
  type AnnexKind,
  type CurrentSchool,
  type SchoolListInput,
} from '../../../shared/annex';
import { byYearAndStage } from '../../../shared/analysis/enrolment';
import { drawingFromGeo } from '../../../shared/map/from-geo';
import { geoMapWithCoverage } from '../services/geo';
import type { Plan, PlanEvaluation } from '../../../shared/plan';
import { readGeography } from '../db/geo';
import { planRows } from '../db/plans';
import type { ProjectFile } from '../db/project-file';
import { allEnrolment, counts, distinctYears } from '../db/queries';
import { AppError } from '../errors';
import { listTownships } from '../services/overview';
import { planReservations } from '../services/reservations';
import { evaluateStoredPlan, resolvePlan } from '../services/plan-context';
import { runProjection } from '../services/projection';
import { listSchools } from '../services/schools';
import { forecastInput } from './forecast-source';
import { completedProjectsInput, floorNormNote, plannedSchoolsInput } from './planned-schools-source';
import { teachersInput } from './teacher-source';
import { adjustmentsInput, demandChartInput, demandNotes, indicatorsInput, investmentNotes, levelNote, projectsInput, seatBalanceInput, yearsNote, type SchoolFacts } from './plan-source';

/** The plan asked for (id or name; the first plan when absent) and the projection scenario (the plan's own when absent). */
export interface PlanChoice {
  plan?: number | string | undefined;
  scenario?: string | undefined;
}

export const NO_PLAN_REASON = '尚未建立规划，请先在“规划”页新建规划。';

/** What the sources of one request share: the project, the plan asked for and, computed once, its evaluation. */
export class AnnexScope {
  private stored: Plan | null | undefined;
  private evaluated: PlanEvaluation | undefined;

  constructor(
    readonly file: ProjectFile,
    readonly choice: PlanChoice = {},
  ) {}

  /** The stored plan asked for; null when the project has none and none was named. Unknown plans: NOT_FOUND. */
  plan(): Plan | null {
    if (this.stored === undefined) {
      const { plan } = this.choice;
      if (plan === undefined && planRows(this.file.db).length === 0) this.stored = null;
      else this.stored = resolvePlan(this.file, typeof plan === 'number' ? { plan } : typeof plan === 'string' ? { name: plan } : {});
    }
    return this.stored;
  }

  /** The scenario asked for, else the plan's own, else the projection's default. */
  scenario(): string | undefined {
    return this.choice.scenario ?? this.plan()?.scenario;
  }

  /** The stored plan and its evaluation under the chosen scenario. */
  evaluation(): { plan: Plan; ev: PlanEvaluation } {
    const plan = this.plan();
    if (!plan) throw new AppError('NOT_FOUND', NO_PLAN_REASON);
    this.evaluated ??= evaluateStoredPlan(this.file, { plan: plan.id, ...(this.choice.scenario ? { scenario: this.choice.scenario } : {}) });
    return { plan, ev: this.evaluated };
  }
}

export interface AnnexSource {
  availability(scope: AnnexScope): { available: boolean; reason: string | null };
  build(scope: AnnexScope, ctx: AnnexContext): AnnexContent;
}

const READY = { available: true, reason: null } as const;
const missing = (reason: string) => ({ available: false, reason });

/** Plan annexes need a stored plan; a plan asked for that does not exist is said in words. */
function planAvailability(scope: AnnexScope): { available: boolean; reason: string | null } {
  try {
    return scope.plan() ? READY : missing(NO_PLAN_REASON);
  } catch (err) {
    if (err instanceof AppError) return missing(err.message);
    throw err;
  }
}

/** Existing schools by code: kind and township name as the layout table prints them. */
function schoolFacts(file: ProjectFile): Map<string, SchoolFacts> {
  return new Map(listSchools(file).map((s) => [s.code, s]));
}

function withNotes<T extends AnnexContent>(content: T, notes: readonly string[]): T {
  return { ...content, notes: [...content.notes, ...notes] };
}

/** A table without rows says why, in a row across it, instead of printing a bare header. */
function emptySaying<T extends AnnexContent>(content: T, text: string): T {
  return content.table.rows.length > 0 ? content : { ...content, table: { ...content.table, rows: [{ kind: 'group', cells: [text] }] } };
}

const deferredNote = (n: number) => (n > 0 ? [`另有暂缓实施的项目 ${n} 个，未列入本表。`] : []);

/** Schools with their latest figures and areas, in the provider's terms. */
export function schoolListInput(file: ProjectFile): SchoolListInput {
  const rows = listSchools(file);
  const schools: CurrentSchool[] = rows.map((r) => ({
    name: r.name,
    kind: r.kind,
    ownership: r.ownership,
    township: r.township,
    classes: r.classes,
    students: r.students,
    capacity: r.capacity,
    capacityFromClasses: r.capacitySource === 'classes' || r.capacitySource === 'grades',
    capacityFromStudents: r.capacitySource === 'students',
    capacityFromFloorArea: r.capacitySource === 'floor',
    siteArea: r.siteArea,
    floorArea: r.floorArea,
    largeClasses: r.largeClasses,
    status: r.status,
  }));
  const years = rows.map((r) => r.year).filter((y): y is number => y !== null);
  return {
    year: years.length ? Math.max(...years) : null,
    townships: listTownships(file).map((t) => ({ code: t.code, name: t.name, urbanRural: t.urbanRural })),
    schools,
  };
}

/** The plan's geography query: the stored plan asked for and its scenario. */
function geoQuery(scope: AnnexScope): { plan?: number; scenario?: string } {
  const plan = scope.plan();
  const scenario = scope.scenario();
  return { ...(plan ? { plan: plan.id } : {}), ...(scenario ? { scenario } : {}) };
}

/** 现状 in the plan's base year (nothing built yet), 规划 in its target year. */
function layoutMapBuild(scope: AnnexScope, ctx: AnnexContext): AnnexContent {
  const query = geoQuery(scope);
  const { map: base, coverage: baseCoverage } = geoMapWithCoverage(scope.file, query);
  const target = scope.plan()?.targetYear ?? base.years[Math.min(5, base.years.length - 1)] ?? base.year;
  const { map: planned, coverage: plannedCoverage } = geoMapWithCoverage(scope.file, { ...query, year: target });
  // Rings of one stage: three stages of circles over each other hide the map.
  const ringsOf = (d: ReturnType<typeof drawingFromGeo>) => ({ ...d, rings: d.rings.filter((r) => r.stage === 'primary') });
  return layoutMapAnnex(
    {
      ringStage: '小学',
      panels: [
        { label: '现状', year: base.year, drawing: ringsOf(drawingFromGeo(base, 'all')), coverage: baseCoverage },
        { label: '规划', year: planned.year, drawing: ringsOf(drawingFromGeo(planned, 'all')), coverage: plannedCoverage },
      ],
    },
    ctx,
  );
}

export const ANNEX_SOURCES: Record<AnnexKind, AnnexSource> = {
  indicators: {
    availability: planAvailability,
    build: (scope, ctx) => {
      const { plan, ev } = scope.evaluation();
      return withNotes(indicatorsAnnex(indicatorsInput(plan, ev), ctx), demandNotes(ev));
    },
  },
  forecast: {
    // Grade progression needs at least two recorded years (the projection refuses fewer).
    availability: ({ file }) =>
      distinctYears(file.db, 'enrolment').length >= 2 ? READY : missing('预测需要至少两年的在校生数据，请先导入历年教育事业统计表。'),
    build: (scope, ctx) => {
      const scenario = scope.scenario();
      return forecastAnnex(forecastInput(scope.file, runProjection(scope.file, scenario ? { scenario } : {}), scope.plan()), ctx);
    },
  },
  'seat-balance': {
    availability: planAvailability,
    build: (scope, ctx) => {
      const { plan, ev } = scope.evaluation();
      const content = seatBalanceAnnex(seatBalanceInput(plan, ev), ctx);
      return { ...content, notes: [content.notes[0] ?? '', levelNote(plan), yearsNote(plan), ...demandNotes(ev)].filter(Boolean) };
    },
  },
  projects: {
    availability: planAvailability,
    build: (scope, ctx) => {
      const { plan, ev } = scope.evaluation();
      const { input, deferred } = projectsInput(plan, ev);
      const spanning = input.projects.some((p) => p.stageLabel) ? ['跨学段学校（如九年一贯制学校）计入其第一个学段的小计。'] : [];
      return emptySaying(withNotes(projectsAnnex(input, ctx), [...spanning, ...deferredNote(deferred), ...investmentNotes(plan, ev)]), '（规划中尚无新建、改扩建或迁建项目）');
    },
  },
  adjustments: {
    availability: planAvailability,
    build: (scope, ctx) => {
      const { plan, ev } = scope.evaluation();
      const { input, deferred } = adjustmentsInput(plan, ev, schoolFacts(scope.file));
      return emptySaying(withNotes(adjustmentsAnnex(input, ctx), deferredNote(deferred)), '（规划中尚无撤并、迁建或转型的学校）');
    },
  },
  schools: {
    availability: ({ file }) => (counts(file.db).schools > 0 ? READY : missing('项目中还没有学校数据，请先导入学校统计表。')),
    build: ({ file }, ctx) => schoolListAnnex(schoolListInput(file), ctx),
  },
  'students-chart': {
    availability: ({ file }) => (distinctYears(file.db, 'enrolment').length > 0 ? READY : missing('项目中还没有在校生数据，请先导入教育事业统计表。')),
    build: ({ file }, ctx) => studentsChartAnnex({ studentsByYear: byYearAndStage(allEnrolment(file.db), 'students') }, ctx),
  },
  'demand-chart': {
    availability: planAvailability,
    build: (scope, ctx) => {
      const { ev } = scope.evaluation();
      return withNotes(demandChartAnnex(demandChartInput(ev), ctx), demandNotes(ev, false));
    },
  },
  teachers: {
    availability: planAvailability,
    build: (scope, ctx) => {
      const { ev } = scope.evaluation();
      return withNotes(teachersAnnex(teachersInput(ev), ctx), demandNotes(ev));
    },
  },
  'layout-map': {
    // Boundaries or located schools: reading the geography is cheap, drawing it is not.
    availability: (scope) => {
      const plan = planAvailability(scope);
      if (!plan.available) return plan;
      const g = readGeography(scope.file.db);
      const located = listSchools(scope.file).some((s) => s.lng !== null && s.lat !== null);
      return g.outline || g.townships.length > 0 || located ? READY : missing('项目中还没有边界或学校位置，请先导入乡镇边界或学校经纬度。');
    },
    build: layoutMapBuild,
  },
  'planned-schools': {
    availability: planAvailability,
    build: (scope, ctx) => {
      const { plan, ev } = scope.evaluation();
      const recorded = new Map(listSchools(scope.file).map((s) => [s.code, { siteArea: s.siteArea, floorArea: s.floorArea }]));
      const reserved = planReservations(scope.file, plan, scope.scenario());
      const content = plannedSchoolsAnnex(plannedSchoolsInput(plan, ev, recorded, reserved.urbanTownships, reserved), ctx);
      return emptySaying(withNotes(content, [floorNormNote(plan)]), '（项目中还没有学校）');
    },
  },
  'completed-projects': {
    availability: planAvailability,
    build: (scope, ctx) => {
      const { plan, ev } = scope.evaluation();
      return emptySaying(completedProjectsAnnex(completedProjectsInput(plan, ev), ctx), `（规划中没有${plan.baseYear}年及以前完成的项目）`);
    },
  },
};
