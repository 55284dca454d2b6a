// 附件 主要发展指标表: 指标 | 单位 | base year | target year | 属性 | projected | 达标.
// Fed by the plan evaluation.
import type { AnnexContext, Column, Row, TableAnnexContent } from '../model';
import { chineseOrdinal } from '../catalog';
import { annexFrame } from './common';

export type IndicatorAttribute = '预期性' | '约束性';

export interface IndicatorRecord {
  /** 学前教育, 义务教育 …: indicators of a category are listed under one heading. */
  category?: string;
  name: string;
  unit: string;
  base: number | null;
  /** A number, or a text target such as "≥90" or "全面消除". */
  target: number | string | null;
  attribute: IndicatorAttribute;
  /** Projected value in the target year. */
  projected: number | null;
  /** Whether the projection meets the target; null when it cannot be judged. */
  met: boolean | null;
  /** Why the projection cannot be computed: the cell reads 无法测算 and the reason goes to the notes. */
  missing?: string;
  /** Integers (学校数), one decimal (rates in %, 班额) or three (差异系数). */
  format: 'integer' | 'rate' | 'coefficient';
}

export interface IndicatorsInput {
  baseYear: number;
  targetYear: number;
  indicators: IndicatorRecord[];
  planName?: string;
}

export function indicatorColumns(baseYear: number, targetYear: number): Column[] {
  return [
    { header: '序号', kind: 'serial', width: 4 },
    { header: '指标', kind: 'text', width: 26 },
    { header: '单位', kind: 'text', width: 4, align: 'center' },
    { header: `${baseYear}年`, group: '基期', kind: 'rate', width: 8, explain: 'targets.base' },
    { header: `${targetYear}年`, group: '目标', kind: 'rate', width: 8, explain: 'targets.target' },
    { header: '属性', kind: 'text', width: 6, align: 'center' },
    { header: `${targetYear}年预测`, kind: 'rate', width: 8, explain: 'targets.projected' },
    { header: '达标', kind: 'text', width: 4, align: 'center', explain: 'targets.met' },
  ];
}

function value(v: number | string | null, format: IndicatorRecord['format']) {
  return typeof v === 'number' ? { value: v, kind: format } : v;
}

/** One note per reason, naming every indicator it stops, rather than the same reason row after row. */
function missingNotes(indicators: readonly IndicatorRecord[]): string[] {
  const byReason = new Map<string, string[]>();
  for (const i of indicators) {
    if (i.projected !== null || !i.missing) continue;
    byReason.set(i.missing, [...(byReason.get(i.missing) ?? []), i.name]);
  }
  return [...byReason].map(([reason, names]) => `${names.join('、')}无法测算：${reason}。`);
}

const UNKNOWN = '无法测算';

export function indicatorsAnnex(input: IndicatorsInput, ctx: AnnexContext): TableAnnexContent {
  const rows: Row[] = [];
  const categories = [...new Set(input.indicators.map((i) => i.category ?? ''))];
  const headed = categories.some((c) => c !== '');
  let serial = 0;
  categories.forEach((category, ci) => {
    if (headed) rows.push({ kind: 'group', cells: [`${chineseOrdinal(ci + 1)}、${category || '其他'}`] });
    for (const i of input.indicators.filter((x) => (x.category ?? '') === category)) {
      serial += 1;
      // A value missing for a reason the projection gives reads 无法测算 in both years: a blank
      // would read as not filled in.
      const figure = (v: number | null) => (v === null && i.missing ? UNKNOWN : value(v, i.format));
      rows.push({
        kind: 'data',
        cells: [
          serial,
          i.name,
          i.unit,
          figure(i.base),
          value(i.target, i.format),
          i.attribute,
          figure(i.projected),
          i.met === null ? '—' : i.met ? '是' : '否',
        ],
      });
    }
  });
  return {
    ...annexFrame('indicators', ctx, input.planName ? `${input.planName}教育事业主要发展指标表` : undefined),
    body: 'table',
    unit: null,
    notes: [
      '约束性指标必须完成；预期性指标为期望达到的目标。预测值按规划方案和学龄人口预测测算。',
      ...missingNotes(input.indicators),
    ],
    table: { columns: indicatorColumns(input.baseYear, input.targetYear), rows },
  };
}
