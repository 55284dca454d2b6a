// `cli optimise`: the 布局优化 through the same API as the 规划 page. JSON carries the whole
// result (status, gap, cost, greedyCost, projects with reasons, unmetSeats,
// uncoveredChildren, travel, and the comparisons); text prints the projects and totals.
import type { MethodName, MethodResult } from '../../shared/api';
import { STAGE_LABEL } from '../../shared/domain';
import type { OptimiseResult } from '../../shared/optimise/result';
import { compactJson } from './projection';

export const OPTIMISE_HELP = `  optimise <文件.csplan> --stage primary|junior|preschool [--plan 十五五] [--scenario 中] [--budget 30000]
           [--year-budget 8000] [--time-limit 10] [--keep 学校代码,…] [--exclude 村代码,…]
           [--rule distance|area] [--json]
      布局优化：在规划期内求建设与调整总成本（建设、运行、出行、寄宿、缺学位）最低的新建、改扩建、撤并、转型和寄宿方案
      （HiGHS 混合整数规划，附贪心方案对比），每个项目附一句理由；--budget 为规划期建设投资上限（万元），
      --year-budget 为每年上限，--keep 指定必须保留的学校，--exclude 指定不得新建的村（社区）；
      --rule area 按片区学位平衡求解（不考虑服务半径，与“建设需求测算”同口径，用于比较投资）。`;

export const OPTIMISE_OPTIONS = {
  stage: { type: 'string' },
  budget: { type: 'string' },
  'year-budget': { type: 'string' },
  'time-limit': { type: 'string' },
  keep: { type: 'string' },
  exclude: { type: 'string' },
  rule: { type: 'string' },
} as const;

export interface OptimiseCliValues {
  json?: boolean | undefined;
  plan?: string | undefined;
  scenario?: string | undefined;
  stage?: string | undefined;
  budget?: string | undefined;
  'year-budget'?: string | undefined;
  'time-limit'?: string | undefined;
  keep?: string | undefined;
  exclude?: string | undefined;
  rule?: string | undefined;
}

const list = (v: string | undefined) => (v ? v.split(/[,，]/).map((s) => s.trim()).filter(Boolean) : undefined);

type Call = <M extends MethodName>(method: M, input: unknown) => Promise<MethodResult<M>>;

function amount(v: string | undefined, name: string, usage: (m: string) => Error): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v.trim());
  if (v.trim() === '' || !Number.isFinite(n) || n < 0) throw usage(`${name} 应为不小于 0 的数字`);
  return n;
}

const wan = (x: number) => `${(Math.round(x * 10) / 10).toLocaleString('zh-CN')} 万元`;

export function optimiseText(r: OptimiseResult): string {
  const status = { optimal: '已求得最优解', feasible: '可行解（未证明最优）', infeasible: '无可行解' }[r.status];
  const lines = [
    `布局优化（${STAGE_LABEL[r.stage]}，规划“${r.plan.name}”，情景 ${r.scenario}，${r.years[0]}—${r.years[r.years.length - 1]} 年）`,
    `求解：${status}，最优间隙 ${r.gap === null ? '—' : `${(r.gap * 100).toFixed(2)}%`}，用时 ${r.solver.seconds} 秒`,
    `建设投资：优化方案 ${wan(r.cost)}，贪心方案 ${wan(r.greedyCost)}；现有规划拟建项目 ${wan(r.current.cost)}，建设需求测算 ${wan(r.suggestions.cost)}`,
    `缺学位（规划期内最多）：${r.unmetSeats} 个；服务半径内无学位的儿童：${r.uncoveredChildren} 人；平均距离 ${r.travel.mean ?? '—'} km，最远 ${r.travel.max ?? '—'} km`,
    r.bridged.length === 0
      ? `项目最早 ${r.firstBuildYear} 年建成，无过渡期缺口`
      : `过渡期缺口（项目最早 ${r.firstBuildYear} 年建成，此前需临时挖潜）：${r.bridged.map((b) => `${b.year} 年 ${b.seats.toLocaleString('zh-CN')} 个`).join('、')}`,
    '',
    `项目 ${r.projects.length} 个：`,
    ...r.projects.map((p) => `  ${p.year} ${p.type} ${p.schoolName}${p.cost > 0 ? `（${wan(p.cost)}）` : ''}\n      ${p.reason}`),
  ];
  if (r.notes.length) lines.push('', '说明：', ...r.notes.map((n) => `  ${n}`));
  return lines.join('\n');
}

export async function optimiseCommand(values: OptimiseCliValues, call: Call, usage: (m: string) => Error): Promise<void> {
  if (!values.stage) throw usage('请用 --stage 指定学段：primary（小学）、junior（初中）或 preschool（学前）');
  if (!['primary', 'junior', 'preschool'].includes(values.stage)) throw usage('--stage 应为 primary、junior 或 preschool');
  if (values.rule !== undefined && !['distance', 'area'].includes(values.rule)) throw usage('--rule 应为 distance（服务半径）或 area（片区学位平衡）');
  const r = await call('plan.optimise', {
    plan: values.plan,
    scenario: values.scenario,
    stage: values.stage,
    budget: amount(values.budget, '--budget', usage),
    yearBudget: amount(values['year-budget'], '--year-budget', usage),
    timeLimit: amount(values['time-limit'], '--time-limit', usage),
    keep: list(values.keep),
    exclude: list(values.exclude),
    rule: values.rule,
  });
  console.log(values.json ? compactJson(r) : optimiseText(r));
}
