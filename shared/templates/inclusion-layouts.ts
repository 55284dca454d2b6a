// Column layouts of 残疾学生与资源教室, 随迁子女 and 学校集团: the export writes them and the
// import kinds' templates and recognisers read the same headers, so an exported file imports
// back unchanged. Headers follow the record declarations (shared/domain/inclusion.ts).
import { compareZh } from '../domain/collate';
import { MIGRANT_FIELDS, SCHOOL_GROUP_FIELDS, SPECIAL_NEEDS_FIELDS, type MigrantRecord, type SchoolGroup, type SpecialNeedsRecord } from '../domain/inclusion';
import { headerOf } from '../domain/record';
import type { School } from '../domain/school';
import type { Cell, DataTable } from './layouts';

export const SPECIAL_NEEDS_COUNTS = ['inclusive', 'specialClass', 'homeTaught', 'resourceRooms'] as const;
export const MIGRANT_COUNTS = ['pupils', 'purchased'] as const;

const SCHOOL_ROW_HEADERS = ['年份', '学校标识码', '学校名称'] as const;
export const SPECIAL_NEEDS_HEADERS: readonly string[] = [...SCHOOL_ROW_HEADERS, ...SPECIAL_NEEDS_COUNTS.map((f) => headerOf(SPECIAL_NEEDS_FIELDS[f]))];
export const MIGRANT_HEADERS: readonly string[] = [...SCHOOL_ROW_HEADERS, ...MIGRANT_COUNTS.map((f) => headerOf(MIGRANT_FIELDS[f]))];
export const GROUP_HEADERS: readonly string[] = [
  SCHOOL_GROUP_FIELDS.name.label, SCHOOL_GROUP_FIELDS.kind.label, SCHOOL_GROUP_FIELDS.core.label, '核心学校名称', SCHOOL_GROUP_FIELDS.members.label,
  SCHOOL_GROUP_FIELDS.yearFormed.label,
];

/** A member school as a cell names it: 名称（标识码）, so either half finds it again. */
export const schoolMention = (code: string, names: ReadonlyMap<string, string>): string => {
  const name = names.get(code);
  return name ? `${name}（${code}）` : code;
};

/** Separators between member schools in one cell. */
export const MEMBER_SEPARATOR = /[、,，;；\n\r]+/;

export interface InclusionTableInput {
  schools: readonly School[];
  specialNeeds: readonly SpecialNeedsRecord[];
  migrants: readonly MigrantRecord[];
  groups: readonly SchoolGroup[];
}

function schoolRows<R extends { school: string; year: number }>(records: readonly R[], schools: readonly School[], values: (r: R) => Cell[]): Cell[][] {
  const names = new Map(schools.map((s) => [s.code, s.name]));
  return [...records]
    .sort((a, b) => a.year - b.year || a.school.localeCompare(b.school))
    .map((r) => [r.year, r.school, names.get(r.school) ?? '', ...values(r)]);
}

export function specialNeedsTable(d: InclusionTableInput): DataTable {
  return { sheet: '残疾学生与资源教室', headers: [...SPECIAL_NEEDS_HEADERS], rows: schoolRows(d.specialNeeds, d.schools, (r) => SPECIAL_NEEDS_COUNTS.map((f) => r[f])) };
}

export function migrantsTable(d: InclusionTableInput): DataTable {
  return { sheet: '随迁子女', headers: [...MIGRANT_HEADERS], rows: schoolRows(d.migrants, d.schools, (r) => MIGRANT_COUNTS.map((f) => r[f])) };
}

export function groupsTable(d: InclusionTableInput): DataTable {
  const names = new Map(d.schools.map((s) => [s.code, s.name]));
  const rows = [...d.groups]
    .sort((a, b) => compareZh(a.name, b.name))
    .map((g): Cell[] => [g.name, g.kind, g.core, names.get(g.core) ?? '', g.members.map((m) => schoolMention(m, names)).join('、'), g.yearFormed]);
  return { sheet: '学校集团', headers: [...GROUP_HEADERS], rows };
}
