// 服务半径 coverage beside the map (geo.coverage): each coverage stage for the county, then
// the chosen stage by township, with the villages left beyond the service distance — or, when
// the planner switches to 按出行时间, beyond the travel-time threshold (walking or school bus).
import { Segmented, Table, Tooltip, Typography, type TableColumnsType, type TableProps } from 'antd';
import { STAGE_LABEL } from '@shared/domain';
import { COVERAGE_UNKNOWN, COVERAGE_UNKNOWN_LABEL, type CoverageBy, type CoverageResult, type CoverageUnknown, type TownshipCoverage } from '@shared/geo/api';
import { TRAVEL_MODE_LABEL } from '@shared/geo/settings';
import { COVERAGE_STAGES, type CoverageStage } from '@shared/geo/model';
import { zh } from '../../i18n/zh';
import { fmtInt, fmtRatio } from '../../lib/format';
import { Section } from '../Section';
import { STICKY_SCROLL } from '../CompactTable';

const t = zh.map;

interface StageRow {
  stage: CoverageStage;
  children: number | null;
  covered: number | null;
  share: number | null;
  unknown: CoverageUnknown[];
  mean: number | null;
  max: number | null;
  meanMinutes: number | null;
  maxMinutes: number | null;
}

const reasonText = (reasons: readonly CoverageUnknown[]) => reasons.map((r) => COVERAGE_UNKNOWN_LABEL[r]).join('；');

/** A count, or 未知 with the reason on hover: unknown is never shown as 0. */
function countCell(n: number | null, reasons: readonly CoverageUnknown[]) {
  if (n !== null) return fmtInt(n);
  return (
    <Tooltip title={reasonText(reasons)}>
      <Typography.Text type="secondary">{t.unknown}</Typography.Text>
    </Tooltip>
  );
}

const stageColumns = (by: CoverageBy): TableColumnsType<StageRow> => [
  { title: t.stageRow, dataIndex: 'stage', render: (s: CoverageStage) => STAGE_LABEL[s] },
  { title: t.children, key: 'children', align: 'right', render: (_: unknown, r: StageRow) => countCell(r.children, r.unknown) },
  { title: t.covered, key: 'covered', align: 'right', render: (_: unknown, r: StageRow) => countCell(r.covered, r.unknown) },
  { title: t.share, dataIndex: 'share', align: 'right', render: fmtRatio },
  ...(by === 'time'
    ? [
        { title: t.meanMinutes, dataIndex: 'meanMinutes', align: 'right' as const, render: t.minutes },
        { title: t.maxMinutes, dataIndex: 'maxMinutes', align: 'right' as const, render: t.minutes },
      ]
    : [
        { title: t.meanDistance, dataIndex: 'mean', align: 'right' as const, render: t.distanceKm },
        { title: t.maxDistance, dataIndex: 'max', align: 'right' as const, render: t.distanceKm },
      ]),
];

/** The rows' `children` is a count of children, not nested rows (antd's default tree key). */
const NOT_A_TREE = { childrenColumnName: 'nestedRows' };

const townshipColumns = (reasons: readonly CoverageUnknown[]): TableColumnsType<TownshipCoverage> => [
  // On one line (a 学区 name wrapped at 1280 px): the table scrolls sideways instead.
  { title: t.township, dataIndex: 'name', className: 'coverage-name', fixed: 'left' },
  { title: t.children, key: 'children', align: 'right', render: (_: unknown, r: TownshipCoverage) => countCell(r.children, reasons) },
  { title: t.covered, key: 'covered', align: 'right', render: (_: unknown, r: TownshipCoverage) => countCell(r.covered, reasons) },
  { title: t.share, dataIndex: 'share', align: 'right', render: fmtRatio },
  { title: t.meanDistance, key: 'mean', align: 'right', render: (_: unknown, r: TownshipCoverage) => t.distanceKm(r.distance.mean) },
  { title: t.maxDistance, key: 'max', align: 'right', render: (_: unknown, r: TownshipCoverage) => t.distanceKm(r.distance.max) },
];

/** `shownNotes`: notes the page already shows above (the map's own), not repeated here. */
export function CoveragePanel({
  coverage,
  stage,
  onBy,
  shownNotes = [],
}: {
  coverage: CoverageResult;
  stage: CoverageStage;
  onBy: (by: CoverageBy) => void;
  shownNotes?: readonly string[];
}) {
  const rows: StageRow[] = COVERAGE_STAGES.map((s) => {
    const c = coverage.stages[s];
    return { stage: s, children: c.children, covered: c.covered, share: c.share, unknown: c.unknown, mean: c.distance.mean, max: c.distance.max, meanMinutes: c.minutes.mean, maxMinutes: c.minutes.max };
  });
  const chosen = coverage.stages[stage];
  const why = COVERAGE_UNKNOWN.map((reason) => ({ reason, stages: COVERAGE_STAGES.filter((s) => coverage.stages[s].unknown.includes(reason)) })).filter((w) => w.stages.length > 0);
  const chosenReasons: CoverageUnknown[] = chosen.unknown.length > 0 ? chosen.unknown : ['no-villages'];
  const byTime = coverage.by === 'time';
  const limit = byTime
    ? t.minutesLimit(chosen.travelMinutes.urban, chosen.travelMinutes.rural, TRAVEL_MODE_LABEL[chosen.travelMinutes.ruralMode])
    : t.radius(chosen.serviceDistance.urban, chosen.serviceDistance.rural);
  const switcher = (
    <Segmented<CoverageBy>
      size="small"
      value={coverage.by}
      onChange={onBy}
      options={[
        { label: t.byDistance, value: 'distance' },
        { label: t.byTime, value: 'time' },
      ]}
      data-testid="coverage-by"
    />
  );
  return (
    <Section title={`${byTime ? t.coverageByTime : t.coverage}（${zh.common.year(coverage.year)}）`} testId="map-coverage" extra={switcher}>
      <Table<StageRow> size="small" rowKey="stage" pagination={false} expandable={NOT_A_TREE} columns={stageColumns(coverage.by)} dataSource={rows} data-testid="coverage-stages" />
      {why.length > 0 && (
        <Typography.Paragraph type="warning" className="map-note" data-testid="coverage-unknown">
          {why.map((w) => t.unknownWhy(w.stages.map((s) => STAGE_LABEL[s]).join('、'), COVERAGE_UNKNOWN_LABEL[w.reason])).join('')}
          {t.unknownFix}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" className="map-note">
        {STAGE_LABEL[stage]} · {limit} ·{' '}
        {chosen.covered === null ? t.uncoveredUnknown : byTime ? t.uncoveredTime(chosen.uncovered.length) : t.uncovered(chosen.uncovered.length)}
        {coverage.villagesWithoutChildren.length > 0 ? ` · ${t.noChildrenFigure(coverage.villagesWithoutChildren.length)}` : ''}
      </Typography.Paragraph>
      <Table<TownshipCoverage>
        size="small"
        rowKey="code"
        pagination={false}
        expandable={NOT_A_TREE}
        scroll={{ x: 'max-content', y: 300 }}
        sticky={STICKY_SCROLL as TableProps<TownshipCoverage>['sticky']}
        columns={townshipColumns(chosenReasons)}
        dataSource={chosen.townships}
        data-testid="coverage-townships"
      />
      <Typography.Paragraph type="secondary" className="map-note">
        {byTime ? t.timeHint(String(coverage.roadFactor), coverage.speeds.walk, coverage.speeds.bus) : t.coverageHint(String(coverage.roadFactor))}
        {coverage.notes.filter((n) => !shownNotes.includes(n)).map((n) => (
          <span key={n}>
            <br />
            {n}
          </span>
        ))}
      </Typography.Paragraph>
    </Section>
  );
}
