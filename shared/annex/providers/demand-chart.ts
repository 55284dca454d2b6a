// Figure: seat demand against seats per stage and year (one small chart per stage). Fed by
// the plan evaluation.
import { STAGE_LABEL, type Stage } from '../../domain';
import type { AnnexContext, Column, FigureAnnexContent, Row } from '../model';
import { annexFrame } from './common';

export interface DemandChartInput {
  years: number[];
  stages: { stage: Stage; demand: (number | null)[]; capacity: (number | null)[] }[];
}

export const DEMAND_CHART_COLUMNS: Column[] = [
  { header: '学段', kind: 'text', width: 6, align: 'center' },
  { header: '年份', kind: 'serial', width: 5 },
  { header: '学位需求\n（个）', kind: 'integer', width: 8, explain: 'plan.demand' },
  { header: '学位供给\n（个）', kind: 'integer', width: 8, explain: 'plan.capacity' },
];

export function demandChartAnnex(input: DemandChartInput, ctx: AnnexContext): FigureAnnexContent {
  const rows: Row[] = [];
  for (const s of input.stages) {
    input.years.forEach((y, i) => rows.push({ kind: 'data', cells: [STAGE_LABEL[s.stage], y, s.demand[i] ?? null, s.capacity[i] ?? null] }));
  }
  return {
    ...annexFrame('demand-chart', ctx),
    body: 'figure',
    unit: '个',
    notes: ['学位需求为预测在校生；学位供给为现有学位加规划新增、减去撤并后的学位。'],
    chart: {
      columns: 2,
      panels: input.stages.map((s) => ({
        title: STAGE_LABEL[s.stage],
        categories: input.years.map(String),
        yName: '学位（个）',
        series: [
          { name: '学位需求', type: 'line', values: s.demand, colorKey: 'demand' },
          { name: '学位供给', type: 'line', values: s.capacity, colorKey: 'capacity', dashed: true },
        ],
      })),
    },
    table: { columns: DEMAND_CHART_COLUMNS, rows },
  };
}
