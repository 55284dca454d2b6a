// Grade names as statistical tables write them (一年级, 1年级, 七年级, 初一, 高一, 小班…)
// resolved to a stage and a 1-based grade within it, for the county's school system.
import type { SchoolSystem, Stage } from '../domain/stages';

export interface GradeRef {
  stage: Stage;
  grade: number;
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** '三' → 3, '十二' → 12, '7' → 7; null for anything else. */
export function chineseNumber(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  if (text === '十') return 10;
  if (text.length === 1) return DIGITS[text] ?? null;
  if (text.length === 2 && text[0] === '十') {
    const d = DIGITS[text[1] as string];
    return d ? 10 + d : null;
  }
  return null;
}

/** Stage of a school-wide grade number (一年级 … 十二年级) under the school system. */
export function stageOfSchoolGrade(n: number, system: SchoolSystem): GradeRef | null {
  const primaryYears = system === '五四制' ? 5 : 6;
  if (n >= 1 && n <= primaryYears) return { stage: 'primary', grade: n };
  if (n > primaryYears && n <= 9) return { stage: 'junior', grade: n - primaryYears };
  if (n >= 10 && n <= 12) return { stage: 'senior', grade: n - 9 };
  return null;
}

const STAGE_HINTS: readonly [RegExp, Stage][] = [
  [/中职|职高|中专|职业/, 'vocational'],
  [/幼儿园|学前|幼儿/, 'preschool'],
  [/小学/, 'primary'],
  [/初中|初级中学/, 'junior'],
  [/高中|高级中学|普高/, 'senior'],
];

function stageHint(text: string): Stage | null {
  for (const [re, stage] of STAGE_HINTS) if (re.test(text)) return stage;
  return null;
}

const GRADE_NUMBER = /(十[一二]|[一二三四五六七八九十]|1[0-2]|[1-9])年级/;
const SHORT_JUNIOR = /初([一二三四1-4])(?!级|中)/;
const SHORT_SENIOR = /高([一二三1-3])(?!级|中)/;
const PRESCHOOL = /(小小班|托班|小班|中班|大班)(?!额)/;
const PRESCHOOL_GRADE: Record<string, number> = { 小班: 1, 中班: 2, 大班: 3 };

/**
 * Finds a grade in compact header text. `text` is NFKC + Simplified without spaces;
 * null when it names no grade (or a 托班/小小班, which are outside the three-year stage).
 */
export function parseGrade(text: string, system: SchoolSystem): GradeRef | null {
  const pre = PRESCHOOL.exec(text);
  if (pre) {
    const g = PRESCHOOL_GRADE[pre[1] as string];
    return g ? { stage: 'preschool', grade: g } : null;
  }
  const junior = SHORT_JUNIOR.exec(text);
  if (junior) {
    const g = chineseNumber(junior[1] as string);
    const max = system === '五四制' ? 4 : 3;
    return g && g <= max ? { stage: 'junior', grade: g } : null;
  }
  const senior = SHORT_SENIOR.exec(text);
  if (senior) {
    const g = chineseNumber(senior[1] as string);
    return g ? { stage: 'senior', grade: g } : null;
  }
  const m = GRADE_NUMBER.exec(text);
  if (!m) return null;
  const n = chineseNumber(m[1] as string);
  if (n === null) return null;
  const hint = stageHint(text.slice(0, m.index));
  if (hint === 'vocational' || hint === 'preschool') return n <= 3 ? { stage: hint, grade: n } : null;
  if (hint === 'senior') return n <= 3 ? { stage: 'senior', grade: n } : n >= 10 ? { stage: 'senior', grade: n - 9 } : null;
  if (hint === 'junior') {
    const primaryYears = system === '五四制' ? 5 : 6;
    const max = 9 - primaryYears;
    if (n <= max) return { stage: 'junior', grade: n };
    return n > primaryYears && n <= 9 ? { stage: 'junior', grade: n - primaryYears } : null;
  }
  if (hint === 'primary') {
    const ref = stageOfSchoolGrade(n, system);
    return ref?.stage === 'primary' ? ref : null;
  }
  return stageOfSchoolGrade(n, system);
}

export type Metric = 'classes' | 'students';

const CLASSES = /班级数|班数|班级|教学班|班额数/;
const STUDENTS = /学生数|学生|在校生|在园|幼儿数|幼儿|人数|在校/;
/** Counts of a grade that are not its enrolment: never map them to students. */
export const NOT_ENROLMENT = /招生|毕业|新生|入学|招收|辍学|转入|转出|流失|休学|复学|升入|预计|计划|大班额/;

export function parseMetric(text: string): Metric | null {
  if (NOT_ENROLMENT.test(text)) return null;
  // '班级学生数' is students; test students first only when both appear.
  const c = CLASSES.exec(text);
  const s = STUDENTS.exec(text);
  if (c && s) return c.index > s.index ? 'classes' : 'students';
  if (c) return 'classes';
  if (s) return 'students';
  return null;
}

export type Sex = 'M' | 'F' | 'ofF';

/** 男 / 女 / 其中:女 (a part of the total, not to be added to it). */
export function parseSex(text: string): Sex | null {
  if (/其中.{0,3}女/.test(text)) return 'ofF';
  if (/女(性|生|童)?(数|人数)?$/.test(text)) return 'F';
  if (/男(性|生|童)?(数|人数)?$/.test(text)) return 'M';
  return null;
}

/** 一年级男学生数, 男_1年级: one sex named inside a header (both, as in 男女合计, is no sex). */
export function sexWithin(text: string): Sex | null {
  const sex = parseSex(text);
  if (sex) return sex;
  const male = text.includes('男');
  const female = text.includes('女');
  return male === female ? null : male ? 'M' : 'F';
}
