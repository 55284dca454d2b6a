// The 学校 table's group and resource-room columns and filters, from inclusion.get: which
// groups a school belongs to (核心 marked) and its resource rooms in its latest record.
import { Select, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { SchoolRow } from '@shared/api';
import { groupSchools, type InclusionData } from '@shared/domain';
import { inclusionStrings as t } from '../i18n/zh-inclusion';

export interface SchoolInclusion {
  groups: { name: string; core: boolean }[];
  /** Rooms in the latest record; null unknown; undefined no record. */
  rooms?: number | null;
}

export function schoolInclusion(data: InclusionData | null): Map<string, SchoolInclusion> {
  const out = new Map<string, SchoolInclusion>();
  const entry = (code: string) => {
    let e = out.get(code);
    if (!e) out.set(code, (e = { groups: [] }));
    return e;
  };
  for (const g of data?.groups ?? []) for (const code of groupSchools(g)) entry(code).groups.push({ name: g.name, core: code === g.core });
  const latest = new Map<string, number>();
  for (const r of data?.specialNeeds ?? []) {
    if ((latest.get(r.school) ?? -1) > r.year) continue;
    latest.set(r.school, r.year);
    entry(r.school).rooms = r.resourceRooms;
  }
  return out;
}

export interface InclusionFilterValue {
  group: 'any' | 'in' | 'out';
  rooms: 'any' | 'has' | 'none';
}

export function inclusionFilter(rows: readonly SchoolRow[], by: ReadonlyMap<string, SchoolInclusion>, f: InclusionFilterValue): SchoolRow[] {
  return rows.filter((r) => {
    const e = by.get(r.code);
    const inGroup = (e?.groups.length ?? 0) > 0;
    if (f.group === 'in' && !inGroup) return false;
    if (f.group === 'out' && inGroup) return false;
    if (f.rooms === 'has' && !((e?.rooms ?? 0) > 0)) return false;
    // 无资源教室 means known to have none; unknown stays out of both.
    if (f.rooms === 'none' && e?.rooms !== 0) return false;
    return true;
  });
}

/** One of the two filters: a small select whose first choice is 全部. */
function FilterSelect<V extends string>({ value, onChange, name, choices, testId }: { value: V; onChange: (v: V) => void; name: string; choices: [V, string][]; testId: string }) {
  return (
    <Select<V>
      size="small"
      style={{ width: 140 }}
      value={value}
      onChange={onChange}
      options={choices.map(([v, label], i) => ({ value: v, label: i === 0 ? `${name}：${label}` : label }))}
      data-testid={testId}
    />
  );
}

export function InclusionFilters({ value, onChange }: { value: InclusionFilterValue; onChange: (v: InclusionFilterValue) => void }) {
  return (
    <>
      <FilterSelect value={value.group} onChange={(group) => onChange({ ...value, group })} name={t.filterGroup} testId="filter-group"
        choices={[['any', t.any], ['in', t.inGroup], ['out', t.notInGroup]]} />
      <FilterSelect value={value.rooms} onChange={(rooms) => onChange({ ...value, rooms })} name={t.filterRooms} testId="filter-rooms"
        choices={[['any', t.any], ['has', t.hasRoom], ['none', t.noRoom]]} />
    </>
  );
}

export function inclusionColumns(by: ReadonlyMap<string, SchoolInclusion>): TableColumnsType<SchoolRow> {
  return [
    {
      title: t.colGroup,
      key: 'group',
      width: 180,
      ellipsis: true,
      render: (_: unknown, r) => {
        const groups = by.get(r.code)?.groups ?? [];
        if (groups.length === 0) return '—';
        return groups.map((g) => (
          <span key={g.name}>
            {g.name}
            {g.core ? <Tag className="inline-tag">{t.coreTag}</Tag> : null}
          </span>
        ));
      },
    },
    {
      title: t.colRooms,
      key: 'rooms',
      width: 80,
      align: 'right',
      render: (_: unknown, r) => {
        const e = by.get(r.code);
        if (!e || e.rooms === undefined) return '—';
        if (e.rooms === null) return t.roomsUnknown;
        return e.rooms > 0 ? t.roomsCount(e.rooms) : t.roomsNone;
      },
    },
  ];
}
