// Every threshold the evaluation uses, defaulting to the national standards of
// shared/standards (docs/ARCHITECTURE.md, "Standards") and open to each plan's own values.
// One zod schema is the single definition: the API validates edits with it, stored JSON is read
// back through it (an older file gains newer defaults), and the type follows.
import { z } from 'zod';
import { STANDARDS } from '../standards';
import { geoSettingsSchema } from '../geo/settings';
import { SCHOOL_KINDS, type SchoolKind } from '../domain/stages';

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

/** 生均用地 of every school kind, m², defaulting to one series of the standards. */
function siteAreaSeries(defaults: Record<SchoolKind, number>) {
  const shape = Object.fromEntries(SCHOOL_KINDS.map((k) => [k, z.number().min(0).max(1000).default(defaults[k])])) as Record<SchoolKind, z.ZodDefault<z.ZodNumber>>;
  return z.object(shape).prefault({});
}

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
  /** 教师编制: the ratios demand is computed by, the yearly exits and the planned hiring. */
  teachers: z
    .object({
      /** Students per teaching post (编制标准). */
      studentsPerTeacher: z
        .object({
          primary: z.number().min(1).max(100).default(S.studentsPerTeacher.value.primary),
          junior: z.number().min(1).max(100).default(S.studentsPerTeacher.value.junior),
          senior: z.number().min(1).max(100).default(S.studentsPerTeacher.value.senior),
        })
        .prefault({}),
      /** 专任教师 per kindergarten class (两教一保: two teachers and one carer). */
      kindergartenPerClass: z.number().min(0.5).max(5).default(S.kindergartenStaffPerClass.value.teachers),
      /** Teachers per class of 村小 and 教学点, whichever of this and the student ratio gives more. */
      perClass: z
        .object({
          villagePrimary: z.number().min(0).max(5).default(S.teachersPerClass.value.villagePrimary),
          teachingPoint: z.number().min(0).max(5).default(S.teachersPerClass.value.teachingPoint),
        })
        .prefault({}),
      /** Share of teachers leaving each year (0–1). */
      attrition: z.number().min(0).max(0.3).default(S.teacherAttrition.value),
      /** Share of women among 专任教师 (0–1): retirements from an age table apply each sex's age in this mix. */
      femaleShare: z.number().min(0).max(1).default(S.teacherFemaleShare.value),
      /** Teachers the plan recruits each year, per stage. */
      hiring: z
        .object({
          preschool: z.number().int().min(0).max(10_000).default(0),
          primary: z.number().int().min(0).max(10_000).default(0),
          junior: z.number().int().min(0).max(10_000).default(0),
          senior: z.number().int().min(0).max(10_000).default(0),
        })
        .prefault({}),
    })
    .prefault({}),
  /** 设备购置, 元 per new seat, per stage. */
  equipmentPerStudent: z
    .object({
      preschool: z.number().min(0).max(100_000).default(S.equipmentPerStudentReference.value.preschool),
      primary: z.number().min(0).max(100_000).default(S.equipmentPerStudent.value.primary),
      junior: z.number().min(0).max(100_000).default(S.equipmentPerStudent.value.junior),
      senior: z.number().min(0).max(100_000).default(S.equipmentPerStudentReference.value.senior),
      special: z.number().min(0).max(100_000).default(S.equipmentPerStudentReference.value.special),
      vocational: z.number().min(0).max(100_000).default(S.equipmentPerStudentReference.value.vocational),
    })
    .prefault({}),
  /** 室外工程, 元/m² of site area. */
  siteWorksPerM2: z.number().min(0).max(10_000).default(S.siteWorksPerM2.value),
  /** 土地费用, 万元 per 亩; null: the land price is not known and land is left out of the totals. */
  landPerMu: z.number().min(0).max(100_000).nullable().default(null),
  /** Floor area of a 寄宿部 per boarding place, m² (dormitory and canteen). */
  boardingAreaPerPlace: z
    .strictObject({
      dormitory: z.number().min(0).max(50).default(S.boardingAreaPerPlace.value.dormitory),
      canteen: z.number().min(0).max(50).default(S.boardingAreaPerPlace.value.canteen),
    })
    .prefault({}),
  /** 生均用地, m², per school kind: 城区 (urban) and 镇区/乡村 (rural). */
  siteAreaPerStudent: z
    .object({ urban: siteAreaSeries(S.siteAreaPerStudent.value.urban), rural: siteAreaSeries(S.siteAreaPerStudent.value.rural) })
    .prefault({}),
  /** 服务半径 and 路网系数 for coverage and catchments (shared/geo). */
  geo: geoSettingsSchema.prefault({}),
  /** 特殊教育: the county's registered disabled children of compulsory-school age (null: not known). */
  inclusion: z
    .object({
      /** 适龄残疾儿童少年 registered by the 残联 (6–15 岁); the 入学率 needs it and is missing without it. */
      registeredDisabledChildren: z.number().int().min(0).max(1_000_000).nullable().default(null),
      /** Ordinary schools with this many pupils with disabilities (随班就读 + 特教班) or more should have a 资源教室. */
      resourceRoomMinPupils: z.number().int().min(1).max(100).default(S.resourceRoomMinPupils.value),
    })
    .prefault({}),
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

/**
 * Stored JSON that no longer parses falls back field by field: a value outside today's bounds
 * (bounds tighten between versions, and a file may come from someone else) takes its default,
 * and the plan's other settings are kept rather than all reset.
 */
export function readSettings(json: string | null | undefined): PlanSettings {
  if (!json) return defaultSettings();
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return defaultSettings();
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return defaultSettings();
  for (let attempt = 0; attempt < 50; attempt++) {
    const parsed = planSettingsSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    if (!parsed.error.issues.every((issue) => dropPath(raw, issue.path))) break;
  }
  return defaultSettings();
}

/**
 * Removes the value at `path` so that its default applies; a path through a list removes the
 * whole list. False when there is nothing to remove.
 */
function dropPath(root: unknown, path: readonly PropertyKey[]): boolean {
  let node: unknown = root;
  let holder: Record<PropertyKey, unknown> | null = null;
  let key: PropertyKey | null = null;
  for (const k of path) {
    if (!node || typeof node !== 'object' || Array.isArray(node)) break;
    holder = node as Record<PropertyKey, unknown>;
    key = k;
    node = holder[k];
  }
  if (!holder || key === null || !(key in holder)) return false;
  delete holder[key];
  return true;
}
