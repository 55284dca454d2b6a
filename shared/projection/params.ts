// What a planner can change: scenario parameters (one set per named scenario), method
// settings (one per county), and new housing developments. The zod schemas are the single
// definition: the API contract validates with them, stored JSON is read back through them
// (so a file saved by an older version gains the newer defaults), and the types follow.
import { z } from 'zod';
import type { SchoolKind } from '../domain/stages';

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;
const yearSchema = z.number().int().min(MIN_YEAR, '年份应在 1990 年以后').max(MAX_YEAR, '年份应在 2100 年以前');

/**
 * A ratio that moves over the years: toward `target` (reached in `year`, then held), or,
 * without a target, along the damped trend calibrated from history.
 */
const ratePathSchema = z.object({
  target: z.number().min(0, '比例不能为负').max(1.2, '比例不超过 1.2').nullable().default(null),
  year: yearSchema.default(2030),
});

const birthsSchema = z.object({
  /** Yearly change of births in %; null follows the trend of the recorded series. */
  changePct: z.number().min(-30, '出生人口年变化不低于 -30%').max(30, '出生人口年变化不超过 30%').nullable().default(null),
  /** Added to the yearly change: the spread between 低, 中 and 高. */
  shiftPct: z.number().min(-30).max(30).default(0),
  /** County births the planner sets for some years; years in between are interpolated. */
  path: z
    .array(z.object({ year: yearSchema, count: z.number().min(0, '出生人数不能为负').max(10_000_000) }))
    .max(80)
    .default([]),
});

const perThousandSchema = z.object({
  preschool: z.number().min(0).max(500).default(40),
  primary: z.number().min(0).max(500).default(84),
  junior: z.number().min(0).max(500).default(42),
  senior: z.number().min(0).max(500).default(25),
});

export const scenarioParamsSchema = z.object({
  births: birthsSchema.prefault({}),
  /** Multiplies the net migration rates calibrated from successive population years. */
  migrationScale: z.number().min(0).max(5).default(1),
  /** Yearly net migration in % for townships where it cannot be calibrated (one population year). */
  migrationPct: z.number().min(-20).max(20).default(0),
  /** Pace of 进城就读 relative to the historical shift (1 = as before, 0 = stops). */
  urbanisationScale: z.number().min(0).max(5).default(1),
  /** Yearly shift in percentage points where history cannot show one. */
  urbanisationPp: z.number().min(0).max(20).default(0),
  /** 学前三年毛入园率 path. */
  preschoolRate: ratePathSchema.prefault({}),
  /** 初升高: entrants to 普高 and 中职 per junior leaver. */
  seniorTransition: ratePathSchema.prefault({}),
  /** 普高 share of those entrants (the rest go to 中职). */
  generalShare: ratePathSchema.prefault({}),
  /** 千人指标: students per 1,000 new residents. */
  perThousand: perThousandSchema.prefault({}),
  residentsPerDwelling: z.number().min(0.5).max(10).default(3.2),
  /** Years over which a development fills up after completion. */
  rampYears: z.number().int().min(1).max(10).default(3),
});
export type ScenarioParams = z.output<typeof scenarioParamsSchema>;

export const SCENARIO_NAME = z
  .string()
  .trim()
  .min(1, '请填写情景名称')
  .max(20, '情景名称不超过 20 个字')
  .refine((s) => !/[\0/\\]/.test(s), '情景名称含有非法字符');

export const methodSettingsSchema = z.object({
  /** k: years of grade progression ratios averaged. */
  progressionYears: z.number().int().min(1).max(10).default(3),
  /** 'recent' weights the latest year k, the one before k − 1, …; 'equal' weights all alike. */
  weighting: z.enum(['recent', 'equal']).default('recent'),
  /** Years used to fit trends (school shares, 进城就读, rates, births). */
  trendYears: z.number().int().min(2).max(10).default(5),
  /** How much of a trend survives each further year (1 = straight line, 0 = none). */
  damping: z.number().min(0).max(1).default(0.85),
  /** A year's ratio may differ from the median of the window by at most this share. */
  outlierBound: z.number().min(0.05).max(1).default(0.25),
  /** Students of evidence at which a school's own ratio and its township's weigh equally. */
  shrinkStudents: z.number().min(0).max(500).default(20),
  /** 'auto': per school size class, the engine's backtest decides how far to trust grade progression. */
  schoolTrust: z.enum(['auto', 'model']).default('auto'),
});
export type MethodSettings = z.output<typeof methodSettingsSchema>;

/** Kinds of school a development can reserve a site for (配套学校). */
export const RESERVABLE_KINDS = ['kindergarten', 'primary', 'junior', 'nine_year'] as const satisfies readonly SchoolKind[];
export type ReservableKind = (typeof RESERVABLE_KINDS)[number];
/** 城镇: the urban norms; 农村: the rural ones (建标109-2008). */
export const RESERVE_SETTINGS = ['城镇', '农村'] as const;

export const developmentSchema = z
  .object({
    name: z.string().trim().min(1, '请填写项目名称').max(60, '项目名称不超过 60 个字'),
    township: z.string().regex(/^\d{1,12}$/, '乡镇代码格式不正确'),
    dwellings: z.number().int().min(0, '户数不能为负').max(1_000_000).nullable().default(null),
    residents: z.number().int().min(0, '人数不能为负').max(5_000_000).nullable().default(null),
    completionYear: yearSchema,
    /** null: in every scenario. */
    scenario: SCENARIO_NAME.nullable().default(null),
    /** 配套学校: the kind of school whose site the development reserves (null: none). */
    reserveKind: z.enum(RESERVABLE_KINDS, '配套学校类型不正确').nullable().default(null),
    /** Which norms size the reserved site; null: the township's 城乡分类 (城区 urban, else rural). */
    reserveSetting: z.enum(RESERVE_SETTINGS, '配套学校用地标准应为 城镇 或 农村').nullable().default(null),
  })
  .refine((d) => (d.dwellings ?? 0) > 0 || (d.residents ?? 0) > 0, '请填写住宅户数或入住人数');
export type Development = z.output<typeof developmentSchema> & { id: number };

export interface Scenario {
  name: string;
  params: ScenarioParams;
}

export function parseParams(value: unknown): ScenarioParams {
  return scenarioParamsSchema.parse(value ?? {});
}

export function parseSettings(value: unknown): MethodSettings {
  return methodSettingsSchema.parse(value ?? {});
}

/** Stored JSON that no longer parses (hand-edited, or from a broken write) falls back to defaults. */
export function readParams(json: string): ScenarioParams {
  try {
    const parsed = scenarioParamsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : parseParams({});
  } catch {
    return parseParams({});
  }
}

export function readSettings(json: string | null | undefined): MethodSettings {
  if (!json) return parseSettings({});
  try {
    const parsed = methodSettingsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : parseSettings({});
  } catch {
    return parseSettings({});
  }
}

/**
 * 低/中/高 differ in what is least known: births. 高 adds a policy-supported rebound; 低
 * a faster fall. Everything else follows history in all three.
 */
export const DEFAULT_SCENARIOS: readonly Scenario[] = [
  { name: '低', params: parseParams({ births: { shiftPct: -2.5 } }) },
  { name: '中', params: parseParams({}) },
  { name: '高', params: parseParams({ births: { shiftPct: 4 } }) },
];

export const DEFAULT_SCENARIO = '中';

/** Every parameter at its default: for runs that need a scenario but no particular one. */
export const NEUTRAL_PARAMS: ScenarioParams = parseParams({});
