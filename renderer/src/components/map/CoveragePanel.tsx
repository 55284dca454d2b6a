// 服务半径 coverage beside the map (geo.coverage): each coverage stage for the county, then
// the chosen stage by township, with the villages left beyond the service distance.
import { Table, Typography, type TableColumnsType } from 'antd';
import { STAGE_LABEL } from '@shared/domain';
import type { CoverageResult, TownshipCoverage } from '@shared/geo/api';
import { COVERAGE_STAGES, type CoverageStage } from '@shared/geo/model';
import { zh } from '../../i18n/zh';
import { fmtInt, fmtRatio } from '../../lib/format';
import { Section } from '../Section';

const t = zh.map;

interface StageRow {
  stage: CoverageStage;
  children: number;
  covered: number;
  share: number | null;
  mean: number | null;
  max: number | null;
}

const stageColumns: TableColumnsType<StageRow> = [
  { title: t.stageRow, dataIndex: 'stage', render: (s: CoverageStage) => STAGE_LABEL[s] },
  { title: t.children, dataIndex: 'children', align: 'right', render: fmtInt },
  { title: t.covered, dataIndex: 'covered', align: 'right', render: fmtInt },
  { title: t.share, dataIndex: 'share', align: 'right', render: fmtRatio },
  { title: t.meanDistance, dataIndex: 'mean', align: 'right', render: t.distanceKm },
  { title: t.maxDistance, dataIndex: 'max', align: 'right', render: t.distanceKm },
];

/** The rows' `children` is a count of children, not nested rows (antd's default tree key). */
const NOT_A_TREE = { childrenColumnName: 'nestedRows' };

const townshipColumns: TableColumnsType<TownshipCoverage> = [
  { title: t.township, dataIndex: 'name' },
  { title: t.children, dataIndex: 'children', align: 'right', render: fmtInt },
  { title: t.covered, dataIndex: 'covered', align: 'right', render: fmtInt },
  { title: t.share, dataIndex: 'share', align: 'right', render: fmtRatio },
];

export function CoveragePanel({ coverage, stage }: { coverage: CoverageResult; stage: CoverageStage }) {
  const rows: StageRow[] = COVERAGE_STAGES.map((s) => {
    const c = coverage.stages[s];
    return { stage: s, children: c.children, covered: c.covered, share: c.share, mean: c.distance.mean, max: c.distance.max };
  });
  const chosen = coverage.stages[stage];
  return (
    <Section title={`${t.coverage}（${coverage.year}年）`} testId="map-coverage">
      <Table<StageRow> size="small" rowKey="stage" pagination={false} expandable={NOT_A_TREE} columns={stageColumns} dataSource={rows} data-testid="coverage-stages" />
      <Typography.Paragraph type="secondary" className="map-note">
        {STAGE_LABEL[stage]} · {t.radius(chosen.serviceDistance.urban, chosen.serviceDistance.rural)} · {t.uncovered(chosen.uncovered.length)}
      </Typography.Paragraph>
      <Table<TownshipCoverage>
        size="small"
        rowKey="code"
        pagination={false}
        expandable={NOT_A_TREE}
        scroll={{ y: 300 }}
        columns={townshipColumns}
        dataSource={chosen.townships}
        data-testid="coverage-townships"
      />
      <Typography.Paragraph type="secondary" className="map-note">
        {t.coverageHint(String(coverage.roadFactor))}
        {coverage.notes.map((n) => (
          <span key={n}>
            <br />
            {n}
          </span>
        ))}
      </Typography.Paragraph>
    </Section>
  );
}
