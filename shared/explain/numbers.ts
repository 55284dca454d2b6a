// What each headline number means, shown when the planner hovers it: definition, how it is
// computed, the standard behind it (with number and year, from shared/standards) and where
// its data comes from. One registry, so a page and an annex note cannot word it differently.
import { STANDARDS } from '../standards';
import { DATA_ORIGIN_LABEL, PROJECTED, SEATS, type NumberHelp } from './types';
import { FORECAST_HELP } from './forecast';
import { PLAN_HELP } from './plan';

export { DATA_ORIGIN_LABEL, type DataOrigin, type NumberHelp } from './types';

const { largeClass, oversizedClass, seatLevels } = STANDARDS;


export const NUMBER_HELP = {
  'overview.schools': {
    title: '现有学校',
    definition: '项目中现有的各级各类学校（含教学点）所数，即数据中的学校；不含规划新建的学校，也不扣除规划撤并的学校（“规划 → 学校”另列这两类）。',
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
    title: '义务教育大班额',
    definition: `班额 ${largeClass.value} 人及以上的小学、初中班级数，与规划指标和附件1的“大班额”同一口径；普通高中的另列在下方；${oversizedClass.value} 人及以上为超大班额。`,
    formula: '最新年份的每条在校生记录：在校生 ÷ 班数 ≥ 限值时，其班数计入；按国家标准的限值，不受规划设置影响。',
    standard: `${largeClass.source}；${oversizedClass.source}`,
    origin: 'imported',
    data: '学校表中各年级在校生和班数。',
  },
  'forecast.county': {
    title: '全县分学段在校生（预测）',
    definition: '各学段在校生：基准年为实际数，其后各年为预测数（页面上加粗的格为该学段在预测期内的峰值年）。',
    formula: '各校按年级升级比例（队列法）与上年人数的加权推算，全县各年级升级人数按全县队列升级比例控制（学生在不同学校间升级不会丢失），入学年级按出生人口或乡镇入学趋势推算，再按学段汇总全县；各校权重由本县历年数据回测选定。',
    standard: null,
    origin: 'estimated',
    data: '学校表的历年各年级在校生，出生和人口数据（有则用），以及情景参数和新建小区。',
  },
  'forecast.interval': {
    title: '80% 预测区间',
    definition: '预测值可能的范围：按本县历年数据的回测误差，实际值约有八成落在区间内。',
    formula: '程序从本县较早的基准年重新预测并与实际比较，按预测年限取“实际 ÷ 预测”的第 10 和第 90 百分位数乘以预测值；历年数据太短无法回测时，改用上年数逐年变化的幅度，并注明。',
    standard: null,
    origin: 'estimated',
    data: '学校表的历年在校生（回测）。',
  },
  'plan.targetsMet': {
    title: '指标达标',
    definition: '目标年预计达到目标的规划指标数 / 可以测算的指标数。',
    formula: '每项指标按目标年的测算值与目标值比较；缺少数据无法测算的指标不计入分母，也不按未达标计。',
    standard: '各指标的目标值及其文件见“规划指标”页（默认值取自国家文件，可在规划中修改）',
    origin: 'estimated',
    data: `${PROJECTED}；${SEATS}。`,
  },
  'plan.redCells': {
    title: '目标年学位不足片区学段',
    definition: '目标年学位利用率超过红色预警线的片区 × 学段个数。',
    formula: '各片区各学段：目标年预测在校生 ÷ 学位数 > 红色预警线（默认 100%，可在规划设置中修改）时计 1 个。',
    standard: seatLevels.source,
    origin: 'estimated',
    data: `${PROJECTED}；${SEATS}。`,
  },
  'plan.peakGap': {
    title: '规划期学位缺口峰值',
    definition: '基准年之后至目标年，全县学位缺口最大的一年的缺口数；基准年为现状，另行列出。',
    formula: '各片区各学段缺口 = 预测在校生 ÷ 红色预警线 − 学位数（向上取整，不小于 0）；逐年相加，富余学位不抵其他片区，取最大的一年。',
    standard: seatLevels.source,
    origin: 'estimated',
    data: `${PROJECTED}；${SEATS}。`,
  },
  'plan.largeClasses': {
    title: '目标年大班额',
    definition: `目标年预计班额达到大班额限值（默认 ${largeClass.value} 人，可在规划设置中修改）的班级数。`,
    formula: '各校目标年预测在校生 ÷ 班数得平均班额，再按班额离散程度估算其中达到限值的班数，全县相加。',
    standard: largeClass.source,
    origin: 'estimated',
    data: `${PROJECTED}；学校表的班数及规划项目增加的班数。`,
  },
  'plan.projects': {
    title: '建设项目',
    definition: '计入测算的建设项目数（不含暂缓和找不到所属学校的项目）及其投资合计。',
    formula: '项目个数；投资为填写了投资额的项目之和（万元），未填写的不计入，并非按 0 计。',
    standard: null,
    origin: 'assumed',
    data: '规划中录入或采纳的项目（规划人员填写的规模、年份和投资）。',
  },
  'school.capacity': {
    title: '学位数（现状）',
    definition: '学校现有的学位：学校表填写的设计学位；没有填写时为估算数，并在备注中注明估算方法。',
    formula: '设计学位；没有时按各学段班数 × 标准班额；也没有班数时，有校舍建筑面积的按面积 ÷ 建设标准的生均建筑面积估算，否则按容纳在校生所需的标准班数 × 标准班额估算。',
    standard: `${STANDARDS.classSize.source}；${STANDARDS.floorAreaPerStudent.source}`,
    origin: 'imported',
    data: '学校表的设计学位、班数、在校生和校舍建筑面积。',
  },
  ...FORECAST_HELP,
  ...PLAN_HELP,
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

/** The computation as an annex note prints it under a table that shows the number. */
export function numberNote(key: NumberKey): string {
  const h: NumberHelp = NUMBER_HELP[key];
  return `${h.title}：${h.formula}`;
}

/** A sentence ends in Chinese punctuation; add the full stop where the text has none. */
function sentence(text: string): string {
  return /[。；！？）]$/.test(text) ? text : `${text}。`;
}

/**
 * The whole explanation as one annex note: the same definition, formula, standard and data
 * origin the page's hover shows, so a printed table and the screen say the same.
 */
export function annexNumberNote(key: NumberKey): string {
  const h: NumberHelp = NUMBER_HELP[key];
  const standard = h.standard ?? '无国家标准，按统计口径计算';
  return `${h.title}：${sentence(h.definition)}算法：${sentence(h.formula)}依据：${sentence(standard)}数据来源：${DATA_ORIGIN_LABEL[h.origin]}，${sentence(h.data.replace(/。$/, ''))}`;
}
