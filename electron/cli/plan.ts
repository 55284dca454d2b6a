// `cli evaluate`, `plan-list`, `plan-create`, `plan-add-project`: the plan (规划) through the
// same API as the 规划 page, so the numbers are the ones the page shows.
import fs from 'node:fs';
import path from 'node:path';
import type { MethodName, MethodResult } from '../../shared/api';
import { STAGE_LABEL } from '../../shared/domain';
import { COMPARATOR_LABEL, planHeadline, PROJECT_IMPORT_LIMIT, withUnit, type PlanEvaluation } from '../../shared/plan';
import { compactJson } from './projection';

export const PLAN_HELP = `  evaluate <文件.csplan> [--plan 十五五] [--scenario 中] [--json]
      评估规划：逐年学位供需与预警、班额、办学规模、优质均衡、各项指标达标情况和建设需求测算。
      项目中还没有规划时按默认规划（基准年起 5 年、展望 15 年、国家默认指标）评估，不写入文件。
  plan-list <文件.csplan> [--json]
      列出项目中的规划。
  plan-create <文件.csplan> [--name 十五五] [--base-year 2025] [--target-year 2030] [--outlook-year 2040] [--scenario 中] [--json]
      新建规划（带国家默认指标）。
  plan-add-project <文件.csplan> <项目.json> [--plan 十五五] [--json]
      从 JSON 文件添加建设项目（一个项目、项目数组或 {"projects": [...]}，一次最多 ${PROJECT_IMPORT_LIMIT} 个）。学校和乡镇可写代码或名称；
      撤并的接收学校可写同一文件中新建项目的名称。项目中还没有规划时先新建默认规划。
      全部检查无误后一次写入，有一个项目不对就什么都不写。规划中已有类型、名称和学校都相同的项目时
      更新该项目而不重复添加，所以同一文件可以再次导入。`;

export const PLAN_OPTIONS = {
  plan: { type: 'string' },
  'target-year': { type: 'string' },
  'outlook-year': { type: 'string' },
} as const;

export interface PlanCliValues {
  json?: boolean | undefined;
  plan?: string | undefined;
  name?: string | undefined;
  scenario?: string | undefined;
  'base-year'?: string | undefined;
  'target-year'?: string | undefined;
  'outlook-year'?: string | undefined;
}

type Call = <M extends MethodName>(method: M, input: unknown) => Promise<MethodResult<M>>;

function year(value: string | undefined, name: string, usage: (m: string) => Error): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value.trim())) throw usage(`${name} 应为四位年份，例如 2030`);
  return Number(value);
}

async function planIdOf(call: Call, name: string | undefined, refuse: (m: string) => Error): Promise<number | undefined> {
  if (name === undefined) return undefined;
  const plans = await call('plan.list', {});
  const found = plans.find((p) => p.name === name);
  if (!found) throw refuse(`没有名为“${name}”的规划。${plans.length ? `现有规划：${plans.map((p) => p.name).join('、')}。` : '项目中还没有规划。'}`);
  return found.id;
}

/** The machine-readable evaluation: the issue's keys first, every number as the page shows it. */
/** 教师编制 in the shape the CLI promises: arrays aligned with `years`. */
function teachersJson(t: PlanEvaluation['teachers']) {
  return {
    years: t.years,
    byStage: Object.fromEntries(
      t.stages.map((s) => {
        const r = t.byStage[s];
        return [s, r && { demand: r.demand, supply: r.supply, gap: r.gap, unknownPosts: r.unknownPosts, retired: r.retired, hired: r.hired, freedByClosure: r.freedByClosure, neededByNew: r.neededByNew }];
      }),
    ),
    byTownship: t.byTownship.map((r) => ({ township: r.township, name: r.townshipName, stage: r.stage, demand: r.demand, supply: r.supply, gap: r.gap, unknownPosts: r.unknownPosts })),
    missingStaff: t.missingStaff,
    staffYear: t.staffYear,
    retirementBasis: t.retirementBasis,
    notes: t.notes,
  };
}

export function evaluationJson(ev: PlanEvaluation) {
  return {
    plan: ev.plan,
    headline: planHeadline(ev),
    years: ev.years,
    source: ev.source,
    targets: ev.targets.map((t) => ({
      key: t.key, name: t.name, unit: t.unit, comparator: t.comparator, attribute: t.attribute, stages: t.stages,
      base: t.base, target: t.target, projected: t.projected, met: t.met,
    })),
    gaps: ev.gaps.map((g) => ({ area: g.area, stage: g.stage, year: g.year, demand: g.demand, capacity: g.capacity, gap: g.gap, classGap: g.classGap, utilisation: g.utilisation, level: g.level })),
    schools: ev.schools.map((s) => ({
      code: s.code, name: s.name, township: s.townshipName, area: s.area, stages: s.stages,
      demand: s.demand, capacity: s.capacity, utilisation: s.utilisation, level: s.level,
      capacityEstimated: ev.capacityEstimates.some((e) => e.code === s.code),
    })),
    balance: {
      year: ev.balance.year,
      primary: balanceJson(ev.balance.primary),
      junior: balanceJson(ev.balance.junior),
    },
    classes: ev.classes.map((c) => ({ year: c.year, large: c.large, oversized: c.oversized, byStage: c.byStage })),
    projects: ev.projects.map((p) => ({
      id: p.id, type: p.type, name: p.name, school: p.schoolName, township: p.townshipName, area: p.area, stages: p.stages,
      seats: p.seats, classes: p.classes, floorArea: p.floorArea, investment: p.investment, startYear: p.startYear,
      completionYear: p.completionYear, status: p.status, applied: p.applied, issue: p.issue,
      siteArea: p.siteArea, investmentParts: p.investmentParts,
    })),
    warnings: ev.warnings.map((w) => ({ level: w.level, kind: w.kind, year: w.year, stage: w.stage, message: w.message })),
    teachers: teachersJson(ev.teachers),
    suggestions: ev.suggestions.map((s) => ({
      area: s.area, stage: s.stage, firstYear: s.firstYear, peakYear: s.peakYear, peakSeats: s.peakSeats, peakClasses: s.peakClasses,
      text: s.text, outlook: s.outlook, projects: s.projects, bridgeOnly: s.bridgeOnly,
    })),
    layoutSuggestions: ev.layoutSuggestions.map((s) => ({
      type: s.type, school: s.schoolName, year: s.year, basePupils: s.basePupils, targetPupils: s.targetPupils,
      receiver: s.receiverName, receiverSpare: s.receiverSpare, text: s.text, project: s.project,
      travel: s.travel === null ? null : Math.round(s.travel), serviceDistance: s.serviceDistance,
    })),
    /** Schools whose seats and classes are estimated (none recorded), with the method. */
    capacityEstimates: ev.capacityEstimates,
  };
}

const round3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

function balanceJson(b: PlanEvaluation['balance']['primary']) {
  return {
    indicators: b.indicators.map((i) => ({ key: i.key, name: i.name, cv: i.cv === null ? null : Math.round(i.cv * 1000) / 1000, limit: i.limit, schoolsBelow: i.schoolsBelow, schoolsUnknown: i.schoolsUnknown })),
    schoolsPassing: b.schoolsPassing,
    schoolsTotal: b.schoolsTotal,
    schoolsUnknown: b.schoolsUnknown,
    remainderShare: b.remainderShare,
    schools: b.schools.map((s) => ({
      code: s.code, name: s.name, students: s.students, passCount: s.passCount, ok: s.ok, unknown: s.unknown,
      shortfalls: s.shortfalls.map((f) => ({
        key: f.key, value: round3(f.value), threshold: f.threshold, share: round3(f.share), withinRemainder: f.withinRemainder,
      })),
    })),
  };
}

const MET = (m: boolean | null) => (m === null ? '—' : m ? '达标' : '未达标');
const SIGN: Record<string, string> = { red: '●红', orange: '●橙', blue: '●蓝' };

/** 教师编制 in the target year, per stage, and how it was computed. */
function teachersText(ev: PlanEvaluation): string[] {
  const t = ev.teachers;
  const i = Math.max(0, Math.min(t.years.length - 1, ev.plan.targetYear - ev.plan.baseYear));
  return [
    `教师编制（${ev.plan.targetYear} 年）：`,
    ...t.stages.map((s) => {
      const r = t.byStage[s];
      const gap = r?.gap[i] ?? 0;
      return `  ${STAGE_LABEL[s]}：编制需求 ${r?.demand[i] ?? 0}，在岗教师 ${r?.supply[i] ?? 0}，${gap > 0 ? `缺编 ${gap}` : gap < 0 ? `超编 ${-gap}` : '持平'}`;
    }),
    ...t.notes.map((n) => `  ${n}`),
  ];
}

function headlineText(h: ReturnType<typeof planHeadline>): string {
  const peak = h.peakYears.length ? `规划期学位缺口峰值 ${h.peakGap} 个（${h.peakYears.join('、')} 年）` : '规划期内各年无学位缺口';
  return `${peak}，目标年 ${h.targetYear} 缺口 ${h.targetGap} 个，基准年现状缺口 ${h.baseGap} 个；建设项目 ${h.projects} 个，投资 ${h.investment} 万元；待采纳建议 ${h.suggestedProjects} 个项目`;
}

export function evaluationText(ev: PlanEvaluation): string {
  const p = ev.plan;
  const lines = [
    `规划“${p.name}”：基准年 ${p.baseYear}，目标年 ${p.targetYear}，展望至 ${p.outlookYear}；预测情景 ${p.scenario}`,
    ...ev.source.notes.map((n) => `注意：${n}`),
    '',
    `指标（${p.baseYear} 年 → ${p.targetYear} 年预计）：`,
    ...ev.targets.map(
      (t) => `  ${t.name}：${t.base ?? '—'} → ${t.projected === null ? '—' : withUnit(t.projected, t.unit)}（目标 ${COMPARATOR_LABEL[t.comparator]} ${withUnit(t.target, t.unit)}，${t.attribute}）${MET(t.met)}`,
    ),
    '',
    headlineText(planHeadline(ev)),
    '',
    `学位供需（${p.targetYear} 年）：`,
    ...ev.gaps
      .filter((g) => g.year === p.targetYear)
      .map((g) => `  ${g.area}${STAGE_LABEL[g.stage]}：需求 ${g.demand}，学位 ${g.capacity}，${g.gap > 0 ? `缺口 ${g.gap}` : `富余 ${-g.gap}`}（${g.utilisation === null ? '—' : `${Math.round(g.utilisation * 100)}%`}）`),
    '',
    `预警（${ev.warnings.length} 条）：`,
    ...ev.warnings.map((w) => `  ${SIGN[w.level] ?? ''} ${w.message}`),
  ];
  if (ev.layoutSuggestions.length > 0) lines.push('', '布局调整建议：', ...ev.layoutSuggestions.map((s) => `  ${s.text}`));
  if (ev.suggestions.length > 0) lines.push('', '建设需求测算：', ...ev.suggestions.flatMap((s) => [`  ${s.text}`, ...(s.outlook ? [`    ${s.outlook}`] : [])]));
  lines.push('', ...teachersText(ev));
  return lines.join('\n');
}

export async function evaluateCommand(values: PlanCliValues, call: Call, refuse: (m: string) => Error): Promise<void> {
  const plan = await planIdOf(call, values.plan, refuse);
  const ev = await call('plan.evaluate', { plan, scenario: values.scenario });
  console.log(values.json ? compactJson(evaluationJson(ev)) : evaluationText(ev));
}

export async function planListCommand(values: PlanCliValues, call: Call): Promise<void> {
  const plans = await call('plan.list', {});
  if (values.json) console.log(JSON.stringify(plans, null, 2));
  else if (plans.length === 0) console.log('项目中还没有规划。可用 plan-create 新建，或直接 evaluate 按默认规划评估。');
  else for (const p of plans) console.log(`${p.name}：${p.baseYear}–${p.targetYear}（展望 ${p.outlookYear}），指标 ${p.targets} 项，项目 ${p.projects} 个，投资 ${p.investment} 万元`);
}

export async function planCreateCommand(values: PlanCliValues, call: Call, usage: (m: string) => Error): Promise<void> {
  const plan = await call('plan.create', {
    name: values.name,
    baseYear: year(values['base-year'], '--base-year', usage),
    targetYear: year(values['target-year'], '--target-year', usage),
    outlookYear: year(values['outlook-year'], '--outlook-year', usage),
    scenario: values.scenario,
  });
  if (values.json) console.log(JSON.stringify(plan, null, 2));
  else console.log(`已新建规划“${plan.name}”：${plan.baseYear}–${plan.targetYear}（展望 ${plan.outlookYear}），默认指标 ${plan.targets.length} 项`);
}

type RawProject = Record<string, unknown>;

function readProjects(file: string, usage: (m: string) => Error): RawProject[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw usage(`无法读取项目文件“${path.basename(file)}”：${(err as Error).message}`);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { projects?: unknown })?.projects ?? [parsed];
  if (!Array.isArray(list) || list.length === 0 || !list.every((p) => p !== null && typeof p === 'object' && !Array.isArray(p))) {
    throw usage('项目文件应为一个项目对象、项目数组，或 {"projects": [...]}');
  }
  return list as RawProject[];
}

// `refuse` stays in the signature main.ts calls: the backend now refuses in Chinese itself.
export async function planAddProjectCommand(file: string, values: PlanCliValues, call: Call, usage: (m: string) => Error, _refuse?: (m: string) => Error): Promise<void> {
  const projects = readProjects(file, usage);
  const { plan, ids, updated } = await call('plan.importProjects', { plan: values.plan, projects });
  const byId = new Map(plan.projects.map((p) => [p.id, p]));
  const written = ids.map((id) => byId.get(id)).filter((p) => p !== undefined);
  if (values.json) {
    console.log(JSON.stringify(written, null, 2));
    return;
  }
  const fresh = written.filter((p) => !updated.includes(p.id));
  const counts = updated.length === 0 ? `${fresh.length} 个项目` : `${fresh.length} 个、更新 ${updated.length} 个项目`;
  console.log(`已添加 ${counts}到规划“${plan.name}”：${written.map((p) => p.name).join('、')}`);
}
