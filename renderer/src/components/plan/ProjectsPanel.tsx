// 建设项目: the helper's proposals on top, then every project of the plan as a plan document
// lists them (性质, 地点, 学段, 规模, 面积, 投资, 年限), with the use of what it builds.
import { useMemo, useState } from 'react';
import { Button, Popconfirm, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { STAGE_LABEL } from '@shared/domain';
import { PROJECT_TYPE, type EvaluationContext, type PlanDetail, type PlanEvaluation, type PlanProject, type ProjectResult, type ProjectType } from '@shared/plan';
import { zh } from '../../i18n/zh';
import { Section } from '../Section';
import { fmtInt, fmtRatio } from '../../lib/format';
import { utilisationColor } from '../../lib/colors';
import { ProjectModal } from './ProjectModal';
import { SuggestionsPanel } from './SuggestionsPanel';
import type { PlanState } from './usePlan';
import { helpTitle } from '../NumberHelp';
import { STICKY_SCROLL } from '../CompactTable';

const t = zh.plan.projects;

const wan = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

interface Props {
  ev: PlanEvaluation;
  plan: PlanDetail;
  context: EvaluationContext;
  edit: PlanState['edit'];
  saving: boolean;
}

export function ProjectsPanel({ ev, plan, context, edit, saving }: Props) {
  const [editing, setEditing] = useState<PlanProject | 'new' | null>(null);
  const lastIdx = ev.years.length - 1;

  const columns = useMemo<TableColumnsType<ProjectResult>>(
    () => [
      { title: t.serial, key: 'serial', width: 52, align: 'center', render: (_: unknown, __: ProjectResult, i: number) => i + 1 },
      {
        title: t.name,
        dataIndex: 'name',
        key: 'name',
        width: 200,
        ellipsis: { showTitle: true },
        render: (name: string, r) => (
          <span title={name}>
            {name}
            {!r.applied ? (
              <Tooltip title={r.issue}>
                <Tag className="inline-tag" color="default">{t.notApplied}</Tag>
              </Tooltip>
            ) : r.issue ? (
              <Tooltip title={r.issue}>
                <Tag className="inline-tag" color="warning">!</Tag>
              </Tooltip>
            ) : null}
          </span>
        ),
      },
      { title: t.type, dataIndex: 'type', key: 'type', width: 76, render: (v: ProjectType) => <Tag color={PROJECT_TYPE[v].color} title={PROJECT_TYPE[v].description}>{v}</Tag> },
      {
        title: t.school,
        key: 'school',
        width: 180,
        ellipsis: { showTitle: true },
        render: (_: unknown, r) => (
          <span title={`${r.schoolName}（${r.townshipName}）`}>
            {PROJECT_TYPE[r.type].createsSchool ? r.townshipName : r.schoolName}
            {!PROJECT_TYPE[r.type].createsSchool && r.townshipName ? <Typography.Text type="secondary">（{r.townshipName}）</Typography.Text> : null}
          </span>
        ),
      },
      { title: t.stages, key: 'stages', width: 96, render: (_: unknown, r) => r.stages.map((s) => STAGE_LABEL[s]).join('、') },
      {
        title: helpTitle(t.scale, 'projects.scale'),
        key: 'scale',
        width: 150,
        render: (_: unknown, r) =>
          PROJECT_TYPE[r.type].capacity !== 'close' && !PROJECT_TYPE[r.type].builds ? (
            <span className="muted">{t.noSeatChange}</span>
          ) : !PROJECT_TYPE[r.type].builds ? (
            <Tooltip title={t.receivers(r.receivers.map((x) => `${x.name} ${Math.round(x.share * 100)}%`).join('、'))}>
              <span className="num">{t.closes(fmtInt(-r.seats))}</span>
            </Tooltip>
          ) : (
            <span className="num">{t.scaleValue(fmtInt(r.classes), fmtInt(r.seats))}</span>
          ),
      },
      { title: helpTitle(t.floorArea, 'projects.floorArea'), dataIndex: 'floorArea', key: 'floorArea', width: 124, align: 'right', render: (v: number | null) => <span className="num">{fmtInt(v)}</span> },
      {
        title: helpTitle(t.investment, 'projects.investment'),
        dataIndex: 'investment',
        key: 'investment',
        width: 112,
        align: 'right',
        render: (v: number | null) => <span className="num">{v === null ? zh.common.none : wan.format(v)}</span>,
      },
      { title: helpTitle(t.years, 'projects.years'), key: 'years', width: 96, render: (_: unknown, r) => <span className="num">{t.yearsValue(r.startYear, r.completionYear)}</span> },
      { title: t.status, dataIndex: 'status', key: 'status', width: 70 },
      { title: t.funding, dataIndex: 'funding', key: 'funding', width: 120, ellipsis: true },
      {
        title: helpTitle(t.use, 'projects.use'),
        key: 'use',
        width: 150,
        // Kept in view beside 操作: the reason to open this table is whether each project fills.
        fixed: 'right',
        render: (_: unknown, r) => {
          const first = r.utilisation.find((u) => u !== null) ?? null;
          const last = r.utilisation[lastIdx] ?? null;
          if (first === null) return zh.common.none;
          return (
            <Tooltip title={ev.years.map((y, i) => (r.utilisation[i] === null ? null : `${y}：${fmtRatio(r.utilisation[i])}`)).filter(Boolean).join('，')}>
              <span className="num">
                <span style={{ color: utilisationColor(first) }}>{fmtRatio(first)}</span> →{' '}
                <span style={{ color: utilisationColor(last) }}>{fmtRatio(last)}</span>
              </span>
            </Tooltip>
          );
        },
      },
      {
        title: t.actions,
        key: 'actions',
        width: 110,
        fixed: 'right',
        render: (_: unknown, r) => (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setEditing(plan.projects.find((p) => p.id === r.id) ?? null)}>
              {t.edit}
            </Button>
            <Popconfirm title={t.removeConfirm(r.name)} okText={zh.common.confirm} cancelText={zh.common.cancel} onConfirm={() => void edit('plan.removeProject', { id: r.id })}>
              <Button type="link" size="small" danger>
                {t.remove}
              </Button>
            </Popconfirm>
          </Space>
        ),
      },
    ],
    [plan.projects, edit, ev.years, lastIdx],
  );

  const investment = ev.projects.filter((p) => p.applied).reduce((s, p) => s + (p.investment ?? 0), 0);

  return (
    <div className="page-sections" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Section title={zh.plan.suggest.title} extra={<Typography.Text type="secondary" className="section-hint">{zh.plan.suggest.hint}</Typography.Text>}>
        <SuggestionsPanel ev={ev} edit={edit} saving={saving} />
      </Section>
      <Section
        title={t.title}
        extra={
          <Space size={12}>
            <Typography.Text type="secondary" className="section-hint">
              {t.total(ev.projects.length, wan.format(investment))}
            </Typography.Text>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-project">
              {t.add}
            </Button>
          </Space>
        }
      >
        <Table<ProjectResult>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={ev.projects}
          pagination={false}
          scroll={{ x: 1440 }}
          sticky={STICKY_SCROLL}
          locale={{ emptyText: t.empty }}
          data-testid="projects-table"
        />
      </Section>
      <ProjectModal
        open={editing !== null}
        project={editing === 'new' ? null : editing}
        plan={plan}
        context={context}
        onClose={() => setEditing(null)}
        onSave={(project, id) => (id === null ? edit('plan.addProjects', { projects: [project] }) : edit('plan.updateProject', { id, project }))}
      />
    </div>
  );
}
