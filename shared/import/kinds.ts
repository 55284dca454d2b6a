// The three kinds of data a planner imports, and their names in Chinese.
export const IMPORT_KINDS = ['schools', 'population', 'births'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABEL: Record<ImportKind, string> = {
  schools: '学校（教育事业统计）',
  population: '分年龄人口',
  births: '出生人口',
};
