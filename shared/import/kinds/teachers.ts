// 教职工结构: a school's 教职工 by 岗位, 年龄段, 学历, 职称 and 骨干 level, one row per school
// (and year), as the 教育事业统计 teacher tables give them.
import { ALL_PROFILE_CATEGORIES } from '../../domain/staff-profile';
import { profileHeader, TEACHER_HEADERS, type DataTable } from '../../templates/layouts';
import type { FieldSpec } from '../fields';
import { normaliseHeader } from '../normalise';
import { planTeachers } from '../plan-teachers';
import { bestField, fieldResult, IGNORE, type Recognised } from '../recognise';
import type { ImportKindSpec } from './spec';

export const TEACHER_FIELDS: readonly FieldSpec[] = [
  { field: 'year', label: '年份', type: 'year', synonyms: ['年份', '年度', '统计年份', '学年'], exact: ['年'] },
  { field: 'code', label: '学校标识码', type: 'code', synonyms: ['学校标识码', '学校识别码', '学校代码', '学校编码', '标识码'] },
  { field: 'name', label: '学校名称', type: 'text', synonyms: ['学校名称', '学校全称', '校名', '单位名称'], exact: ['学校', '名称', '单位'] },
  ...ALL_PROFILE_CATEGORIES.map((c): FieldSpec => ({ field: c.key, label: profileHeader(c), type: 'int', synonyms: c.synonyms })),
];

const SUBTOTAL = /^(合计|小计|总计|计)$/;
// The statistics tables group columns under a heading (专任教师年龄 → 25-29岁), so the lowest
// header cell names the column; the heading alone would pull every column to 专任教师.
const CONFIDENT = 0.6;

function recogniseTeachers(parts: readonly string[]): Recognised {
  const last = normaliseHeader(parts[parts.length - 1] ?? '');
  if (parts.length > 1 && SUBTOTAL.test(last.key)) return IGNORE;
  const own = bestField(TEACHER_FIELDS, last.key);
  if (own && own.score >= CONFIDENT) return fieldResult(own, last.unit);
  const h = normaliseHeader(parts.join(''));
  const field = bestField(TEACHER_FIELDS, h.key);
  return field ? fieldResult(field, h.unit) : IGNORE;
}

function teachersTemplate(): DataTable {
  const example: Record<string, number | string> = { year: 2025, code: '4101010001', name: '城关第一小学（示例）' };
  const counts: Record<string, number> = {
    post_teachers: 60, post_admin: 4, post_support: 3, post_service: 2,
    age_24_below: 6, age_25_29: 8, age_30_34: 9, age_35_39: 8, age_40_44: 8, age_45_49: 7, age_50_54: 7, age_55_59: 6, age_60_plus: 1,
    degree_postgraduate: 3, degree_bachelor: 42, degree_college: 14, degree_highschool: 1, degree_below: 0,
    title_senior_full: 0, title_senior: 12, title_first: 24, title_second: 18, title_third: 2, title_none: 4,
    key_national: 0, key_province: 1, key_city: 3, key_county: 7,
  };
  return { sheet: '教职工结构', headers: [...TEACHER_HEADERS], rows: [TEACHER_FIELDS.map((f) => example[f.field] ?? counts[f.field] ?? 0)] };
}

export const TEACHERS_KIND: ImportKindSpec = {
  label: '教职工结构（岗位、年龄、学历、职称、骨干）',
  shortLabel: '教职工结构',
  description: '各校教职工按岗位、年龄段、学历、职称和骨干教师级别的人数（教育事业统计教师表）。',
  fields: TEACHER_FIELDS,
  recognise: recogniseTeachers,
  plan: (sheet, first, columns, ctx) => planTeachers(sheet, first, columns, ctx),
  template: teachersTemplate,
};
