// 优质均衡: for primary or junior schools, in the base year or the target year, the
// between-school CV of each of the 7 indicators against its limit, and each school's values
// with the ones below the standard marked, its count of indicators met and, for those it
// misses, the share of the standard reached (the rule wants the rest at 85 % or more).
import { useMemo, useState } from 'react';
import { Segmented, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { BALANCE_INDICATORS, type BalanceIndicatorResult, type BalanceSchoolRow, type PlanEvaluation } from '@shared/plan';
import { zh } from '../../i18n/zh';
import { EChart, type ChartOption } from '../EChart';
import { Section } from '../Section';
import { baseGrid } from '../../lib/charts';
import { fmtInt, fmtRatio } from '../../lib/format';
import { LEVEL_COLOR } from '../../lib/colors';
import { metColor } from './levels';
import { CompactTable } from '../CompactTable';
import { Labeled } from '../Labeled';
import { HelpText, helpTitle, SORT_HINT_ON_ICON } from '../NumberHelp';
import { BALANCE_INDICATOR_HELP } from '@shared/explain/plan';

const t = zh.plan.balance;
const dec = (d: number) => new Intl.NumberFormat('zh-CN', { minimumFractionDigits: d, maximumFractionDigits: d });
const fmt2 = dec(2);
const fmt3 = dec(3);
const fmt0 = dec(0);

function shown(key: string, v: number | null): string {
  if (v === null) return zh.common.none;
  return key === 'equipment' ? fmt0.format(v) : fmt2.format(v);
}

/** The indicators a school misses, each with the share of its standard reached; red below the floor. */
function Shortfalls({ row, floor }: { row: BalanceSchoolRow; floor: number }) {
  if (row.shortfalls.length === 0) return <span>{t.shortfallNone}</span>;
  return (
    <span>
      {row.shortfalls.map((f) => {
        const name = t.short[f.key] ?? f.key;
        const pct = fmtRatio(f.share);
        return (
          <Tooltip key={f.key} title={t.shortfallTip(name, shown(f.key, f.value), shown(f.key, f.threshold), pct, fmtRatio(floor))}>
            <Tag color={f.withinRemainder ? 'warning' : 'error'}>{t.shortfallItem(name, pct)}</Tag>
          </Tooltip>
        );
      })}
    </span>
  );
}

/** 达标, 未达标, or 未知 with the indicators missing from the data named. */
function Verdict({ ok, row }: { ok: boolean | null; row: BalanceSchoolRow }) {
  if (ok === null) {
    return (
      <Tooltip title={t.unknownVerdictTip(row.unknown.map((k) => t.short[k] ?? k).join('、'))}>
        <Tag>{t.unknownVerdict}</Tag>
      </Tooltip>
    );
  }
  return <Tag color={ok ? 'success' : 'error'}>{ok ? t.pass : t.fail}</Tag>;
}

/** `staffFollowsStudents`: the plan's setting for the projected years' teachers, named in the note on the target year. */
export function BalancePanel({ ev, staffFollowsStudents }: { ev: PlanEvaluation; staffFollowsStudents: boolean }) {
  const [stage, setStage] = useState<'primary' | 'junior'>('primary');
  const [which, setWhich] = useState<'target' | 'base'>('target');
  const result = (which === 'target' ? ev.balance : ev.balanceBase)[stage];
  const floor = result.remainderShare;

  const indicatorColumns: TableColumnsType<BalanceIndicatorResult> = [
    { title: t.indicator, dataIndex: 'name', key: 'name', render: (name: string, r) => <HelpText explain={BALANCE_INDICATOR_HELP[r.key]}>{name}</HelpText> },
    { title: t.unit, key: 'unit', width: 104, render: (_: unknown, r) => <span className="muted">{t.units[r.key]}</span> },
    { title: helpTitle(t.threshold, 'balance.threshold'), key: 'threshold', width: 96, align: 'right', render: (_: unknown, r) => <span className="num">{`≥ ${shown(r.key, r.threshold)}`}</span> },
    { title: helpTitle(t.mean, 'balance.mean'), dataIndex: 'mean', key: 'mean', width: 86, align: 'right', render: (v: number | null, r) => <span className="num">{shown(r.key, v)}</span> },
    { title: helpTitle(t.below, 'balance.below'), dataIndex: 'schoolsBelow', key: 'below', width: 124, align: 'right', render: (v: number, r) => <span className="num">{t.belowUnknown(v, r.schoolsUnknown)}</span> },
    {
      title: helpTitle(t.cv, 'balance.cv'),
      dataIndex: 'cv',
      key: 'cv',
      width: 86,
      align: 'right',
      render: (v: number | null, r) => <strong className="num" style={{ color: r.met === false ? LEVEL_COLOR.red : undefined }}>{v === null ? zh.common.none : fmt3.format(v)}</strong>,
    },
    { title: helpTitle(t.limit, 'balance.limit'), dataIndex: 'limit', key: 'limit', width: 64, align: 'right', render: (v: number) => <span className="num">{fmt2.format(v)}</span> },
    {
      title: helpTitle(t.met, 'balance.met'),
      dataIndex: 'met',
      key: 'met',
      width: 112,
      render: (m: boolean | null) => <Tag color={metColor(m)}>{m === null ? zh.plan.targets.metUnknown : m ? t.pass : t.fail}</Tag>,
    },
  ];

  const schoolColumns = useMemo<TableColumnsType<BalanceSchoolRow>>(
    () => [
      { title: t.school, dataIndex: 'name', key: 'name', width: 168, fixed: 'left', ellipsis: true },
      { title: helpTitle(t.students, 'balance.students'), dataIndex: 'students', key: 'students', width: 72, align: 'right', render: (v: number) => <span className="num">{fmtInt(v)}</span> },
      ...BALANCE_INDICATORS.map((key) => ({
        title: helpTitle(t.short[key] ?? key, BALANCE_INDICATOR_HELP[key]),
        key,
        width: 132,
        align: 'right' as const,
        render: (_: unknown, r: BalanceSchoolRow) => (
          <span className={`num${r.passed[key] === false ? ' balance-fail' : ''}`}>{shown(key, r.values[key])}</span>
        ),
      })),
      {
        title: helpTitle(t.passCount, 'balance.passCount'),
        dataIndex: 'passCount',
        key: 'passCount',
        width: 66,
        align: 'right',
        sorter: (a: BalanceSchoolRow, b: BalanceSchoolRow) => a.passCount - b.passCount,
        render: (v: number) => <span className="num">{v} / 7</span>,
      },
      {
        title: helpTitle(t.shortfall, 'balance.shortfall'),
        key: 'shortfall',
        width: 220,
        render: (_: unknown, r: BalanceSchoolRow) => <Shortfalls row={r} floor={floor} />,
      },
      { title: t.verdict, dataIndex: 'ok', key: 'ok', width: 70, render: (ok: boolean | null, r: BalanceSchoolRow) => <Verdict ok={ok} row={r} /> },
    ],
    [floor],
  );

  const chart = useMemo<ChartOption>(
    () => ({
      grid: baseGrid({ top: 28, left: 8, right: 24 }),
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', axisLabel: { color: '#5c6b7a' }, splitLine: { lineStyle: { color: '#e8ecf1' } } },
      yAxis: { type: 'category', inverse: true, data: result.indicators.map((i) => t.short[i.key] ?? i.name), axisLabel: { color: '#3d4b5c' } },
      series: [
        {
          type: 'bar',
          name: t.cv,
          barMaxWidth: 16,
          data: result.indicators.map((i) => ({ value: i.cv === null ? null : Math.round(i.cv * 1000) / 1000, itemStyle: { color: i.met === false ? LEVEL_COLOR.red : '#1f5fa8' } })),
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: LEVEL_COLOR.orange, type: 'dashed' },
            // The category axis runs top-down, so 'start' is the top of the line, in the grid's top margin, clear of the value axis's ticks.
            label: { formatter: `${t.limit} ${fmt2.format(result.cvLimit)}`, color: LEVEL_COLOR.orange, position: 'start' },
            data: [{ xAxis: result.cvLimit }],
          },
        },
      ],
    }),
    [result],
  );

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <div className="plan-toolbar">
        <Labeled label={t.stage}>
          <Segmented value={stage} onChange={(v) => setStage(v as 'primary' | 'junior')} options={[{ value: 'primary', label: '小学' }, { value: 'junior', label: '初中' }]} data-testid="balance-stage" />
        </Labeled>
        <Labeled label={t.year}>
          <Segmented
            value={which}
            onChange={(v) => setWhich(v as 'target' | 'base')}
            options={[
              { value: 'base', label: t.baseYear(ev.plan.baseYear) },
              { value: 'target', label: t.targetYear(ev.plan.targetYear) },
            ]}
          />
        </Labeled>
        <Typography.Text strong data-testid="balance-passing">
          <HelpText explain="balance.passCount">{t.passing(result.schoolsPassing, result.schoolsTotal, result.schoolsUnknown)}</HelpText>
        </Typography.Text>
        {result.excluded.length > 0 ? <Typography.Text type="secondary">{t.excluded(result.excluded.length)}</Typography.Text> : null}
      </div>
      <div className="balance-layout">
        <Section title={t.title} extra={<Typography.Text type="secondary" className="section-hint">{t.hint}</Typography.Text>}>
          <CompactTable<BalanceIndicatorResult> rowKey="key" columns={indicatorColumns} dataSource={result.indicators} data-testid="balance-indicators" />
          {which === 'target' ? (
            <Typography.Paragraph type="secondary" className="balance-note" data-testid="balance-staff-note">
              {t.staffNote(ev.plan.targetYear, staffFollowsStudents)}
            </Typography.Paragraph>
          ) : null}
        </Section>
        <Section title={t.cvChart}>
          <EChart option={chart} height={262} label={t.cvChart} testId="balance-chart" />
        </Section>
      </div>
      <CompactTable<BalanceSchoolRow> rowKey="code" showSorterTooltip={SORT_HINT_ON_ICON} columns={schoolColumns} dataSource={result.schools} scroll={{ x: 1640, y: 420 }} data-testid="balance-schools" />
    </div>
  );
}
