// The 预测 page's figures: projected students by township and school, the base year's
// recorded figures beside them, the class counts, and the backtest that says how far to trust
// them. Part of the number registry (numbers.ts).
import { STANDARDS } from '../standards';
import { SIZE_CLASSES } from '../projection/size-classes';
import { PROJECTION_DATA, type NumberHelp } from './types';

const { classSize, kindergartenClassSize } = STANDARDS;
const BACKTEST_DATA = '学校表的历年各年级在校生：从较早的基准年只用当时已有的数据重新预测，再与之后各年的实际数比较';
const MAPE = '误差 = |预测 − 实际| ÷ 实际，对每个比较单元（全县、乡镇或学校的某一学段某一年）计算后取平均（平均绝对百分比误差，MAPE）';

export const FORECAST_HELP = {
  'forecast.actual': {
    title: '基准年实际在校生',
    definition: '基准年的在校生：统计数，不是预测数，其后各年的预测都从这一年出发。',
    formula: '学校表中基准年各年级在校生之和（按全县、乡镇或学校汇总）；该年没有记录的学校不计入，并非按 0 人计算。',
    standard: null,
    origin: 'imported',
    data: '学校表中基准年的各年级在校生（教育事业统计）。',
  },
  'forecast.township': {
    title: '乡镇（街道）在校生（预测）',
    definition: '所选学段各乡镇（街道）学校的在校生：基准年为实际数，其后各年为预测数。',
    formula: '各校按年级升级比例（队列法）与上年人数的加权推算，全县各年级升级人数按全县队列升级比例控制（学生在不同学校间升级不会丢失），入学年级按出生人口或乡镇入学趋势推算，再按学校所在乡镇汇总；进城就读和人口迁移按情景参数调整。',
    standard: null,
    origin: 'estimated',
    data: `${PROJECTION_DATA}。`,
  },
  'forecast.school': {
    title: '学校在校生（预测）',
    definition: '每所学校每个学段在该年的预计在校生；数字下的小字为 80% 预测区间。',
    formula: '上年各年级人数 × 本校年级升级比例（取近几年平均）得下一年级人数，从其他学校接收学生的年级（如只设初三的学校）按上年该年级人数推算，再统一调整到全县升级人数（全县上年下一年级人数 × 全县队列升级比例）；起始年级按本校所在乡镇的出生或入学趋势推算；基准年没有记录的学校不再预测；小规模学校按回测结果部分沿用上一年人数（见“规模”列）。',
    standard: null,
    origin: 'estimated',
    data: `${PROJECTION_DATA}。`,
  },
  'forecast.change': {
    title: '至预测末年变化',
    definition: '预测末年在校生相对基准年实际在校生的增减幅度。',
    formula: '（预测末年在校生 − 基准年在校生）÷ 基准年在校生；基准年为 0 时不计算。',
    standard: null,
    origin: 'estimated',
    data: `基准年为导入的实际数，末年为预测数（${PROJECTION_DATA}）。`,
  },
  'forecast.classes': {
    title: '班级数（测算）',
    definition: '按标准班额容纳预测在校生所需的班级数，用于估计校舍和教师需求，不是学校的实际班数。',
    formula: `各年级预测在校生 ÷ 标准班额，向上取整后相加（小学 ${classSize.value.primary}、初中 ${classSize.value.junior}、高中 ${classSize.value.senior} 人；幼儿园小班 ${kindergartenClassSize.value[0]}、中班 ${kindergartenClassSize.value[1]}、大班 ${kindergartenClassSize.value[2]} 人）。`,
    standard: `${classSize.source}；${kindergartenClassSize.source}`,
    origin: 'estimated',
    data: `各校各年级的预测在校生（${PROJECTION_DATA}）。`,
  },
  'forecast.sizeClass': {
    title: '规模档与沿用比例',
    definition: `学校该学段基准年在校生所在的规模档（${SIZE_CLASSES.map((c) => c.label).join('、')}）；标签“沿用上年 x%”表示该档学校的预测有 x% 沿用上一年人数。`,
    formula: '按本县回测，比较各规模档学校用年级升级法与沿用上一年人数的误差，选出使误差最小的权重；沿用比例 = 1 − 年级升级法权重。',
    standard: null,
    origin: 'estimated',
    data: `${BACKTEST_DATA}。`,
  },
  'forecast.population': {
    title: '分年龄人口',
    definition: '所选范围 0–17 岁各年龄的常住人口；有性别数据时分男女。记录年份为导入数，之后为预测数。',
    formula: '队列推移：某年 a 岁人口 = 上年 a − 1 岁人口 × 存活率 × （1 + 该乡镇该年龄段净迁移率）；0 岁为当年出生人口。净迁移率由历年人口数据推算（只有一年人口数据时用情景中的迁移率），并按情景参数放大或缩小。',
    standard: null,
    origin: 'estimated',
    data: '导入的分年龄人口（公安户籍或统计部门），出生人口，以及情景参数。',
  },
  'forecast.births': {
    title: '出生人口',
    definition: '所选范围每年的出生人数：记录年份为导入数，之后为预测数。',
    formula: '全县：预测年份 = 上年出生数 × （1 + 年变化率），年变化率按历年出生数（取对数）拟合的趋势并逐年减弱，或用情景中自定的数值，再加情景调整（百分点/年）；各乡镇按近 3 年占全县出生的比例分摊。',
    standard: null,
    origin: 'estimated',
    data: '导入的历年出生人口（卫生健康或公安部门）及情景参数。',
  },
  'backtest.projection': {
    title: '本程序预测的回测误差',
    definition: '用本程序的方法从回测基准年预测、与之后各年实际在校生比较的平均误差；越小越准。',
    formula: `${MAPE}；加粗的是三种方法中误差最小的。`,
    standard: null,
    origin: 'estimated',
    data: `${BACKTEST_DATA}。`,
  },
  'backtest.bias': {
    title: '偏差',
    definition: '预测平均偏高（正）还是偏低（负）。',
    formula: '（预测 − 实际）÷ 实际，对各比较单元取平均；正值表示预测偏高。',
    standard: null,
    origin: 'estimated',
    data: `${BACKTEST_DATA}。`,
  },
  'backtest.persistence': {
    title: '沿用基准年的误差',
    definition: '简单方法之一：每所学校保持基准年人数不变时的平均误差，用来衡量本程序预测是否更好。',
    formula: `预测值 = 基准年实际数；${MAPE}。`,
    standard: null,
    origin: 'estimated',
    data: `${BACKTEST_DATA}。`,
  },
  'backtest.trend': {
    title: '线性趋势的误差',
    definition: '简单方法之二：每所学校按近年人数直线外推时的平均误差。',
    formula: `按基准年及之前几年的人数拟合直线并外推（不低于 0）；${MAPE}。`,
    standard: null,
    origin: 'estimated',
    data: `${BACKTEST_DATA}。`,
  },
  'backtest.best': {
    title: '最准确的方法',
    definition: '三种方法中回测误差最小的一种。',
    formula: '比较本程序预测、沿用基准年、线性趋势的平均误差，取最小者。',
    standard: null,
    origin: 'estimated',
    data: `${BACKTEST_DATA}。`,
  },
  'backtest.n': {
    title: '比较数',
    definition: '计算误差时比较了多少个“预测—实际”数对。',
    formula: '该层级、学段内有实际数的比较单元 × 年份个数。',
    standard: null,
    origin: 'imported',
    data: '学校表中回测基准年之后各年的实际在校生。',
  },
  'backtest.horizon': {
    title: '预测年数与年份',
    definition: '从回测基准年起预测的第几年，以及对应的年份。',
    formula: '年份 = 回测基准年 + 预测年数。',
    standard: null,
    origin: 'imported',
    data: '学校表中有实际在校生的年份。',
  },
  'backtest.coverage': {
    title: '80% 区间覆盖',
    definition: '实际值落在 80% 预测区间内的比例；接近 80% 说明区间宽窄合适。',
    formula: '实际值在区间上下限之间的比较单元数 ÷ 比较单元总数。',
    standard: null,
    origin: 'estimated',
    data: `${BACKTEST_DATA}。`,
  },
  'backtest.schools': {
    title: '学校学段数',
    definition: '该规模档中参与回测的学校学段个数（一所九年一贯制学校计小学、初中两个）。',
    formula: '按基准年在校生归档后计数。',
    standard: null,
    origin: 'imported',
    data: '学校表中回测基准年的在校生。',
  },
  'backtest.trust': {
    title: '年级升级法权重',
    definition: '该规模档学校的预测中年级升级法所占的权重，其余部分沿用上一年人数。',
    formula: '预测 = 权重 × 年级升级法结果 + （1 − 权重）× 上一年人数；权重取使该档回测误差最小的值（0 至 1）。',
    standard: null,
    origin: 'estimated',
    data: `${BACKTEST_DATA}。`,
  },
} as const satisfies Record<string, NumberHelp>;
