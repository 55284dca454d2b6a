// The layout optimiser's methods of the API contract, spread into shared/api/contract.ts.
// `plan.optimise` runs to the end and answers (the CLI); the page starts a job, polls its
// progress and may cancel it (the solver then returns the best layout found so far).
import { z } from 'zod';
import { method } from '../api/method';
import { PLAN_NAME } from '../plan/model';
import { SCENARIO_NAME } from '../projection';
import type { SolveProgressView } from './progress';
import type { OptimiseResult } from './result';
import { optimiseWeightsSchema } from './settings';

const schoolCode = z.string().regex(/^[0-9A-Za-z]{1,20}$/, '学校标识码格式不正确');
const wan = z.number('预算应为数字（万元）').min(0, '预算不能为负').max(10_000_000, '预算过大');

export const optimiseInput = z.strictObject({
  plan: z.union([z.number().int().positive('规划编号不正确'), PLAN_NAME]).optional(),
  scenario: SCENARIO_NAME.optional(),
  stage: z.enum(['preschool', 'primary', 'junior'], '学段应为 preschool、primary 或 junior'),
  /** 万元 of construction over the plan period. */
  budget: wan.nullable().optional(),
  /** 万元 of construction completed in any one year. */
  yearBudget: wan.nullable().optional(),
  weights: optimiseWeightsSchema.partial().optional(),
  /** Schools that stay open whatever the cost. */
  keep: z.array(schoolCode).max(2000).optional(),
  /** Candidate sites (village ids) not to build on. */
  exclude: z.array(z.string().min(1).max(40)).max(2000).optional(),
  /** distance: the service distance holds (default); area: any school of the village's area, as the plan's suggestions balance seats. */
  rule: z.enum(['distance', 'area'], '规则应为 distance（服务半径）或 area（片区学位平衡）').optional(),
  /** Whether rural candidate sites may take a 教学点 (primary only); default true. */
  teachingPoints: z.boolean().optional(),
  /** Seconds the solver may take (1–120). */
  timeLimit: z.number().min(1, '时限至少 1 秒').max(120, '时限不超过 120 秒').optional(),
});

const job = z.strictObject({ job: z.string().regex(/^[0-9a-z]{1,20}$/, '任务编号不正确') });

export interface OptimiseJob {
  job: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  progress: SolveProgressView | null;
  result: OptimiseResult | null;
  error: string | null;
}

export const optimiseMethods = {
  'plan.optimise': method<OptimiseResult>()(optimiseInput),
  'plan.optimiseStart': method<OptimiseJob>()(optimiseInput),
  'plan.optimiseStatus': method<OptimiseJob>()(job),
  'plan.optimiseCancel': method<OptimiseJob>()(job),
} as const;
