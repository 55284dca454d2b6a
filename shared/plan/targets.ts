// The plan's targets (规划指标): a catalog of the national defaults and the common extras,
// each with how its value is computed from one year's facts. A target the program cannot
// compute (the planner's own) carries typed-in figures.
import { STAGES, type Stage } from '../domain/stages';
import { STANDARDS } from '../standards';
import type { Comparator, PlanTarget, TargetAttribute } from './model';
import type { InclusionFacts } from './inclusion';
import { INCLUSION_TARGETS } from './inclusion-targets';
import { TEACHER_TARGETS } from './teachers/targets';
import type { TeacherIndicatorYear } from './teachers/types';

const T = STANDARDS.targets;

/** Stages whose classes the 大班额 norms count. */
export type ClassStage = (typeof STANDARDS.largeClassStages.value)[number];

/** One year of the county as the targets see it. */
export interface YearFacts {
  year: number;
  /** The year is recorded (base), not projected. */
  recorded: boolean;
  students: { preschool: number; primary: number; junior: number; senior: number; vocational: number; special: number };
  kindergarten: { all: number; public: number; inclusive: number };
  compulsoryPrivate: number;
  /** County population at ages 0–17, when known. */
  population: (number | null)[] | null;
  /** 大班额 and 超大班额 of each stage the norms count. */
  /** `unknown`: school-stages with pupils whose classes were estimated, left out of the counts. */
  classes: Record<ClassStage, { large: number; oversized: number; unknown: number }>;
  /** `unknown`: schools whose verdict an indicator missing from the data could change. */
  balance: { primary: BalanceFacts; junior: BalanceFacts };
  overSizeSchools: number;
  specialSchools: number;
  townships: number;
  townshipsWithCentralKindergarten: number;
  /** The project holds kindergartens; without them the townships' coverage is unknown, not none. */
  kindergartensKnown: boolean;
  /** Projects completed after the base year and by this year. */
  built: { compulsorySchools: number; publicSeats: number; kindergartenSeats: number };
  /** Seats short in primary and junior, summed over the areas short of them. */
  compulsoryAreaGap: number;
  /** 巩固率 in %, from the grade records; a projected year holds the base year's. */
  retention: number | null;
  /** 义务教育 teachers (shared/plan/teachers); null when not computed. */
  teachers?: TeacherIndicatorYear | null;
  /** Open 小学 and 教学点 in 乡村 townships with fewer than 100 pupils. */
  smallRuralSchools: number;
  /** Open 教学点. */
  teachingPoints: number;
  /** Open schools that had boarders in the data (a projected year holds them; new schools unknown). */
  boardingSchools: number;
  /** Special education, 随迁子女 and school groups (shared/plan/inclusion.ts); absent in contexts without them. */
  inclusion?: InclusionFacts;
}

export interface BalanceFacts {
  passing: number;
  total: number;
  unknown: number;
  maxCv: number | null;
}

export interface TargetDef {
  key: string;
  name: string;
  unit: string;
  comparator: Comparator;
  target: number;
  attribute: TargetAttribute;
  group: '学前教育' | '义务教育' | '高中阶段' | '优质均衡' | '布局与建设' | '教师队伍';
  /** The stages the value counts. */
  stages: readonly Stage[];
  /** Proposed when a plan is created. */
  isDefault: boolean;
  /** How the value is obtained, for the planner (tooltip and annex note). */
  basis: string;
  decimals: number;
  /** Why the value is missing, where the general reason would mislead. */
  missing?: string;
  value: (f: YearFacts) => number | null;
}

function popSum(f: YearFacts, from: number, to: number): number | null {
  if (!f.population) return null;
  let s = 0;
  for (let a = from; a <= to; a++) {
    const v = f.population[a];
    if (v === null || v === undefined) return null;
    s += v;
  }
  return s > 0 ? s : null;
}

const COMPULSORY = ['primary', 'junior'] as const;
const PRESCHOOL = ['preschool'] as const;

/** 大班额 or 超大班额 summed over some stages. */
/** None found while some schools' classes are unknown is no evidence of none: the count is unknown then. */
const classesOf = (f: YearFacts, stages: readonly ClassStage[], which: 'large' | 'oversized'): number | null => {
  const n = stages.reduce((s, st) => s + f.classes[st][which], 0);
  return n === 0 && stages.some((st) => f.classes[st].unknown > 0) ? null : n;
};

const pct = (num: number, den: number | null): number | null => (den && den > 0 ? (num / den) * 100 : null);

/** A share with schools of unknown verdict in it cannot be given: they could go either way. */
const balanceShare = (b: BalanceFacts): number | null => (b.unknown > 0 ? null : pct(b.passing, b.total));
const BALANCE_UNKNOWN = '部分参评学校缺少教师或校舍、设备数据，达标与否不详（不按未达标计）';

export const TARGET_CATALOG: readonly TargetDef[] = [
  {
    key: 'preschool_gross_rate', name: '学前三年毛入园率', unit: '%', comparator: '>', target: T.preschoolGrossRate.value, attribute: '预期性',
    group: '学前教育', stages: PRESCHOOL, isDefault: true, decimals: 1,
    basis: '在园幼儿数 ÷ 3–5 岁人口',
    value: (f) => pct(f.students.preschool, popSum(f, 3, 5)),
  },
  {
    key: 'inclusive_kindergarten_coverage', name: '普惠性幼儿园覆盖率', unit: '%', comparator: '>=', target: T.inclusiveKindergartenCoverage.value, attribute: '约束性',
    group: '学前教育', stages: PRESCHOOL, isDefault: true, decimals: 1,
    basis: '公办园和普惠性民办园在园幼儿数 ÷ 全部在园幼儿数',
    value: (f) => pct(f.kindergarten.inclusive, f.kindergarten.all),
  },
  {
    key: 'public_kindergarten_share', name: '公办园在园幼儿占比', unit: '%', comparator: '>=', target: T.publicKindergartenShare.value, attribute: '约束性',
    group: '学前教育', stages: PRESCHOOL, isDefault: true, decimals: 1,
    basis: '公办园在园幼儿数 ÷ 全部在园幼儿数',
    value: (f) => pct(f.kindergarten.public, f.kindergarten.all),
  },
  {
    key: 'township_central_kindergarten', name: '乡镇公办中心幼儿园覆盖率', unit: '%', comparator: '>=', target: T.townshipCentralKindergarten.value, attribute: '预期性',
    group: '学前教育', stages: PRESCHOOL, isDefault: true, decimals: 1,
    basis: '至少有 1 所公办中心幼儿园的乡镇（街道）÷ 全部乡镇（街道）',
    missing: '项目中没有幼儿园数据（导入幼儿园后计算）',
    value: (f) => (f.kindergartensKnown ? pct(f.townshipsWithCentralKindergarten, f.townships) : null),
  },
  {
    key: 'large_classes', name: '大班额', unit: '个', comparator: '<=', target: 0, attribute: '约束性',
    group: '义务教育', stages: COMPULSORY, isDefault: true, decimals: 0,
    basis: `小学、初中班额达到大班额标准（默认 ${STANDARDS.largeClass.value} 人）的班级数（高中另列）；预测年份按各校学生与教室推算`,
    value: (f) => classesOf(f, COMPULSORY, 'large'),
  },
  {
    key: 'oversized_classes', name: '超大班额', unit: '个', comparator: '<=', target: 0, attribute: '约束性',
    group: '义务教育', stages: COMPULSORY, isDefault: true, decimals: 0,
    basis: `小学、初中班额达到超大班额标准（默认 ${STANDARDS.oversizedClass.value} 人）的班级数`,
    value: (f) => classesOf(f, COMPULSORY, 'oversized'),
  },
  {
    key: 'compulsory_retention', name: '九年义务教育巩固率', unit: '%', comparator: '>=', target: T.compulsoryRetention.value, attribute: '约束性',
    group: '义务教育', stages: COMPULSORY, isDefault: true, decimals: 1,
    basis: '初中毕业年级学生数 ÷ 该年级入学时一年级学生数（无对应年份时以同龄人口代替）；预测年沿用基准年巩固率（无法由在校生推算）',
    value: (f) => f.retention,
  },
  {
    key: 'senior_gross_rate', name: '高中阶段毛入学率', unit: '%', comparator: '>', target: T.seniorGrossRate.value, attribute: '预期性',
    group: '高中阶段', stages: ['senior', 'vocational'], isDefault: true, decimals: 1,
    basis: '普通高中与中职在校生数 ÷ 15–17 岁人口',
    value: (f) => pct(f.students.senior + f.students.vocational, popSum(f, 15, 17)),
  },
  {
    key: 'senior_large_classes', name: '普通高中大班额', unit: '个', comparator: '<=', target: 0, attribute: '约束性',
    group: '高中阶段', stages: ['senior'], isDefault: true, decimals: 0,
    basis: `普通高中班额达到大班额标准（默认 ${STANDARDS.largeClass.value} 人）的班级数，目标为消除；预测年份按各校学生与教室推算`,
    value: (f) => classesOf(f, ['senior'], 'large'),
  },
  {
    key: 'balance_primary_schools', name: '小学优质均衡达标学校占比', unit: '%', comparator: '>=', target: T.balanceSchoolsShare.value, attribute: '约束性',
    group: '优质均衡', stages: ['primary'], isDefault: true, decimals: 1,
    basis: `7 项资源配置指标中至少 ${STANDARDS.balanceMinPass.value} 项达标、其余指标不低于标准 ${STANDARDS.balanceRemainderShare.value * 100}% 的小学 ÷ 参评小学`,
    missing: BALANCE_UNKNOWN,
    value: (f) => balanceShare(f.balance.primary),
  },
  {
    key: 'balance_junior_schools', name: '初中优质均衡达标学校占比', unit: '%', comparator: '>=', target: T.balanceSchoolsShare.value, attribute: '约束性',
    group: '优质均衡', stages: ['junior'], isDefault: true, decimals: 1,
    basis: `7 项资源配置指标中至少 ${STANDARDS.balanceMinPass.value} 项达标、其余指标不低于标准 ${STANDARDS.balanceRemainderShare.value * 100}% 的初中 ÷ 参评初中`,
    missing: BALANCE_UNKNOWN,
    value: (f) => balanceShare(f.balance.junior),
  },
  {
    key: 'balance_primary_cv', name: '小学校际差异系数（7 项中最大值）', unit: '', comparator: '<=', target: STANDARDS.balanceCvLimit.value.primary, attribute: '约束性',
    group: '优质均衡', stages: ['primary'], isDefault: true, decimals: 3,
    basis: '按学生数加权的变异系数 CV = S ÷ X̄，取 7 项指标中的最大值',
    value: (f) => f.balance.primary.maxCv,
  },
  {
    key: 'balance_junior_cv', name: '初中校际差异系数（7 项中最大值）', unit: '', comparator: '<=', target: STANDARDS.balanceCvLimit.value.junior, attribute: '约束性',
    group: '优质均衡', stages: ['junior'], isDefault: true, decimals: 3,
    basis: '按学生数加权的变异系数 CV = S ÷ X̄，取 7 项指标中的最大值',
    value: (f) => f.balance.junior.maxCv,
  },
  {
    key: 'oversize_schools', name: '超出办学规模上限的学校', unit: '所', comparator: '<=', target: 0, attribute: '约束性',
    group: '布局与建设', stages: ['preschool', 'primary', 'junior', 'senior'], isDefault: true, decimals: 0,
    basis: `小学、初中超过 ${STANDARDS.schoolSize.primary.value} 人，九年一贯制超过 ${STANDARDS.schoolSize.combined.value} 人，普通高中超过 ${STANDARDS.schoolSize.senior.value} 人，幼儿园超过 ${STANDARDS.schoolSize.kindergarten.value} 人的学校数（规模上限可在参数中修改）`,
    value: (f) => f.overSizeSchools,
  },
  {
    key: 'special_school', name: '特殊教育学校', unit: '所', comparator: '>=', target: T.specialSchools.value, attribute: '约束性',
    group: '布局与建设', stages: ['special'], isDefault: true, decimals: 0,
    basis: '在办的特殊教育学校数（每县至少 1 所为参考值；2010 年教育规划纲要要求 30 万人口以上、残疾儿童较多的县设 1 所）',
    value: (f) => f.specialSchools,
  },
  // --- Extras the planner can add ---------------------------------------------------------
  {
    key: 'new_compulsory_schools', name: '新建改扩建义务教育学校', unit: '所', comparator: '>=', target: 0, attribute: '预期性',
    group: '布局与建设', stages: COMPULSORY, isDefault: false, decimals: 0,
    basis: '规划期内建成的小学、初中、九年一贯制学校新建、改扩建、迁建项目数',
    value: (f) => f.built.compulsorySchools,
  },
  {
    key: 'new_public_seats', name: '新增公办学位', unit: '个', comparator: '>=', target: 0, attribute: '预期性',
    group: '布局与建设', stages: STAGES, isDefault: false, decimals: 0,
    basis: '规划期内建成的公办学校新建、改扩建、迁建、转型项目增加的学位',
    value: (f) => f.built.publicSeats,
  },
  {
    key: 'new_kindergarten_seats', name: '新增公办幼儿园学位', unit: '个', comparator: '>=', target: 0, attribute: '预期性',
    group: '学前教育', stages: PRESCHOOL, isDefault: false, decimals: 0,
    basis: '规划期内建成的公办幼儿园项目增加的学位',
    value: (f) => f.built.kindergartenSeats,
  },
  {
    key: 'private_compulsory_share', name: '民办义务教育在校生占比', unit: '%', comparator: '<=', target: 5, attribute: '预期性',
    group: '义务教育', stages: COMPULSORY, isDefault: false, decimals: 1,
    basis: '民办学校小学、初中在校生 ÷ 全部小学、初中在校生',
    value: (f) => pct(f.compulsoryPrivate, f.students.primary + f.students.junior),
  },
  {
    key: 'small_rural_schools', name: '乡村小规模学校', unit: '所', comparator: '>=', target: 0, attribute: '预期性',
    group: '义务教育', stages: ['primary'], isDefault: false, decimals: 0,
    basis: '乡村在办的小学和教学点中在校生不足 100 人的学校数（《国务院办公厅关于全面加强乡村小规模学校和乡镇寄宿制学校建设的指导意见》，国办发〔2018〕27号）',
    value: (f) => f.smallRuralSchools,
  },
  {
    key: 'teaching_points', name: '教学点', unit: '所', comparator: '>=', target: 0, attribute: '预期性',
    group: '义务教育', stages: ['primary'], isDefault: false, decimals: 0,
    basis: '在办的教学点数（撤并、转型后不再计入）',
    value: (f) => f.teachingPoints,
  },
  {
    key: 'boarding_schools', name: '寄宿制学校', unit: '所', comparator: '>=', target: 0, attribute: '预期性',
    group: '义务教育', stages: COMPULSORY, isDefault: false, decimals: 0,
    basis: '在办学校中基准年有寄宿生的学校数，加上规划寄宿项目建成的学校（预测年份沿用基准年的寄宿情况，规划新建学校是否寄宿未知、未计入）',
    value: (f) => f.boardingSchools,
  },
  {
    key: 'compulsory_seat_gap', name: '义务教育学位缺口', unit: '个', comparator: '<=', target: 0, attribute: '约束性',
    group: '义务教育', stages: COMPULSORY, isDefault: false, decimals: 0,
    basis: '各片区小学、初中学位缺口之和（片区内学位有余的不抵其他片区）',
    value: (f) => f.compulsoryAreaGap,
  },
  ...TEACHER_TARGETS,
  ...INCLUSION_TARGETS,
];

const BY_KEY = new Map(TARGET_CATALOG.map((d) => [d.key, d]));

export function targetDef(key: string): TargetDef | undefined {
  return BY_KEY.get(key);
}

export function defaultTargets(): PlanTarget[] {
  return TARGET_CATALOG.filter((d) => d.isDefault).map(targetFromDef);
}

export function targetFromDef(d: TargetDef): PlanTarget {
  return { key: d.key, name: d.name, unit: d.unit, comparator: d.comparator, target: d.target, attribute: d.attribute, manualBase: null, manualProjected: null };
}

export function compare(value: number, comparator: Comparator, target: number): boolean {
  const eps = 1e-9;
  switch (comparator) {
    case '>':
      return value > target + eps;
    case '>=':
      return value >= target - eps;
    case '<':
      return value < target - eps;
    case '<=':
      return value <= target + eps;
    case '=':
      return Math.abs(value - target) <= eps;
  }
}

export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}
