// What the plan evaluation reads from the project file: the county's records and the demand.
// Demand is the enrolment projection of the plan's scenario up to its outlook year; where
// the data cannot be projected (fewer than two recorded years), the last recorded year is
// held instead and the result says "未使用预测". The records are the projection's own, read
// once per change of the file.
import {
  buildContext,
  defaultTargets,
  defaultTargetsWith,
  countyPopulation,
  evaluatePlan,
  flatDemand,
  newPlan,
  shiftPopulation,
  type DemandInput,
  type DemandSource,
  type EvaluationContext,
  type Plan,
  type PlanTarget,
  type PlanEvaluation,
} from '../../../shared/plan';
import { MAX_HORIZON_YEARS } from '../../../shared/projection';
import { AppError } from '../errors';
import { planIdByName, planRows, readPlan } from '../db/plans';
import type { ProjectFile } from '../db/project-file';
import { inclusionPresence, readInclusion } from '../db/inclusion';
import { birthsByYear } from '../db/queries';
import { DataVersionCache } from './data-version-cache';
import { planCatchments } from './geo-demand';
import { countyRecords, defaultBaseYear, runOneScenario, type CountyRecords } from './projection';

/** The projection in the evaluation's terms: only what it reads crosses to the renderer. */
function projectedDemand(file: ProjectFile, scenario: string, horizon: number): DemandInput {
  const p = runOneScenario(file, { scenario, horizon });
  return {
    baseYear: p.baseYear,
    years: p.years,
    scenario: p.scenario,
    schools: p.schools.map((s) => ({ code: s.code, stage: s.stage, students: s.students })),
    population: { years: p.population.years, county: p.population.county },
    flags: p.flags.map((f) => ({ level: f.level, message: f.message })),
  };
}

/** Two scenarios of two outlooks: the plans a county compares. Callers treat a context as read-only. */
const contexts = new DataVersionCache<EvaluationContext>(4);

/** The evaluation's context; with a stored plan's id, its drawn catchments too. */
export function planContextFor(file: ProjectFile, scenario: string, outlookYear: number, planId = 0): EvaluationContext {
  return contexts.get(file, JSON.stringify([scenario, outlookYear, planId]), () => buildPlanContext(file, scenario, outlookYear, planId));
}

function buildPlanContext(file: ProjectFile, scenario: string, outlookYear: number, planId: number): EvaluationContext {
  const data = countyRecords(file);
  const population = countyPopulation(data.population);
  const dataBase = baseYearOf(data);
  const horizon = Math.min(Math.max(outlookYear, dataBase + 1), dataBase + MAX_HORIZON_YEARS);

  let demand: DemandInput;
  let source: DemandSource;
  try {
    demand = projectedDemand(file, scenario, horizon);
    source = { kind: 'projection', scenario: demand.scenario, notes: (demand.flags ?? []).filter((f) => f.level === 'warning').map((f) => f.message) };
  } catch (err) {
    // A scenario that does not exist is the planner's mistake, not a reason to guess.
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw err;
    const why = err instanceof Error ? err.message : String(err);
    demand = flatDemand(data, dataBase, horizon, scenario);
    demand.population = shiftPopulation(population, birthsByYear(file.db), horizon);
    source = {
      kind: 'flat',
      scenario,
      notes: [`未使用预测：${why.replace(/[。.]$/, '')}。各校在校生暂按 ${dataBase} 年实际人数保持不变，结果仅供参考。`],
    };
  }
  const ctx = { ...buildContext({ ...data, population }, demand, source), inclusion: readInclusion(file.db) };
  const catchments = planCatchments(file, data, planId, ctx.dataBaseYear);
  return catchments ? { ...ctx, catchments } : ctx;
}

function baseYearOf(data: CountyRecords): number {
  return defaultBaseYear(data) ?? data.meta.baseYear;
}

/** The last recorded year up to the project's base year: where a new plan starts. */
export function dataBaseYear(file: ProjectFile): number {
  return baseYearOf(countyRecords(file));
}

/** The default targets for this project's data (docs/ARCHITECTURE.md, "Special education …"). */
export function projectDefaultTargets(file: ProjectFile): PlanTarget[] {
  return defaultTargetsWith(defaultTargets(), inclusionPresence(file.db));
}

export function withProjectTargets<P extends Pick<Plan, 'targets'>>(file: ProjectFile, plan: P): P {
  return { ...plan, targets: projectDefaultTargets(file) };
}

/** A stored plan by id or name; without either the first plan, or a default plan not saved. */
export function resolvePlan(file: ProjectFile, input: { plan?: number; name?: string }): Plan {
  let id: number | null = input.plan ?? null;
  if (id === null && input.name !== undefined) {
    id = planIdByName(file.db, input.name);
    if (id === null) {
      const names = planRows(file.db).map((p) => p.name);
      throw new AppError('NOT_FOUND', `没有名为“${input.name}”的规划。${names.length ? `现有规划：${names.join('、')}。` : '项目中还没有规划。'}`);
    }
  }
  if (id === null) id = planRows(file.db)[0]?.id ?? null;
  if (id === null) return withProjectTargets(file, newPlan(dataBaseYear(file)));
  const plan = readPlan(file.db, id);
  if (!plan) throw new AppError('NOT_FOUND', '要打开的规划已不存在。');
  return plan;
}

/** The evaluation the CLI prints and the annexes read. */
export function evaluateStoredPlan(file: ProjectFile, input: { plan?: number; name?: string; scenario?: string }): PlanEvaluation {
  const plan = resolvePlan(file, input);
  const ctx = planContextFor(file, input.scenario ?? plan.scenario, plan.outlookYear, plan.id);
  return evaluatePlan(ctx, input.scenario ? { ...plan, scenario: input.scenario } : plan);
}
