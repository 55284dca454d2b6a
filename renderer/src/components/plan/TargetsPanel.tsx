// 规划指标: every target with its base value, the requirement, the value expected in the
// target year and a traffic light; targets are edited, removed, added from the catalog
// (count targets start at what the plan now achieves) or made up by the planner.
import { useMemo, useState } from 'react';
import { Button, Dropdown, Popconfirm, Space, Tag, Tooltip, type TableColumnsType } from 'antd';
import { DownOutlined, InfoCircleOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import {
  COMPARATOR_LABEL,
  evaluatePlan,
  TARGET_CATALOG,
  targetFromDef,
  type EvaluationContext,
  type PlanDetail,
  type PlanEvaluation,
  type PlanTarget,
  type TargetResult,
} from '@shared/plan';
import { STAGE_LABEL } from '@shared/domain';
import { zh } from '../../i18n/zh';
import { LEVEL_COLOR } from '../../lib/colors';
import { Sparkline } from '../Sparkline';
import { TargetModal } from './TargetModal';
import type { PlanState } from './usePlan';
import { CompactTable } from '../CompactTable';
import { HintToolbar } from './HintToolbar';
import { helpTitle } from '../NumberHelp';

const t = zh.plan.targets;

function Light({ met }: { met: boolean | null }) {
  const color = met === null ? LEVEL_COLOR.muted : met ? LEVEL_COLOR.green : LEVEL_COLOR.red;
  return (
    <span className="target-light" data-met={met === null ? 'unknown' : String(met)}>
      <span className="target-light-dot" style={{ background: color }} />
      <span style={{ color }}>{met === null ? t.metUnknown : met ? t.metYes : t.metNo}</span>
    </span>
  );
}

/** The basis of a target and the stages it counts (大班额 of 义务教育 counts 小学 and 初中 only). */
function NoteWithStages({ r }: { r: TargetResult }) {
  return (
    <>
      <div>{r.note}</div>
      {r.stages?.length ? <div>{t.stages(r.stages.map((s) => STAGE_LABEL[s]).join('、'))}</div> : null}
    </>
  );
}

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 3 });
/** The unit has its own column: cells hold the number alone. */
const value = (v: number | null) => (v === null ? zh.common.none : numberFormat.format(v));

interface Props {
  ev: PlanEvaluation;
  plan: PlanDetail;
  context: EvaluationContext;
  edit: PlanState['edit'];
}

export function TargetsPanel({ ev, plan, context, edit }: Props) {
  const [modal, setModal] = useState<{ target: PlanTarget; adding: boolean } | null>(null);
  const targetIdx = ev.years.indexOf(plan.targetYear);

  const missing = TARGET_CATALOG.filter((d) => !plan.targets.some((x) => x.key === d.key));
  /** A count target proposed at what the plan now achieves (the planner then raises it). */
  const propose = (key: string): PlanTarget => {
    const def = TARGET_CATALOG.find((d) => d.key === key);
    if (!def) throw new Error(key);
    const target = targetFromDef(def);
    if (def.target === 0 && def.comparator === '>=') {
      const projected = evaluatePlan(context, { ...plan, targets: [target] }).targets[0]?.projected;
      if (projected !== null && projected !== undefined) target.target = projected;
    }
    return target;
  };

  const columns = useMemo<TableColumnsType<TargetResult>>(
    () => [
      {
        title: t.name,
        dataIndex: 'name',
        key: 'name',
        render: (name: string, r) => (
          <Space size={4}>
            <span>{name}</span>
            {r.custom ? <Tag className="inline-tag">{t.custom}</Tag> : null}
            {r.note ? (
              <Tooltip title={<NoteWithStages r={r} />}>
                <InfoCircleOutlined className="stat-hint" />
              </Tooltip>
            ) : null}
          </Space>
        ),
      },
      { title: t.unit, dataIndex: 'unit', key: 'unit', width: 56, align: 'center' },
      {
        title: t.attribute,
        dataIndex: 'attribute',
        key: 'attribute',
        width: 76,
        align: 'center',
        render: (a: string) => <Tag color={a === '约束性' ? 'volcano' : 'blue'} variant="outlined">{a}</Tag>,
      },
      { title: helpTitle(t.base(plan.baseYear), 'targets.base'), dataIndex: 'base', key: 'base', width: 110, align: 'right', render: (v: number | null) => <span className="num">{value(v)}</span> },
      {
        title: helpTitle(t.target(plan.targetYear), 'targets.target'),
        key: 'target',
        width: 110,
        align: 'right',
        render: (_: unknown, r) => <span className="num">{`${COMPARATOR_LABEL[r.comparator]} ${value(r.target)}`}</span>,
      },
      {
        title: helpTitle(t.projected(plan.targetYear), 'targets.projected'),
        dataIndex: 'projected',
        key: 'projected',
        width: 110,
        align: 'right',
        render: (v: number | null, r) => <strong className="num" style={{ color: r.met === false ? LEVEL_COLOR.red : undefined }}>{value(v)}</strong>,
      },
      { title: helpTitle(t.met, 'targets.met'), dataIndex: 'met', key: 'met', width: 96, render: (m: boolean | null) => <Light met={m} /> },
      {
        title: t.trend,
        key: 'trend',
        width: 126,
        render: (_: unknown, r) => <Sparkline width={110} height={24} values={r.series} markIndex={targetIdx} color={r.met === false ? LEVEL_COLOR.red : '#1f5fa8'} />,
      },
      {
        title: t.actions,
        key: 'actions',
        width: 110,
        render: (_: unknown, r) => {
          const stored = plan.targets.find((x) => x.key === r.key);
          return (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => stored && setModal({ target: stored, adding: false })} data-testid={`edit-target-${r.key}`}>
                {t.edit}
              </Button>
              <Popconfirm title={t.removeConfirm(r.name)} okText={zh.common.confirm} cancelText={zh.common.cancel} onConfirm={() => void edit('plan.removeTarget', { key: r.key })}>
                <Button type="link" size="small" danger>
                  {t.remove}
                </Button>
              </Popconfirm>
            </Space>
          );
        },
      },
    ],
    [plan, targetIdx, edit],
  );

  const customKey = () => {
    let i = 1;
    while (plan.targets.some((x) => x.key === `custom_${i}`)) i++;
    return `custom_${i}`;
  };

  return (
    <div>
      <HintToolbar hint={t.hint}>
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              ...missing.map((d) => ({ key: d.key, label: `${d.name}（${d.group}）` })),
              ...(missing.length ? [{ type: 'divider' as const }] : []),
              { key: '__custom', label: t.addCustom },
            ],
            onClick: ({ key }) =>
              setModal({
                adding: true,
                target:
                  key === '__custom'
                    ? { key: customKey(), name: '', unit: '%', comparator: '>=', target: 0, attribute: '预期性', manualBase: null, manualProjected: null }
                    : propose(key),
              }),
          }}
        >
          <Button icon={<PlusOutlined />} data-testid="add-target">
            {t.add} <DownOutlined />
          </Button>
        </Dropdown>
        <Popconfirm title={t.resetConfirm} okText={zh.common.confirm} cancelText={zh.common.cancel} onConfirm={() => void edit('plan.resetTargets', {})}>
          <Button icon={<RollbackOutlined />}>{t.reset}</Button>
        </Popconfirm>
      </HintToolbar>
      <CompactTable<TargetResult> rowKey="key" columns={columns} dataSource={ev.targets} data-testid="targets-table" />
      <TargetModal
        open={modal !== null}
        target={modal?.target ?? null}
        adding={modal?.adding ?? false}
        existingKeys={plan.targets.map((x) => x.key)}
        onClose={() => setModal(null)}
        onSave={(target, previousKey) => edit('plan.setTarget', { target, ...(previousKey ? { previousKey } : {}) })}
      />
    </div>
  );
}
