// 教师: posts needed (编制) against the teachers a stage will have, year by year, for the
// county; then each township's 缺编 or 超编 in the base, target and outlook years. The numbers
// are the evaluation's (shared/plan/teachers), the same the CLI and the annex print.
import { useMemo, useState } from 'react';
import { Alert, Col, Empty, Row, Segmented, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { STAGE_LABEL } from '@shared/domain';
import type { PlanEvaluation, TeacherStage, TeacherTownshipRow } from '@shared/plan';
import { zh } from '../../i18n/zh';
import { EChart, type ChartOption } from '../EChart';
import { CompactTable } from '../CompactTable';
import { Section } from '../Section';
import { StatCard } from '../StatCard';
import { TeacherIndicators } from './TeacherIndicators';
import { axisTooltip, baseGrid, categoryAxis, topLegend, valueAxis } from '../../lib/charts';
import { LEVEL_COLOR, STAGE_COLOR } from '../../lib/colors';
import { fmtInt } from '../../lib/format';
import { helpTitle } from '../NumberHelp';

const t = zh.teachers;

/** Teachers or a gap the data cannot give: 未知, with why on hover, never 0. */
function Unknown() {
  return (
    <Tooltip title={t.unknownSupply}>
      <span className="num muted">{zh.common.unknown}</span>
    </Tooltip>
  );
}

/** Posts, marked where some are at schools whose teachers are unknown. */
function DemandCell({ demand, unknown }: { demand: number; unknown: number }) {
  if (unknown <= 0) return <span className="num">{fmtInt(demand)}</span>;
  return (
    <Tooltip title={t.unknownPosts(fmtInt(unknown))}>
      <span className="num">{fmtInt(demand)}*</span>
    </Tooltip>
  );
}

/** 缺 n in red, 超 n in blue: the sign of a gap is easy to misread in a table of numbers. */
function GapCell({ gap }: { gap: number | null }) {
  if (gap === null) return <Unknown />;
  if (gap === 0) return <span className="num muted">{t.even}</span>;
  const color = gap > 0 ? LEVEL_COLOR.red : LEVEL_COLOR.blue;
  return (
    <span className="num" style={{ color }}>
      {gap > 0 ? t.short(fmtInt(gap)) : t.over(fmtInt(-gap))}
    </span>
  );
}

function TeacherChart({ ev, stage }: { ev: PlanEvaluation; stage: TeacherStage }) {
  const option = useMemo<ChartOption>(() => {
    const r = ev.teachers.byStage[stage];
    return {
      grid: baseGrid({ top: 44, right: 20 }),
      legend: topLegend(),
      tooltip: axisTooltip(t.people),
      xAxis: categoryAxis(ev.years, undefined, false),
      yAxis: valueAxis(t.people),
      series: [
        {
          type: 'line', name: t.demand, data: r?.demand ?? [], itemStyle: { color: STAGE_COLOR[stage] }, lineStyle: { width: 2.5 }, symbolSize: 6,
          markArea: { silent: true, itemStyle: { color: 'rgba(31, 95, 168, 0.05)' }, data: [[{ xAxis: String(ev.plan.baseYear) }, { xAxis: String(ev.plan.targetYear) }]] },
        },
        { type: 'line', name: t.supply, data: r?.supply ?? [], itemStyle: { color: '#5c6b7a' }, lineStyle: { width: 2, type: 'dashed' }, symbol: 'none' },
      ],
    };
  }, [ev, stage]);
  return <EChart option={option} height={300} testId="teacher-chart" label={t.chart(STAGE_LABEL[stage])} />;
}

/** How many schools' retirements come from their age table and how many from the exit rate. */
function SupplySource({ ev }: { ev: PlanEvaluation }) {
  const basis = ev.teachers.retirementBasis;
  const byAge = basis.filter((b) => b.basis === 'age').length;
  return (
    <Tooltip title={t.byAgeHint}>
      <Space size={4} data-testid="teacher-supply-source" style={{ marginLeft: 12 }}>
        <span className="muted">{t.supplySource(basis.length)}</span>
        <Tag color={byAge > 0 ? 'green' : 'default'}>{t.byAge(byAge)}</Tag>
        <Tag>{t.byRate(basis.length - byAge)}</Tag>
      </Space>
    </Tooltip>
  );
}

export function TeachersPanel({ ev }: { ev: PlanEvaluation }) {
  const tp = ev.teachers;
  const [picked, setStage] = useState<TeacherStage | null>(null);
  const stage = picked && tp.stages.includes(picked) ? picked : (tp.stages.includes('primary') ? 'primary' : tp.stages[0]);
  if (!stage) return <Empty description={t.noStaff} />;
  const base = 0;
  const target = Math.max(0, Math.min(ev.years.length - 1, ev.plan.targetYear - ev.plan.baseYear));
  const outlook = ev.years.length - 1;
  const r = tp.byStage[stage];
  const inPeriod = (xs: number[] | undefined) => (xs ?? []).slice(1, target + 1).reduce((a, b) => a + b, 0);
  const gapAt = r ? r.gap[target] ?? null : 0;
  const unknownTarget = r?.unknownPosts[target] ?? 0;
  const rows = tp.byTownship.filter((x) => x.stage === stage);
  // The imported count the projected teachers start from (none when no school has a staff record).
  const baseSupply = r?.supply[base];
  const staffBase = tp.staffYear !== null && baseSupply != null ? { year: tp.staffYear, n: baseSupply } : null;
  const cols = (i: number, label: string): TableColumnsType<TeacherTownshipRow>[number] => ({
    title: t.year(ev.years[i] as number, label),
    key: `y${i}`,
    children: [
      { title: helpTitle(t.demandShort, 'teachers.demand'), key: `d${i}`, align: 'right', width: 72, render: (_: unknown, x) => <DemandCell demand={x.demand[i] as number} unknown={x.unknownPosts[i] as number} /> },
      { title: helpTitle(t.supplyShort, 'teachers.supply'), key: `s${i}`, align: 'right', width: 72, render: (_: unknown, x) => (x.supply[i] == null ? <Unknown /> : <span className="num">{fmtInt(x.supply[i])}</span>) },
      { title: helpTitle(t.gapShort, 'teachers.gap'), key: `g${i}`, align: 'right', width: 84, render: (_: unknown, x) => <GapCell gap={x.gap[i] ?? null} /> },
    ],
  });
  const columns: TableColumnsType<TeacherTownshipRow> = [
    { title: t.township, dataIndex: 'townshipName', key: 'name', fixed: 'left', width: 120 },
    cols(base, t.base),
    cols(target, t.target),
    { title: helpTitle(t.year(ev.years[outlook] as number, t.outlook), 'teachers.gap'), key: 'outlook', align: 'right', width: 96, render: (_: unknown, x) => <GapCell gap={x.gap[outlook] ?? null} /> },
  ];
  /** The county's own series: the stage result, not a sum of the township rows (rounding and unknown supply differ). */
  const total = (i: number, k: 'demand' | 'supply' | 'gap') => (r ? r[k][i] ?? null : null);
  const unknownAt = (i: number) => r?.unknownPosts[i] ?? 0;

  return (
    <div data-testid="teachers-panel">
      {tp.staffYear === null ? <Alert type="warning" showIcon title={t.noStaff} style={{ marginBottom: 12 }} /> : null}
      <Alert type="info" showIcon title={tp.notes.join(' ')} style={{ marginBottom: 12 }} data-testid="teacher-notes" />
      <Segmented<TeacherStage>
        value={stage}
        onChange={setStage}
        options={tp.stages.map((s) => ({ value: s, label: STAGE_LABEL[s] }))}
        data-testid="teacher-stage"
        style={{ marginBottom: 12 }}
      />
      <SupplySource ev={ev} />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <StatCard testId="teacher-stat-demand" title={t.statDemand(ev.plan.targetYear)} explain="teachers.demand" value={r?.demand[target] ?? 0} suffix={t.people} />
        </Col>
        <Col xs={12} md={6}>
          <StatCard
            testId="teacher-stat-supply"
            title={t.statSupply(ev.plan.targetYear)}
            explain="teachers.supply"
            value={r ? r.supply[target] ?? null : 0}
            suffix={t.people}
            hint={staffBase === null ? undefined : t.supplyHint(staffBase.year, fmtInt(staffBase.n), ev.plan.baseYear + 1, ev.plan.targetYear, fmtInt(inPeriod(r?.retired)), fmtInt(inPeriod(r?.hired)))}
            footer={staffBase === null ? undefined : <span className="muted" data-testid="teacher-supply-footer">{t.supplyFooter(staffBase.year, fmtInt(staffBase.n))}</span>}
          />
        </Col>
        <Col xs={12} md={6}>
          <StatCard
            testId="teacher-stat-gap"
            title={t.statGap(ev.plan.targetYear)}
            explain="teachers.gap"
            value={gapAt}
            suffix={t.people}
            valueColor={gapAt === null ? undefined : gapAt > 0 ? LEVEL_COLOR.red : LEVEL_COLOR.blue}
            footer={
              <span className="muted" data-testid="teacher-gap-footer">
                {t.statPeriod(fmtInt(inPeriod(r?.hired)), fmtInt(inPeriod(r?.freedByClosure)))}
                {unknownTarget > 0 ? ` · ${t.statUnknownPosts(fmtInt(unknownTarget))}` : ''}
              </span>
            }
          />
        </Col>
        <Col xs={12} md={6}>
          <StatCard testId="teacher-stat-new" title={t.statNew(ev.plan.targetYear)} explain="teachers.neededByNew" value={r?.neededByNew[target] ?? 0} suffix={t.people} />
        </Col>
      </Row>
      <Section title={t.chart(STAGE_LABEL[stage])}>
        <TeacherChart ev={ev} stage={stage} />
      </Section>
      <Section title={t.indicators} testId="teacher-indicators-section">
        <TeacherIndicators ev={ev} target={target} />
      </Section>
      <Section title={t.townshipTable(STAGE_LABEL[stage])} testId="teacher-townships">
        <CompactTable<TeacherTownshipRow>
          rowKey={(x) => `${x.township}|${x.stage}`}
          columns={columns}
          dataSource={rows}
          scroll={{ x: 'max-content', y: 420 }}
          bordered
          summary={() => (
            <Table.Summary fixed>
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t.total}</Table.Summary.Cell>
                {[base, target].flatMap((i, k) => [
                  <Table.Summary.Cell key={`d${k}`} index={1 + k * 3} align="right"><DemandCell demand={total(i, 'demand') ?? 0} unknown={unknownAt(i)} /></Table.Summary.Cell>,
                  <Table.Summary.Cell key={`s${k}`} index={2 + k * 3} align="right">{total(i, 'supply') === null ? <Unknown /> : fmtInt(total(i, 'supply'))}</Table.Summary.Cell>,
                  <Table.Summary.Cell key={`g${k}`} index={3 + k * 3} align="right"><GapCell gap={total(i, 'gap')} /></Table.Summary.Cell>,
                ])}
                <Table.Summary.Cell index={7} align="right"><GapCell gap={total(outlook, 'gap')} /></Table.Summary.Cell>
              </Table.Summary.Row>
            </Table.Summary>
          )}
        />
      </Section>
    </div>
  );
}
