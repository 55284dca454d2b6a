// 分年龄人口: each township's children by single year of age or age band, maybe by sex; ages
// as columns (the export layout), ages as rows with townships as columns, or one row per age.
import { POPULATION_AGES, POPULATION_HEADERS, type DataTable } from '../../templates/layouts';
import { parseAgeHeader } from '../ages';
import type { FieldSpec } from '../fields';
import { parseSex } from '../grades';
import type { ColumnMapping } from '../mapping';
import { normaliseHeader } from '../normalise';
import { planPopulation } from '../plan-population';
import { bestField, fieldResult, IGNORE, sexOfParts, targetResult, type Recognised, type RecogniseContext } from '../recognise';
import { parseAgeTarget, parsePlaceTarget, type Target } from '../targets';
import { isTotalLabel } from '../townships';
import type { ImportKindSpec } from './spec';

const POPULATION_FIELDS: readonly FieldSpec[] = [
  { field: 'year', label: '年份', type: 'year', synonyms: ['年份', '年度', '统计年份', '普查年份', '数据年份'], exact: ['年'] },
  { field: 'township', label: '乡镇（街道）', type: 'text', synonyms: ['乡镇街道', '乡镇', '街道', '区县', '县区', '乡镇名称', '所在乡镇', '地区', '行政区划', '地名', '区域', '乡镇街道名称'], exact: ['单位', '名称'] },
  { field: 'townshipCode', label: '乡镇代码', type: 'code', synonyms: ['乡镇代码', '乡镇街道代码', '乡镇编码', '区划代码', '行政区划代码'] },
  { field: 'sex', label: '性别（按行）', type: 'text', synonyms: ['性别'] },
  { field: 'age', label: '年龄（按行）', type: 'text', synonyms: ['年龄', '年龄组', '年龄段', '周岁', '岁数'] },
  { field: 'count', label: '人数（按行）', type: 'int', synonyms: ['人数', '人口数', '人口', '数量'] },
  { field: 'total', label: '合计（用于核对）', type: 'int', synonyms: ['合计', '总计', '小计', '总人口', '人口合计'] },
];

function stripSex(compact: string): string {
  return compact.replace(/\(?(男|女|男性|女性)\)?$/, '');
}

function recognisePopulation(parts: readonly string[], ctx: RecogniseContext): Recognised {
  const compacts = parts.map((p) => normaliseHeader(p).compact);
  const sex = sexOfParts(compacts);
  for (const c of compacts) {
    const header = parseAgeHeader(c);
    if (header) {
      const age = header.span;
      return targetResult({ type: 'age', from: age.from, to: age.to, sex: sex ?? header.sex }, 0.95, age.to === age.from ? '列名为单岁年龄' : '列名为年龄组');
    }
  }
  const h = normaliseHeader(parts.join(''));
  const field = bestField(POPULATION_FIELDS, h.key);
  if (field && field.score >= 0.9) {
    if (field.spec.field === 'total' && sex) return targetResult({ type: 'age', from: 0, to: null, sex }, 0.3, '按性别的合计列');
    return fieldResult(field, h.unit);
  }
  for (const c of compacts) {
    const name = stripSex(c);
    if (name && ctx.townships.find(name)) return targetResult({ type: 'place', sex }, 0.9, `列名是乡镇“${name}”`);
  }
  if (field) return fieldResult(field, h.unit);
  return IGNORE;
}

/**
 * A table with ages as rows and townships as columns, in a project that does not know the
 * townships yet: the text-headed columns beside the age column are taken as townships.
 */
function inferPlaceColumns(columns: ColumnMapping[]): void {
  const hasAgeRows = columns.some((c) => c.target === 'age');
  const hasCount = columns.some((c) => c.target === 'count' || c.target.startsWith('age:') || c.target.startsWith('band:'));
  if (!hasAgeRows || hasCount) return;
  for (const col of columns) {
    if (col.target !== 'ignore' || col.parts.length === 0) continue;
    const first = normaliseHeader(col.parts[0]).compact;
    if (isTotalLabel(first)) {
      col.target = 'total';
      col.confidence = 0.8;
      col.why = '合计列，用于核对';
      continue;
    }
    if (/^[\d.]+$/.test(first)) continue;
    const sex = col.parts.length > 1 ? parseSex(normaliseHeader(col.parts[col.parts.length - 1]).compact) : null;
    col.target = sex ? `place:${sex}` : 'place';
    col.confidence = 0.5;
    col.why = '推测为乡镇列（列名将作为乡镇名称）';
  }
}

/**
 * Beside age columns, a census table's other counts (人口数_男, 城镇人口, 家庭户数, 性别比 …)
 * are not ages: they are left out rather than read as the long layout's 人数, an inexact 合计
 * or a sex column.
 */
function ignoreCountsBesideAges(columns: ColumnMapping[]): void {
  if (!columns.some((c) => c.target.startsWith('age:') || c.target.startsWith('band:'))) return;
  for (const col of columns) {
    if (col.target === 'count' || (col.target === 'total' && col.confidence < 1) || (col.target === 'sex' && col.confidence < 0.9)) {
      col.target = 'ignore';
      col.confidence = 0;
      col.why = '表中已有年龄列，此列不是年龄，不导入';
    }
  }
}

function refinePopulation(columns: ColumnMapping[]): void {
  inferPlaceColumns(columns);
  ignoreCountsBesideAges(columns);
}

function placeAndAgeChoices(): { target: Target; group: string }[] {
  const out: { target: Target; group: string }[] = [];
  for (const sex of [null, 'M', 'F'] as const) out.push({ target: { type: 'place', sex }, group: '乡镇列（年龄在行）' });
  for (let a = 0; a <= 17; a++) {
    for (const sex of [null, 'M', 'F'] as const) out.push({ target: { type: 'age', from: a, to: a, sex }, group: '单岁年龄' });
  }
  return out;
}

/** The export layout, so an exported file and a filled-in template read the same way. */
function populationTemplate(): DataTable {
  const example = POPULATION_AGES.map((a) => 300 + ((a * 37) % 60));
  return {
    sheet: '分年龄人口',
    headers: [...POPULATION_HEADERS],
    rows: [[2024, '', '城关镇（示例）', ...example, example.reduce((s, n) => s + n, 0)]],
  };
}

export const POPULATION_KIND: ImportKindSpec = {
  label: '分年龄人口',
  shortLabel: '分年龄人口',
  description: '各乡镇（街道）分年龄人口，单岁或年龄组（如 1-4 岁），可分男女。',
  fields: POPULATION_FIELDS,
  recognise: recognisePopulation,
  parseTarget: (head, rest) => parseAgeTarget(head, rest) ?? parsePlaceTarget(head, rest),
  targetChoices: placeAndAgeChoices,
  refineMapping: refinePopulation,
  plan: planPopulation,
  template: populationTemplate,
};
