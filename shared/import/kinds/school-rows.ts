// The shared half of the per-school kinds (残疾学生与资源教室, 随迁子女): a row names a stored
// school by code or name and a year; the kind adds its count columns.
import type { DataTable } from '../../templates/layouts';
import type { FieldSpec } from '../fields';
import type { ImportKind } from '../kinds';
import type { ImportPlan } from '../plan';
import { planSchoolRows } from '../plan-school-rows';
import type { ImportKindSpec } from './spec';
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

/** One count column of a per-school kind: its field, label and header words. */
export interface CountColumn {
  field: string;
  label: string;
  synonyms: readonly string[];
}

/** A per-school kind from its count columns, the record a row makes and its template. */
export function schoolRowsKind<R>(spec: {
  kind: ImportKind;
  label: string;
  shortLabel: string;
  description: string;
  counts: readonly CountColumn[];
  summaryLabel: string;
  into: (plan: ImportPlan) => R[];
  record: (school: string, year: number, values: Record<string, number | null>) => R;
  template: DataTable;
}): ImportKindSpec {
  const fields: readonly FieldSpec[] = [...SCHOOL_ROW_FIELDS, ...spec.counts.map((c): FieldSpec => ({ field: c.field, label: c.label, type: 'int', synonyms: c.synonyms }))];
  return {
    label: spec.label,
    shortLabel: spec.shortLabel,
    description: spec.description,
    fields,
    namesStoredSchools: true,
    recognise: recogniser(fields),
    plan: (sheet, first, columns, ctx) => planSchoolRows(spec, sheet, first, columns, ctx),
    template: () => ({ ...spec.template, headers: [...spec.template.headers], rows: spec.template.rows.map((r) => [...r]) }),
  };
}
