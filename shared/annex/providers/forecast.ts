// 附件 学龄人口与在校生预测表: school-age population and students by stage and year, for the
// county and each township, over the plan period and the outlook year. Fed by the
// projection: the backend maps the projection result onto ForecastInput.
import { STAGE_LABEL, STAGES, type Stage } from '../../domain';
import { chineseOrdinal, yearSpan } from '../catalog';
import type { AnnexContext, Column, Row, TableAnnexContent } from '../model';
import { annexFrame } from './common';
import { numberNote } from '../../explain/numbers';

export type ForecastMeasure = 'population' | 'students';

export const MEASURE_LABEL: Record<ForecastMeasure, string> = { population: '学龄人口', students: '在校生' };

export interface ForecastSeries {
  stage: Stage;
  measure: ForecastMeasure;
  /** Value per year (keys are years); missing years print empty. */
  values: Record<string, number>;
  /** The projection's 80 % interval per projected year, where it has one. */
  low?: Record<string, number>;
  high?: Record<string, number>;
}

export interface ForecastArea {
  /** "全县" or a township's name. */
  name: string;
  series: ForecastSeries[];
}

export interface ForecastInput {
  /** Last recorded year, shown first. */
  baseYear: number;
  /** Plan period, e.g. 十五五 2026–2030. */
  plan: { name: string; from: number; to: number };
  /** Years after the plan period shown as outlook (e.g. 2035). */
  outlookYears: number[];
  /** County first, then townships. */
  areas: ForecastArea[];
  /** Scenario name shown in the notes (低/中/高 方案). */
  scenario?: string;
  /** Where the projection's intervals come from: its own backtest, year-on-year history, or none. */
  intervalSource?: 'backtest' | 'history' | 'none';
}

const INTERVAL_BASIS: Record<'backtest' | 'history', string> = {
  backtest: '按本县历年数据回测（以较早年份为基期预测、与实际数比较）的误差分布得出',
  history: '历史数据年份较少，按逐年变化幅度得出',
};

const thousands = (v: number) => Math.round(v).toLocaleString('en-US');

export function forecastYears(input: Pick<ForecastInput, 'baseYear' | 'plan' | 'outlookYears'>): number[] {
  const plan: number[] = [];
  for (let y = input.plan.from; y <= input.plan.to; y++) plan.push(y);
  return [input.baseYear, ...plan, ...input.outlookYears.filter((y) => y > input.plan.to)];
}

export function forecastColumns(input: Pick<ForecastInput, 'baseYear' | 'plan' | 'outlookYears'>): Column[] {
  const years = forecastYears(input);
  return [
    { header: '学段', kind: 'text', width: 6, align: 'center' },
    { header: '项目', kind: 'text', width: 8, align: 'center' },
    ...years.map((y): Column => {
      const group = y === input.baseYear ? undefined : y <= input.plan.to ? `“${input.plan.name}”规划期` : '展望期';
      return { header: y === input.baseYear ? `${y}年（基期）` : `${y}年`, group, kind: 'integer', width: 7, explain: 'forecast.county' };
    }),
  ];
}

export function forecastAnnex(input: ForecastInput, ctx: AnnexContext): TableAnnexContent {
  const years = forecastYears(input);
  const rows: Row[] = [];
  input.areas.forEach((area, ai) => {
    rows.push({ kind: 'group', cells: [`${chineseOrdinal(ai + 1)}、${area.name}`] });
    for (const stage of STAGES) {
      for (const measure of ['population', 'students'] as const) {
        const s = area.series.find((x) => x.stage === stage && x.measure === measure);
        if (!s) continue;
        rows.push({
          kind: ai === 0 && area.name === '全县' ? 'total' : 'data',
          cells: [STAGE_LABEL[stage], MEASURE_LABEL[measure], ...years.map((y) => s.values[y] ?? null)],
        });
        if (ctx.intervals && s.low && s.high) {
          const { low, high } = s;
          const range = (y: number) => (low[y] !== undefined && high[y] !== undefined ? `${thousands(low[y])}–${thousands(high[y])}` : null);
          rows.push({ kind: 'data', cells: [STAGE_LABEL[stage], '80%区间', ...years.map(range)] });
        }
      }
    }
  });
  const last = years[years.length - 1] ?? input.plan.to;
  return {
    ...annexFrame('forecast', ctx, `学龄人口与在校生预测表（${yearSpan(input.plan.from, last)}）`),
    body: 'table',
    unit: '人',
    notes: [
      ...(ctx.intervals
        ? [
            input.intervalSource === 'backtest' || input.intervalSource === 'history'
              ? `80%区间：实际在校生约有八成落在此范围内，${INTERVAL_BASIS[input.intervalSource]}；区间为空的年份没有可用的误差数据。`
              : '80%区间：历史数据不足两年，无法给出预测区间。',
          ]
        : []),
      `学龄人口：学前3～5岁，小学6～11岁，初中12～14岁，高中阶段15～17岁（六三制；五四制相应调整）。${input.baseYear}年为实际数，其后为预测数${input.scenario ? `（${input.scenario}方案）` : ''}。`,
      numberNote('forecast.county'),
    ],
    table: { columns: forecastColumns(input), rows },
  };
}
