// 分乡镇: one stage at a time, every township's students now, five years on and at the end
// of the projection (where 城挤乡空 shows), and the full series as a table.
import { memo, useMemo, useState } from 'react';
import { Empty, Segmented, type TableColumnsType } from 'antd';
import { STAGE_LABEL, type Stage } from '@shared/domain';
import type { BacktestResult, ProjectionResult, TownshipProjection } from '@shared/projection';
import { zh } from '../../i18n/zh';
import { EChart, type ChartOption } from '../EChart';
import { Section } from '../Section';
import { ChangeCell, UrbanRuralTag } from '../TownshipTable';
import { STAGE_COLOR } from '../../lib/colors';
import { axisTooltip, baseGrid, categoryAxis, topLegend, valueAxis } from '../../lib/charts';
import { fmtInt } from '../../lib/format';
import { AccuracyNote } from './AccuracyNote';
import { changePct, stagesIn } from './stages';
import { CompactTable } from '../CompactTable';
import { helpTitle, SORT_HINT_ON_ICON } from '../NumberHelp';

const t = zh.forecast.townships;

interface Row {
  code: string;
  name: string;
  urbanRural: TownshipProjection['urbanRural'];
  base: number;
  values: number[];
}

/** Recorded base-year students of each township, from the schools' histories. */
function baseByTownship(r: ProjectionResult, stage: Stage): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of r.schools) if (s.stage === stage) out.set(s.township, (out.get(s.township) ?? 0) + s.base);
  return out;
}

function chartOption(rows: Row[], r: ProjectionResult, stage: Stage): ChartOption {
  const mid = Math.min(r.baseYear + 5, r.horizon);
  const midIndex = r.years.indexOf(mid);
  const shades = [0.45, 0.75, 1];
  const picks = [
    { year: r.baseYear, values: rows.map((x) => x.base) },
    { year: mid, values: rows.map((x) => x.values[midIndex] ?? 0) },
    { year: r.horizon, values: rows.map((x) => x.values.at(-1) ?? 0) },
  ];
  return {
    grid: baseGrid(),
    legend: topLegend(),
    tooltip: { ...axisTooltip(zh.common.people), axisPointer: { type: 'shadow' } },
    xAxis: { ...categoryAxis(rows.map((x) => x.name)), axisLabel: { interval: 0, color: '#5c6b7a', fontSize: 11 } },
    yAxis: valueAxis(zh.forecast.county.axis),
    series: picks.map((p, i) => ({
      type: 'bar',
      name: `${p.year}${i === 0 ? zh.forecast.county.actual : ''}`,
      data: p.values,
      barMaxWidth: 14,
      itemStyle: { color: STAGE_COLOR[stage], opacity: shades[i], borderRadius: [2, 2, 0, 0] },
    })),
  };
}

// Memo: a slider move renders the page twice before the projection answers, and this panel's
// figures only change when it does.
export const TownshipPanel = memo(function TownshipPanel({ result, backtest }: { result: ProjectionResult; backtest: BacktestResult | undefined }) {
  const stages: Stage[] = useMemo(() => stagesIn(result).filter((s) => s !== 'special'), [result]);
  const [picked, setPicked] = useState<Stage>('primary');
  const stage = stages.includes(picked) ? picked : (stages[0] ?? 'primary');
  const rows = useMemo(() => {
    const base = baseByTownship(result, stage);
    return result.townships
      .map((tw) => ({ code: tw.code, name: tw.name, urbanRural: tw.urbanRural, base: base.get(tw.code) ?? 0, values: tw[stage] }))
      .filter((x) => x.base > 0 || x.values.some((v) => v > 0));
  }, [result, stage]);
  const option = useMemo(() => chartOption(rows, result, stage), [rows, result, stage]);
  const mid = Math.min(result.baseYear + 5, result.horizon);

  const columns: TableColumnsType<Row> = [
    { title: t.colTownship, dataIndex: 'name', fixed: 'left', width: 110 },
    { title: t.colUrbanRural, dataIndex: 'urbanRural', width: 64, render: (v: Row['urbanRural']) => <UrbanRuralTag value={v} /> },
    {
      title: helpTitle(`${result.baseYear}`, 'forecast.actual'),
      dataIndex: 'base',
      align: 'right',
      width: 70,
      render: (v: number) => <span className="num muted-strong">{fmtInt(v)}</span>,
    },
    ...result.years.map((y, i) => ({
      title: helpTitle(String(y), 'forecast.township'),
      key: String(y),
      align: 'right' as const,
      width: 62,
      className: y === mid ? 'col-mark' : undefined,
      render: (_: unknown, r: Row) => <span className="num">{fmtInt(r.values[i])}</span>,
    })),
    {
      title: helpTitle(t.colChange(result.horizon), 'forecast.change'),
      key: 'change',
      align: 'right',
      width: 136,
      fixed: 'right',
      sorter: (a: Row, b: Row) => (changePct(a.base, a.values.at(-1) ?? 0) ?? 0) - (changePct(b.base, b.values.at(-1) ?? 0) ?? 0),
      render: (_: unknown, r: Row) => <ChangeCell pct={changePct(r.base, r.values.at(-1) ?? 0)} />,
    },
  ];

  return (
    <div className="forecast-panel">
      <Section
        title={t.chart(STAGE_LABEL[stage], result.baseYear, mid, result.horizon)}
        extra={
          <Segmented
            size="small"
            value={stage}
            onChange={(v) => setPicked(v as Stage)}
            options={stages.map((s) => ({ value: s, label: STAGE_LABEL[s] }))}
            data-testid="forecast-township-stage"
          />
        }
      >
        <AccuracyNote backtest={backtest} level="township" stages={[stage]} />
        {rows.length > 0 ? (
          <EChart option={option} height={300} testId="forecast-township-chart" label={t.chart(STAGE_LABEL[stage], result.baseYear, mid, result.horizon)} />
        ) : (
          <Empty className="chart-empty" description={t.none} />
        )}
      </Section>
      <Section title={`${STAGE_LABEL[stage]} · ${zh.forecast.tabs.townships}`}>
        <CompactTable<Row> rowKey="code" showSorterTooltip={SORT_HINT_ON_ICON} columns={columns} dataSource={rows} scroll={{ x: 'max-content' }} data-testid="forecast-township-table" />
      </Section>
    </div>
  );
});
