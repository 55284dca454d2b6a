// 分学校: every school and stage with its history and projection as a sparkline, a few key
// years, the classes it will need at standard class size, and how far its figures lean on
// last year's value (small schools, when the county's own backtest says so).
import { memo, useMemo, useState } from 'react';
import { Input, Segmented, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { STAGE_LABEL, type Stage } from '@shared/domain';
import type { BacktestResult, ProjectionResult, SchoolProjection } from '@shared/projection';
import { sizeClassLabel } from '@shared/projection/size-classes';
import { zh } from '../../i18n/zh';
import { Section } from '../Section';
import { ChangeCell } from '../TownshipTable';
import { STAGE_COLOR } from '../../lib/colors';
import { fmtInt } from '../../lib/format';
import { AccuracyNote } from './AccuracyNote';
import { IntervalText } from './IntervalText';
import { Sparkline } from '../Sparkline';
import { helpTitle, SORT_HINT_ON_ICON } from '../NumberHelp';
import { STICKY_SCROLL } from '../CompactTable';
import { changePct, DISPLAY_STAGES, stagesIn } from './stages';

const t = zh.forecast.schools;
const collator = new Intl.Collator('zh-CN');

// Memo: a slider move renders the page twice before the projection answers, and this panel's
// figures only change when it does.
export const SchoolPanel = memo(function SchoolPanel({ result, backtest }: { result: ProjectionResult; backtest: BacktestResult | undefined }) {
  const stages = useMemo(() => stagesIn(result), [result]);
  const [stage, setStage] = useState<Stage | 'all'>('all');
  const [township, setTownship] = useState<string>('');
  const [query, setQuery] = useState('');
  const rows = useMemo(
    () =>
      result.schools
        .filter((s) => (stage === 'all' || s.stage === stage) && (!township || s.township === township) && (!query || s.name.includes(query.trim())))
        .sort((a, b) => DISPLAY_STAGES.indexOf(a.stage) - DISPLAY_STAGES.indexOf(b.stage) || b.base - a.base),
    [result, stage, township, query],
  );
  const y1 = result.years[0] ?? result.baseYear + 1;
  const y5 = Math.min(result.baseYear + 5, result.horizon);
  const i5 = result.years.indexOf(y5);

  const columns: TableColumnsType<SchoolProjection> = [
    {
      title: t.colName,
      dataIndex: 'name',
      fixed: 'left',
      width: 190,
      sorter: (a, b) => collator.compare(a.name, b.name),
      render: (name: string) => <span className="school-name">{name}</span>,
    },
    { title: t.colTownship, dataIndex: 'townshipName', width: 96 },
    {
      title: t.colStage,
      dataIndex: 'stage',
      width: 70,
      render: (s: Stage) => (
        <span className="stage-chip" style={{ color: STAGE_COLOR[s], borderColor: STAGE_COLOR[s] }}>
          {STAGE_LABEL[s]}
        </span>
      ),
    },
    {
      title: helpTitle(t.colSize, 'forecast.sizeClass'),
      key: 'size',
      width: 128,
      render: (_: unknown, r) => (
        <Space size={4}>
          <span>{sizeClassLabel(r.sizeClass)}</span>
          {r.trust < 1 ? (
            <Tooltip title={t.trustHint}>
              <Tag color="gold" className="inline-tag">
                {t.trustTag(Math.round((1 - r.trust) * 100))}
              </Tag>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    {
      title: t.colTrend,
      key: 'trend',
      width: 136,
      render: (_: unknown, r) => <Sparkline values={[...r.history, ...r.students]} dashedFrom={r.history.length - 1} color={STAGE_COLOR[r.stage]} />,
    },
    {
      title: helpTitle(t.colBase(result.baseYear), 'forecast.actual'),
      dataIndex: 'base',
      align: 'right',
      // Room for “2025 年” beside the sort arrows.
      width: 92,
      sorter: (a, b) => a.base - b.base,
      render: (v: number) => <span className="num muted-strong">{fmtInt(v)}</span>,
    },
    {
      title: helpTitle(t.colBase(y1), 'forecast.school'),
      key: 'y1',
      align: 'right',
      width: 76,
      render: (_: unknown, r) => (
        <>
          <span className="num">{fmtInt(r.students[0])}</span>
          <IntervalText low={r.low?.[0]} high={r.high?.[0]} />
        </>
      ),
    },
    {
      title: helpTitle(t.colBase(y5), 'forecast.school'),
      key: 'y5',
      align: 'right',
      width: 76,
      render: (_: unknown, r) => (
        <>
          <span className="num">{fmtInt(r.students[i5])}</span>
          <IntervalText low={r.low?.[i5]} high={r.high?.[i5]} />
        </>
      ),
    },
    {
      title: helpTitle(t.colBase(result.horizon), 'forecast.school'),
      key: 'end',
      align: 'right',
      width: 76,
      render: (_: unknown, r) => <span className="num">{fmtInt(r.students.at(-1))}</span>,
    },
    {
      title: helpTitle(t.colClasses(y5), 'forecast.classes'),
      key: 'classes',
      align: 'right',
      width: 100,
      render: (_: unknown, r) => <span className="num">{fmtInt(r.classes[i5])}</span>,
    },
    {
      title: helpTitle(t.colChange(result.horizon), 'forecast.change'),
      key: 'change',
      align: 'right',
      width: 136,
      sorter: (a, b) => (changePct(a.base, a.students.at(-1) ?? 0) ?? 0) - (changePct(b.base, b.students.at(-1) ?? 0) ?? 0),
      render: (_: unknown, r) => <ChangeCell pct={changePct(r.base, r.students.at(-1) ?? 0)} />,
    },
  ];

  const townshipOptions = [
    { value: '', label: t.allTownships },
    ...result.townships.map((tw) => ({ value: tw.code, label: tw.name })),
  ];

  return (
    <Section
      title={
        <Space size={12} wrap>
          <Segmented
            size="small"
            value={stage}
            onChange={(v) => setStage(v as Stage | 'all')}
            options={[{ value: 'all', label: zh.common.all }, ...stages.map((s) => ({ value: s, label: STAGE_LABEL[s] }))]}
            data-testid="forecast-school-stage"
          />
          <Select size="small" value={township} options={townshipOptions} onChange={setTownship} style={{ width: 140 }} showSearch={{ optionFilterProp: 'label' }} />
          <Input.Search size="small" allowClear placeholder={t.search} onChange={(e) => setQuery(e.target.value)} style={{ width: 180 }} />
          <Typography.Text type="secondary" className="school-count" data-testid="forecast-school-count">
            {t.count(rows.length, new Set(rows.map((r) => r.code)).size)}
          </Typography.Text>
        </Space>
      }
    >
      <AccuracyNote backtest={backtest} level="school" stages={stage === 'all' ? stages.filter((s) => s !== 'special') : [stage]} />
      <Table<SchoolProjection>
        size="small"
        rowKey={(r) => `${r.code}|${r.stage}`}
        showSorterTooltip={SORT_HINT_ON_ICON}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content', y: 520 }}
        sticky={STICKY_SCROLL}
        data-testid="forecast-school-table"
      />
      <Typography.Paragraph type="secondary" className="table-note">
        {t.classesHint}
      </Typography.Paragraph>
    </Section>
  );
});
