// 附件 现状学校一览表: every school in operation, grouped by township (城区 first, as the
// county lists them), then by kind of school, with a subtotal per township, subtotals per
// kind of school for the county and the county total.
import { compareZh, KIND_LABEL, SCHOOL_KINDS, type Ownership, type SchoolKind, type UrbanRural } from '../../domain';
import { chineseOrdinal, yearSpan } from '../catalog';
import type { AnnexContext, Column, Row, TableAnnexContent } from '../model';
import { annexFrame, ratio, round, sumKnown } from './common';

export interface CurrentSchool {
  name: string;
  kind: SchoolKind;
  ownership: Ownership;
  /** Township code, matched against `townships`. */
  township: string;
  classes: number;
  students: number;
  /** Design seats, else classes × standard class size. */
  capacity: number;
  capacityFromClasses: boolean;
  /** No design seats and no classes recorded: seats estimated from students. */
  capacityFromStudents?: boolean;
  /** No design seats and no classes recorded: seats estimated from the floor area at the 建标 norm. */
  capacityFromFloorArea?: boolean;
  siteArea: number | null;
  floorArea: number | null;
  largeClasses: number;
  status: '在办' | '停办';
}

export interface SchoolListInput {
  /** Year of the enrolment figures. */
  year: number | null;
  /** In the order the list follows. */
  townships: { code: string; name: string; urbanRural: UrbanRural }[];
  schools: CurrentSchool[];
}

export const SCHOOL_LIST_COLUMNS: Column[] = [
  { header: '序号', kind: 'serial' },
  { header: '学校名称', kind: 'text', width: 20 },
  { header: '办学类型', kind: 'text', width: 10 },
  { header: '办学性质', kind: 'text', width: 8, align: 'center' },
  { header: '班级数\n（个）', group: '现状规模', kind: 'integer' },
  { header: '在校生\n（人）', group: '现状规模', kind: 'integer' },
  { header: '平均\n班额\n（人）', group: '现状规模', kind: 'rate' },
  { header: '占地面积\n（㎡）', group: '办学条件', kind: 'integer' },
  { header: '建筑面积\n（㎡）', group: '办学条件', kind: 'integer' },
  { header: '学位数\n（个）', group: '办学条件', kind: 'integer', explain: 'school.capacity' },
  { header: '学位\n使用率', group: '办学条件', kind: 'percent' },
  { header: '备注', kind: 'text', width: 10 },
];

const KIND_ORDER = new Map<SchoolKind, number>(SCHOOL_KINDS.map((k, i) => [k, i]));

/** Classes, students, areas and seats of a set of schools, as one row's number cells. */
function figures(schools: readonly CurrentSchool[]): (number | null)[] {
  // Pupils without a class is a class count the statistics left out: unknown, printed blank, not 0.
  const withClasses = schools.filter((x) => x.classes > 0 || x.students === 0);
  const classes = sumKnown(withClasses.map((x) => x.classes));
  const classStudents = withClasses.reduce((s, x) => s + x.students, 0);
  const students = schools.reduce((s, x) => s + x.students, 0);
  const capacity = schools.reduce((s, x) => s + x.capacity, 0);
  return [
    classes,
    students,
    classes ? round(classStudents / classes, 1) : null,
    sumKnown(schools.map((x) => x.siteArea)),
    sumKnown(schools.map((x) => x.floorArea)),
    capacity,
    ratio(students, capacity),
  ];
}

/** Totals that include estimated seats say how many schools they rest on. */
function estimatedNote(schools: readonly CurrentSchool[]): string[] {
  const n = schools.filter((s) => s.capacityFromStudents).length;
  const floor = schools.filter((s) => s.capacityFromFloorArea).length;
  const out: string[] = [];
  if (n > 0) out.push(`其中${n}所学校既无设计学位也无班级数，学位为估算（在校生÷标准班额得班级数，再乘标准班额；备注“学位为估算”），合计与使用率含估算。`);
  if (floor > 0) out.push(`其中${floor}所学校既无设计学位也无班级数，学位按校舍建筑面积÷建标生均校舍建筑面积估算（备注“学位为估算”），合计与使用率含估算。`);
  return out;
}

function remark(s: CurrentSchool): string {
  const parts: string[] = [];
  if (s.largeClasses > 0) parts.push(`大班额${s.largeClasses}个`);
  if (s.capacityFromClasses) parts.push('学位按班级测算');
  if (s.capacityFromStudents) parts.push('学位为估算（无设计学位和班级数，按在校生÷标准班额）');
  if (s.capacityFromFloorArea) parts.push('学位为估算（无设计学位和班级数，按校舍建筑面积÷建标生均面积）');
  return parts.join('；');
}

function summaryRow(kind: 'subtotal' | 'total', label: string, schools: readonly CurrentSchool[]): Row {
  return { kind, labelSpan: 2, cells: [`${label}（${schools.length}所）`, null, null, null, ...figures(schools), null] };
}

export function schoolListAnnex(input: SchoolListInput, ctx: AnnexContext): TableAnnexContent {
  const open = input.schools.filter((s) => s.status === '在办');
  const order = (a: CurrentSchool, b: CurrentSchool) =>
    (KIND_ORDER.get(a.kind) ?? 99) - (KIND_ORDER.get(b.kind) ?? 99) || compareZh(a.name, b.name);
  const rows: Row[] = [];
  let serial = 0;
  let section = 0;
  const known = new Set(input.townships.map((t) => t.code));
  // Schools whose township is not in the list still appear, under "其他", so totals add up.
  const townships = [...input.townships];
  if (open.some((s) => !known.has(s.township))) townships.push({ code: '', name: '其他', urbanRural: '乡村' });
  for (const t of townships) {
    const own = open.filter((s) => (t.code === '' ? !known.has(s.township) : s.township === t.code)).sort(order);
    if (own.length === 0) continue;
    section += 1;
    rows.push({ kind: 'group', cells: [`${chineseOrdinal(section)}、${t.name}（${t.urbanRural}）`] });
    for (const s of own) {
      serial += 1;
      rows.push({ kind: 'data', cells: [serial, s.name, KIND_LABEL[s.kind], s.ownership, ...figures([s]), remark(s)] });
    }
    rows.push(summaryRow('subtotal', '小计', own));
  }
  if (open.length > 0) {
    section += 1;
    rows.push({ kind: 'group', cells: [`${chineseOrdinal(section)}、全县按办学类型汇总`] });
    for (const kind of SCHOOL_KINDS) {
      const ofKind = open.filter((s) => s.kind === kind);
      if (ofKind.length > 0) rows.push(summaryRow('subtotal', KIND_LABEL[kind], ofKind));
    }
    rows.push(summaryRow('total', '全县合计', open));
  }
  const year = input.year ? yearSpan(input.year, input.year) : '';
  const closed = input.schools.length - open.length;
  return {
    ...annexFrame('schools', ctx),
    body: 'table',
    unit: '个、人、平方米',
    notes: [
      `${year ? `在校生、班级数为${year}教育事业统计数据；` : ''}学位数为设计学位，未填设计学位的按现有班级数乘各学段标准班额测算（备注“学位按班级测算”）。`,
      '学位使用率＝在校生÷学位数；大班额指班额56人及以上的班级（按年级平均班额估算）。',
      ...(closed > 0 ? [`已停办学校${closed}所未列入。`] : []),
      ...estimatedNote(open),
    ],
    table: { columns: SCHOOL_LIST_COLUMNS, rows },
  };
}
