// 学校（教育事业统计）: one row per school (or per school and grade) with its identity,
// facilities, staff, and classes and students by grade.
import { gradeLabel, gradesOf, STAGE_LABEL, type SchoolSystem, type Stage } from '../../domain/stages';
import { SCHOOL_FACT_FIELDS, SCHOOL_FACTS } from '../../domain/school';
import { SCHOOL_HEADERS, SCHOOL_TOTAL_HEADERS, type DataTable } from '../../templates/layouts';
import { SCHOOL_FIELDS } from '../fields';
import { NOT_ENROLMENT, parseGrade, parseMetric, sexWithin } from '../grades';
import { normaliseHeader } from '../normalise';
import { planSchools } from '../plan-schools';
import { bestField, fieldResult, IGNORE, sexOfParts, targetResult, type Recognised, type RecogniseContext } from '../recognise';
import { parseMetricTarget, type Target } from '../targets';
import type { ImportKindSpec } from './spec';

function recogniseSchool(parts: readonly string[], ctx: RecogniseContext): Recognised {
  const joined = parts.join('');
  const h = normaliseHeader(joined);
  const field = bestField(SCHOOL_FIELDS, h.key);
  if (NOT_ENROLMENT.test(h.compact) && !(field && field.score >= 0.9)) {
    return { ...IGNORE, why: '招生、毕业等人数不是在校生，不导入' };
  }
  const grade = parseGrade(h.compact, ctx.system);
  const metric = parseMetric(h.compact);
  const sex = metric === 'classes' ? null : (sexOfParts(parts.map((p) => normaliseHeader(p).compact)) ?? sexWithin(h.compact));
  if (grade) {
    const m = metric ?? 'students';
    const why = metric ? '列名含年级与班数/学生数' : sex ? '列名含年级与性别，按学生数处理（男、女相加）' : '列名只含年级，按学生数处理';
    return targetResult({ type: 'grade', metric: m, stage: grade.stage, grade: grade.grade, sex }, metric ? 0.95 : sex ? 0.9 : 0.6, why);
  }
  if (field && field.score >= 0.9) return fieldResult(field, h.unit);
  if (metric) {
    const stage = /小学/.test(h.compact)
      ? 'primary'
      : /初中/.test(h.compact)
        ? 'junior'
        : /高中/.test(h.compact)
          ? 'senior'
          : /幼儿园|学前|在园/.test(h.compact)
            ? 'preschool'
            : null;
    if (stage && !/在园/.test(h.compact.replace(/幼儿园/, ''))) {
      return targetResult({ type: 'stageTotal', metric, stage, sex }, 0.85, '列名含学段与班数/学生数，无年级');
    }
    const total = /合计|总计|总数|小计/.test(h.compact);
    return targetResult({ type: 'rowTotal', metric, sex }, total ? 0.9 : 0.8, total ? '合计列' : '列名为班数/学生数，无年级');
  }
  if (field) return fieldResult(field, h.unit);
  return IGNORE;
}

const GRADE_STAGES: readonly Stage[] = ['preschool', 'primary', 'junior', 'senior', 'vocational'];

function metricChoices(system: SchoolSystem): { target: Target; group: string }[] {
  const out: { target: Target; group: string }[] = [];
  const add = (target: Target, group: string) => out.push({ target, group });
  for (const stage of GRADE_STAGES) {
    const group = `${STAGE_LABEL[stage]}分年级`;
    for (let g = 1; g <= gradesOf(stage, system); g++) {
      add({ type: 'grade', metric: 'classes', stage, grade: g, sex: null }, group);
      for (const sex of [null, 'M', 'F', 'ofF'] as const) add({ type: 'grade', metric: 'students', stage, grade: g, sex }, group);
    }
  }
  add({ type: 'grade', metric: 'students', stage: 'special', grade: 1, sex: null }, '特殊教育');
  add({ type: 'grade', metric: 'classes', stage: 'special', grade: 1, sex: null }, '特殊教育');
  for (const stage of ['preschool', 'primary', 'junior', 'senior'] as const) {
    for (const metric of ['classes', 'students'] as const) add({ type: 'stageTotal', metric, stage, sex: null }, '合计');
  }
  for (const metric of ['classes', 'students'] as const) add({ type: 'rowTotal', metric, sex: null }, '合计');
  add({ type: 'rowTotal', metric: 'students', sex: 'M' }, '合计');
  add({ type: 'rowTotal', metric: 'students', sex: 'F' }, '合计');
  return out;
}

/** The wide 教育事业统计 layout: the school's own columns, then classes and students per grade. */
function schoolTemplate(system: SchoolSystem): DataTable {
  const grades: [Stage, number][] = (['preschool', 'primary', 'junior', 'senior'] as const).flatMap((stage) =>
    Array.from({ length: gradesOf(stage, system) }, (_, i): [Stage, number] => [stage, i + 1]),
  );
  const name = (stage: Stage, grade: number) => (stage === 'primary' ? `${STAGE_LABEL.primary}${gradeLabel(stage, grade)}` : gradeLabel(stage, grade));
  const headers = [...SCHOOL_HEADERS, ...grades.flatMap(([s, g]) => [`${name(s, g)}班级数（个）`, `${name(s, g)}学生数（人）`]), ...SCHOOL_TOTAL_HEADERS];
  const primaryYears = gradesOf('primary', system);
  const perGrade = grades.flatMap(([s]) => (s === 'primary' ? [2, 90] : [null, null]));
  return {
    sheet: '学校基本情况',
    headers,
    rows: [
      [
        2024, '4199000001', '城关第一小学（示例）', '小学', '公办', '城关镇', '城区', ...SCHOOL_FACT_FIELDS.map((f) => SCHOOL_FACTS[f].example),
        38, 26, 4, 5, ...perGrade, 2 * primaryYears, 90 * primaryYears,
      ],
    ],
  };
}

export const SCHOOLS_KIND: ImportKindSpec = {
  label: '学校（教育事业统计）',
  shortLabel: '学校',
  description: '教育事业统计：每校一行，分年级班级数与学生数、教职工、校舍面积等。',
  fields: SCHOOL_FIELDS,
  recognise: recogniseSchool,
  parseTarget: parseMetricTarget,
  targetChoices: metricChoices,
  plan: (sheet, first, columns, ctx) => planSchools(sheet, first, columns, ctx),
  template: schoolTemplate,
};
