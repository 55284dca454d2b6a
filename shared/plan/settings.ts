// Every threshold the evaluation uses, defaulting to the national standards of
// shared/standards (docs/ARCHITECTURE.md, "Standards") and open to each plan's own values.
// One zod schema is the single definition: the API validates edits with it, stored JSON is read
// back through it (an older file gains newer defaults), and the type follows.
import { z } from 'zod';
import { STANDARDS } from '../standards';
import { geoSettingsSchema } from '../geo/settings';

const S = STANDARDS;

const ratio = z.number().min(0).max(5);
const perStudent = z.number().min(0).max(100_000);

/** Per-school 优质均衡 thresholds of one stage (教督〔2017〕6号). */
const balanceThresholdsSchema = z.object({
  /** 每百名学生拥有高于规定学历教师数. */
  qualified: perStudent,
  /** 每百名学生拥有县级以上骨干教师数. */
  key: perStudent,
  /** 每百名学生拥有体育、艺术专任教师数. */
  peArts: perStudent,
  /** 生均教学及辅助用房面积, m². */
  teachingArea: perStudent,
  /** 生均体育运动场馆面积, m². */
  sportsArea: perStudent,
  /** 生均教学仪器设备值, 元. */
  equipment: perStudent,
  /** 每百名学生拥有网络多媒体教室数. */
  multimedia: perStudent,
});
export type BalanceThresholds = z.output<typeof balanceThresholdsSchema>;

export const planSettingsSchema = z.object({
  /** 学位预警: red above `red` use, orange from `orange`, blue below `blue`, green between. */
  levels: z
    .object({ red: ratio.default(S.seatLevels.value.red), orange: ratio.default(S.seatLevels.value.orange), blue: ratio.default(S.seatLevels.value.blue) })
    .refine((l) => l.blue < l.orange && l.orange <= l.red, '预警阈值应满足：蓝色 < 橙色 ≤ 红色')
    .prefault({}),
  classSize: z
    .object({
      preschool: z.number().int().min(5).max(80).default(S.classSize.value.preschool),
      primary: z.number().int().min(5).max(80).default(S.classSize.value.primary),
      junior: z.number().int().min(5).max(80).default(S.classSize.value.junior),
      senior: z.number().int().min(5).max(80).default(S.classSize.value.senior),
      special: z.number().int().min(2).max(80).default(S.classSize.value.special),
      vocational: z.number().int().min(5).max(80).default(S.classSize.value.vocational),
    })
    .prefault({}),
  largeClass: z.number().int().min(20).max(120).default(S.largeClass.value),
  oversizedClass: z.number().int().min(20).max(150).default(S.oversizedClass.value),
  /**
   * Projected years know a school's students and classes, not each class: class sizes are
   * taken as spread evenly over ± this many students around the average.
   */
  classSpread: z.number().min(0).max(30).default(5),
  schoolSize: z
    .object({
      primary: z.number().int().min(50).max(20_000).default(S.schoolSize.primary.value),
      junior: z.number().int().min(50).max(20_000).default(S.schoolSize.junior.value),
      /** 九年一贯制 / 十二年一贯制, compulsory stage. */
      combined: z.number().int().min(50).max(20_000).default(S.schoolSize.combined.value),
      senior: z.number().int().min(50).max(20_000).default(S.schoolSize.senior.value),
      kindergarten: z.number().int().min(20).max(5000).default(S.schoolSize.kindergarten.value),
    })
    .prefault({}),
  balance: z
    .object({
      /** A school is 达标 when it meets at least this many of the 7 indicators. */
      minPass: z.number().int().min(1).max(7).default(S.balanceMinPass.value),
      /** … and every indicator it does not meet reaches at least this share of its threshold. */
      remainderShare: z.number().min(0).max(1).default(S.balanceRemainderShare.value),
      /** 教学点 with fewer students are left out of the indicators and the CV. */
      minStudents: z.number().int().min(0).max(500).default(S.balanceMinStudents.value),
      cvLimit: z.object({ primary: ratio.default(S.balanceCvLimit.value.primary), junior: ratio.default(S.balanceCvLimit.value.junior) }).prefault({}),
      primary: balanceThresholdsSchema.prefault({ ...S.balance.value.primary }),
      junior: balanceThresholdsSchema.prefault({ ...S.balance.value.junior }),
      /** Combined schools: 'students' splits shared resources by the stages' students; 'whole' counts them in each stage. */
      combinedSplit: z.enum(['students', 'whole']).default('students'),
      /** Teachers follow students (base-year ratios held) rather than staying at base-year counts. */
      staffFollowsStudents: z.boolean().default(true),
    })
    .prefault({}),
  /** 建安造价, 元/m² of floor area. */
  costPerM2: z.number().min(100).max(50_000).default(S.costPerM2.value),
  /** Floor area per student from the 建标 tables: 'planning' (规划指标) or 'basic' (基本指标). */
  floorAreaBasis: z.enum(['planning', 'basic']).default('planning'),
  /** Years from start to completion the helper proposes. */
  constructionYears: z.number().int().min(0).max(10).default(2),
  /** 服务半径 and 路网系数 for coverage and catchments (shared/geo). */
  geo: geoSettingsSchema.prefault({}),
});

export type PlanSettings = z.output<typeof planSettingsSchema>;

export function defaultSettings(): PlanSettings {
  return planSettingsSchema.parse({});
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') for (const v of Object.values(o)) deepFreeze(v);
  return Object.freeze(o);
}

/** The national defaults, for pages without a plan (总览, 学校); read-only. */
export const NATIONAL_SETTINGS: PlanSettings = deepFreeze(defaultSettings());

/** Stored JSON that no longer parses falls back to the defaults rather than breaking the page. */
export function readSettings(json: string | null | undefined): PlanSettings {
  if (!json) return defaultSettings();
  try {
    const parsed = planSettingsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : defaultSettings();
  } catch {
    return defaultSettings();
  }
}
