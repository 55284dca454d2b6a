// 附件 规划学校一览表: every school at the end of the plan, grouped by township, with what the
// plan does to it, its classes and seats now and at the target year, its site and floor area
// and both per student against the norm. Fed by the plan.
import type { AnnexContext, Column, Row, TableAnnexContent } from '../model';
import { annexFrame, ratio, sumKnown } from './common';

/** 规划措施 as plan documents name them (保留: no project changes the school's size or place). */
export const PLANNED_ACTIONS = ['保留', '扩建', '新建', '迁建', '撤并', '转型', '预留'] as const;
export type PlannedAction = (typeof PLANNED_ACTIONS)[number];

export interface PlannedSchoolRecord {
  name: string;
  township: string;
  /** 学段 as the layout table prints it (小学, 九年一贯制 …). */
  kind: string;
  action: PlannedAction;
  classesNow: number | null;
  classesPlanned: number | null;
  seatsNow: number | null;
  seatsPlanned: number | null;
  /** Projected students in the target year (null: closed). */
  studentsPlanned: number | null;
  /** ㎡ at the target year: the recorded area plus what the plan's projects add (null: unknown). */
  siteArea: number | null;
  floorArea: number | null;
  /** ㎡ per student the norm asks for (null: no norm for the kind). */
  siteNorm: number | null;
  floorNorm: number | null;
  note: string;
}

export interface PlannedSchoolsInput {
  targetYear: number;
  baseYear: number;
  schools: PlannedSchoolRecord[];
  planName?: string;
}

const COLUMNS: Column[] = [
  { header: '序号', kind: 'serial', width: 4 },
  { header: '学校名称', kind: 'text', width: 22 },
  { header: '学段', kind: 'text', width: 8, align: 'center' },
  { header: '规划措施', kind: 'text', width: 6, align: 'center' },
  { header: '现状', group: '班数', kind: 'integer', width: 5 },
  { header: '规划', group: '班数', kind: 'integer', width: 5 },
  { header: '现状', group: '学位', kind: 'integer', width: 6, explain: 'school.capacity' },
  { header: '规划', group: '学位', kind: 'integer', width: 6, explain: 'plan.capacity' },
  { header: '规划年\n在校生', kind: 'integer', width: 7, explain: 'plan.demand' },
  { header: '用地面积\n（㎡）', kind: 'integer', width: 8 },
  { header: '建筑面积\n（㎡）', kind: 'integer', width: 8 },
  { header: '实际', group: '生均用地（㎡）', kind: 'rate', width: 5 },
  { header: '标准', group: '生均用地（㎡）', kind: 'rate', width: 5 },
  { header: '实际', group: '生均建筑面积（㎡）', kind: 'rate', width: 5 },
  { header: '标准', group: '生均建筑面积（㎡）', kind: 'rate', width: 5 },
  { header: '备注', kind: 'text', width: 16 },
];

function sizeCells(list: readonly PlannedSchoolRecord[]): (number | null)[] {
  return [
    sumKnown(list.map((s) => s.classesNow)),
    sumKnown(list.map((s) => s.classesPlanned)),
    sumKnown(list.map((s) => s.seatsNow)),
    sumKnown(list.map((s) => s.seatsPlanned)),
    sumKnown(list.map((s) => s.studentsPlanned)),
    sumKnown(list.map((s) => s.siteArea)),
    sumKnown(list.map((s) => s.floorArea)),
  ];
}

/** Per student only for a school that has students at the target year. */
function perStudent(area: number | null, students: number | null): number | null {
  return students !== null && students > 0 ? ratio(area, students, 1) : null;
}

export function plannedSchoolsAnnex(input: PlannedSchoolsInput, ctx: AnnexContext): TableAnnexContent {
  const rows: Row[] = [];
  let serial = 0;
  const townships = [...new Set(input.schools.map((s) => s.township))];
  for (const township of townships) {
    const own = input.schools.filter((s) => s.township === township);
    rows.push({ kind: 'group', cells: [township || '（乡镇不详）'] });
    for (const s of own) {
      serial += 1;
      rows.push({
        kind: 'data',
        cells: [
          serial, s.name, s.kind, s.action, ...sizeCells([s]),
          perStudent(s.siteArea, s.studentsPlanned), s.siteNorm, perStudent(s.floorArea, s.studentsPlanned), s.floorNorm, s.note,
        ],
      });
    }
  }
  if (input.schools.length > 0) {
    // Neither a closed school nor a reserved site is a school at the target year.
    const counted = input.schools.filter((s) => s.action !== '撤并' && s.action !== '预留');
    rows.push({
      kind: 'total',
      labelSpan: 4,
      cells: [`合计（规划年在办 ${counted.length} 所）`, null, null, null, ...sizeCells(counted), null, null, null, null, null],
    });
  }
  const below = input.schools.filter(
    (s) => s.floorNorm !== null && (perStudent(s.floorArea, s.studentsPlanned) ?? Infinity) < s.floorNorm,
  ).length;
  return {
    ...annexFrame('planned-schools', ctx, input.planName ? `${input.planName}规划学校一览表` : undefined),
    body: 'table',
    unit: '班、个、人、平方米',
    notes: [
      `现状为${input.baseYear}年，规划为${input.targetYear}年（规划期末）；撤并的学校列出现状，规划栏空白，不计入合计。`,
      ...(input.schools.some((s) => s.action === '预留')
        ? ['预留为新建住宅项目的配套学校用地：规模按入住人口 × 千人指标（预测情景参数）测算，面积按建设标准，不计入合计；新建项目注明该住宅项目后按新建列出。']
        : []),
      '用地、建筑面积为现状填报数加规划项目新增数；生均面积按规划年在校生计算，空白表示面积或在校生不详。',
      `生均建筑面积低于标准的学校 ${below} 所。`,
    ],
    table: { columns: COLUMNS, rows },
  };
}
