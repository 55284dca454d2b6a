// The 规划 methods of the API contract, spread into shared/api/contract.ts: method name →
// zod input schema → result type, as everywhere else in the contract.
import { z } from 'zod';
import type { EvaluationContext } from './context';
import { areaAssignmentSchema, PLAN_NAME, planHeaderSchema, projectInputSchema, receiverSchema, scenarioSchema, targetInputSchema, yearSchema, type Plan, type PlanHeader } from './model';
import { planSettingsSchema } from './settings';
import type { PlanEvaluation } from './types';
import { method } from '../api/method';

export interface PlanSummary extends PlanHeader {
  targets: number;
  projects: number;
  /** 万元, projects not 暂缓. */
  investment: number;
  updatedAt: string;
}

export interface PlanDetail extends Plan {
  createdAt: string;
  updatedAt: string;
  /** What undo and redo would take back (labels of the edits), and how many edits undo holds. */
  history: { undo: string | null; redo: string | null; undoCount: number };
}

const planId = planHeaderSchema.shape.id;
const year = yearSchema;
const scenario = scenarioSchema;
const projectId = z.number().int().positive('项目编号不正确');
const ref = { plan: planId };

/** Projects one import may carry: every one is checked, then all are written in one transaction. */
export const PROJECT_IMPORT_LIMIT = 2000;

const nameOrCode = z.string().trim().min(1, '不能为空').max(60, '不超过 60 个字');

/**
 * A project as a file brings it: schools and townships by code or by name, and receivers may
 * name a 新建 project of the same file written before them. The backend resolves the names and
 * then checks the project as `projectInputSchema` does.
 */
export const projectImportSchema = z.strictObject({
  ...projectInputSchema.shape,
  school: nameOrCode.nullable().default(null),
  township: nameOrCode.nullable().default(null),
  receivers: z.array(z.strictObject({ school: nameOrCode, share: receiverSchema.shape.share })).max(12, '接收学校不超过 12 所').default([]),
});
export type ProjectImport = z.output<typeof projectImportSchema>;

export interface ProjectImportResult {
  plan: PlanDetail;
  /** Ids of the file's projects in its order; `updated` those that were already in the plan. */
  ids: number[];
  updated: number[];
}

export const planMethods = {
  'plan.list': method<PlanSummary[]>()(z.strictObject({})),
  /** A new plan with the national default targets; years default to the data's base year + 5 / + 15. */
  'plan.create': method<PlanDetail>()(
    z.strictObject({ name: PLAN_NAME.optional(), baseYear: year.optional(), targetYear: year.optional(), outlookYear: year.optional(), scenario: scenario.optional() }),
  ),
  'plan.get': method<PlanDetail>()(z.strictObject(ref)),
  'plan.update': method<PlanDetail>()(
    z.strictObject({
      ...ref,
      name: PLAN_NAME.optional(),
      baseYear: year.optional(),
      targetYear: year.optional(),
      outlookYear: year.optional(),
      scenario: scenario.optional(),
      settings: planSettingsSchema.optional(),
    }),
  ),
  'plan.delete': method<PlanSummary[]>()(z.strictObject(ref)),
  /** Adds a target or replaces the one with the same key (or `previousKey`). */
  'plan.setTarget': method<PlanDetail>()(z.strictObject({ ...ref, target: targetInputSchema, previousKey: z.string().max(40).optional() })),
  'plan.removeTarget': method<PlanDetail>()(z.strictObject({ ...ref, key: z.string().min(1).max(40) })),
  /** Back to the national default targets. */
  'plan.resetTargets': method<PlanDetail>()(z.strictObject(ref)),
  'plan.addProjects': method<PlanDetail>()(
    z.strictObject({ ...ref, projects: z.array(projectInputSchema).min(1, '请至少提供一个项目').max(50, '一次最多添加 50 个项目') }),
  ),
  /**
   * Adds a file's projects to the plan named (the first plan, or a new default plan, when none
   * is named), all or nothing. A project already in the plan with the same type, name and
   * school is updated instead of added twice, so the same file can be imported again.
   */
  'plan.importProjects': method<ProjectImportResult>()(
    z.strictObject({
      plan: PLAN_NAME.optional(),
      projects: z.array(projectImportSchema).min(1, '请至少提供一个项目').max(PROJECT_IMPORT_LIMIT, `一次最多导入 ${PROJECT_IMPORT_LIMIT} 个项目`),
    }),
  ),
  'plan.updateProject': method<PlanDetail>()(z.strictObject({ ...ref, id: projectId, project: projectInputSchema })),
  'plan.removeProject': method<PlanDetail>()(z.strictObject({ ...ref, id: projectId })),
  /** Planning areas of the plan's townships (an empty name falls back to the township's own area). */
  'plan.setAreas': method<PlanDetail>()(z.strictObject({ ...ref, areas: z.array(areaAssignmentSchema).max(1000) })),
  'plan.undo': method<PlanDetail>()(z.strictObject(ref)),
  'plan.redo': method<PlanDetail>()(z.strictObject(ref)),
  /** What the evaluation reads besides the plan: the renderer evaluates locally while editing. */
  'plan.context': method<EvaluationContext>()(z.strictObject({ ...ref, scenario: scenario.optional() })),
  /** The evaluation of a stored plan (by id or name; the first plan, or the default plan unsaved, when neither). */
  'plan.evaluate': method<PlanEvaluation>()(z.strictObject({ plan: planId.optional(), name: PLAN_NAME.optional(), scenario: scenario.optional() })),
} as const;
