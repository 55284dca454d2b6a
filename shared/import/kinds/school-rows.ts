// The shared half of the per-school kinds (残疾学生与资源教室, 随迁子女): a row names a stored
// school by code or name and a year; the kind adds its count columns.
import type { FieldSpec } from '../fields';
import { normaliseHeader } from '../normalise';
import { bestField, fieldResult, IGNORE, type Recognised } from '../recognise';

export const SCHOOL_ROW_FIELDS: readonly FieldSpec[] = [
  { field: 'year', label: '年份', type: 'year', synonyms: ['年份', '年度', '统计年份', '学年'], exact: ['年'] },
  { field: 'code', label: '学校标识码', type: 'code', synonyms: ['学校标识码', '学校识别码', '学校代码', '标识码', '学校编码'] },
  { field: 'name', label: '学校名称', type: 'text', synonyms: ['学校名称', '学校全称', '校名', '单位名称'], exact: ['学校', '名称', '单位'] },
];

export function recogniser(fields: readonly FieldSpec[]): (parts: readonly string[]) => Recognised {
  return (parts) => {
    const h = normaliseHeader(parts.join(''));
    const field = bestField(fields, h.key);
    return field ? fieldResult(field, h.unit) : IGNORE;
  };
}
