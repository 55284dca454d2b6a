// Demand against seats for one stage (the county, or one area) year by year, with the
// completion of each project of that stage marked on the time axis.
import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import { MarkPointComponent } from 'echarts/components';
import type { LineSeriesOption } from 'echarts/charts';
import type { Stage } from '@shared/domain';
import { STAGE_LABEL } from '@shared/domain';
import { PROJECT_TYPE, type PlanEvaluation } from '@shared/plan';
import { zh } from '../../i18n/zh';
import { EChart, type ChartOption } from '../EChart';
import { axisTooltip, baseGrid, categoryAxis, topLegend, valueAxis } from '../../lib/charts';
import { LEVEL_COLOR, STAGE_COLOR } from '../../lib/colors';

// The shared chart wrapper registers what the other pages use; completion pins are ours.
echarts.use([MarkPointComponent]);

const t = zh.plan.gaps;

export function DemandChart({ ev, stage, area }: { ev: PlanEvaluation; stage: Stage; area: string | null }) {
  const option = useMemo<ChartOption>(() => {
    const rows = area === null ? ev.county.filter((g) => g.stage === stage) : ev.gaps.filter((g) => g.stage === stage && g.area === area);
    const at = new Map(rows.map((r) => [r.year, r]));
    const years = ev.years.map(String);
    const completions = ev.projects.filter(
      (p) => p.applied && PROJECT_TYPE[p.type].builds && p.stages.includes(stage) && (area === null || p.area === area) && ev.years.includes(p.completionYear),
    );
    const marks = new Map<number, string[]>();
    for (const p of completions) marks.set(p.completionYear, [...(marks.get(p.completionYear) ?? []), p.schoolName || p.name]);
    const series: LineSeriesOption[] = [
      {
        type: 'line',
        name: t.demand,
        data: ev.years.map((y) => at.get(y)?.demand ?? null),
        itemStyle: { color: STAGE_COLOR[stage] },
        lineStyle: { width: 2.5 },
        symbolSize: 6,
        markArea: {
          silent: true,
          itemStyle: { color: 'rgba(31, 95, 168, 0.05)' },
          data: [[{ xAxis: String(ev.plan.baseYear) }, { xAxis: String(ev.plan.targetYear) }]],
        },
      },
      {
        type: 'line',
        name: t.capacity,
        step: 'end',
        data: ev.years.map((y) => at.get(y)?.capacity ?? null),
        itemStyle: { color: '#5c6b7a' },
        lineStyle: { width: 2, type: 'dashed' },
        symbol: 'none',
        // Completion years: a thin line, and a pin on the seats line counting the projects
        // (names on hover) — labels on the lines collide when builds are a year apart.
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: LEVEL_COLOR.green, type: 'solid', width: 1 },
          label: { show: false },
          data: [...marks.keys()].map((year) => ({ xAxis: String(year) })),
        },
        markPoint: {
          symbol: 'pin',
          symbolSize: 34,
          itemStyle: { color: LEVEL_COLOR.green },
          label: { color: '#fff', fontSize: 11 },
          data: [...marks].map(([year, names]) => ({
            coord: [String(year), at.get(year)?.capacity ?? 0],
            value: names.length,
            name: `${year}：${names.map((n) => t.completion(n)).join('、')}`,
          })),
        },
      },
    ];
    return {
      grid: baseGrid({ top: 44, right: 20 }),
      legend: topLegend(),
      tooltip: axisTooltip(zh.common.people),
      xAxis: categoryAxis(years, undefined, false),
      yAxis: valueAxis(zh.common.people),
      series,
    };
  }, [ev, stage, area]);

  return <EChart option={option} height={300} testId="plan-demand-chart" label={t.chart(area ?? t.county, STAGE_LABEL[stage])} />;
}
