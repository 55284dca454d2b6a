// The shape of one number's explanation; the registry (numbers.ts) and its parts share it.

/** Where a number's data comes from: what the planner imported, what the program estimated, or a value assumed. */
export type DataOrigin = 'imported' | 'estimated' | 'assumed';

export const DATA_ORIGIN_LABEL: Record<DataOrigin, string> = {
  imported: '导入数据',
  estimated: '程序估算',
  assumed: '假定值',
};

export interface NumberHelp {
  title: string;
  definition: string;
  formula: string;
  /** The standard and its document; null when no standard is involved. */
  standard: string | null;
  origin: DataOrigin;
  /** Which data, in the planner's words. */
  data: string;
}

/** What the projection reads, as every projected figure names it. */
export const PROJECTION_DATA = '学校表的历年各年级在校生，出生和人口数据（有则用），以及情景参数和新建住宅项目';

/** The plan's students and seats, as every plan figure names them. */
export const PROJECTED = '所选预测方案的各校在校生（由学校表的历年在校生、出生和人口数据推算）';
export const SEATS = '学校表的设计学位（缺少时按办学标准估算并注明），加上规划中已计入的建设项目';
