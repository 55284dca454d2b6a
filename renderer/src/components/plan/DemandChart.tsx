// Demand against seats for one stage (the county, or one area) year by year, with the
// completion of each project of that stage marked on the time axis.
import { useMemo } from 'react';
import type { Stage } from '@shared/domain';
import { STAGE_LABEL } from '@shared/domain';
import type { PlanEvaluation } from '@shared/plan';
import { zh } from '../../i18n/zh';
import { EChart, type ChartOption } from '../EChart';
import { axisTooltip, baseGrid, categoryAxis, topLegend, valueAxis } from '../../lib/charts';
import { LEVEL_COLOR, STAGE_COLOR } from '../../lib/colors';

const t = zh.plan.gaps;

export function DemandChart({ ev, stage, area }: { ev: PlanEvaluation; stage: Stage; area: string | null }) {
  const option = useMemo<ChartOption>(() => {
    const rows = area === null ? ev.county.filter((g) => g.stage === stage) : ev.gaps.filter((g) => g.stage === stage && g.area === area);
    const at = new Map(rows.map((r) => [r.year, r]));
    const years = ev.years.map(String);
    const completions = ev.projects.filter(
      (p) => p.applied && p.type !== '撤并' && p.stages.includes(stage) && (area === null || p.area === area) && ev.years.includes(p.completionYear),
    );
    const marks = new Map<number, string[]>();
    for (const p of completions) marks.set(p.completionYear, [...(marks.get(p.completionYear) ?? []), p.schoolName || p.name]);
    return {
      grid: baseGrid({ top: 44, right: 20 }),
      legend: topLegend(),
      tooltip: axisTooltip(zh.common.people),
      xAxis: categoryAxis(years, undefined, false),
      yAxis: valueAxis(zh.common.people),
      series: [
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
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: LEVEL_COLOR.green, type: 'solid', width: 1 },
            label: { formatter: (p: { name?: string }) => p.name ?? '', color: '#3d4b5c', fontSize: 11, position: 'insideEndTop' },
            data: [...marks].map(([year, names]) => ({
              xAxis: String(year),
              name: t.completion(names.length > 2 ? `${names.slice(0, 2).join('、')}等` : names.join('、')),
            })),
          },
        },
      ],
    };
  }, [ev, stage, area]);

  return <EChart option={option} height={300} testId="plan-demand-chart" label={t.chart(area ?? t.county, STAGE_LABEL[stage])} />;
}
