// `cli plan-settings` and `plan-set-target`: a plan's settings and targets read and written as
// JSON through the same API (and the same validation, journal and undo) as the 规划 page, so a
// bureau can script its plan and diff it.
import fs from 'node:fs';
import path from 'node:path';
import type { MethodName, MethodResult } from '../../shared/api';
import { COMPARATOR_LABEL, COMPARATORS, TARGET_ATTRIBUTES, withUnit, type PlanDetail, type PlanTarget } from '../../shared/plan';

export const PLAN_SETTINGS_HELP = `  plan-settings <文件.csplan> [--plan 十五五] [--set 设置.json]
      不带 --set 时以 JSON 输出规划的全部评估参数（预警阈值、班额、办学规模、优质均衡、建设测算……）。
      带 --set 时把 JSON 文件中的参数（可只写要改的部分）合并进规划并检查，写入后可在“规划”页撤销；
      输出改动的每一项。
  plan-set-target <文件.csplan> --key 指标代码 [--target 数值] [--name 指标名称] [--unit 单位]
      [--comparator ">=" | ">" | "<=" | "<" | "="] [--attribute 约束性|预期性] [--plan 十五五] [--json]
      修改规划中的一项指标，或新增一项（新增时须给出 --name、--comparator 和 --target）。`;

export const PLAN_SETTINGS_OPTIONS = {
  set: { type: 'string' },
  key: { type: 'string' },
  target: { type: 'string' },
  unit: { type: 'string' },
  comparator: { type: 'string' },
  attribute: { type: 'string' },
} as const;

export interface PlanSettingsValues {
  json?: boolean | undefined;
  plan?: string | undefined;
  name?: string | undefined;
  set?: string | undefined;
  key?: string | undefined;
  target?: string | undefined;
  unit?: string | undefined;
  comparator?: string | undefined;
  attribute?: string | undefined;
}

type Call = <M extends MethodName>(method: M, input: unknown) => Promise<MethodResult<M>>;
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** The named plan, or the only one; several plans without --plan is a question for the user. */
async function choosePlan(call: Call, name: string | undefined, refuse: (m: string) => Error): Promise<PlanDetail> {
  const plans = await call('plan.list', {});
  if (plans.length === 0) throw refuse('项目中还没有规划，请先用 plan-create 新建规划。');
  const found = name === undefined ? (plans.length === 1 ? plans[0] : undefined) : plans.find((p) => p.name === name);
  if (!found) {
    const list = plans.map((p) => p.name).join('、');
    throw refuse(name === undefined ? `项目中有 ${plans.length} 个规划（${list}），请用 --plan 指定一个。` : `没有名为“${name}”的规划。现有规划：${list}。`);
  }
  return call('plan.get', { plan: found.id });
}

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `patch` laid over `base`: objects merge key by key, anything else replaces. */
export function mergeSettings(base: Json, patch: Json): Json {
  if (!isObject(base) || !isObject(patch)) return patch;
  const out: Record<string, Json> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = k in base ? mergeSettings(base[k] as Json, v) : v;
  return out;
}

/** Every leaf that differs, as "a.b.c：旧 → 新". */
export function settingsChanges(before: Json, after: Json, prefix = ''): string[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => settingsChanges(before[k] ?? null, after[k] ?? null, prefix ? `${prefix}.${k}` : k));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [`${prefix}：${JSON.stringify(before)} → ${JSON.stringify(after)}`];
}

function readJsonObject(file: string, usage: (m: string) => Error): Record<string, Json> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw usage(`无法读取设置文件“${path.basename(file)}”：${(err as Error).message}`);
  }
  if (!isObject(parsed)) throw usage(`设置文件“${path.basename(file)}”应为一个 JSON 对象，例如 {"classSize": {"primary": 45}}`);
  return parsed;
}

export async function planSettingsCommand(
  values: PlanSettingsValues,
  call: Call,
  usage: (m: string) => Error,
  refuse: (m: string) => Error,
): Promise<void> {
  const plan = await choosePlan(call, values.plan, refuse);
  if (values.set === undefined) {
    console.log(JSON.stringify(plan.settings, null, 2));
    return;
  }
  const before = plan.settings as unknown as Json;
  const merged = mergeSettings(before, readJsonObject(values.set, usage));
  const updated = await call('plan.update', { plan: plan.id, settings: merged });
  const changes = settingsChanges(before, updated.settings as unknown as Json);
  if (values.json) console.log(JSON.stringify(updated.settings, null, 2));
  else if (changes.length === 0) console.log(`规划“${plan.name}”的设置没有变化。`);
  else console.log([`已更新规划“${plan.name}”的设置（${changes.length} 项）：`, ...changes.map((c) => `  ${c}`)].join('\n'));
}

function numberOption(value: string | undefined, name: string, usage: (m: string) => Error): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n)) throw usage(`${name} 应为数值，例如 95`);
  return n;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string, usage: (m: string) => Error): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw usage(`${name} 应为 ${allowed.join('、')} 之一（收到“${value}”）`);
  return value as T;
}

export async function planSetTargetCommand(
  values: PlanSettingsValues,
  call: Call,
  usage: (m: string) => Error,
  refuse: (m: string) => Error,
): Promise<void> {
  if (!values.key) throw usage('请用 --key 指定指标代码（evaluate --json 的 targets 中列出各指标的 key）');
  const plan = await choosePlan(call, values.plan, refuse);
  const current = plan.targets.find((t) => t.key === values.key);
  const fields = {
    name: values.name,
    unit: values.unit,
    comparator: oneOf(values.comparator, COMPARATORS, '--comparator', usage),
    attribute: oneOf(values.attribute, TARGET_ATTRIBUTES, '--attribute', usage),
    target: numberOption(values.target, '--target', usage),
  };
  const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  if (Object.keys(given).length === 0) throw usage('请至少给出 --target、--name、--unit、--comparator 或 --attribute 中的一项');
  if (!current) {
    const missing = (['name', 'comparator', 'target'] as const).filter((k) => fields[k] === undefined).map((k) => `--${k}`);
    if (missing.length > 0) throw usage(`规划“${plan.name}”中没有指标“${values.key}”；新增指标须给出 ${missing.join('、')}`);
  }
  const target: PlanTarget | Record<string, unknown> = { ...(current ?? { key: values.key }), ...given };
  const updated = await call('plan.setTarget', { plan: plan.id, target });
  const saved = updated.targets.find((t) => t.key === values.key);
  if (values.json) {
    console.log(JSON.stringify(saved, null, 2));
    return;
  }
  if (!saved) return;
  console.log(
    `已${current ? '修改' : '新增'}规划“${plan.name}”的指标“${saved.name}”：${COMPARATOR_LABEL[saved.comparator]} ${withUnit(saved.target, saved.unit)}（${saved.attribute}）` +
      (current && current.target !== saved.target ? `，原为 ${withUnit(current.target, current.unit)}` : ''),
  );
}
