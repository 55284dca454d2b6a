// 学龄人口: the population pyramid (0–17, by sex where the data split it, else one-sided) for
// any recorded or projected year, per township or the county, and births recorded then
// projected by the scenario.
import { memo, useMemo, useState } from 'react';
import { Alert, Select, Slider, Space, Tag, Typography } from 'antd';
import { entryAge, gradesOf, type SchoolSystem } from '@shared/domain';
import type { ProjectionResult } from '@shared/projection';
import { zh } from '../../i18n/zh';
import { EChart, type ChartOption } from '../EChart';
import { Section } from '../Section';
import { BIRTHS_COLOR, NEUTRAL_BAR, STAGE_COLOR } from '../../lib/colors';
import { axisTooltip, baseGrid, categoryAxis, valueAxis } from '../../lib/charts';
import { fmtInt } from '../../lib/format';
import { Labeled } from '../Labeled';
import { HelpText } from '../NumberHelp';

const t = zh.forecast.population;
const AGES = Array.from({ length: 18 }, (_, a) => a);

/** Colour of an age by the stage it feeds (junior starts at 11 under 五四制). */
function ageColor(age: number, system: SchoolSystem): string {
  const primary = entryAge('primary', system);
  const junior = primary + gradesOf('primary', system);
  const senior = junior + gradesOf('junior', system);
  if (age < 3) return NEUTRAL_BAR;
  if (age < primary) return STAGE_COLOR.preschool;
  if (age < junior) return STAGE_COLOR.primary;
  if (age < senior) return STAGE_COLOR.junior;
  return STAGE_COLOR.senior;
}

function pyramidOption(counts: (number | null)[], maleShare: number[] | null, system: SchoolSystem, projected: boolean): ChartOption {
  const labels = AGES.map((a) => `${a}${zh.common.ageSuffix}`);
  const opacity = projected ? 0.7 : 1;
  const bar = (sign: 1 | -1, share: (a: number) => number, name: string) => ({
    type: 'bar' as const,
    name,
    stack: 'p',
    barWidth: '72%',
    data: AGES.map((a) => {
      const v = counts[a];
      return v === null || v === undefined ? null : { value: sign * Math.round(v * share(a)), itemStyle: { color: ageColor(a, system), opacity: sign < 0 ? opacity * 0.75 : opacity } };
    }),
  });
  const series = maleShare
    ? [bar(-1, (a) => maleShare[a] ?? 0.52, t.male), bar(1, (a) => 1 - (maleShare[a] ?? 0.52), t.female)]
    : [bar(1, () => 1, t.total)];
  return {
    grid: baseGrid({ top: 16, right: 28 }),
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => `${fmtInt(Math.abs(Number(v)))} ${zh.common.people}`,
    },
    xAxis: { type: 'value', axisLabel: { color: '#5c6b7a', formatter: (v: number) => fmtInt(Math.abs(v)) }, splitLine: { lineStyle: { color: '#e8ecf1' } } },
    yAxis: { type: 'category', data: labels, axisLabel: { color: '#5c6b7a' }, axisTick: { show: false } },
    series,
  };
}

function birthsOption(years: number[], counts: number[], recorded: boolean[]): ChartOption {
  return {
    grid: baseGrid({ top: 28 }),
    tooltip: axisTooltip(zh.common.people),
    legend: { top: 0, right: 8, data: [t.recorded, t.projected], itemWidth: 12, itemHeight: 8 },
    xAxis: categoryAxis(years),
    yAxis: valueAxis(zh.forecast.population.axisCount),
    series: [
      {
        type: 'bar',
        name: t.recorded,
        stack: 'b',
        barMaxWidth: 18,
        data: counts.map((c, i) => (recorded[i] ? c : null)),
        itemStyle: { color: BIRTHS_COLOR, borderRadius: [2, 2, 0, 0] },
      },
      {
        type: 'bar',
        name: t.projected,
        stack: 'b',
        barMaxWidth: 18,
        data: counts.map((c, i) => (recorded[i] ? null : c)),
        itemStyle: { color: BIRTHS_COLOR, opacity: 0.4, borderRadius: [2, 2, 0, 0] },
      },
    ],
  };
}

// Memo: a slider move renders the page twice before the projection answers, and this panel's
// figures only change when it does.
export const PopulationPanel = memo(function PopulationPanel({ result }: { result: ProjectionResult }) {
  const pop = result.population;
  const [township, setTownship] = useState('');
  const years = pop.years;
  const [year, setYear] = useState<number>(() => Math.min(result.baseYear + 5, years.at(-1) ?? result.baseYear));
  const shownYear = years.includes(year) ? year : (years.at(-1) ?? result.baseYear);
  const yi = years.indexOf(shownYear);
  const tw = township ? pop.townships.find((x) => x.code === township) : undefined;
  const counts = useMemo(() => (tw ? tw.byYear[yi] : pop.county[yi]) ?? [], [tw, pop, yi]);
  const projected = pop.knownUntil !== null && shownYear > pop.knownUntil;
  const name = tw?.name ?? zh.common.wholeCounty;
  const pyramid = useMemo(() => pyramidOption(counts, pop.maleShare, result.schoolSystem, projected), [counts, pop.maleShare, result.schoolSystem, projected]);

  const births = useMemo(() => {
    const b = result.births;
    const counts = township ? (b.townships.find((x) => x.code === township)?.counts ?? []) : b.county;
    return birthsOption(b.years, counts, b.recorded);
  }, [result.births, township]);

  // Any year of the scope, not only the one shown: the year slider must stay while some year has figures.
  const hasPopulation = (tw ? tw.byYear : pop.county).some((row) => row?.some((v) => v !== null && v !== undefined));
  // Labels for the first, base and last years and every fifth, skipping any too close to another.
  const marked: number[] = [];
  for (const y of [years[0], result.baseYear, ...years.filter((x) => x % 5 === 0), years.at(-1)]) {
    if (y !== undefined && !marked.includes(y) && marked.every((m) => Math.abs(m - y) >= 3)) marked.push(y);
  }
  const marks = Object.fromEntries(marked.map((y) => [y, String(y)]));

  return (
    <div className="forecast-panel">
      <Space size={16} wrap className="panel-toolbar">
        <Labeled label={t.township}>
          <Select
            value={township}
            style={{ width: 160 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={[{ value: '', label: zh.common.wholeCounty }, ...pop.townships.map((x) => ({ value: x.code, label: x.name }))]}
            onChange={setTownship}
            data-testid="forecast-population-township"
          />
        </Labeled>
        {/* Without population there is no year to pick: an empty pyramid, a one-year slider and 记录 would say otherwise. */}
        {hasPopulation ? (
          <Space size={6} className="year-slider">
            <Typography.Text type="secondary">{t.year}</Typography.Text>
            <Slider min={years[0]} max={years.at(-1)} value={shownYear} marks={marks} onChange={(v) => setYear(v)} style={{ width: 420 }} />
            <Tag color={projected ? 'blue' : 'default'}>{projected ? t.projected : t.recorded}</Tag>
          </Space>
        ) : null}
      </Space>
      <div className="two-col">
        {hasPopulation ? (
          <Section title={<HelpText explain="forecast.population">{t.pyramid(name, shownYear, projected)}</HelpText>}>
            <EChart option={pyramid} height={420} testId="forecast-pyramid" label={t.pyramid(name, shownYear, projected)} />
          </Section>
        ) : (
          <Section title={<HelpText explain="forecast.population">{t.pyramidNone(name)}</HelpText>}>
            <Alert type="warning" showIcon title={t.noPopulation} />
          </Section>
        )}
        <Section title={<HelpText explain="forecast.births">{t.births(name)}</HelpText>}>
          {result.births.years.length > 0 ? (
            <EChart option={births} height={420} testId="forecast-births" label={t.births(name)} />
          ) : (
            <Alert type="info" showIcon title={t.noBirths} />
          )}
        </Section>
      </div>
    </div>
  );
});
