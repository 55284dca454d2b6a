// The plan evaluated for every year from its base year to its outlook year. Pure: the
// backend (for the CLI and the annexes) and the renderer (instant what-if while editing)
// run the same function on the same context, so they show the same numbers.
import { areaList, classYears, evaluatedStages, gapRows, schoolResults } from './aggregate';
import { runBalance } from './balance-run';
import type { EvaluationContext } from './context';
import { targetResults, yearFacts } from './facts';
import { checkYears, planHeader, type Plan } from './model';
import { projectResults } from './projects';
import { runPlan } from './run';
import { demandAllocation } from './demand';
import { defaultSettings } from './settings';
import { suggestLayout } from './layout-suggest';
import { suggestBuilds } from './suggest';
import { runTeachers } from './teachers/run';
import { defaultTargets } from './targets';
import type { PlanEvaluation } from './types';
import { planWarnings } from './warnings';
import { capacityEstimates, withEstimateNotes } from './estimates';

export function evaluatePlan(ctx: EvaluationContext, plan: Plan): PlanEvaluation {
  const wrong = checkYears(plan.baseYear, plan.targetYear, plan.outlookYear);
  if (wrong) throw new RangeError(wrong);
  const run = runPlan(ctx, plan);
  const stages = evaluatedStages(run);
  const { gaps, townships, county } = gapRows(run, stages);
  const schools = schoolResults(run);
  const classes = classYears(run);
  const balance = runBalance(run);
  const teachers = runTeachers(run);
  const facts = yearFacts(run, schools, gaps, classes, balance, teachers);
  const targets = targetResults(run, facts);
  const projects = projectResults(run, schools);
  const estimates = capacityEstimates(run);
  const noted = withEstimateNotes(estimates, planWarnings(run, { gaps, schools, targets, projects, classes }), suggestBuilds(run, gaps), plan.baseYear);
  return {
    plan: planHeader(plan),
    years: run.years,
    source: ctx.source,
    targets,
    gaps,
    townships,
    county,
    schools,
    classes,
    balance: balance.target,
    balanceBase: balance.base,
    balanceByYear: balance.byYear,
    projects,
    layoutSuggestions: suggestLayout(run, schools, gaps),
    warnings: noted.warnings,
    suggestions: noted.suggestions,
    capacityEstimates: estimates,
    allocation: demandAllocation(run.catchments, ctx.catchments?.year ?? null),
    areas: areaList(run),
    stages,
    teachers,
  };
}

export const DEFAULT_PLAN_NAME = '十五五';

/** A new plan for a county whose data end in `baseYear`: five years to the target, fifteen to the outlook. */
export function newPlan(baseYear: number, fields: Partial<Pick<Plan, 'id' | 'name' | 'targetYear' | 'outlookYear' | 'scenario'>> = {}): Plan {
  return {
    id: fields.id ?? 0,
    name: fields.name ?? DEFAULT_PLAN_NAME,
    baseYear,
    targetYear: fields.targetYear ?? baseYear + 5,
    outlookYear: fields.outlookYear ?? baseYear + 15,
    scenario: fields.scenario ?? '中',
    settings: defaultSettings(),
    targets: defaultTargets(),
    projects: [],
    areas: {},
  };
}
