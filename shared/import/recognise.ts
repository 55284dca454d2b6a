// One column's header text → the most likely target, with a confidence in [0, 1] and the
// reason in Chinese. Used both to find the header row (rows whose cells are recognised)
// and to propose the mapping.
import type { SchoolSystem } from '../domain/stages';
import { parseAge } from './ages';
import { FIELDS, type FieldSpec } from './fields';
import { NOT_ENROLMENT, parseGrade, parseMetric, parseSex, type Sex } from './grades';
import type { ImportKind } from './kinds';
import { normaliseHeader, type Unit } from './normalise';
import { formatTarget, type Target } from './targets';
import type { TownshipIndex } from './townships';

export interface Recognised {
  target: string;
  confidence: number;
  why: string;
  /** Unit named in the header (㎡, 万元, 亩 …) when the target has one. */
  unit: Unit | null;
}

export interface RecogniseContext {
  system: SchoolSystem;
  townships: TownshipIndex;
}

const IGNORE: Recognised = { target: 'ignore', confidence: 0, why: '未识别', unit: null };

function synonymScore(key: string, spec: FieldSpec): number {
  if (!key) return 0;
  let best = 0;
  for (const exact of spec.exact ?? []) if (key === exact) best = 0.9;
  for (const syn of spec.synonyms) {
    if (key === syn) return 1;
    if (syn.length >= 2 && key.includes(syn)) best = Math.max(best, 0.62 + 0.3 * (syn.length / key.length));
    else if (key.length >= 2 && syn.includes(key)) best = Math.max(best, 0.45 + 0.3 * (key.length / syn.length));
  }
  return Math.min(best, 0.97);
}

function bestField(kind: ImportKind, key: string): { spec: FieldSpec; score: number } | null {
  let best: { spec: FieldSpec; score: number } | null = null;
  for (const spec of FIELDS[kind]) {
    const score = synonymScore(key, spec);
    if (score > 0 && (!best || score > best.score)) best = { spec, score };
  }
  return best;
}

function fieldResult(best: { spec: FieldSpec; score: number }, unit: Unit | null): Recognised {
  const why = best.score >= 1 ? `列名与“${best.spec.label}”一致` : `列名接近“${best.spec.label}”`;
  return { target: best.spec.field, confidence: best.score, why, unit };
}

const pct = (t: Target, confidence: number, why: string, unit: Unit | null = null): Recognised => ({
  target: formatTarget(t),
  confidence,
  why,
  unit,
});

function sexOfParts(parts: readonly string[]): Sex | null {
  for (let i = parts.length - 1; i >= 0; i--) {
    const s = parseSex(parts[i] as string);
    if (s) return s;
  }
  return null;
}

function recogniseSchool(parts: readonly string[], ctx: RecogniseContext): Recognised {
  const joined = parts.join('');
  const h = normaliseHeader(joined);
  const field = bestField('schools', h.key);
  if (NOT_ENROLMENT.test(h.compact) && !(field && field.score >= 0.9)) {
    return { ...IGNORE, why: '招生、毕业等人数不是在校生，不导入' };
  }
  const grade = parseGrade(h.compact, ctx.system);
  const metric = parseMetric(h.compact);
  const sex = metric === 'classes' ? null : sexOfParts(parts.map((p) => normaliseHeader(p).compact));
  if (grade) {
    const m = metric ?? 'students';
    const why = metric ? '列名含年级与班数/学生数' : sex ? '列名含年级与性别，按学生数处理（男、女相加）' : '列名只含年级，按学生数处理';
    return pct({ type: 'grade', metric: m, stage: grade.stage, grade: grade.grade, sex }, metric ? 0.95 : sex ? 0.9 : 0.6, why);
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
      return pct({ type: 'stageTotal', metric, stage, sex }, 0.85, '列名含学段与班数/学生数，无年级');
    }
    const total = /合计|总计|总数|小计/.test(h.compact);
    return pct({ type: 'rowTotal', metric, sex }, total ? 0.9 : 0.8, total ? '合计列' : '列名为班数/学生数，无年级');
  }
  if (field) return fieldResult(field, h.unit);
  return IGNORE;
}

function recognisePopulation(parts: readonly string[], ctx: RecogniseContext): Recognised {
  const compacts = parts.map((p) => normaliseHeader(p).compact);
  const sex = sexOfParts(compacts);
  for (const c of compacts) {
    const age = parseAge(stripSex(c));
    if (age) {
      return pct({ type: 'age', from: age.from, to: age.to, sex }, 0.95, age.to === age.from ? '列名为单岁年龄' : '列名为年龄组');
    }
  }
  const h = normaliseHeader(parts.join(''));
  const field = bestField('population', h.key);
  if (field && field.score >= 0.9) {
    if (field.spec.field === 'total' && sex) return pct({ type: 'age', from: 0, to: null, sex }, 0.3, '按性别的合计列');
    return fieldResult(field, h.unit);
  }
  for (const c of compacts) {
    const name = stripSex(c);
    if (name && ctx.townships.find(name)) return pct({ type: 'place', sex }, 0.9, `列名是乡镇“${name}”`);
  }
  if (field) return fieldResult(field, h.unit);
  return IGNORE;
}

function stripSex(compact: string): string {
  return compact.replace(/\(?(男|女|男性|女性)\)?$/, '');
}

const YEAR_HEADER = /^((?:19|20)\d{2})年?(?:出生(?:人数|人口|数)?)?$/;

function recogniseBirths(parts: readonly string[]): Recognised {
  const h = normaliseHeader(parts.join(''));
  const y = YEAR_HEADER.exec(h.key);
  if (y) return pct({ type: 'yearCol', year: Number(y[1]) }, 0.9, '列名是年份');
  const field = bestField('births', h.key);
  if (field) return fieldResult(field, h.unit);
  return IGNORE;
}

/** `parts` are the header cells of one column, top to bottom (two-row headers give two). */
export function recognise(kind: ImportKind, parts: readonly string[], ctx: RecogniseContext): Recognised {
  const useful = parts.filter((p) => p.trim() !== '');
  if (useful.length === 0) return { ...IGNORE, why: '没有列名' };
  switch (kind) {
    case 'schools':
      return recogniseSchool(useful, ctx);
    case 'population':
      return recognisePopulation(useful, ctx);
    case 'births':
      return recogniseBirths(useful);
  }
}
