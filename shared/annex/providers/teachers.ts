// 附件 教师需求测算表: per township and stage the teaching posts the 编制标准 give for the
// projected pupils, the teachers expected, and the gap (缺编 positive, 超编 negative), in the
// base, target and outlook years; the county's totals first. Fed by the plan evaluation's
// teacher run (shared/plan/teachers).
import { STAGE_LABEL, type Stage } from '../../domain';
import { chineseOrdinal } from '../catalog';
import type { AnnexContext, Column, Row, TableAnnexContent } from '../model';
import { annexFrame } from './common';

export interface TeacherAnnexSeries {
  stage: Stage;
  demand: number[];
  /** null: no school of the row has known teachers that year. */
  supply: (number | null)[];
  /** Over the schools of known teachers only; null with supply. */
  gap: (number | null)[];
  /** Posts of schools whose teachers are unknown: in 编制需求, outside 缺编. */
  unknownPosts: number[];
}

export interface TeacherAnnexInput {
  years: number[];
  baseYear: number;
  targetYear: number;
  outlookYear: number;
  county: TeacherAnnexSeries[];
  townships: { name: string; rows: TeacherAnnexSeries[] }[];
  /** County stage totals over the plan period: teachers moved by closures, posts of new schools, recruits. */
  period: { stage: Stage; freed: number; forNew: number; hired: number }[];
  /** How demand and supply were computed (the evaluation's notes). */
  basis: string[];
}

const UNKNOWN = '未知';

function yearColumns(label: string): Column[] {
  return [
    { header: '编制需求\n（人）', group: label, kind: 'integer', width: 7, explain: 'teachers.demand' },
    { header: '在岗教师\n（人）', group: label, kind: 'integer', width: 7, explain: 'teachers.supply' },
    { header: '缺编(+)\n超编(−)', group: label, kind: 'integer', width: 7, explain: 'teachers.gap' },
  ];
}

export function teachersAnnex(input: TeacherAnnexInput, ctx: AnnexContext): TableAnnexContent {
  const at = [input.baseYear, input.targetYear, input.outlookYear].map((y) => Math.max(0, input.years.indexOf(y)));
  const columns: Column[] = [
    { header: '学段', kind: 'text', width: 6, align: 'center' },
    ...yearColumns(`${input.baseYear}年（基准年）`),
    ...yearColumns(`${input.targetYear}年（目标年）`),
    ...yearColumns(`${input.outlookYear}年（展望年）`),
  ];
  const cells = (s: TeacherAnnexSeries) => at.flatMap((i) => [s.demand[i] ?? 0, s.supply[i] ?? UNKNOWN, s.gap[i] ?? UNKNOWN]);
  const unknownAt = at.map((i) => input.county.reduce((a, s) => a + (s.unknownPosts[i] ?? 0), 0));
  const rows: Row[] = [{ kind: 'group', cells: [`${chineseOrdinal(1)}、全县`] }];
  for (const s of input.county) rows.push({ kind: 'total', cells: [STAGE_LABEL[s.stage], ...cells(s)] });
  input.townships.forEach((t, k) => {
    rows.push({ kind: 'group', cells: [`${chineseOrdinal(k + 2)}、${t.name}`] });
    for (const s of t.rows) rows.push({ kind: 'data', cells: [STAGE_LABEL[s.stage], ...cells(s)] });
  });
  const period = input.period
    .filter((p) => p.freed > 0 || p.forNew > 0 || p.hired > 0)
    .map((p) => `${STAGE_LABEL[p.stage]}撤并腾出 ${p.freed} 人、新建学校需配 ${p.forNew} 人、补充 ${p.hired} 人`);
  return {
    ...annexFrame('teachers', ctx),
    body: 'table',
    unit: '人',
    notes: [
      '缺编＝编制需求－在岗教师，正数为缺编，负数为超编；乡镇之间的超编不抵缺编。',
      ...(unknownAt.some((x) => x > 0)
        ? [`没有专任教师记录的学校，现有教师未知，其编制需求（${[input.baseYear, input.targetYear, input.outlookYear].map((y, k) => `${y}年 ${unknownAt[k]} 人`).join('、')}）计入编制需求，不计入缺编；整行学校均无记录的标“${UNKNOWN}”。`]
        : []),
      ...input.basis,
      ...(period.length ? [`规划期内（${input.baseYear + 1}—${input.targetYear}年）：${period.join('；')}。`] : []),
    ],
    table: { columns, rows },
  };
}
