// Plan bench figures: what the 规划 page pays per edit on the sample county — the
// evaluation recomputed in the renderer (pure, shared/plan) with and without the helper's
// builds — and what the backend pays: the context with its projection, a stored edit with
// its undo entry, and the full evaluation the CLI prints.
import path from 'node:path';
import { createBackend } from '../../electron/backend';
import { createProjectWithData } from '../../electron/backend/services/project';
import { evaluatePlan, type EvaluationContext, type PlanDetail, type PlanEvaluation } from '../../shared/plan';
import { generateCounty } from '../../shared/sample';

type Measure = (name: string, times: number, fn: (i: number) => Promise<unknown> | unknown, note?: string) => Promise<number>;

export async function benchPlan(dir: string, measure: Measure): Promise<void> {
  const file = path.join(dir, 'plan-sample.csplan');
  const data = generateCounty();
  (await createProjectWithData(file, data)).close();
  const backend = createBackend({ dataDir: path.join(dir, 'plan-data'), shell: 'cli' });
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const res = await backend.dispatch(method, input);
    if (!res.ok) throw new Error(res.error.message);
    return res.result as T;
  };
  try {
    await call('project.open', { path: file });
    const plan = await call<PlanDetail>('plan.create', {});
    let ctx: EvaluationContext | undefined;
    await measure('规划：评估上下文（含“中”情景预测）', 5, async () => {
      ctx = await call<EvaluationContext>('plan.context', { plan: plan.id });
    }, '首次含预测校准');
    if (!ctx) throw new Error('no context');
    const context = ctx;
    const note = `示例县 ${data.schools.length} 所学校，${plan.baseYear}–${plan.outlookYear} 年`;
    let ev: PlanEvaluation | undefined;
    await measure('规划：逐年评估重算（无项目）', 50, () => {
      ev = evaluatePlan(context, plan);
    }, note);
    const proposals = ev?.suggestions.flatMap((s) => s.projects) ?? [];
    const built = await call<PlanDetail>('plan.addProjects', { plan: plan.id, projects: proposals });
    await measure('规划：逐年评估重算（采纳建设建议后）', 50, () => evaluatePlan(context, built), `${built.projects.length} 个项目；界面每次修改后的重算`);
    await measure('规划：保存一次修改并撤销（写入项目文件）', 10, async () => {
      await call('plan.setTarget', { plan: plan.id, target: { key: 'private_compulsory_share', name: '民办义务教育在校生占比', unit: '%', comparator: '<=', target: 5, attribute: '预期性' } });
      await call('plan.undo', { plan: plan.id });
    }, 'synchronous=FULL');
    await measure('规划：plan.evaluate（CLI evaluate 的路径）', 5, () => call('plan.evaluate', { plan: plan.id }), '读取数据 + 预测（已校准）+ 评估');
  } finally {
    backend.close();
  }
}
