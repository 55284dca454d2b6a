// 人口: population by single age 0–17 (coloured by the stage each age feeds, following the
// county's school system) and births over the years, for the county or one township.
import { useMemo, useState } from 'react';
import { Card, Col, Empty, Row, Select, Space, Statistic } from 'antd';
import type { PopulationView } from '@shared/api';
import { entryAge, gradesOf, STAGE_LABEL, type SchoolSystem } from '@shared/domain';
import { useApi } from '../api/useApi';
import { zh } from '../i18n/zh';
import { EChart, type ChartOption } from '../components/EChart';
import { LoadError, PageLoading } from '../components/LoadState';
import { PageHeader } from '../components/PageHeader';
import { Section } from '../components/Section';
import { BIRTHS_COLOR, NEUTRAL_BAR, STAGE_COLOR } from '../lib/colors';
import { axisTooltip, baseGrid, categoryAxis, topLegend, valueAxis } from '../lib/charts';
import { fmtInt } from '../lib/format';
import { useProject } from '../state/session';
import { Labeled } from '../components/Labeled';

const t = zh.population;
const AGES = Array.from({ length: 18 }, (_, a) => a);

interface Band {
  key: string;
  label: string;
  from: number;
  to: number;
  color: string;
}

/** Age bands that feed each stage; junior starts at 11 under 五四制, 12 under 六三制. */
function ageBands(system: SchoolSystem): Band[] {
  const primaryFrom = entryAge('primary', system);
  const juniorFrom = primaryFrom + gradesOf('primary', system);
  const seniorFrom = juniorFrom + gradesOf('junior', system);
  const band = (key: 'preschool' | 'primary' | 'junior' | 'senior', from: number, to: number): Band => ({
    key,
    label: t.bandLabel(STAGE_LABEL[key], from, to),
    from,
    to,
    color: STAGE_COLOR[key],
  });
  return [
    { key: 'infant', label: t.bandLabel(t.infants, 0, 2), from: 0, to: 2, color: NEUTRAL_BAR },
    band('preschool', 3, primaryFrom - 1),
    band('primary', primaryFrom, juniorFrom - 1),
    band('junior', juniorFrom, seniorFrom - 1),
    band('senior', seniorFrom, 17),
  ];
}

function ageOption(counts: number[], bands: Band[]): ChartOption {
  return {
    grid: baseGrid(),
    legend: topLegend(),
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      // One bar per age: show the age and its count, not the empty band series.
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const hit = list.find((p) => typeof p.value === 'number');
        return hit ? `${hit.name}<br/>${hit.marker ?? ''}${fmtInt(hit.value as number)} ${zh.common.people}` : '';
      },
    },
    xAxis: categoryAxis(AGES.map((a) => `${a}${zh.common.ageSuffix}`)),
    yAxis: valueAxis(t.countAxis),
    series: bands.map((b) => ({
      type: 'bar',
      name: b.label,
      stack: 'age',
      barWidth: '70%',
      data: AGES.map((a) => (a >= b.from && a <= b.to ? (counts[a] ?? 0) : null)),
      itemStyle: { color: b.color, borderRadius: [2, 2, 0, 0] },
    })),
  };
}

function birthsOption(view: PopulationView): ChartOption {
  const births = [...view.births].sort((a, b) => a.year - b.year);
  return {
    grid: baseGrid({ top: 28 }),
    tooltip: axisTooltip(zh.common.people),
    xAxis: categoryAxis(births.map((b) => b.year), undefined, false),
    yAxis: valueAxis(t.birthsAxis),
    series: [
      {
        type: 'line',
        name: zh.overview.birthsChart,
        data: births.map((b) => b.count),
        itemStyle: { color: BIRTHS_COLOR },
        lineStyle: { width: 2 },
        areaStyle: { color: BIRTHS_COLOR, opacity: 0.12 },
        symbolSize: 6,
      },
    ],
  };
}

function BandTotals({ counts, bands }: { counts: number[]; bands: Band[] }) {
  return (
    <Row gutter={[12, 12]}>
      {bands.map((b) => {
        const total = AGES.filter((a) => a >= b.from && a <= b.to).reduce((s, a) => s + (counts[a] ?? 0), 0);
        return (
          <Col key={b.key} flex="1 1 200px">
            <Card size="small" className="stat-card band-card" style={{ borderTopColor: b.color }}>
              <Statistic title={b.label} value={total} formatter={(v) => fmtInt(Number(v))} suffix={zh.common.people} />
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

export function PopulationPage() {
  const { project } = useProject();
  const [township, setTownship] = useState<string>('');
  const [year, setYear] = useState<number | null>(null);
  const { data, error, loading, reload } = useApi('population.get', township ? { township } : {}, [township]);

  const bands = useMemo(() => ageBands(project.schoolSystem), [project.schoolSystem]);
  const years = useMemo(() => [...(data?.years ?? [])].sort((a, b) => a - b), [data]);
  const shownYear = year !== null && years.includes(year) ? year : (years[years.length - 1] ?? null);
  const counts = useMemo(
    () => (data && shownYear !== null ? (data.byYear[String(shownYear)] ?? []) : []),
    [data, shownYear],
  );
  const ageChart = useMemo(() => ageOption(counts, bands), [counts, bands]);
  const birthChart = useMemo(() => (data ? birthsOption(data) : null), [data]);

  if (error && !data) return <LoadError error={error} onRetry={reload} />;
  if (loading && !data) return <PageLoading />;
  if (!data) return null;

  const townshipOptions = [
    { value: '', label: zh.common.wholeCounty },
    ...data.townships.map((tw) => ({ value: tw.code, label: tw.name })),
  ];
  const name = data.township ? data.townshipName : zh.common.wholeCounty;

  return (
    <div className="page" data-testid="population-page">
      <PageHeader
        title={t.title}
        subtitle={t.subtitle}
        extra={
          <Space size={16} wrap>
            <Labeled label={t.township}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                value={township}
                options={townshipOptions}
                onChange={(v: string) => setTownship(v)}
                style={{ width: 180 }}
                loading={loading}
                data-testid="population-township"
              />
            </Labeled>
            <Labeled label={t.year}>
              <Select
                value={shownYear ?? undefined}
                options={[...years].reverse().map((y) => ({ value: y, label: zh.common.year(y) }))}
                onChange={(v: number) => setYear(v)}
                style={{ width: 110 }}
                disabled={years.length === 0}
                data-testid="population-year"
              />
            </Labeled>
          </Space>
        }
      />

      {years.length > 0 ? <BandTotals counts={counts} bands={bands} /> : null}

      <Section title={t.byAge(name, shownYear)}>
        {years.length > 0 ? (
          <EChart option={ageChart} height={340} testId="population-age-chart" label={t.byAge(name, shownYear)} />
        ) : (
          <Empty className="chart-empty" description={t.noPopulation} />
        )}
      </Section>

      <Section title={t.births(name)}>
        {data.births.length > 0 && birthChart ? (
          <EChart option={birthChart} height={260} testId="population-births-chart" label={t.births(name)} />
        ) : (
          <Empty className="chart-empty" description={t.noBirths} />
        )}
      </Section>
    </div>
  );
}
