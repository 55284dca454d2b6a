import { Button, Input, Select, Space, type SelectProps } from 'antd';
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
  /** One of the bar's choices, cleared to show every school again. */
  const choice = <K extends Exclude<keyof SchoolFilter, 'search'>>(key: K, placeholder: string, options: { value: string; label: string }[], width: number, more: SelectProps & { 'data-testid'?: string } = {}) => (
    <Select allowClear placeholder={placeholder} options={options} value={value[key]} onChange={(v?: SchoolFilter[K]) => set(key, v)} style={{ width }} {...more} />
  );
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
      {choice('township', zh.schools.township, townships, 160, { showSearch: { optionFilterProp: 'label' }, 'data-testid': 'school-filter-township' })}
      {choice('kind', zh.schools.kind, kinds, 170, { popupMatchSelectWidth: false })}
      {choice('stage', zh.schools.stage, stages, 110)}
      {choice('urbanRural', zh.schools.urbanRural, URBAN_RURAL.map((v) => ({ value: v, label: v })), 100)}
      {choice('ownership', zh.schools.ownership, OWNERSHIPS.map((v) => ({ value: v, label: v })), 130, { popupMatchSelectWidth: false })}
      {dirty ? (
        <Button type="link" onClick={() => onChange(EMPTY_FILTER)}>
          {zh.schools.reset}
        </Button>
      ) : null}
    </Space>
  );
}
