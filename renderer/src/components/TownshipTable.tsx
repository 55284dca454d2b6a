import { Tag, Tooltip, type TableColumnsType } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import type { TownshipOverview } from '@shared/api';
import { STAGE_LABEL, URBAN_RURAL, type UrbanRural } from '@shared/domain';
import { zh } from '../i18n/zh';
import { fmtInt, fmtPct } from '../lib/format';
import { changeColor, LEVEL_COLOR } from '../lib/colors';
import { CompactTable } from './CompactTable';

const collator = new Intl.Collator('zh-CN');

export const URBAN_RURAL_TAG: Record<UrbanRural, string> = {
  城区: 'volcano',
  镇区: 'gold',
  乡村: 'green',
};

export function UrbanRuralTag({ value }: { value: UrbanRural }) {
  return (
    <Tag color={URBAN_RURAL_TAG[value]} variant="outlined" className="ur-tag">
      {value}
    </Tag>
  );
}

export function ChangeCell({ pct }: { pct: number | null }) {
  if (pct === null) return <span className="muted">{zh.common.none}</span>;
  const color = changeColor(pct);
  const icon = pct > 0.05 ? <ArrowUpOutlined /> : pct < -0.05 ? <ArrowDownOutlined /> : null;
  return (
    <span style={{ color, fontWeight: color ? 600 : undefined }} className="num">
      {icon} {fmtPct(pct, true)}
    </span>
  );
}

const stageCol = (stage: 'preschool' | 'primary' | 'junior' | 'senior') => ({
  title: STAGE_LABEL[stage],
  key: stage,
  align: 'right' as const,
  width: 90,
  sorter: (a: TownshipOverview, b: TownshipOverview) => a.students[stage] - b.students[stage],
  // Zeros are common (no senior school in a rural township): dim them so the figures stand out.
  render: (_: unknown, r: TownshipOverview) =>
    r.students[stage] === 0 ? <span className="muted">0</span> : fmtInt(r.students[stage]),
});

const columns: TableColumnsType<TownshipOverview> = [
  {
    title: zh.overview.colTownship,
    dataIndex: 'name',
    key: 'name',
    width: 150,
    fixed: 'left',
    sorter: (a, b) => collator.compare(a.name, b.name),
  },
  {
    title: zh.overview.colUrbanRural,
    dataIndex: 'urbanRural',
    key: 'urbanRural',
    width: 80,
    filters: URBAN_RURAL.map((v) => ({ text: v, value: v })),
    onFilter: (v, r) => r.urbanRural === v,
    render: (v: UrbanRural) => <UrbanRuralTag value={v} />,
  },
  {
    title: zh.overview.colSchools,
    dataIndex: 'schools',
    key: 'schools',
    width: 80,
    align: 'right',
    sorter: (a, b) => a.schools - b.schools,
  },
  stageCol('preschool'),
  stageCol('primary'),
  stageCol('junior'),
  stageCol('senior'),
  {
    title: <Tooltip title={zh.overview.townshipTableHint}>{zh.overview.colChange}</Tooltip>,
    dataIndex: 'compulsoryChangePct',
    key: 'change',
    width: 150,
    align: 'right',
    defaultSortOrder: 'descend',
    sorter: (a, b) => (a.compulsoryChangePct ?? -Infinity) - (b.compulsoryChangePct ?? -Infinity),
    render: (v: number | null) => <ChangeCell pct={v} />,
  },
  {
    title: zh.overview.colLarge,
    dataIndex: 'largeClasses',
    key: 'large',
    width: 150,
    align: 'right',
    sorter: (a, b) => (a.largeClasses ?? -1) - (b.largeClasses ?? -1),
    render: (v: number | null) =>
      v === null ? (
        <span className="muted">{zh.common.unknown}</span>
      ) : (
        <span style={v > 0 ? { color: LEVEL_COLOR.orange, fontWeight: 600 } : undefined}>{fmtInt(v)}</span>
      ),
  },
];

export function TownshipTable({ rows }: { rows: TownshipOverview[] }) {
  return (
    <CompactTable<TownshipOverview> rowKey="code" columns={columns} dataSource={rows} scroll={{ x: 920 }} data-testid="township-table" />
  );
}
