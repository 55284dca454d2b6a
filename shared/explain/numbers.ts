// What each headline number means, shown when the planner hovers it: definition, how it is
// computed, the standard behind it (with number and year, from shared/standards) and where
// its data comes from. One registry, so a page and an annex note cannot word it differently.
import { STANDARDS } from '../standards';

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

const { largeClass, oversizedClass } = STANDARDS;

export const NUMBER_HELP = {
  'overview.schools': {
    title: '学校数',
    definition: '项目中现有的各级各类学校（含教学点）所数。',
    formula: '项目中学校的个数，教学点各计一所。',
    standard: null,
    origin: 'imported',
    data: '学校名单（“数据导入”页的学校表）。',
  },
  'overview.students': {
    title: '在校生',
    definition: '最新统计年份全县各学段在校学生总数。',
    formula: '最新年份各校在校生之和；该年没有记录的学校不在其中，并非按 0 人计算。',
    standard: null,
    origin: 'imported',
    data: '学校表中各年级在校生（教育事业统计）。',
  },
  'overview.classes': {
    title: '班级数',
    definition: '最新统计年份全县各学段教学班总数。',
    formula: '最新年份各校班数之和。',
    standard: null,
    origin: 'imported',
    data: '学校表中各年级班数。',
  },
  'overview.townships': {
    title: '乡镇（街道）数',
    definition: '本县的乡镇和街道个数。',
    formula: '按乡镇代码计数。',
    standard: null,
    origin: 'imported',
    data: '乡镇（街道）名单，来自学校表或行政区划。',
  },
  'overview.teachers': {
    title: '专任教师',
    definition: '全县各校专任教师总数。',
    formula: '最新统计年份各校专任教师数之和；该年没有教师数据时取最近有数据的年份。',
    standard: null,
    origin: 'imported',
    data: '学校表中的专任教师数。',
  },
  'overview.largeClasses': {
    title: '大班额',
    definition: `班额 ${largeClass.value} 人及以上的班级数（小学、初中、高中）；${oversizedClass.value} 人及以上为超大班额。`,
    formula: '最新年份的每条在校生记录：在校生 ÷ 班数 ≥ 限值时，其班数计入；按国家标准的限值，不受规划设置影响。',
    standard: `${largeClass.source}；${oversizedClass.source}`,
    origin: 'imported',
    data: '学校表中各年级在校生和班数。',
  },
} as const satisfies Record<string, NumberHelp>;

export type NumberKey = keyof typeof NUMBER_HELP;

/** The help as lines, the same on a page's tooltip and in an annex note. */
export function numberHelpLines(key: NumberKey): string[] {
  const h: NumberHelp = NUMBER_HELP[key];
  return [
    `含义：${h.definition}`,
    `算法：${h.formula}`,
    `依据：${h.standard ?? '无国家标准，按统计口径计算'}`,
    `数据来源：${DATA_ORIGIN_LABEL[h.origin]}（${h.data}）`,
  ];
}
