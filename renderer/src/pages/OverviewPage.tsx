// 总览: the county at a glance — totals, enrolment by stage over the years, births, and the
// township table where 城挤乡空 shows.
import { useMemo } from 'react';
import { Alert, Col, Empty, Row, Typography } from 'antd';
import type { Overview } from '@shared/api';
import { STAGE_LABEL, STAGES } from '@shared/domain';
import { useApi } from '../api/useApi';
import { zh } from '../i18n/zh';
import { EChart, type ChartOption } from '../components/EChart';
import { LoadError, PageLoading } from '../components/LoadState';
import { PageHeader } from '../components/PageHeader';
import { Section } from '../components/Section';
import { StatCard } from '../components/StatCard';
import { TownshipTable } from '../components/TownshipTable';
import { BIRTHS_COLOR, LEVEL_COLOR, STAGE_COLOR } from '../lib/colors';
import { axisTooltip, baseGrid, categoryAxis, topLegend, valueAxis } from '../lib/charts';
import { overviewFindings } from '../lib/findings';
import { FindingsAlert } from '../components/FindingsAlert';

const t = zh.overview;

function studentsOption(o: Overview): ChartOption {
  const years = o.years.map(String);
  const stages = STAGES.filter((s) => years.some((y) => (o.studentsByYear[y]?.[s] ?? 0) > 0));
  return {
    grid: baseGrid(),
    legend: topLegend(),
    tooltip: axisTooltip(zh.common.people),
    xAxis: categoryAxis(years),
    yAxis: valueAxis(zh.common.people),
    series: stages.map((s) => ({
      type: 'line',
      name: STAGE_LABEL[s],
      data: years.map((y) => o.studentsByYear[y]?.[s] ?? 0),
      itemStyle: { color: STAGE_COLOR[s] },
      lineStyle: { width: 2 },
      symbolSize: 6,
    })),
  };
}

function birthsOption(o: Overview): ChartOption {
  const births = [...o.births].sort((a, b) => a.year - b.year);
  return {
    grid: baseGrid({ top: 28 }),
    tooltip: axisTooltip(zh.common.people),
    xAxis: categoryAxis(births.map((b) => b.year)),
    yAxis: valueAxis(zh.common.people),
    series: [
      {
        type: 'bar',
        name: t.birthsChart,
        data: births.map((b) => b.count),
        itemStyle: { color: BIRTHS_COLOR, borderRadius: [2, 2, 0, 0] },
        barMaxWidth: 28,
      },
    ],
  };
}

/** 义务教育 大班额 as the plan counts them, with 普通高中's beside: the same label gives the same number on every page. */
function LargeClassesCard({ o }: { o: Overview }) {
  const { compulsory, senior } = o.largeClassesByLevel;
  // None found among unknown class counts is not 无大班额.
  const unknown = compulsory.large === 0 && o.schoolsWithoutClasses > 0;
  return (
    <StatCard
      testId="stat-large-classes"
      title={t.largeClasses}
      explain="overview.largeClasses"
      value={unknown ? null : compulsory.large}
      suffix={zh.common.classesUnit}
      valueColor={compulsory.large > 0 ? LEVEL_COLOR.orange : undefined}
      footer={
        <>
          {compulsory.oversized > 0 ? (
            <span style={{ color: LEVEL_COLOR.red, fontWeight: 600 }}>{t.oversized(compulsory.oversized)}</span>
          ) : o.schoolsWithoutClasses > 0 ? (
            <Typography.Text type="secondary">{t.largeUnknown(o.schoolsWithoutClasses)}</Typography.Text>
          ) : (
            <Typography.Text type="secondary">{t.noOversized}</Typography.Text>
          )}
          <div className="muted" data-testid="stat-large-classes-senior">
            {t.seniorLarge(senior.large, senior.oversized)}
          </div>
        </>
      }
    />
  );
}

/** Why a card's count is unknown or short: the same words as the findings, kept beside the number. */
function classesFooter(o: Overview): string | undefined {
  if (o.totals.classes === null) return t.classesUnknownAll;
  return o.schoolsWithoutClasses > 0 ? t.classesUnknownSome(o.schoolsWithoutClasses) : undefined;
}

function Stats({ o }: { o: Overview }) {
  const cards = [
    { title: t.schools, value: o.totals.schools, suffix: zh.common.schoolsUnit, explain: 'overview.schools' },
    { title: t.students, value: o.totals.students, suffix: zh.common.people, explain: 'overview.students' },
    { title: t.classes, value: o.totals.classes, suffix: zh.common.classesUnit, explain: 'overview.classes', footer: classesFooter(o) },
    { title: t.townships, value: o.totals.townships, suffix: zh.common.countUnit, explain: 'overview.townships' },
    { title: t.teachers, value: o.totals.teachers, suffix: zh.common.people, explain: 'overview.teachers', footer: o.totals.teachers === null ? t.teachersUnknown : undefined },
  ] as const;
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.title} xs={12} md={8} xl={4}>
          <StatCard
            title={c.title}
            explain={c.explain}
            value={c.value}
            suffix={c.suffix}
            footer={'footer' in c && c.footer ? <Typography.Text type="secondary">{c.footer}</Typography.Text> : undefined}
          />
        </Col>
      ))}
      <Col xs={12} md={8} xl={4}>
        <LargeClassesCard o={o} />
      </Col>
    </Row>
  );
}

export function OverviewPage() {
  const { data, error, loading, reload } = useApi('overview.get', {}, []);
  const studentChart = useMemo(() => (data ? studentsOption(data) : null), [data]);
  const birthChart = useMemo(() => (data ? birthsOption(data) : null), [data]);
  const findings = useMemo(() => (data ? overviewFindings(data) : []), [data]);

  if (error && !data) return <LoadError error={error} onRetry={reload} />;
  if (loading && !data) return <PageLoading />;
  if (!data) return null;

  const hasStudents = data.years.length > 0 && data.totals.students > 0;

  return (
    <div className="page" data-testid="overview-page">
      <PageHeader title={t.title} subtitle={t.subtitle(data.latestYear)} />
      <Stats o={data} />

      {hasStudents ? (
        findings.length > 0 ? (
          <FindingsAlert className="findings" title={t.findings} testId="overview-findings">
            {findings.map((f) => (
              <li key={f}>
                {f}
                {t.endSentence}
              </li>
            ))}
          </FindingsAlert>
        ) : null
      ) : (
        <Alert className="findings" type="warning" showIcon title={t.noStudents} />
      )}

      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <Section title={t.studentsChart(data.years[0], data.years[data.years.length - 1])}>
            {hasStudents && studentChart ? (
              <EChart option={studentChart} height={300} testId="students-chart" label={t.studentsChart(data.years[0], data.latestYear ?? undefined)} />
            ) : (
              <Empty className="chart-empty" description={zh.common.noData} />
            )}
          </Section>
        </Col>
        <Col xs={24} xl={10}>
          <Section title={t.birthsChart}>
            {data.births.length > 0 && birthChart ? (
              <EChart option={birthChart} height={300} testId="births-chart" label={t.birthsChart} />
            ) : (
              <Empty className="chart-empty" description={zh.common.noData} />
            )}
          </Section>
        </Col>
      </Row>

      <Section
        title={t.townshipTable}
        extra={<Typography.Text type="secondary" className="section-hint">{t.townshipTableHint}</Typography.Text>}
      >
        <TownshipTable rows={data.townships} />
      </Section>
    </div>
  );
}
