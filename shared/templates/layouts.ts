// Column layouts shared by the data export and the import templates (each import kind's
// module in shared/import/kinds/ builds its template from these), so a file the app writes
// can be read back by it.
import type { CountyData } from '../domain/model';
import { gradeLabel, KIND_LABEL, STAGE_LABEL } from '../domain/stages';
import { compareZh } from '../domain/collate';

export const DATA_KINDS = ['schools', 'enrolment', 'population', 'births'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

export type Cell = string | number | null;

export interface DataTable {
  sheet: string;
  headers: string[];
  rows: Cell[][];
}

export const POPULATION_MAX_AGE = 17;

/** A school's own columns (identity, facilities, staff), before any classes and students. */
export const SCHOOL_HEADERS: readonly string[] = [
  '年份', '学校标识码', '学校名称', '办学类型', '举办者', '乡镇（街道）', '城乡分类', '经度', '纬度', '占地面积（㎡）',
  '校舍建筑面积（㎡）', '教学及辅助用房面积（㎡）', '体育运动场馆面积（㎡）', '教学仪器设备资产值（万元）',
  '网络多媒体教室（间）', '寄宿生数（人）', '设计班级数（个）', '设计学位数（个）', '专任教师（人）',
  '高于规定学历教师（人）', '县级以上骨干教师（人）', '体育艺术专任教师（人）',
];

export const POPULATION_AGES: readonly number[] = Array.from({ length: POPULATION_MAX_AGE + 1 }, (_, a) => a);
export const POPULATION_HEADERS: readonly string[] = ['年份', '乡镇代码', '乡镇（街道）', ...POPULATION_AGES.map((a) => `${a}岁`), '合计'];
export const BIRTH_HEADERS: readonly string[] = ['年份', '乡镇代码', '乡镇（街道）', '出生人数（人）'];

type TableInput = Pick<CountyData, 'townships' | 'schools' | 'enrolment' | 'staff' | 'population' | 'births'>;

function schoolsTable(d: TableInput): DataTable {
  const township = new Map(d.townships.map((t) => [t.code, t.name]));
  const staff = new Map(d.staff.map((s) => [`${s.school}|${s.year}`, s]));
  const totals = new Map<string, { classes: number; students: number }>();
  for (const e of d.enrolment) {
    const k = `${e.school}|${e.year}`;
    const t = totals.get(k) ?? { classes: 0, students: 0 };
    t.classes += e.classes;
    t.students += e.students;
    totals.set(k, t);
  }
  const schoolsByCode = new Map(d.schools.map((s) => [s.code, s]));
  const keys = [...totals.keys()].sort();
  const rows: Cell[][] = keys.map((k) => {
    const [code = '', year = ''] = k.split('|');
    const s = schoolsByCode.get(code);
    const st = staff.get(k);
    const t = totals.get(k);
    return [
      Number(year), code, s?.name ?? '', s ? KIND_LABEL[s.kind] : '', s?.ownership ?? '', township.get(s?.township ?? '') ?? '',
      s?.urbanRural ?? '', s?.lng ?? null, s?.lat ?? null, s?.siteArea ?? null, s?.floorArea ?? null, s?.teachingArea ?? null,
      s?.sportsArea ?? null, s?.equipmentValue ?? null, s?.multimediaRooms ?? null, s?.boardingStudents ?? null,
      s?.designClasses ?? null, s?.designSeats ?? null, st?.teachers ?? null, st?.qualifiedAbove ?? null,
      st?.keyTeachers ?? null, st?.peArtsTeachers ?? null, t?.classes ?? 0, t?.students ?? 0,
    ];
  });
  return { sheet: '学校基本情况', headers: [...SCHOOL_HEADERS, '班级数合计（个）', '在校生合计（人）'], rows };
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

export function dataTable(kind: DataKind, data: TableInput): DataTable {
  switch (kind) {
    case 'schools':
      return schoolsTable(data);
    case 'enrolment':
      return enrolmentTable(data);
    case 'population':
      return populationTable(data);
    case 'births':
      return birthsTable(data);
  }
}
