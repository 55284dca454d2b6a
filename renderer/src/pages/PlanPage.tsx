// 规划: the plan's targets, builds and closures, and for every year, stage and area whether
// seats, class sizes and the national indicators meet them. The evaluation runs in the page
// (shared/plan), so an edit shows in the matrix, the chart, the warnings and the targets as
// soon as the file has it.
import { useMemo, useState } from 'react';
import { Alert, Button, Col, Empty, Flex, Row, Segmented, Select, Space, Spin, Tabs, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined, RedoOutlined, SettingOutlined, UndoOutlined } from '@ant-design/icons';
import { STAGE_LABEL, type Stage } from '@shared/domain';
import { planHeadline, type PlanEvaluation } from '@shared/plan';
import { zh } from '../i18n/zh';
import { LoadError, PageLoading } from '../components/LoadState';
import { PageHeader } from '../components/PageHeader';
import { Section } from '../components/Section';
import { StatCard } from '../components/StatCard';
import { LEVEL_COLOR } from '../lib/colors';
import { AreasPanel } from '../components/plan/AreasPanel';
import { BalancePanel } from '../components/plan/BalancePanel';
import { DemandChart } from '../components/plan/DemandChart';
import { GapMatrix, type GapMode } from '../components/plan/GapMatrix';
import { LEVEL_BG } from '../components/plan/levels';
import { OptimisePanel } from '../components/plan/OptimisePanel';
import { ProjectsPanel } from '../components/plan/ProjectsPanel';
import { SchoolsPanel } from '../components/plan/SchoolsPanel';
import { SettingsDrawer } from '../components/plan/SettingsDrawer';
import { TargetsPanel } from '../components/plan/TargetsPanel';
import { TeachersPanel } from '../components/plan/TeachersPanel';
import { usePlan } from '../components/plan/usePlan';
import { WarningList } from '../components/plan/WarningList';
import '../components/plan/plan.css';
import { Labeled } from '../components/Labeled';

const t = zh.plan;
const wan = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

function Summary({ ev }: { ev: PlanEvaluation }) {
  const year = ev.plan.targetYear;
  const judged = ev.targets.filter((x) => x.met !== null);
  const met = judged.filter((x) => x.met).length;
  const atTarget = ev.gaps.filter((g) => g.year === year);
  const red = atTarget.filter((g) => g.level === 'red').length;
  const head = planHeadline(ev);
  const classYear = ev.classes.find((c) => c.year === year);
  const large = classYear?.large ?? 0;
  const largeUnknown = large === 0 && (classYear?.unknown ?? 0) > 0;
  const redWarnings = ev.warnings.filter((w) => w.level === 'red').length;
  return (
    <Row gutter={[12, 12]} className="plan-summary" data-testid="plan-summary">
      <Col xs={12} md={8} xl={5}>
        <StatCard
          testId="stat-targets"
          title={t.summary.targetsMet}
          explain="plan.targetsMet"
          value={met}
          suffix={t.summary.of(judged.length)}
          valueColor={met < judged.length ? LEVEL_COLOR.orange : LEVEL_COLOR.green}
          footer={<span className="muted">{t.summary.warnings(ev.warnings.length)}</span>}
        />
      </Col>
      <Col xs={12} md={8} xl={5}>
        <StatCard
          testId="stat-red"
          title={t.summary.redCells}
          explain="plan.redCells"
          value={red}
          suffix={zh.common.countUnit}
          valueColor={red > 0 ? LEVEL_COLOR.red : LEVEL_COLOR.green}
          footer={<span style={{ color: redWarnings ? LEVEL_COLOR.red : undefined }}>{t.summary.redWarnings(redWarnings)}</span>}
        />
      </Col>
      <Col xs={12} md={8} xl={5}>
        <StatCard
          testId="stat-gap"
          title={t.summary.peakGap}
          explain="plan.peakGap"
          value={head.peakGap}
          suffix={zh.common.countUnit}
          valueColor={head.peakGap > 0 ? LEVEL_COLOR.red : undefined}
          footer={<span className="muted">{t.summary.peakFooter(head.peakYears, head.targetGap, head.baseGap)}</span>}
        />
      </Col>
      <Col xs={12} md={8} xl={4}>
        <StatCard
          testId="stat-large"
          title={t.summary.large}
          explain="plan.largeClasses"
          value={largeUnknown ? null : large}
          suffix={zh.common.classesUnit}
          valueColor={large > 0 ? LEVEL_COLOR.orange : undefined}
          footer={classYear && classYear.unknown > 0 ? <span className="muted">{t.summary.largeUnknown(classYear.unknown)}</span> : undefined}
        />
      </Col>
      <Col xs={12} md={8} xl={5}>
        <StatCard
          testId="stat-projects"
          title={t.summary.projects}
          explain="plan.projects"
          value={head.projects}
          suffix={zh.common.countUnit}
          footer={<span className="muted">{t.summary.investment(wan.format(head.investment), head.suggestedProjects)}</span>}
        />
      </Col>
    </Row>
  );
}

function Legend({ ev }: { ev: PlanEvaluation }) {
  const levels = ['red', 'orange', 'green', 'blue'] as const;
  return (
    <span className="plan-legend">
      {levels.map((l) => (
        <span key={l}>
          <span className="plan-legend-swatch" style={{ background: LEVEL_BG[l] }} />
          {t.levels[l]}
        </span>
      ))}
      <span className="muted">{`${ev.plan.baseYear}–${ev.plan.targetYear} ${t.gaps.planPeriod}，其后为${t.gaps.outlook}`}</span>
    </span>
  );
}

function GapsTab({ ev }: { ev: PlanEvaluation }) {
  const [stage, setStage] = useState<Stage>(ev.stages.includes('primary') ? 'primary' : (ev.stages[0] ?? 'primary'));
  const [mode, setMode] = useState<GapMode>('gap');
  /** null: the area short of the most seats in the plan period (the county when none is). */
  const [scope, setScope] = useState<string | null>(null);
  const areas = useMemo(() => [...new Set(ev.gaps.filter((g) => g.stage === stage).map((g) => g.area))], [ev.gaps, stage]);
  const neediest = useMemo(() => {
    let best: { area: string; gap: number } | null = null;
    for (const g of ev.gaps) {
      if (g.stage !== stage || g.area === '全县' || g.year > ev.plan.targetYear || g.gap <= 0) continue;
      if (!best || g.gap > best.gap) best = { area: g.area, gap: g.gap };
    }
    return best?.area ?? '';
  }, [ev.gaps, ev.plan.targetYear, stage]);
  const shownScope = scope !== null && areas.includes(scope) ? scope : scope === '' ? '' : neediest;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <div className="plan-toolbar">
        <Segmented<Stage> value={stage} onChange={setStage} options={ev.stages.map((s) => ({ value: s, label: STAGE_LABEL[s] }))} data-testid="gap-stage" />
        <Labeled label={t.gaps.show}>
          <Segmented<GapMode> value={mode} onChange={setMode} options={[{ value: 'gap', label: t.gaps.showGap }, { value: 'use', label: t.gaps.showUse }]} />
        </Labeled>
        <Legend ev={ev} />
      </div>
      <GapMatrix ev={ev} stage={stage} mode={mode} />
      <div className="plan-top">
        <Section
          title={t.gaps.chart(shownScope || t.gaps.county, STAGE_LABEL[stage])}
          extra={
            <Select
              size="small"
              value={shownScope}
              style={{ width: 130 }}
              onChange={setScope}
              options={[{ value: '', label: t.gaps.county }, ...areas.filter((a) => a !== '全县').map((a) => ({ value: a, label: a }))]}
            />
          }
        >
          <DemandChart ev={ev} stage={stage} area={shownScope || null} />
        </Section>
        <Section title={t.warnings.title}>
          <WarningList warnings={ev.warnings} />
        </Section>
      </div>
    </div>
  );
}

export function PlanPage() {
  const p = usePlan();
  const [tab, setTab] = useState('gaps');
  const [settingsOpen, setSettingsOpen] = useState(false);

  if (p.error && !p.plan) return <LoadError error={p.error} />;
  if (!p.plans) return <PageLoading />;
  if (p.plans.length === 0) {
    return (
      <div className="page" data-testid="plan-page">
        <PageHeader title={t.title} />
        <Flex vertical align="center" gap={16} className="placeholder-panel">
          <Empty description={<Typography.Paragraph type="secondary" style={{ maxWidth: 520 }}>{t.noPlan}</Typography.Paragraph>} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void p.create()} data-testid="create-plan">
            {t.createDefault}
          </Button>
        </Flex>
      </div>
    );
  }
  const plan = p.plan;
  const ev = p.evaluation;
  if (!plan || !p.context || !ev) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: 320 }}>
        <Spin size="large" tip={t.loadingContext}>
          <div style={{ width: 160, height: 60 }} />
        </Spin>
      </Flex>
    );
  }
  const history = plan.history;
  const source = ev.source;
  const headline = planHeadline(ev);

  return (
    <div className="page" data-testid="plan-page">
      <PageHeader
        title={t.title}
        subtitle={
          <span>
            {t.subtitle(plan.name, plan.baseYear, plan.targetYear, plan.outlookYear)}
            <span className="subtitle-sep" />
            {source.kind === 'flat' ? <Tag color="warning">{t.sourceFlat}</Tag> : t.sourceProjection(source.scenario)}
            <span className="subtitle-sep" />
            <Tooltip title={ev.allocation.text}>
              <span data-testid="plan-allocation">
                {ev.allocation.rule === 'catchments' ? t.allocationCatchments(ev.allocation.catchmentStages.map((s) => STAGE_LABEL[s]).join('、')) : t.allocationSeats}
              </span>
            </Tooltip>
            {p.loadingContext || p.saving ? <Spin size="small" style={{ marginLeft: 8 }} /> : null}
          </span>
        }
        extra={
          <Space size={8} wrap>
            {p.plans.length > 1 ? (
              <Select value={plan.id} style={{ width: 140 }} onChange={p.select} options={p.plans.map((x) => ({ value: x.id, label: x.name }))} data-testid="plan-select" />
            ) : null}
            <Tooltip title={history.undo ? t.undoWhat(history.undo) : t.nothingToUndo}>
              <Button icon={<UndoOutlined />} disabled={!history.undo || p.saving} onClick={() => void p.edit('plan.undo', {})} data-testid="plan-undo">
                {t.undo}
              </Button>
            </Tooltip>
            <Tooltip title={history.redo ? t.redoWhat(history.redo) : t.nothingToRedo}>
              <Button icon={<RedoOutlined />} disabled={!history.redo || p.saving} onClick={() => void p.edit('plan.redo', {})} data-testid="plan-redo">
                {t.redo}
              </Button>
            </Tooltip>
            <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)} data-testid="plan-settings-button">
              {t.settings}
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => void p.create()}>
              {t.create}
            </Button>
          </Space>
        }
      />
      {source.notes.length > 0 ? (
        <Alert type={source.kind === 'flat' ? 'warning' : 'info'} showIcon title={source.notes.join(' ')} />
      ) : null}
      <Summary ev={ev} />
      <Tabs
        className="plan-tabs"
        activeKey={tab}
        onChange={setTab}
        data-testid="plan-tabs"
        items={[
          { key: 'gaps', label: t.tabs.gaps, children: <GapsTab ev={ev} /> },
          { key: 'targets', label: t.tabs.targets, children: <TargetsPanel ev={ev} plan={plan} context={p.context} edit={p.edit} /> },
          {
            key: 'projects',
            label: (
              <span>
                {t.tabs.projects}
                {headline.suggestedProjects > 0 ? (
                  <Tooltip title={t.summary.suggestedTip(headline.suggestedProjects, headline.suggestionGroups)}>
                    <Tag className="inline-tag" color="red" data-testid="suggested-count">
                      {headline.suggestedProjects}
                    </Tag>
                  </Tooltip>
                ) : null}
              </span>
            ),
            children: <ProjectsPanel ev={ev} plan={plan} context={p.context} edit={p.edit} saving={p.saving} />,
          },
          { key: 'schools', label: t.tabs.schools, children: <SchoolsPanel ev={ev} /> },
          { key: 'balance', label: t.tabs.balance, children: <BalancePanel ev={ev} staffFollowsStudents={plan.settings.balance.staffFollowsStudents} /> },
          { key: 'teachers', label: zh.teachers.tab, children: <TeachersPanel ev={ev} /> },
          { key: 'areas', label: t.tabs.areas, children: <AreasPanel plan={plan} context={p.context} edit={p.edit} saving={p.saving} /> },
          { key: 'optimise', label: '布局优化', children: <OptimisePanel plan={plan} edit={p.edit} saving={p.saving} /> },
        ]}
      />
      <SettingsDrawer open={settingsOpen} plan={plan} edit={p.edit} remove={p.remove} saving={p.saving} onClose={() => setSettingsOpen(false)} />
    </div>
  );
}
