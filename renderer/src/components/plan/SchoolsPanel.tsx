// Every school under the plan: students and seats in the base and target years, use year by
// year, its largest shortfall, 大班额 and size-limit breaches — filtered by stage and area.
import { useMemo, useState } from 'react';
import { Segmented, Select, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { STAGE_LABEL, type Stage } from '@shared/domain';
import type { PlanEvaluation, SchoolResult } from '@shared/plan';
import { zh } from '../../i18n/zh';
import { fmtInt, fmtRatio } from '../../lib/format';
import { LEVEL_COLOR, utilisationColor } from '../../lib/colors';
import { Sparkline } from '../Sparkline';
import { Labeled } from '../Labeled';
import { CompactTable } from '../CompactTable';
import { helpTitle, SORT_HINT_ON_ICON } from '../NumberHelp';
import { editStrings } from '../../i18n/zh-edit';

const t = zh.plan.schools;
const collator = new Intl.Collator('zh-CN');

interface Row {
  key: string;
  school: SchoolResult;
  demand: number[];
  capacity: number[];
  use: (number | null)[];
  peakGap: number;
}

/** Whether a school teaches in a year under the plan: opened by then and not yet closed. */
function openIn(s: SchoolResult, year: number): boolean {
  return (s.openFrom === null || s.openFrom <= year) && (s.closedFrom === null || s.closedFrom > year);
}

export function SchoolsPanel({ ev }: { ev: PlanEvaluation }) {
  const [stage, setStage] = useState<Stage | 'all'>('all');
  const [area, setArea] = useState<string>('');
  const bi = 0;
  const ti = ev.years.indexOf(ev.plan.targetYear);
  const oi = ev.years.length - 1;

  const rows = useMemo<Row[]>(
    () =>
      ev.schools
        .filter((s) => (stage === 'all' || s.byStage[stage]) && (!area || s.area === area))
        .map((s) => {
          const part = stage === 'all' ? null : s.byStage[stage];
          const demand = part ? part.demand : s.demand;
          const capacity = part ? part.capacity : s.capacity;
          const use = demand.map((d, i) => ((capacity[i] ?? 0) > 0 ? d / (capacity[i] as number) : null));
          const peakGap = Math.max(0, ...demand.map((d, i) => d - (capacity[i] ?? 0)));
          return { key: s.code, school: s, demand, capacity, use, peakGap };
        }),
    [ev.schools, stage, area],
  );

  const estimates = new Map(ev.capacityEstimates.map((e) => [e.code, e]));
  const useCell = (i: number) => (_: unknown, r: Row) => <span className="num" style={{ color: utilisationColor(r.use[i]) }}>{fmtRatio(r.use[i])}</span>;
  const columns: TableColumnsType<Row> = [
    {
      title: t.name,
      key: 'name',
      width: 200,
      fixed: 'left',
      ellipsis: true,
      sorter: (a, b) => collator.compare(a.school.name, b.school.name),
      render: (_: unknown, r) => (
        <span title={r.school.name}>
          {r.school.name}
          {r.school.isNew ? <Tag className="inline-tag" color="green">{t.newTag}</Tag> : null}
          {r.school.closedFrom ? <Tag className="inline-tag" color="red">{t.closedTag(r.school.closedFrom)}</Tag> : null}
        </span>
      ),
    },
    { title: t.township, key: 'township', width: 96, ellipsis: true, render: (_: unknown, r) => r.school.townshipName },
    { title: t.area, key: 'area', width: 90, ellipsis: true, render: (_: unknown, r) => r.school.area },
    { title: helpTitle(t.demand(ev.years[bi] as number), 'plan.demand'), key: 'd0', width: 92, align: 'right', render: (_: unknown, r) => <span className="num">{fmtInt(r.demand[bi])}</span> },
    { title: helpTitle(t.demand(ev.plan.targetYear), 'plan.demand'), key: 'dt', width: 92, align: 'right', render: (_: unknown, r) => <span className="num">{fmtInt(r.demand[ti])}</span> },
    {
      title: helpTitle(t.capacity(ev.plan.targetYear), 'plan.capacity'),
      key: 'cap',
      width: 104,
      align: 'right',
      render: (_: unknown, r) => {
        const estimate = estimates.get(r.school.code);
        return (
          <span className="num">
            {estimate ? (
              <Tooltip title={estimate.method}>
                <Tag className="inline-tag">{editStrings.estimated}</Tag>
              </Tooltip>
            ) : null}
            {fmtInt(r.capacity[ti])}
          </span>
        );
      },
    },
    { title: helpTitle(t.use(ev.years[bi] as number), 'plan.utilisation'), key: 'u0', width: 116, align: 'right', sorter: (a, b) => (a.use[bi] ?? -1) - (b.use[bi] ?? -1), render: useCell(bi) },
    { title: helpTitle(t.use(ev.plan.targetYear), 'plan.utilisation'), key: 'ut', width: 116, align: 'right', sorter: (a, b) => (a.use[ti] ?? -1) - (b.use[ti] ?? -1), render: useCell(ti) },
    { title: helpTitle(t.use(ev.years[oi] as number), 'plan.utilisation'), key: 'uo', width: 116, align: 'right', sorter: (a, b) => (a.use[oi] ?? -1) - (b.use[oi] ?? -1), render: useCell(oi) },
    {
      title: '',
      key: 'spark',
      width: 120,
      render: (_: unknown, r) => <Sparkline width={110} height={24} values={r.use} markIndex={ti} color={(r.use[ti] ?? 0) > 1 ? LEVEL_COLOR.red : '#1f5fa8'} />,
    },
    {
      title: helpTitle(t.peakGap, 'plan.schoolPeakGap'),
      key: 'peak',
      width: 84,
      align: 'right',
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.peakGap - b.peakGap,
      render: (_: unknown, r) => <span className="num" style={{ color: r.peakGap > 0 ? LEVEL_COLOR.red : undefined }}>{r.peakGap > 0 ? fmtInt(r.peakGap) : zh.common.none}</span>,
    },
    { title: helpTitle(t.large(ev.plan.targetYear), 'plan.schoolLargeClasses'), key: 'large', width: 92, align: 'right', render: (_: unknown, r) => <span className="num">{fmtInt(r.school.largeClasses[ti])}</span> },
    {
      title: helpTitle(t.size, 'plan.sizeLimit'),
      key: 'size',
      width: 92,
      render: (_: unknown, r) => {
        const over = Math.max(0, ...r.school.overSize);
        return over > 0 ? <Tag color="orange">{t.overSize(fmtInt(over))}</Tag> : <span className="muted">{fmtInt(r.school.sizeLimit)}</span>;
      },
    },
  ];

  return (
    <div>
      <div className="plan-toolbar">
        <Labeled label={t.filterStage}>
          <Segmented<Stage | 'all'>
            value={stage}
            onChange={setStage}
            options={[{ value: 'all', label: t.filterAll }, ...ev.stages.map((s) => ({ value: s, label: STAGE_LABEL[s] }))]}
          />
        </Labeled>
        <Labeled label={t.filterArea}>
          <Select value={area} style={{ width: 140 }} onChange={setArea} options={[{ value: '', label: t.filterAll }, ...ev.areas.map((a) => ({ value: a.name, label: a.name }))]} />
        </Labeled>
        <Typography.Text type="secondary" data-testid="plan-school-count">
          {t.count(rows.length, rows.filter((r) => !r.school.isNew).length, rows.filter((r) => r.school.isNew).length, ev.plan.targetYear, rows.filter((r) => openIn(r.school, ev.plan.targetYear)).length)}
        </Typography.Text>
      </div>
      <CompactTable<Row> rowKey="key" showSorterTooltip={SORT_HINT_ON_ICON} columns={columns} dataSource={rows} scroll={{ x: 1512, y: 520 }} data-testid="plan-schools" />
    </div>
  );
}
