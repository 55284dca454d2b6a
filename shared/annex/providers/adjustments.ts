// 附件 学校布局调整表: schools merged (撤并), moved (迁建) or converted (转型), with the
// receiving school or new use. Fed by the plan.
import { ADJUSTMENT_TYPES, type AdjustmentType } from '../../plan/project-types';
import { chineseOrdinal } from '../catalog';
import type { AnnexContext, Column, Row, TableAnnexContent } from '../model';
import { annexFrame, sumKnown } from './common';

export { ADJUSTMENT_TYPES, type AdjustmentType };

export interface AdjustmentRecord {
  type: AdjustmentType;
  school: string;
  township: string;
  /** 学段 or kind of school as printed (小学, 教学点, 初中 …). */
  stage: string;
  /** 撤并: receiving school(s); 迁建: new site; 转型: what it becomes. */
  receiving: string;
  students: number | null;
  year: number | null;
  note?: string;
}

export interface AdjustmentsInput {
  adjustments: AdjustmentRecord[];
  planName?: string;
}

export const ADJUSTMENT_COLUMNS: Column[] = [
  { header: '序号', kind: 'serial', width: 4 },
  // Headers break where a reader would, not where the column happens to end.
  { header: '乡镇\n（街道）', kind: 'text', width: 8 },
  { header: '学校名称', kind: 'text', width: 20 },
  { header: '学段', kind: 'text', width: 6, align: 'center' },
  { header: '调整\n方式', kind: 'text', width: 4, align: 'center' },
  { header: '接收学校／调整去向', kind: 'text', width: 20 },
  { header: '涉及学生\n（人）', kind: 'integer', width: 7 },
  { header: '实施\n年度', kind: 'serial', width: 5 },
  { header: '备注', kind: 'text', width: 6 },
];

export function adjustmentsAnnex(input: AdjustmentsInput, ctx: AnnexContext): TableAnnexContent {
  const rows: Row[] = [];
  let serial = 0;
  let section = 0;
  for (const type of ADJUSTMENT_TYPES) {
    const own = input.adjustments.filter((a) => a.type === type);
    if (own.length === 0) continue;
    section += 1;
    rows.push({ kind: 'group', cells: [`${chineseOrdinal(section)}、${type}`] });
    for (const a of own) {
      serial += 1;
      rows.push({ kind: 'data', cells: [serial, a.township, a.school, a.stage, a.type, a.receiving, a.students, a.year, a.note ?? ''] });
    }
    rows.push({ kind: 'subtotal', labelSpan: 3, cells: [`小计（${own.length}所）`, null, null, null, null, null, sumKnown(own.map((a) => a.students)), null, null] });
  }
  if (input.adjustments.length > 0) {
    rows.push({
      kind: 'total',
      labelSpan: 3,
      cells: [`合计（${input.adjustments.length}所）`, null, null, null, null, null, sumKnown(input.adjustments.map((a) => a.students)), null, null],
    });
  }
  return {
    ...annexFrame('adjustments', ctx, input.planName ? `${input.planName}学校布局调整表` : undefined),
    body: 'table',
    unit: '所、人',
    notes: ['撤并学校的学生由接收学校安置；涉及学生为调整时的在校生（预测值）。'],
    table: { columns: ADJUSTMENT_COLUMNS, rows },
  };
}
