// 回测: the projection re-run as of an earlier year and compared with what happened, per
// level and stage, next to last year's value and a straight line; then by school size.
import { Alert, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { STAGE_LABEL, type Stage } from '@shared/domain';
import type { BacktestLevel, BacktestMethod, BacktestResult, StageAccuracy } from '@shared/projection';
import type { ApiCallError } from '../../api/client';
import { zh } from '../../i18n/zh';
import { Section } from '../Section';
import { LoadError } from '../LoadState';
import { fmtPct, fmtRatio } from '../../lib/format';
import { LEVEL_COLOR } from '../../lib/colors';
import { DISPLAY_STAGES } from './stages';
import { Labeled } from '../Labeled';
import { helpTitle } from '../NumberHelp';

const t = zh.forecast.backtest;
const LEVELS: readonly BacktestLevel[] = ['county', 'township', 'school'];

interface Row {
  key: string;
  level: BacktestLevel;
  stage: Stage | null;
  a: StageAccuracy;
  first: boolean;
  span: number;
}

interface HorizonRow {
  key: string;
  h: number;
  year: number;
  level: BacktestLevel;
  a: StageAccuracy;
}

function horizonRows(b: BacktestResult): HorizonRow[] {
  return b.byHorizon.flatMap((hz) => LEVELS.map((level) => ({ key: `${hz.h}-${level}`, h: hz.h, year: hz.year, level, a: hz.levels[level] })));
}

const horizonColumns: TableColumnsType<HorizonRow> = [
  { title: helpTitle(t.colHorizon, 'backtest.horizon'), dataIndex: 'h', width: 84, render: (h: number, r) => (r.level === 'county' ? t.horizon(h) : '') },
  { title: helpTitle(t.colYear, 'backtest.horizon'), dataIndex: 'year', width: 64, render: (y: number, r) => (r.level === 'county' ? y : '') },
  { title: t.colLevel, dataIndex: 'level', width: 64, render: (l: BacktestLevel) => t.levels[l] },
  { title: helpTitle(t.colProjection, 'backtest.projection'), key: 'p', align: 'right', render: (_: unknown, r) => errorCell(r.a.mape, r.a) },
  { title: helpTitle(t.colPersistence, 'backtest.persistence'), key: 'per', align: 'right', render: (_: unknown, r) => errorCell(r.a.baselines.persistence.mape, r.a) },
  { title: helpTitle(t.colTrend, 'backtest.trend'), key: 'tr', align: 'right', render: (_: unknown, r) => errorCell(r.a.baselines.trend.mape, r.a) },
  { title: helpTitle(t.colCoverage, 'backtest.coverage'), key: 'cov', align: 'right', render: (_: unknown, r) => <span className="num">{fmtPct(r.a.coverage)}</span> },
  { title: helpTitle(t.colN, 'backtest.n'), key: 'n', align: 'right', render: (_: unknown, r) => <span className="num">{r.a.n}</span> },
];

function bestTag(best: BacktestMethod | null) {
  if (!best) return <span className="muted">{zh.common.none}</span>;
  return (
    <Tag color={best === 'projection' ? 'green' : 'orange'} variant="outlined" style={{ color: best === 'projection' ? LEVEL_COLOR.green : LEVEL_COLOR.orange }}>
      {t.methods[best]}
    </Tag>
  );
}

/** The lowest of the three errors is shown in bold. */
function errorCell(value: number | null, a: StageAccuracy) {
  const all = [a.mape, a.baselines.persistence.mape, a.baselines.trend.mape].filter((x): x is number => x !== null);
  const lowest = value !== null && value === Math.min(...all);
  return <span className={`num${lowest ? ' best-cell' : ''}`}>{fmtPct(value)}</span>;
}

function rowsOf(b: BacktestResult): Row[] {
  return LEVELS.flatMap((level) => {
    const list: { stage: Stage | null; a: StageAccuracy }[] = DISPLAY_STAGES.flatMap((s) => {
      const a = b.byLevel[level][s];
      return a ? [{ stage: s, a }] : [];
    });
    list.push({ stage: null, a: b.overall[level] });
    return list.map((x, i) => ({ key: `${level}|${x.stage ?? 'all'}`, level, stage: x.stage, a: x.a, first: i === 0, span: list.length }));
  });
}

interface Props {
  backtest: BacktestResult | undefined;
  error: ApiCallError | undefined;
  years: number[];
  baseYear: number | null;
  onBaseYear: (y: number) => void;
}

export function BacktestPanel({ backtest, error, years, baseYear, onBaseYear }: Props) {
  const choices = years.filter((y) => y >= (years[0] ?? 0) + 2 && y < (years.at(-1) ?? 0));
  const columns: TableColumnsType<Row> = [
    {
      title: t.colLevel,
      dataIndex: 'level',
      width: 70,
      onCell: (r) => ({ rowSpan: r.first ? r.span : 0 }),
      render: (l: BacktestLevel) => <strong>{t.levels[l]}</strong>,
    },
    { title: t.colStage, key: 'stage', width: 90, render: (_: unknown, r) => (r.stage ? STAGE_LABEL[r.stage] : <strong>{t.total}</strong>) },
    { title: helpTitle(t.colProjection, 'backtest.projection'), key: 'p', align: 'right', width: 110, render: (_: unknown, r) => errorCell(r.a.mape, r.a) },
    { title: helpTitle(t.colBias, 'backtest.bias'), key: 'b', align: 'right', width: 90, render: (_: unknown, r) => <span className="num">{fmtPct(r.a.bias, true)}</span> },
    { title: helpTitle(t.colPersistence, 'backtest.persistence'), key: 'per', align: 'right', width: 110, render: (_: unknown, r) => errorCell(r.a.baselines.persistence.mape, r.a) },
    { title: helpTitle(t.colTrend, 'backtest.trend'), key: 'tr', align: 'right', width: 100, render: (_: unknown, r) => errorCell(r.a.baselines.trend.mape, r.a) },
    { title: helpTitle(t.colBest, 'backtest.best'), key: 'best', width: 120, render: (_: unknown, r) => bestTag(r.a.best) },
    { title: helpTitle(t.colN, 'backtest.n'), key: 'n', align: 'right', width: 70, render: (_: unknown, r) => <span className="num muted">{r.a.n}</span> },
  ];
  const sizeColumns: TableColumnsType<BacktestResult['sizeClasses'][number]> = [
    { title: helpTitle(t.colClass, 'forecast.sizeClass'), dataIndex: 'label', width: 130 },
    { title: helpTitle(t.colSchools, 'backtest.schools'), dataIndex: 'schools', align: 'right', width: 100 },
    { title: helpTitle(t.colTrust, 'backtest.trust'), dataIndex: 'alpha', align: 'right', width: 120, render: (v: number) => <span className="num">{fmtRatio(v)}</span> },
    { title: helpTitle(t.colProjection, 'backtest.projection'), key: 'p', align: 'right', width: 110, render: (_: unknown, r) => <span className="num">{fmtPct(r.projection.mape)}</span> },
    { title: helpTitle(t.colPersistence, 'backtest.persistence'), key: 'per', align: 'right', width: 110, render: (_: unknown, r) => <span className="num">{fmtPct(r.persistence.mape)}</span> },
    { title: helpTitle(t.colTrend, 'backtest.trend'), key: 'tr', align: 'right', width: 100, render: (_: unknown, r) => <span className="num">{fmtPct(r.trend.mape)}</span> },
  ];

  return (
    <div className="forecast-panel" data-testid="forecast-backtest">
      <Section
        title={t.title}
        extra={
          choices.length > 0 ? (
            <Labeled label={t.baseYear}>
              <Select
                size="small"
                value={baseYear ?? undefined}
                options={choices.map((y) => ({ value: y, label: zh.forecast.yearOption(y) }))}
                onChange={onBaseYear}
                style={{ width: 100 }}
                data-testid="forecast-backtest-year"
              />
            </Labeled>
          ) : null
        }
      >
        <Typography.Paragraph type="secondary" className="panel-intro">
          {t.intro}
        </Typography.Paragraph>
        {error && !backtest ? <LoadError error={error} /> : null}
        {!backtest && !error ? <Alert type="info" showIcon title={t.unavailable} /> : null}
        {backtest ? (
          <>
            <Alert
              type={backtest.overall.county.best === 'projection' ? 'success' : 'warning'}
              showIcon
              className="verdict"
              title={
                <ul className="findings-list" data-testid="forecast-backtest-verdict">
                  {backtest.verdict.map((v) => (
                    <li key={v}>{v}</li>
                  ))}
                </ul>
              }
            />
            <Table<Row>
              size="small"
              rowKey="key"
              columns={columns}
              dataSource={rowsOf(backtest)}
              pagination={false}
              rowClassName={(r) => (r.stage === null ? 'summary-row' : '')}
              data-testid="forecast-backtest-table"
            />
          </>
        ) : null}
      </Section>
      {backtest ? (
        <Section title={t.horizonTitle}>
          <Typography.Paragraph type="secondary" className="panel-intro">
            {t.horizonIntro}
          </Typography.Paragraph>
          <Table<HorizonRow> size="small" rowKey="key" columns={horizonColumns} dataSource={horizonRows(backtest)} pagination={false} data-testid="forecast-backtest-horizons" />
        </Section>
      ) : null}
      {backtest ? (
        <Section title={t.sizeTitle}>
          <Typography.Paragraph type="secondary" className="panel-intro">
            {t.sizeIntro}
          </Typography.Paragraph>
          <Table size="small" rowKey="key" columns={sizeColumns} dataSource={backtest.sizeClasses.filter((c) => c.schools > 0)} pagination={false} />
        </Section>
      ) : null}
    </div>
  );
}
