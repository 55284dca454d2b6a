// What a column is mapped to, written as a short string so that a mapping saved as JSON
// stays readable: 'name', 'students:primary:1', 'students:primary:1:F', 'age:5:M',
// 'band:1-4', 'place:F', 'yearCol:2019', 'ignore'.
import { gradeLabel, STAGE_LABEL, STAGES, type Stage } from '../domain/stages';
import { ageSpanLabel } from './ages';
import type { Metric, Sex } from './grades';

export type Target =
  | { type: 'ignore' }
  | { type: 'field'; field: string }
  /** Classes or students of one grade (wide school layout). */
  | { type: 'grade'; metric: Metric; stage: Stage; grade: number; sex: Sex | null }
  /** Classes or students of one stage, without grades. */
  | { type: 'stageTotal'; metric: Metric; stage: Stage; sex: Sex | null }
  /** The row's classes or students: the school total (wide), or the grade's (one row per grade). */
  | { type: 'rowTotal'; metric: Metric; sex: Sex | null }
  | { type: 'age'; from: number; to: number | null; sex: Sex | null }
  /** A township's column in a table with ages as rows; the township is the column's header. */
  | { type: 'place'; sex: Sex | null }
  | { type: 'yearCol'; year: number };

const SEXES: readonly Sex[] = ['M', 'F', 'ofF'];
const isSex = (s: string | undefined): s is Sex => SEXES.includes(s as Sex);
const isStage = (s: string | undefined): s is Stage => STAGES.includes(s as Stage);

export function formatTarget(t: Target): string {
  const sex = (s: Sex | null) => (s ? `:${s}` : '');
  switch (t.type) {
    case 'ignore':
      return 'ignore';
    case 'field':
      return t.field;
    case 'grade':
      return `${t.metric}:${t.stage}:${t.grade}${sex(t.sex)}`;
    case 'stageTotal':
      return `${t.metric}:${t.stage}${sex(t.sex)}`;
    case 'rowTotal':
      return `${t.metric}${sex(t.sex)}`;
    case 'age':
      return t.from === t.to ? `age:${t.from}${sex(t.sex)}` : `band:${t.from}-${t.to ?? ''}${sex(t.sex)}`;
    case 'place':
      return `place${sex(t.sex)}`;
    case 'yearCol':
      return `yearCol:${t.year}`;
  }
}

function metricTarget(metric: 'classes' | 'students', rest: readonly string[]): Target | null {
  let stage: Stage | null = null;
  let grade: number | null = null;
  let sex: Sex | null = null;
  for (const p of rest) {
    if (stage === null && grade === null && isStage(p)) stage = p;
    else if (stage !== null && grade === null && /^\d{1,2}$/.test(p)) grade = Number(p);
    else if (sex === null && isSex(p)) sex = p;
    else return null;
  }
  if (metric === 'classes' && sex) return null;
  if (stage && grade) return grade >= 1 && grade <= 9 ? { type: 'grade', metric, stage, grade, sex } : null;
  if (stage) return { type: 'stageTotal', metric, stage, sex };
  return { type: 'rowTotal', metric, sex };
}

/** The school's classes or students targets: 'students', 'classes:primary', 'students:primary:1:F'. */
export function parseMetricTarget(head: string, rest: readonly string[]): Target | null {
  return head === 'classes' || head === 'students' ? metricTarget(head, rest) : null;
}

/** A population column of one age or an age band: 'age:5', 'band:1-4:M', 'band:80-'. */
export function parseAgeTarget(head: string, rest: readonly string[]): Target | null {
  if (head !== 'age' && head !== 'band') return null;
  const [span, s, extra] = rest;
  if (extra !== undefined || (s !== undefined && !isSex(s))) return null;
  const sex = isSex(s) ? s : null;
  if (head === 'age') return /^\d{1,3}$/.test(span ?? '') && Number(span) <= 120 ? { type: 'age', from: Number(span), to: Number(span), sex } : null;
  const m = /^(\d{1,3})-(\d{0,3})$/.exec(span ?? '');
  if (!m) return null;
  const from = Number(m[1]);
  const to = m[2] === '' ? null : Number(m[2]);
  return to === null || (to >= from && to <= 120) ? { type: 'age', from, to, sex } : null;
}

/** A township's column (its header is the township): 'place', 'place:F'. */
export function parsePlaceTarget(head: string, rest: readonly string[]): Target | null {
  if (head !== 'place' || rest.length > 1 || (rest.length === 1 && !isSex(rest[0]))) return null;
  return { type: 'place', sex: isSex(rest[0]) ? rest[0] : null };
}

/** One year's births in its own column: 'yearCol:2019'. */
export function parseYearColumnTarget(head: string, rest: readonly string[]): Target | null {
  if (head !== 'yearCol') return null;
  const y = Number(rest[0]);
  return rest.length === 1 && Number.isInteger(y) && y >= 1949 && y <= 2100 ? { type: 'yearCol', year: y } : null;
}

const SEX_LABEL: Record<Sex, string> = { M: '男', F: '女', ofF: '其中：女（不计入合计）' };
const METRIC_LABEL = { classes: '班级数', students: '学生数' } as const;

/** The Chinese name of a target, as the mapping table shows it. */
export function describeTarget(t: Target, fieldLabel: (field: string) => string | undefined): string {
  const sex = (s: Sex | null) => (s ? `（${SEX_LABEL[s]}）` : '');
  switch (t.type) {
    case 'ignore':
      return '不导入';
    case 'field':
      return fieldLabel(t.field) ?? t.field;
    case 'grade':
      return `${STAGE_LABEL[t.stage]}${gradeLabel(t.stage, t.grade)} ${METRIC_LABEL[t.metric]}${sex(t.sex)}`;
    case 'stageTotal':
      return `${STAGE_LABEL[t.stage]}${METRIC_LABEL[t.metric]}合计${sex(t.sex)}`;
    case 'rowTotal':
      return `${METRIC_LABEL[t.metric]}（本行合计）${sex(t.sex)}`;
    case 'age':
      return `${ageSpanLabel({ from: t.from, to: t.to })}人口${t.from !== t.to ? '（年龄组，拆分为单岁）' : ''}${sex(t.sex)}`;
    case 'place':
      return `乡镇人口（以列名为乡镇）${sex(t.sex)}`;
    case 'yearCol':
      return `${t.year} 年出生人数`;
  }
}
