// Column layouts shared by the data export and the import templates (each import kind's
// module in shared/import/kinds/ builds its template from these), so a file the app writes
// can be read back by it. The school columns follow the record declarations in shared/domain.
import { ENROLMENT_FIELDS, SCHOOL_TOTAL_FIELDS, STAFF_FIELDS, type CountyData } from '../domain/model';
import { headerOf } from '../domain/record';
import { SCHOOL_FACT_FIELDS, SCHOOL_FACTS, SCHOOL_FIELDS } from '../domain/school';
import { gradeLabel, KIND_LABEL, STAGE_LABEL } from '../domain/stages';
import { compareZh } from '../domain/collate';
import { ALL_PROFILE_CATEGORIES, type ProfileCategory, type ProfileDimension } from '../domain/staff-profile';
import { groupsTable, migrantsTable, specialNeedsTable, type InclusionTableInput } from './inclusion-layouts';
import type { Village } from '../geo/model';
import { villagesTable } from './village-layouts';

export const DATA_KINDS = ['schools', 'enrolment', 'population', 'births', 'teachers', 'special_needs', 'migrants', 'school_groups', 'villages'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

export type Cell = string | number | null;

export interface DataTable {
  sheet: string;
  headers: string[];
  rows: Cell[][];
}

export const POPULATION_MAX_AGE = 17;

export const POPULATION_AGES: readonly number[] = Array.from({ length: POPULATION_MAX_AGE + 1 }, (_, a) => a);
export const POPULATION_HEADERS: readonly string[] = ['年份', '乡镇代码', '乡镇（街道）', ...POPULATION_AGES.map((a) => `${a}岁`), '合计'];
export const BIRTH_HEADERS: readonly string[] = ['年份', '乡镇代码', '乡镇（街道）', '出生人数（人）'];

type TableInput = Pick<CountyData, 'townships' | 'schools' | 'enrolment' | 'staff' | 'population' | 'births' | 'staffProfile'>;

const IDENTITY = ['code', 'name', 'kind', 'ownership', 'township', 'urbanRural'] as const;
type StaffCount = Exclude<keyof typeof STAFF_FIELDS, 'school' | 'year'>;
const STAFF_COLUMNS = (Object.keys(STAFF_FIELDS) as (keyof typeof STAFF_FIELDS)[]).filter((f): f is StaffCount => f !== 'school' && f !== 'year');

/** A school's own columns (year, identity, every fact, staff), before any classes and students. */
export const SCHOOL_HEADERS: readonly string[] = [
  ENROLMENT_FIELDS.year.label,
  ...IDENTITY.map((f) => headerOf(SCHOOL_FIELDS[f])),
  ...SCHOOL_FACT_FIELDS.map((f) => headerOf(SCHOOL_FACTS[f])),
  ...STAFF_COLUMNS.map((f) => headerOf(STAFF_FIELDS[f])),
];
/** The school's classes and students in all, after any per-grade columns. */
export const SCHOOL_TOTAL_HEADERS: readonly string[] = [headerOf(SCHOOL_TOTAL_FIELDS.classes), headerOf(SCHOOL_TOTAL_FIELDS.students)];

function schoolsTable(d: TableInput): DataTable {
  const township = new Map(d.townships.map((t) => [t.code, t.name]));
  const staff = new Map(d.staff.map((s) => [`${s.school}|${s.year}`, s]));
  const totals = new Map<string, { classes: number | null; students: number }>();
  for (const e of d.enrolment) {
    const k = `${e.school}|${e.year}`;
    const t = totals.get(k) ?? { classes: 0, students: 0 };
    // One grade's unknown count leaves the school's total unknown: written empty, never a short sum.
    t.classes = t.classes === null || e.classes === null ? null : t.classes + e.classes;
    t.students += e.students;
    totals.set(k, t);
  }
  const schoolsByCode = new Map(d.schools.map((s) => [s.code, s]));
  // A school without any enrolment record (new, closed, or imported from a list only) still
  // goes out, so that a round trip keeps every school: in the year of its latest staff record,
  // else the latest year of the data, with its classes and students left empty (unknown).
  const withEnrolment = new Set(d.enrolment.map((e) => e.school));
  const latestYear = Math.max(...d.enrolment.map((e) => e.year), ...d.staff.map((s) => s.year));
  const staffYear = new Map<string, number>();
  for (const s of d.staff) staffYear.set(s.school, Math.max(s.year, staffYear.get(s.school) ?? s.year));
  const keys = [...totals.keys()];
  for (const s of d.schools) {
    if (withEnrolment.has(s.code)) continue;
    const year = staffYear.get(s.code) ?? (Number.isFinite(latestYear) ? latestYear : null);
    keys.push(`${s.code}|${year ?? ''}`);
  }
  keys.sort();
  const rows: Cell[][] = keys.map((k) => {
    const [code = '', year = ''] = k.split('|');
    const s = schoolsByCode.get(code);
    const st = staff.get(k);
    const t = totals.get(k);
    return [
      year === '' ? null : Number(year), code, s?.name ?? '', s ? KIND_LABEL[s.kind] : '', s?.ownership ?? '',
      township.get(s?.township ?? '') ?? '', s?.urbanRural ?? '', ...SCHOOL_FACT_FIELDS.map((f) => s?.[f] ?? null),
      ...STAFF_COLUMNS.map((f) => st?.[f] ?? null), t?.classes ?? null, t?.students ?? null,
    ];
  });
  return { sheet: '学校基本情况', headers: [...SCHOOL_HEADERS, ...SCHOOL_TOTAL_HEADERS], rows };
}

function enrolmentTable(d: TableInput): DataTable {
  const names = new Map(d.schools.map((s) => [s.code, s.name]));
  const rows = [...d.enrolment]
    .sort((a, b) => a.year - b.year || a.school.localeCompare(b.school) || a.stage.localeCompare(b.stage) || a.grade - b.grade)
    .map((e): Cell[] => [e.year, e.school, names.get(e.school) ?? '', STAGE_LABEL[e.stage], gradeLabel(e.stage, e.grade), e.classes, e.students]);
  return { sheet: '分年级班级与学生', headers: ['年份', '学校标识码', '学校名称', '学段', '年级', '班级数（个）', '在校生数（人）'], rows };
}

function populationTable(d: TableInput): DataTable {
  const cells = new Map<string, number[]>();
  const hasTotal = new Set(d.population.filter((p) => p.sex === 'T').map((p) => `${p.township}|${p.year}`));
  for (const p of d.population) {
    const k = `${p.township}|${p.year}`;
    // Sex-split rows are summed only where no total row exists, never both.
    if (p.age > POPULATION_MAX_AGE || (p.sex !== 'T' && hasTotal.has(k))) continue;
    const row = cells.get(k) ?? new Array<number>(POPULATION_AGES.length).fill(0);
    row[p.age] = (row[p.age] ?? 0) + p.count;
    cells.set(k, row);
  }
  const townships = [...d.townships].sort((a, b) => compareZh(a.name, b.name));
  const years = [...new Set(d.population.map((p) => p.year))].sort((a, b) => a - b);
  const rows: Cell[][] = [];
  for (const y of years) {
    for (const t of townships) {
      const row = cells.get(`${t.code}|${y}`);
      if (row) rows.push([y, t.code, t.name, ...row, row.reduce((s, n) => s + n, 0)]);
    }
  }
  return { sheet: '分年龄人口', headers: [...POPULATION_HEADERS], rows };
}

function birthsTable(d: TableInput): DataTable {
  const names = new Map(d.townships.map((t) => [t.code, t.name]));
  const rows = [...d.births]
    .sort((a, b) => a.year - b.year || compareZh(names.get(a.township) ?? '', names.get(b.township) ?? ''))
    .map((b): Cell[] => [b.year, b.township, names.get(b.township) ?? '', b.count]);
  return { sheet: '出生人口', headers: [...BIRTH_HEADERS], rows };
}

/** A 教职工结构 column's header: the category, age bands said to be ages. */
export const profileHeader = (c: ProfileCategory & { dimension: ProfileDimension }): string => (c.dimension === 'age' ? `年龄 ${c.label}` : c.label);
export const TEACHER_HEADERS: readonly string[] = ['年份', '学校标识码', '学校名称', ...ALL_PROFILE_CATEGORIES.map(profileHeader)];

function teachersTable(d: TableInput): DataTable {
  const names = new Map(d.schools.map((s) => [s.code, s.name]));
  const rows = new Map<string, Map<string, number>>();
  for (const p of d.staffProfile ?? []) {
    const k = `${p.year}|${p.school}`;
    const row = rows.get(k) ?? new Map<string, number>();
    row.set(p.category, p.count);
    rows.set(k, row);
  }
  const out: Cell[][] = [...rows.keys()].sort().map((k) => {
    const [year = '', code = ''] = k.split('|');
    const row = rows.get(k) as Map<string, number>;
    // A category the table did not give stays empty (unknown), never 0.
    return [Number(year), code, names.get(code) ?? '', ...ALL_PROFILE_CATEGORIES.map((c) => row.get(c.key) ?? null)];
  });
  return { sheet: '教职工结构', headers: [...TEACHER_HEADERS], rows: out };
}

/** The county's data as `dataTable` reads it; the inclusion records only where those kinds are asked for. */
export type DataTableInput = TableInput & Partial<Omit<InclusionTableInput, 'schools'>> & { villages?: readonly Village[] };

export function dataTable(kind: DataKind, data: DataTableInput): DataTable {
  const inclusion = (): InclusionTableInput => ({ schools: data.schools, specialNeeds: data.specialNeeds ?? [], migrants: data.migrants ?? [], groups: data.groups ?? [] });
  switch (kind) {
    case 'schools':
      return schoolsTable(data);
    case 'enrolment':
      return enrolmentTable(data);
    case 'population':
      return populationTable(data);
    case 'births':
      return birthsTable(data);
    case 'teachers':
      return teachersTable(data);
    case 'special_needs':
      return specialNeedsTable(inclusion());
    case 'migrants':
      return migrantsTable(inclusion());
    case 'school_groups':
      return groupsTable(inclusion());
    case 'villages':
      return villagesTable({ townships: data.townships, villages: data.villages ?? [] });
  }
}
