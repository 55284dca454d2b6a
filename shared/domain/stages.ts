// Stages and school kinds. Machine-readable keys are English and fixed (CLI, API, files);
// every label a planner sees is Chinese.

export const STAGES = ['preschool', 'primary', 'junior', 'senior', 'special', 'vocational'] as const;
export type Stage = (typeof STAGES)[number];
/** A value for every stage: counts by default. */
export type ByStage<T = number> = Record<Stage, T>;

export const STAGE_LABEL: Record<Stage, string> = {
  preschool: '学前',
  primary: '小学',
  junior: '初中',
  senior: '高中',
  special: '特殊教育',
  vocational: '中职',
};

export const SCHOOL_SYSTEMS = ['六三制', '五四制'] as const;
export type SchoolSystem = (typeof SCHOOL_SYSTEMS)[number];

/** Grades per stage; primary and junior depend on the county's school system. */
export function gradesOf(stage: Stage, system: SchoolSystem): number {
  switch (stage) {
    case 'preschool':
      return 3;
    case 'primary':
      return system === '五四制' ? 5 : 6;
    case 'junior':
      return system === '五四制' ? 4 : 3;
    case 'senior':
    case 'vocational':
      return 3;
    case 'special':
      // Special schools are recorded as one ungraded group.
      return 1;
  }
}

/** Official age at entry of a stage's first grade. */
export function entryAge(stage: Stage, system: SchoolSystem): number {
  switch (stage) {
    case 'preschool':
      return 3;
    case 'primary':
      return 6;
    case 'junior':
      return system === '五四制' ? 11 : 12;
    case 'senior':
    case 'vocational':
      return 15;
    case 'special':
      return 6;
  }
}

export function gradeLabel(stage: Stage, grade: number): string {
  if (stage === 'preschool') return ['小班', '中班', '大班'][grade - 1] ?? `${grade}`;
  if (stage === 'special') return '全部';
  const names = ['一', '二', '三', '四', '五', '六'];
  const prefix = stage === 'primary' ? '' : stage === 'junior' ? '初' : stage === 'senior' ? '高' : '中职';
  return stage === 'primary' ? `${names[grade - 1] ?? grade}年级` : `${prefix}${names[grade - 1] ?? grade}`;
}

/** 办学类型. */
export const SCHOOL_KINDS = [
  'kindergarten',
  'primary',
  'teaching_point',
  'junior',
  'nine_year',
  'complete_middle',
  'senior',
  'twelve_year',
  'vocational',
  'special',
] as const;
export type SchoolKind = (typeof SCHOOL_KINDS)[number];

export const KIND_LABEL: Record<SchoolKind, string> = {
  kindergarten: '幼儿园',
  primary: '小学',
  teaching_point: '小学教学点',
  junior: '初级中学',
  nine_year: '九年一贯制学校',
  complete_middle: '完全中学',
  senior: '高级中学',
  twelve_year: '十二年一贯制学校',
  vocational: '中等职业学校',
  special: '特殊教育学校',
};

/** Stages a kind of school teaches: combined schools count in each. */
export const KIND_STAGES: Record<SchoolKind, readonly Stage[]> = {
  kindergarten: ['preschool'],
  primary: ['primary'],
  teaching_point: ['primary'],
  junior: ['junior'],
  nine_year: ['primary', 'junior'],
  complete_middle: ['junior', 'senior'],
  senior: ['senior'],
  twelve_year: ['primary', 'junior', 'senior'],
  vocational: ['vocational'],
  special: ['special'],
};

export const OWNERSHIPS = ['公办', '普惠性民办', '民办'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

export const URBAN_RURAL = ['城区', '镇区', '乡村'] as const;
export type UrbanRural = (typeof URBAN_RURAL)[number];

export function emptyByStage(): ByStage {
  return { preschool: 0, primary: 0, junior: 0, senior: 0, special: 0, vocational: 0 };
}
