// 分学段: the county's students by stage, recorded then projected, with the range the
// scenarios span, and the same figures as a table.
import { memo, useMemo } from 'react';
import { Typography, type TableColumnsType } from 'antd';
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
import { CompactTable } from '../CompactTable';
import { IntervalText } from './IntervalText';
import { HelpText, helpTitle, NumberHelpIcon } from '../NumberHelp';

const t = zh.forecast.county;

type Series = Extract<NonNullable<ChartOption['series']>, readonly unknown[]>;

/** A band between two series: the low edge invisible, the gap above it filled. */
function bandSeries(name: string, stack: string, lead: (number | null)[], low: readonly number[], high: readonly number[], color: string, opacity: number): Series {
  const hidden = { lineStyle: { opacity: 0 }, symbol: 'none', silent: true, tooltip: { show: false } } as const;
  return [
    { type: 'line', name, stack, data: [...lead, ...low], ...hidden },
    { type: 'line', name, stack, data: [...lead.slice(0, -1), 0, ...high.map((h, k) => h - (low[k] ?? 0))], areaStyle: { color, opacity }, ...hidden },
  ];
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
    const lead = [...pad(nh - 1), base];
    // The 80 % interval (darker) and the scenarios' spread (lighter), each a stacked area.
    if (r.countyLow && r.countyHigh) series.push(...bandSeries(name, `interval-${stage}`, lead, r.countyLow[stage], r.countyHigh[stage], color, 0.26));
    if (multi) {
      const { low, high } = scenarioRange(r, stage);
      series.push(...bandSeries(name, `band-${stage}`, lead, low, high, color, 0.14));
    }
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

interface Row {
  key: string;
  /** The 80 % interval row under a stage's figures (its own row, so the figures' cells stay plain). */
  range: boolean;
  stage: Stage;
  base: number;
  values: number[];
  low: number[] | null;
  high: number[] | null;
  /** Year of the stage's peak when it lies inside the projection. */
  peakYear: number | null;
  /** The projection's base year: a year's figure is at the same index only under the same base year. */
  baseYear: number;
}

function countyColumns(baseYear: number, years: readonly number[]): TableColumnsType<Row> {
  return [
    {
      title: t.colStage,
      dataIndex: 'stage',
      fixed: 'left',
      width: 88,
      render: (s: Stage, r: Row) =>
        r.range ? (
          <HelpText explain="forecast.interval">
            <span className="interval-text">{t.intervalRow}</span>
          </HelpText>
        ) : (
          <span>
            <span className="stage-dot" style={{ background: STAGE_COLOR[s] }} />
            {STAGE_LABEL[s]}
          </span>
        ),
    },
    {
      title: helpTitle(`${baseYear}（${t.actual}）`, 'forecast.actual'),
      dataIndex: 'base',
      align: 'right',
      width: 96,
      render: (v: number, r: Row) => (r.range ? null : <span className="num muted-strong">{fmtInt(v)}</span>),
    },
    ...years.map((y, i) => ({
      title: helpTitle(String(y), 'forecast.county'),
      key: String(y),
      align: 'right' as const,
      width: 66,
      // A slider move changes some years' figures only (a births shift, those of children
      // born after the base year): the other cells keep what they show, without rendering.
      shouldCellUpdate: (r: Row, prev: Row) =>
        r.baseYear !== prev.baseYear || r.range !== prev.range || r.values[i] !== prev.values[i] || r.low?.[i] !== prev.low?.[i] || r.high?.[i] !== prev.high?.[i] || (r.peakYear === y) !== (prev.peakYear === y),
      render: (_: unknown, r: Row) =>
        r.range ? (
          <IntervalText low={r.low?.[i]} high={r.high?.[i]} />
        ) : (
          <span className={`num${r.peakYear === y ? ' peak-cell' : ''}`}>{fmtInt(r.values[i])}</span>
        ),
    })),
  ];
}

// Memo: a slider move renders the page twice before the projection answers, and this panel's
// figures only change when it does.
export const CountyPanel = memo(function CountyPanel({ result, backtest }: { result: ProjectionResult; backtest: BacktestResult | undefined }) {
  const stages = useMemo(() => stagesIn(result), [result]);
  const option = useMemo(() => chartOption(result, stages), [result, stages]);
  const rows: Row[] = stages.flatMap((stage) => {
    const row: Row = {
      key: stage,
      range: false,
      stage,
      base: baseValue(result, stage),
      values: result.county[stage],
      low: result.countyLow?.[stage] ?? null,
      high: result.countyHigh?.[stage] ?? null,
      peakYear: ((p) => (p?.kind === 'peak' ? p.peakYear : null))(result.peaks.find((p) => p.stage === stage)),
      baseYear: result.baseYear,
    };
    return row.low && row.high ? [row, { ...row, key: `${stage}-range`, range: true }] : [row];
  });
  // Kept while only the figures change (a slider move): the headers, each with its help
  // tooltip, are not rendered again. Keyed by the years' text, as every answer is a new array.
  const yearsKey = result.years.join(',');
  const columns = useMemo(() => countyColumns(result.baseYear, yearsKey.split(',').map(Number)), [result.baseYear, yearsKey]);
  const housing = Object.values(result.housing).some((list) => list.some((v) => v > 0));

  return (
    <div className="forecast-panel">
      <Section title={t.chart} extra={<Typography.Text type="secondary" className="section-hint">{t.chartHint}</Typography.Text>}>
        <AccuracyNote backtest={backtest} level="county" stages={stages.filter((s) => s !== 'special')} />
        <Typography.Paragraph type="secondary" className="table-note" data-testid="forecast-interval-note">
          {t.intervalHint(result.intervals.source)}
          <NumberHelpIcon explain="forecast.interval" />
        </Typography.Paragraph>
        <EChart option={option} height={360} testId="forecast-county-chart" label={t.chart} />
      </Section>
      <Section
        title={
          <span>
            {t.table}
            <NumberHelpIcon explain="forecast.county" />
          </span>
        }
      >
        <CompactTable<Row> rowKey="key" columns={columns} dataSource={rows} scroll={{ x: 'max-content' }} data-testid="forecast-county-table" />
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
