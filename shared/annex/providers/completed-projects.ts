// 附件 上期规划项目完成情况表: the projects due by the base year (the previous plan's builds and
// changes), with what became of each, so the new plan starts from what was done. Fed by the plan.
import { yearSpan } from '../catalog';
import type { AnnexContext, Column, Row, TableAnnexContent } from '../model';
import { annexFrame, sumKnown } from './common';

export interface CompletedProjectRecord {
  name: string;
  /** The project type (新建, 改扩建, 撤并 …). */
  nature: string;
  school: string;
  seats: number | null;
  floorArea: number | null;
  investment: number | null;
  startYear: number | null;
  endYear: number | null;
  /** 已完成 / 在建 / 未实施. */
  state: string;
  note: string;
}

export interface CompletedProjectsInput {
  baseYear: number;
  projects: CompletedProjectRecord[];
}

const COLUMNS: Column[] = [
  { header: '序号', kind: 'serial', width: 4 },
  { header: '项目名称', kind: 'text', width: 24 },
  { header: '建设性质', kind: 'text', width: 6, align: 'center' },
  { header: '学校', kind: 'text', width: 16 },
  { header: '学位', kind: 'integer', width: 6, explain: 'projects.scale' },
  { header: '建筑面积\n（㎡）', kind: 'integer', width: 9, explain: 'projects.floorArea' },
  { header: '总投资\n（万元）', kind: 'integer', width: 9, explain: 'projects.investment' },
  { header: '建设年限', kind: 'text', width: 11, align: 'center', explain: 'projects.years' },
  { header: '完成情况', kind: 'text', width: 6, align: 'center' },
  { header: '备注', kind: 'text', width: 12 },
];

export function completedProjectsAnnex(input: CompletedProjectsInput, ctx: AnnexContext): TableAnnexContent {
  const rows: Row[] = input.projects.map((p, i) => ({
    kind: 'data',
    cells: [i + 1, p.name, p.nature, p.school, p.seats, p.floorArea, p.investment, yearSpan(p.startYear, p.endYear), p.state, p.note],
  }));
  if (input.projects.length > 0) {
    const done = input.projects.filter((p) => p.state === '已完成').length;
    rows.push({
      kind: 'total',
      labelSpan: 2,
      cells: [
        `合计（${input.projects.length}个，已完成${done}个）`, null, null, null,
        sumKnown(input.projects.map((p) => p.seats)), sumKnown(input.projects.map((p) => p.floorArea)), sumKnown(input.projects.map((p) => p.investment)),
        null, null, null,
      ],
    });
  }
  return {
    ...annexFrame('completed-projects', ctx),
    body: 'table',
    unit: '个、平方米、万元',
    notes: [`列出计划在${input.baseYear}年（基准年）及以前完成的项目；完成情况按项目状态：已建成为已完成，在建为在建，其余为未实施。`],
    table: { columns: COLUMNS, rows },
  };
}
