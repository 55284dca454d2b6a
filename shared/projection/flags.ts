// What the engine had to assume, said plainly: every projection carries these notes so a
// planner knows which numbers rest on thin data. Codes are for machines; messages Chinese.

export type FlagLevel = 'info' | 'warning';

export interface Flag {
  code: FlagCode;
  level: FlagLevel;
  message: string;
}

export type FlagCode =
  | 'base-year-adjusted'
  | 'entrants-by-trend'
  | 'population-partial'
  | 'population-from-births'
  | 'migration-not-calibrated'
  | 'births-missing'
  | 'births-partial'
  | 'urbanisation-not-calibrated'
  | 'short-history'
  | 'grades-exceed-system'
  | 'special-by-trend'
  | 'school-trust';

export const flag = {
  baseYearAdjusted: (requested: number, used: number): Flag => ({
    code: 'base-year-adjusted',
    level: 'warning',
    message: `${requested} 年没有在校生数据，预测以有数据的最近年份 ${used} 年为基准年。`,
  }),
  entrantsByTrend: (stages: string): Flag => ({
    code: 'entrants-by-trend',
    level: 'warning',
    message: `缺少分年龄人口数据，${stages}新生按各校近年招生趋势外推，未与人口变化挂钩，可信度较低。请导入人口普查或年度人口数据。`,
  }),
  populationPartial: (names: string): Flag => ({
    code: 'population-partial',
    level: 'warning',
    message: `${names}缺少分年龄人口数据，相关学段的新生改按招生趋势外推。`,
  }),
  populationFromBirths: (names: string): Flag => ({
    code: 'population-from-births',
    level: 'info',
    message: `${names}没有分年龄人口数据，学龄人口由历年出生人数推算（未计迁移）。`,
  }),
  migrationNotCalibrated: (pct: number): Flag => ({
    code: 'migration-not-calibrated',
    level: 'info',
    message: `只有一个年份的人口数据，无法由历史推算人口迁移，按情景设定的年净迁移率 ${pct}% 计算。`,
  }),
  birthsMissing: (): Flag => ({
    code: 'births-missing',
    level: 'warning',
    message: '没有出生人口记录，0 岁人口按历年人口数据推算，未来出生按其趋势外推。',
  }),
  birthsPartial: (names: string): Flag => ({
    code: 'births-partial',
    level: 'info',
    message: `${names}没有出生人口记录，未来出生按其 0 岁人口与全县出生趋势推算。`,
  }),
  urbanisationNotCalibrated: (pp: number): Flag => ({
    code: 'urbanisation-not-calibrated',
    level: 'info',
    message: `历史数据不足以推算进城就读的变化趋势，按情景设定每年 ${pp} 个百分点计算。`,
  }),
  shortHistory: (n: number): Flag => ({
    code: 'short-history',
    level: 'info',
    message: `${n} 所学校的历史数据不足两年，其年级升级比参照所在乡镇或全县同学段的平均值。`,
  }),
  gradesExceedSystem: (stage: string, grades: number, system: string): Flag => ({
    code: 'grades-exceed-system',
    level: 'warning',
    message: `${stage}数据中有第 ${grades} 个年级，与项目设定的${system}不符；预测按数据中的年级数计算。请在“设置”中核对学制。`,
  }),
  specialByTrend: (): Flag => ({
    code: 'special-by-trend',
    level: 'info',
    message: '特殊教育学校在校生与学龄人口关联弱，按近年趋势外推。',
  }),
  schoolTrust: (classes: string): Flag => ({
    code: 'school-trust',
    level: 'info',
    message: `按本县历史回测，${classes}的学校逐校预测时部分沿用上年数值（年级升级法对小规模学校误差更大）。`,
  }),
};
