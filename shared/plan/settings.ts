// Every threshold the evaluation uses, defaulting to the national standards
// (docs/ARCHITECTURE.md, "Standards") and open to each plan's own values. One zod
// schema is the single definition: the API validates edits with it, stored JSON is read
// back through it (an older file gains newer defaults), and the type follows.
import { z } from 'zod';

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
    .object({ red: ratio.default(1), orange: ratio.default(0.9), blue: ratio.default(0.6) })
    .refine((l) => l.blue < l.orange && l.orange <= l.red, '预警阈值应满足：蓝色 < 橙色 ≤ 红色')
    .prefault({}),
  classSize: z
    .object({
      preschool: z.number().int().min(5).max(80).default(30),
      primary: z.number().int().min(5).max(80).default(45),
      junior: z.number().int().min(5).max(80).default(50),
      senior: z.number().int().min(5).max(80).default(50),
      special: z.number().int().min(2).max(80).default(12),
      vocational: z.number().int().min(5).max(80).default(45),
    })
    .prefault({}),
  largeClass: z.number().int().min(20).max(120).default(56),
  oversizedClass: z.number().int().min(20).max(150).default(66),
  /**
   * Projected years know a school's students and classes, not each class: class sizes are
   * taken as spread evenly over ± this many students around the average.
   */
  classSpread: z.number().min(0).max(30).default(5),
  schoolSize: z
    .object({
      primary: z.number().int().min(50).max(20_000).default(2000),
      junior: z.number().int().min(50).max(20_000).default(2000),
      /** 九年一贯制 / 十二年一贯制, compulsory stage. */
      combined: z.number().int().min(50).max(20_000).default(2500),
      senior: z.number().int().min(50).max(20_000).default(3000),
      kindergarten: z.number().int().min(20).max(5000).default(360),
    })
    .prefault({}),
  balance: z
    .object({
      /** A school is 达标 when it meets at least this many of the 7 indicators. */
      minPass: z.number().int().min(1).max(7).default(6),
      /** 教学点 with fewer students are left out of the indicators and the CV. */
      minStudents: z.number().int().min(0).max(500).default(50),
      cvLimit: z.object({ primary: ratio.default(0.5), junior: ratio.default(0.45) }).prefault({}),
      primary: balanceThresholdsSchema.prefault({
        qualified: 4.2, key: 1, peArts: 0.9, teachingArea: 4.5, sportsArea: 7.5, equipment: 2000, multimedia: 2.3,
      }),
      junior: balanceThresholdsSchema.prefault({
        qualified: 5.3, key: 1, peArts: 0.9, teachingArea: 5.8, sportsArea: 10.2, equipment: 2500, multimedia: 2.4,
      }),
      /** Combined schools: 'students' splits shared resources by the stages' students; 'whole' counts them in each stage. */
      combinedSplit: z.enum(['students', 'whole']).default('students'),
      /** Teachers follow students (base-year ratios held) rather than staying at base-year counts. */
      staffFollowsStudents: z.boolean().default(true),
    })
    .prefault({}),
  /** 建安造价, 元/m² of floor area. */
  costPerM2: z.number().min(100).max(50_000).default(3000),
  /** Floor area per student from the 建标 tables: 'planning' (规划指标) or 'basic' (基本指标). */
  floorAreaBasis: z.enum(['planning', 'basic']).default('planning'),
  /** Years from start to completion the helper proposes. */
  constructionYears: z.number().int().min(0).max(10).default(2),
});

export type PlanSettings = z.output<typeof planSettingsSchema>;

export function defaultSettings(): PlanSettings {
  return planSettingsSchema.parse({});
}

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
