// Figure: students by stage and year (stacked bars), from the recorded enrolment.
import { STAGE_LABEL, STAGES, type ByStage, type Stage } from '../../domain';
import { yearSpan } from '../catalog';
import type { AnnexContext, Column, FigureAnnexContent, Row } from '../model';
import { annexFrame } from './common';

export interface StudentsByYearInput {
  /** Students per year per stage, as overview.get and project.info report them. */
  studentsByYear: Record<string, ByStage>;
}

export function studentsChartAnnex(input: StudentsByYearInput, ctx: AnnexContext): FigureAnnexContent {
  const years = Object.keys(input.studentsByYear)
    .map(Number)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const at = (year: number, stage: Stage) => input.studentsByYear[year]?.[stage] ?? 0;
  const stages = STAGES.filter((s) => years.some((y) => at(y, s) > 0));
  const span = yearSpan(years[0] ?? null, years[years.length - 1] ?? null);
  const columns: Column[] = [
    { header: '年份', kind: 'serial', width: 6 },
    ...stages.map((s): Column => ({ header: STAGE_LABEL[s], kind: 'integer', width: 7 })),
    { header: '合计', kind: 'integer', width: 8 },
  ];
  const rows: Row[] = years.map((y) => {
    const values = stages.map((s) => at(y, s));
    return { kind: 'data', cells: [y, ...values, values.reduce((a, b) => a + b, 0)] };
  });
  return {
    ...annexFrame('students-chart', ctx, span ? `各学段在校生（${span}）` : undefined),
    body: 'figure',
    unit: '人',
    notes: ['数据来源：历年教育事业统计；九年一贯制、完全中学等学校的学生计入各自学段。'],
    chart: {
      panels: [
        {
          categories: years.map(String),
          yName: '在校生（人）',
          series: stages.map((s) => ({
            name: STAGE_LABEL[s],
            type: 'bar',
            stack: 'students',
            colorKey: s,
            values: years.map((y) => at(y, s)),
          })),
        },
      ],
    },
    table: { columns, rows },
  };
}
