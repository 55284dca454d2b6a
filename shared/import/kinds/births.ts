// 出生人口: births by township and year (one row each, or one column per year), or the
// county's series when the file has no townships.
import { BIRTH_HEADERS, type DataTable } from '../../templates/layouts';
import type { FieldSpec } from '../fields';
import { normaliseHeader } from '../normalise';
import { planBirths } from '../plan-births';
import { bestField, fieldResult, IGNORE, targetResult, type Recognised } from '../recognise';
import { parseYearColumnTarget } from '../targets';
import type { ImportKindSpec } from './spec';

const BIRTH_FIELDS: readonly FieldSpec[] = [
  { field: 'year', label: '年份', type: 'year', synonyms: ['年份', '年度', '出生年份', '统计年份'], exact: ['年'] },
  { field: 'township', label: '乡镇（街道）', type: 'text', synonyms: ['乡镇街道', '乡镇', '街道', '区县', '县区', '乡镇名称', '地区', '地名', '区域'], exact: ['单位', '名称'] },
  { field: 'townshipCode', label: '乡镇代码', type: 'code', synonyms: ['乡镇代码', '乡镇街道代码', '乡镇编码', '区划代码'] },
  { field: 'count', label: '出生人数', type: 'int', synonyms: ['出生人数', '出生人口', '出生人口数', '出生数', '出生'], exact: ['人数'] },
  { field: 'total', label: '合计（用于核对）', type: 'int', synonyms: ['合计', '总计'] },
];

const YEAR_HEADER = /^((?:19|20)\d{2})年?(?:出生(?:人数|人口|数)?)?$/;

function recogniseBirths(parts: readonly string[]): Recognised {
  const h = normaliseHeader(parts.join(''));
  const y = YEAR_HEADER.exec(h.key);
  if (y) return targetResult({ type: 'yearCol', year: Number(y[1]) }, 0.9, '列名是年份');
  const field = bestField(BIRTH_FIELDS, h.key);
  if (field) return fieldResult(field, h.unit);
  return IGNORE;
}

function birthsTemplate(): DataTable {
  return { sheet: '出生人口', headers: [...BIRTH_HEADERS], rows: [[2024, '', '城关镇（示例）', 215]] };
}

export const BIRTHS_KIND: ImportKindSpec = {
  label: '出生人口',
  shortLabel: '出生人口',
  description: '各乡镇逐年出生人数，或全县的出生人口序列。',
  fields: BIRTH_FIELDS,
  recognise: recogniseBirths,
  parseTarget: parseYearColumnTarget,
  yearHeaders: true,
  plan: (sheet, first, columns, ctx) => planBirths(sheet, first, columns, ctx),
  template: birthsTemplate,
};
