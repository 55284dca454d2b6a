import { Button, Input, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import {
  KIND_LABEL,
  OWNERSHIPS,
  SCHOOL_KINDS,
  STAGE_LABEL,
  STAGES,
  URBAN_RURAL,
  type Ownership,
  type SchoolKind,
  type Stage,
  type UrbanRural,
} from '@shared/domain';
import type { SchoolRow } from '@shared/api';
import { zh } from '../i18n/zh';

export interface SchoolFilter {
  search: string;
  township: string | undefined;
  kind: SchoolKind | undefined;
  stage: Stage | undefined;
  urbanRural: UrbanRural | undefined;
  ownership: Ownership | undefined;
}

export const EMPTY_FILTER: SchoolFilter = {
  search: '',
  township: undefined,
  kind: undefined,
  stage: undefined,
  urbanRural: undefined,
  ownership: undefined,
};

export function applyFilter(rows: SchoolRow[], f: SchoolFilter): SchoolRow[] {
  const q = f.search.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!q || r.name.toLowerCase().includes(q) || r.code.includes(q)) &&
      (!f.township || r.township === f.township) &&
      (!f.kind || r.kind === f.kind) &&
      (!f.stage || r.stages.includes(f.stage)) &&
      (!f.urbanRural || r.urbanRural === f.urbanRural) &&
      (!f.ownership || r.ownership === f.ownership),
  );
}

const collator = new Intl.Collator('zh-CN');

interface Props {
  rows: SchoolRow[];
  value: SchoolFilter;
  onChange: (next: SchoolFilter) => void;
}

export function SchoolFilters({ rows, value, onChange }: Props) {
  const set = <K extends keyof SchoolFilter>(key: K, v: SchoolFilter[K]) => onChange({ ...value, [key]: v });

  // Offer only values that occur, so no choice leads to an empty table.
  const townships = [...new Map(rows.map((r) => [r.township, r.townshipName])).entries()]
    .sort((a, b) => collator.compare(a[1], b[1]))
    .map(([code, name]) => ({ value: code, label: name }));
  const kinds = SCHOOL_KINDS.filter((k) => rows.some((r) => r.kind === k)).map((k) => ({ value: k, label: KIND_LABEL[k] }));
  const stages = STAGES.filter((s) => rows.some((r) => r.stages.includes(s))).map((s) => ({ value: s, label: STAGE_LABEL[s] }));
  const dirty =
    value.search !== '' || value.township || value.kind || value.stage || value.urbanRural || value.ownership;

  return (
    <Space wrap size={8} className="filter-bar">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={zh.schools.search}
        value={value.search}
        onChange={(e) => set('search', e.target.value)}
        style={{ width: 220 }}
        data-testid="school-search"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={zh.schools.township}
        options={townships}
        value={value.township}
        onChange={(v?: string) => set('township', v)}
        style={{ width: 160 }}
        data-testid="school-filter-township"
      />
      <Select
        allowClear
        placeholder={zh.schools.kind}
        options={kinds}
        value={value.kind}
        onChange={(v?: SchoolKind) => set('kind', v)}
        style={{ width: 170 }}
        popupMatchSelectWidth={false}
      />
      <Select
        allowClear
        placeholder={zh.schools.stage}
        options={stages}
        value={value.stage}
        onChange={(v?: Stage) => set('stage', v)}
        style={{ width: 110 }}
      />
      <Select
        allowClear
        placeholder={zh.schools.urbanRural}
        options={URBAN_RURAL.map((v) => ({ value: v, label: v }))}
        value={value.urbanRural}
        onChange={(v?: UrbanRural) => set('urbanRural', v)}
        style={{ width: 100 }}
      />
      <Select
        allowClear
        placeholder={zh.schools.ownership}
        options={OWNERSHIPS.map((v) => ({ value: v, label: v }))}
        value={value.ownership}
        onChange={(v?: Ownership) => set('ownership', v)}
        style={{ width: 130 }}
        popupMatchSelectWidth={false}
      />
      {dirty ? (
        <Button type="link" onClick={() => onChange(EMPTY_FILTER)}>
          {zh.schools.reset}
        </Button>
      ) : null}
    </Space>
  );
}
