// A plan as the planner edits it: its years, targets, projects and planning areas. The zod
// schemas are the single definition of these records: the API validates input with them,
// and the stored and evaluated types are inferred from them (see docs/ARCHITECTURE.md,
// "Records"). What differs between project types is in project-types.ts.
import { z } from 'zod';
import { GROUP_KINDS } from '../domain/inclusion';
import { nameSchema } from '../domain/names';
import { OWNERSHIPS, SCHOOL_KINDS, STAGES } from '../domain/stages';
import { PROJECT_TYPE, PROJECT_TYPES, usedFields, type ProjectType, type RequiredField } from './project-types';
import { planSettingsSchema } from './settings';

/** 暂缓 projects stay in the list but count nowhere. */
export const PROJECT_STATUSES = ['拟建', '在建', '已建成', '暂缓'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const FUNDING_SOURCES = ['中央预算内投资', '地方政府专项债券', '省级财政', '县级财政', '社会资本', '其他'] as const;

export const TARGET_ATTRIBUTES = ['预期性', '约束性'] as const;
export type TargetAttribute = (typeof TARGET_ATTRIBUTES)[number];

export const COMPARATORS = ['>', '>=', '<', '<=', '='] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const COMPARATOR_LABEL: Record<Comparator, string> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤', '=': '=' };

/**
 * A school a project refers to: an existing school's 学校标识码, or `new:<project id>` for
 * the school a 新建 project of the same plan creates.
 */
export type SchoolRef = string;
export const NEW_SCHOOL_PREFIX = 'new:';

export function newSchoolRef(projectId: number): SchoolRef {
  return `${NEW_SCHOOL_PREFIX}${projectId}`;
}

export function projectIdOfRef(ref: SchoolRef): number | null {
  if (!ref.startsWith(NEW_SCHOOL_PREFIX)) return null;
  const id = Number(ref.slice(NEW_SCHOOL_PREFIX.length));
  return Number.isInteger(id) && id > 0 ? id : null;
}

// ---- Input schemas ---------------------------------------------------------------------

export const yearSchema = z.number('请填写年份').int().min(1990, '年份应在 1990 年以后').max(2100, '年份应在 2100 年以前');
const schoolRefSchema = z.string().regex(/^([0-9A-Za-z]{1,20}|new:\d{1,9})$/, '学校标识码格式不正确');
const townshipSchema = z.string().regex(/^\d{1,12}$/, '乡镇代码格式不正确');
const area = z.number().min(0, '面积不能为负').max(10_000_000, '面积过大');

export const PLAN_NAME = z
  .string()
  .trim()
  .min(1, '请填写规划名称')
  .max(30, '规划名称不超过 30 个字')
  .refine((s) => !/[\0/\\]/.test(s), '规划名称含有非法字符');

/**
 * The school group a 集团化办学 action forms or extends, by name: a name the county's groups (or
 * an earlier action) already use extends that group with `members`; a new name forms a group of
 * `kind` around the project's school as its core.
 */
export const groupActionSchema = z.strictObject({
  name: nameSchema.trim().min(1, '请填写集团（共同体、学区）名称'),
  kind: z.enum(GROUP_KINDS, `集团类型应为 ${GROUP_KINDS.join('、')} 之一`).default('教育集团'),
  members: z.array(schoolRefSchema).max(60, '成员学校不超过 60 所').default([]),
});
export type GroupAction = z.output<typeof groupActionSchema>;

export const receiverSchema = z.strictObject({
  school: schoolRefSchema,
  /** Share of the closed school's students this school takes, 0–1; shares add up to 1. */
  share: z.number().gt(0, '接收比例应大于 0').max(1, '接收比例不超过 100%'),
});

/**
 * One build or layout change, as the planner enters it. What the fields mean depends on the
 * type (project-types.ts):
 * - 新建: a new school `name` of `kind` in `township`, with `classes` and `seats` in total;
 * - 改扩建: `school` gains `classes` and `seats` in `stage` (its first stage when null);
 * - 迁建: `school` moves to `township` and has `classes` and `seats` there from completion;
 * - 撤并: `school` closes in `completionYear`; its students go to `receivers`;
 * - 转型: `school` becomes a `kind` school with `classes` and `seats`; students of stages it
 *   no longer teaches go to `receivers`;
 * - 提质改造 / 改薄 / 校舍加固 / 运动场: `school`'s buildings or grounds, with floor area, site
 *   area and investment but no seats;
 * - 寄宿: `school` gains `boardingPlaces` (dormitory and canteen), no seats;
 * - 集团化办学: `schoolGroup` is formed around `school` or gains members, from `completionYear`.
 */
const projectFields = {
  type: z.enum(PROJECT_TYPES, `项目类型应为 ${PROJECT_TYPES.join('、')} 之一`),
  name: z.string().trim().min(1, '请填写项目名称').max(60, '项目名称不超过 60 个字'),
  school: schoolRefSchema.nullable().default(null),
  kind: z.enum(SCHOOL_KINDS, '学校类型不正确').nullable().default(null),
  ownership: z.enum(OWNERSHIPS).default('公办'),
  township: townshipSchema.nullable().default(null),
  stage: z.enum(STAGES).nullable().default(null),
  classes: z.number().int('班数应为整数').min(0, '班数不能为负').max(300, '班数过大').default(0),
  seats: z.number().int('学位数应为整数').min(0, '学位数不能为负').max(30_000, '学位数过大').default(0),
  /** m². */
  floorArea: area.nullable().default(null),
  /** m². */
  siteArea: area.nullable().default(null),
  /** 万元. */
  investment: z.number().min(0, '投资不能为负').max(10_000_000, '投资过大').nullable().default(null),
  /** Null: the completion year less the construction years of the settings. */
  startYear: yearSchema.nullable().default(null),
  /** First school year the change is in effect. */
  completionYear: yearSchema,
  funding: z.string().trim().max(40, '资金来源不超过 40 个字').default(''),
  status: z.enum(PROJECT_STATUSES).default('拟建'),
  receivers: z.array(receiverSchema).max(12, '接收学校不超过 12 所').default([]),
  note: z.string().trim().max(300, '备注不超过 300 个字').default(''),
  /** 寄宿床位 a 寄宿 project adds. */
  boardingPlaces: z.number().int('寄宿床位数应为整数').min(0, '寄宿床位数不能为负').max(10_000, '寄宿床位数过大').default(0),
  /** The group a 集团化办学 action forms or extends. */
  schoolGroup: groupActionSchema.nullable().default(null),
  /** 新建: the housing development whose reserved 配套学校 site it builds (its id), if any. */
  development: z.number().int().positive('新建住宅项目编号不正确').nullable().default(null),
};

const projectFieldsSchema = z.strictObject(projectFields);

const present: Record<RequiredField, (p: z.output<typeof projectFieldsSchema>) => boolean> = {
  school: (p) => p.school !== null,
  kind: (p) => p.kind !== null,
  township: (p) => p.township !== null,
  seats: (p) => p.seats > 0,
  classesOrSeats: (p) => p.seats > 0 || p.classes > 0,
  receivers: (p) => p.receivers.length > 0,
  works: (p) => (p.floorArea ?? 0) > 0 || (p.siteArea ?? 0) > 0 || (p.investment ?? 0) > 0,
  boardingPlaces: (p) => p.boardingPlaces > 0,
  schoolGroup: (p) => p.schoolGroup !== null && p.schoolGroup.members.length > 0,
};
/** Where the form shows a missing field's message. */
const messageField: Record<RequiredField, string> = {
  school: 'school', kind: 'kind', township: 'township', seats: 'seats', classesOrSeats: 'seats', receivers: 'receivers',
  works: 'floorArea', boardingPlaces: 'boardingPlaces', schoolGroup: 'schoolGroup',
};

export const projectInputSchema = projectFieldsSchema.superRefine((p, ctx) => {
  const need = (ok: boolean, message: string, path: string) => {
    if (!ok) ctx.addIssue({ code: 'custom', message, path: [path] });
  };
  if (p.startYear !== null) need(p.startYear <= p.completionYear, '开工年份不能晚于建成年份', 'startYear');
  for (const [field, message] of Object.entries(PROJECT_TYPE[p.type].required) as [RequiredField, string][]) {
    need(present[field](p), message, messageField[field]);
  }
  if (p.receivers.length > 0) {
    const total = p.receivers.reduce((s, r) => s + r.share, 0);
    need(Math.abs(total - 1) < 0.005, `接收比例合计应为 100%（现为 ${Math.round(total * 1000) / 10}%）`, 'receivers');
    const refs = p.receivers.map((r) => r.school);
    need(new Set(refs).size === refs.length, '接收学校不能重复', 'receivers');
    need(p.school === null || !refs.includes(p.school), '接收学校不能是被撤并的学校本身', 'receivers');
  }
  if (p.schoolGroup && usedFields(p.type).group) {
    const members = p.schoolGroup.members;
    need(new Set(members).size === members.length, '成员学校不能重复', 'schoolGroup');
    need(p.school === null || !members.includes(p.school), '成员学校不能是核心学校本身', 'schoolGroup');
  }
});
export type ProjectInput = z.input<typeof projectInputSchema>;
export type ProjectFields = z.output<typeof projectInputSchema>;

/**
 * The project with what its type does not use cleared: a form keeps every field while the
 * planner switches between types, and only the ones the type reads are saved.
 */
export function withTypeFields(p: ProjectFields): ProjectFields {
  const f = usedFields(p.type);
  return {
    ...p,
    school: f.school ? p.school : null,
    kind: f.kind ? p.kind : null,
    township: f.township ? p.township : null,
    stage: f.stage ? p.stage : null,
    classes: f.size ? p.classes : 0,
    seats: f.size ? p.seats : 0,
    floorArea: f.works ? p.floorArea : null,
    siteArea: f.works ? p.siteArea : null,
    investment: f.works ? p.investment : null,
    receivers: f.receivers ? p.receivers : [],
    boardingPlaces: f.boarding ? p.boardingPlaces : 0,
    schoolGroup: f.group ? p.schoolGroup : null,
    development: f.development ? p.development : null,
  };
}

// Built once: deriving a schema is far dearer than parsing with it, and the helper's
// proposals ask for a default project on every evaluation.
const unnamedProjectSchema = projectFieldsSchema.omit({ name: true });

/** A fresh project of `type` with the schema's defaults (the planner still names it). */
export function defaultProject(type: ProjectType, completionYear: number): ProjectFields {
  return { ...unnamedProjectSchema.parse({ type, completionYear }), name: '' };
}

const projectId = z.number().int().positive('项目编号不正确');

/** A stored project: the input with its id and the start year settled. */
export const planProjectSchema = z.object({ ...projectFields, id: projectId, startYear: yearSchema });
export type PlanProject = z.output<typeof planProjectSchema>;
export type Receiver = z.output<typeof receiverSchema>;

export const targetInputSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, '指标代码格式不正确'),
  name: z.string().trim().min(1, '请填写指标名称').max(60, '指标名称不超过 60 个字'),
  unit: z.string().trim().max(10, '单位不超过 10 个字').default(''),
  comparator: z.enum(COMPARATORS, '比较方式不正确'),
  target: z.number().min(-1e9).max(1e9),
  attribute: z.enum(TARGET_ATTRIBUTES).default('预期性'),
  /** Targets the program cannot compute (the planner's own) carry the planner's figures. */
  manualBase: z.number().min(-1e9).max(1e9).nullable().default(null),
  manualProjected: z.number().min(-1e9).max(1e9).nullable().default(null),
});
export type TargetInput = z.input<typeof targetInputSchema>;
export type PlanTarget = z.output<typeof targetInputSchema>;

export const areaAssignmentSchema = z.strictObject({
  township: townshipSchema,
  area: z.string().trim().max(20, '片区名称不超过 20 个字'),
});

export const scenarioSchema = z.string().trim().min(1, '请填写情景名称').max(20, '情景名称不超过 20 个字');

/** What names a plan and its period: the plan lists, the annex choice and the evaluation carry this. */
export const planHeaderSchema = z.object({
  id: z.number().int().positive('规划编号不正确'),
  name: PLAN_NAME,
  baseYear: yearSchema,
  targetYear: yearSchema,
  outlookYear: yearSchema,
  /** Projection scenario the plan is evaluated under. */
  scenario: scenarioSchema,
});
export type PlanHeader = z.output<typeof planHeaderSchema>;

const HEADER_KEYS = Object.keys(planHeaderSchema.shape) as (keyof PlanHeader)[];

/** Only the header of a plan, a plan row or a summary (what lists and the evaluation carry). */
export function planHeader(p: PlanHeader): PlanHeader {
  return Object.fromEntries(HEADER_KEYS.map((k) => [k, p[k]])) as PlanHeader;
}

export const planSchema = planHeaderSchema.extend({
  settings: planSettingsSchema,
  targets: z.array(targetInputSchema),
  projects: z.array(planProjectSchema),
  /** Township code → planning area, where the plan groups townships differently from the data. */
  areas: z.record(z.string(), z.string()),
});
export type Plan = z.output<typeof planSchema>;

/** The plan's period: base year < target year ≤ outlook year. */
export function checkYears(base: number, target: number, outlook: number): string | null {
  if (target <= base) return '目标年应晚于基准年';
  if (outlook < target) return '展望年不能早于目标年';
  if (outlook - base > 30) return '展望年距基准年不超过 30 年';
  return null;
}
