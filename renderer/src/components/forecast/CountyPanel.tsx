// 分学段: the county's students by stage, recorded then projected, with the range the
// scenarios span, and the same figures as a table.
import { memo, useMemo } from 'react';
import { Typography } from 'antd';
import { STAGE_LABEL, type Stage } from '@shared/domain';
import type { BacktestResult, ProjectionResult } from '@shared/projection';
import { zh } from '../../i18n/zh';
import { EChart, type ChartOption } from '../EChart';
import { Section } from '../Section';
import { STAGE_COLOR } from '../../lib/colors';
import { baseGrid, categoryAxis, topLegend, valueAxis } from '../../lib/charts';
import { fmtInt } from '../../lib/format';
import { AccuracyNote } from './AccuracyNote';
import { baseValue, scenarioRange, stagesIn } from './stages';
import { NumberHelpIcon } from '../NumberHelp';
import { CountyTable } from './CountyTable';

const t = zh.forecast.county;

type Series = Extract<NonNullable<ChartOption['series']>, readonly unknown[]>;

interface Band {
  readonly low: readonly number[];
  readonly high: readonly number[];
  readonly opacity: number;
}

/**
 * A stage's ranges (the 80 % interval, darker, and the scenarios' spread, lighter) as one
 * custom series of filled polygons from the base year on. Why not two stacked line series per
 * band: a slider's answer redraws every series, and four per stage made the bands most of the
 * chart's work. Each item carries every edge so the value axis spans the bands; the polygons
 * are drawn once, at the first item.
 */
function bandsSeries(name: string, color: string, from: number, base: number, bands: readonly Band[]): Series[number] {
  const edges = (k: number) => bands.flatMap((b) => (k < 0 ? [base, base] : [b.low[k] ?? base, b.high[k] ?? base]));
  const years = bands[0]?.low.length ?? 0;
  const data = Array.from({ length: years + 1 }, (_, i) => [from + i, ...edges(i - 1)]);
  return {
    type: 'custom',
    name,
    silent: true,
    tooltip: { show: false },
    encode: { x: 0, y: bands.flatMap((_, j) => [1 + 2 * j, 2 + 2 * j]) },
    data,
    renderItem: (params, api) => {
      if (params.dataIndex !== 0) return null;
      const at = (x: number, y: number) => api.coord([x, y]) as number[];
      return {
        type: 'group',
        children: bands.map((b, j) => {
          const low = data.map((d) => at(d[0]!, d[1 + 2 * j]!));
          const high = data.map((d) => at(d[0]!, d[2 + 2 * j]!)).reverse();
          return { type: 'polygon', silent: true, shape: { points: [...low, ...high] }, style: { fill: color, opacity: b.opacity } };
        }),
      };
    },
  };
}

function chartOption(r: ProjectionResult, stages: readonly Stage[]): ChartOption {
  const hist = r.history.years;
  const categories = [...hist, ...r.years].map(String);
  const nh = hist.length;
  const pad = (n: number) => new Array<number | null>(n).fill(null);
  const series: Series = [];
  const multi = r.comparison.length > 1;
  stages.forEach((stage, i) => {
    const name = STAGE_LABEL[stage];
    const color = STAGE_COLOR[stage];
    const base = baseValue(r, stage);
    series.push({
      type: 'line',
      name,
      data: [...r.history.county[stage], ...pad(r.years.length)],
      itemStyle: { color },
      lineStyle: { width: 2 },
      symbolSize: 5,
    });
    series.push({
      type: 'line',
      name,
      data: [...pad(nh - 1), base, ...r.county[stage]],
      itemStyle: { color },
      lineStyle: { width: 2, type: 'dashed' },
      symbol: 'none',
      ...(i === 0
        ? {
            markLine: {
              silent: true,
              symbol: 'none',
              label: { formatter: t.baseLine, color: '#8c8c8c' },
              lineStyle: { color: '#b0b8c4', type: 'dotted' },
              data: [{ xAxis: String(r.baseYear) }],
            },
          }
        : {}),
    });
    const bands: Band[] = [];
    if (r.countyLow && r.countyHigh) bands.push({ low: r.countyLow[stage], high: r.countyHigh[stage], opacity: 0.26 });
    if (multi) bands.push({ ...scenarioRange(r, stage), opacity: 0.14 });
    if (bands.length) series.push(bandsSeries(name, color, nh - 1, base, bands));
  });
  return {
    grid: baseGrid({ right: 24 }),
    legend: { ...topLegend(), data: stages.map((s) => STAGE_LABEL[s]) },
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const index = list[0]?.dataIndex ?? 0;
        const year = categories[index] ?? '';
        const rows = stages.map((stage) => {
          const projected = index >= nh;
          const k = index - nh;
          const v = projected ? r.county[stage][k] : r.history.county[stage][index];
          const range = projected && multi ? scenarioRange(r, stage) : null;
          const notes = [
            projected && r.countyLow && r.countyHigh ? t.interval(fmtInt(r.countyLow[stage][k]), fmtInt(r.countyHigh[stage][k])) : null,
            range ? t.band(fmtInt(range.low[k]), fmtInt(range.high[k])) : null,
          ].filter(Boolean);
          const band = notes.length ? `<span style="color:#8c8c8c">（${notes.join('；')}）</span>` : '';
          return `<span style="color:${STAGE_COLOR[stage]}">●</span> ${STAGE_LABEL[stage]} ${fmtInt(v)} ${zh.common.people}${band}`;
        });
        return [`${year}${index >= nh ? '' : `（${t.actual}）`}`, ...rows].join('<br/>');
      },
    },
    xAxis: categoryAxis(categories, undefined, false),
    yAxis: valueAxis(t.axis),
    series,
  };
}

const CHART_HINT = <Typography.Text type="secondary" className="section-hint">{t.chartHint}</Typography.Text>;
const TABLE_TITLE = (
  <span>
    {t.table}
    <NumberHelpIcon explain="forecast.county" />
  </span>
);

// Memo: a slider move renders the page twice before the projection answers, and this panel's
// figures only change when it does. Within it, an answer renders the chart's option and the
// table's changed rows; the notes above the chart stay as long as their inputs do.
export const CountyPanel = memo(function CountyPanel({ result, backtest }: { result: ProjectionResult; backtest: BacktestResult | undefined }) {
  const stagesKey = stagesIn(result).join(',');
  const stages = useMemo(() => (stagesKey ? (stagesKey.split(',') as Stage[]) : []), [stagesKey]);
  const option = useMemo(() => chartOption(result, stages), [result, stages]);
  const housing = Object.values(result.housing).some((list) => list.some((v) => v > 0));
  const source = result.intervals.source;
  const notes = useMemo(
    () => (
      <>
        <AccuracyNote backtest={backtest} level="county" stages={stages.filter((s) => s !== 'special')} />
        <Typography.Paragraph type="secondary" className="table-note" data-testid="forecast-interval-note">
          {t.intervalHint(source)}
          <NumberHelpIcon explain="forecast.interval" />
        </Typography.Paragraph>
      </>
    ),
    [backtest, stages, source],
  );

  return (
    <div className="forecast-panel">
      <Section title={t.chart} extra={CHART_HINT}>
        {notes}
        <EChart option={option} height={360} testId="forecast-county-chart" label={t.chart} />
      </Section>
      <Section title={TABLE_TITLE}>
        <CountyTable result={result} stages={stages} />
        {housing ? (
          <Typography.Paragraph type="secondary" className="table-note">
            {(['preschool', 'primary', 'junior', 'senior'] as const)
              .filter((s) => result.housing[s].some((v) => v > 0))
              .map((s) => `${STAGE_LABEL[s]}${t.housing(fmtInt(result.housing[s].at(-1) ?? 0))}（${result.horizon}）`)
              .join('；')}
          </Typography.Paragraph>
        ) : null}
      </Section>
    </div>
  );
});
