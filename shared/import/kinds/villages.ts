// 行政村/社区: where children live, for the 布局图's coverage and catchments. One row per
// village with its township (name or code), name and 12-digit code, coordinates (read like
// the school table's), and its population — in total, by age band, or school-age children
// per stage. Rows merge into the stored villages (plan-villages.ts).
import { entryAge, gradesOf, STAGE_LABEL, type SchoolSystem } from '../../domain/stages';
import { COVERAGE_STAGES } from '../../geo/model';
import { VILLAGE_HEADERS } from '../../templates/village-layouts';
import { parseAgeHeader } from '../ages';
import { SCHOOL_FIELDS, type FieldSpec } from '../fields';
import { normaliseHeader } from '../normalise';
import { planVillages, STAGE_CHILD_FIELDS } from '../plan-villages';
import { bestField, fieldResult, IGNORE, targetResult, type Recognised } from '../recognise';
import { parseAgeTarget, type Target } from '../targets';
import type { ImportKindSpec } from './spec';

const schoolField = (field: string): FieldSpec => SCHOOL_FIELDS.find((f) => f.field === field) as FieldSpec;

export const VILLAGE_FIELDS: readonly FieldSpec[] = [
  { ...schoolField('townshipCode') },
  { ...schoolField('township') },
  {
    field: 'name', label: '村（社区）名称', type: 'text',
    synonyms: ['村社区名称', '村社区', '行政村社区', '行政村', '行政村名称', '村名称', '村名', '社区名称', '村居名称', '村居', '村委会', '居委会', '村民委员会', '居民委员会'],
    exact: ['名称', '村', '社区'],
  },
  { field: 'code', label: '村级代码', type: 'code', synonyms: ['村级代码', '统计用区划代码', '村级区划代码', '村代码', '村社区代码', '村居代码', '行政村代码', '区划代码', '代码'] },
  { ...schoolField('lng') },
  { ...schoolField('lat') },
  { field: 'population', label: '总人口', type: 'int', synonyms: ['总人口', '户籍人口', '常住人口', '人口', '人口数', '人口总数', '户籍总人口', '常住总人口', '人口合计'] },
  ...COVERAGE_STAGES.map((s): FieldSpec => ({ ...STAGE_CHILD_FIELDS[s], type: 'int' })),
];

function recogniseVillage(parts: readonly string[]): Recognised {
  for (const p of parts) {
    const header = parseAgeHeader(normaliseHeader(p).compact);
    if (!header) continue;
    if (header.sex) return { ...IGNORE, why: '分性别的年龄列不导入：请使用男女合计的年龄列' };
    if (header.span.to === null) return { ...IGNORE, why: '开口年龄组（如“18岁以上”）不是儿童，不导入' };
    return targetResult({ type: 'age', from: header.span.from, to: header.span.to, sex: null }, 0.95, '列名为年龄组：按年龄段的儿童数');
  }
  const h = normaliseHeader(parts.join(''));
  const field = bestField(VILLAGE_FIELDS, h.key);
  return field ? fieldResult(field, h.unit) : IGNORE;
}

function parseVillageTarget(head: string, rest: readonly string[]): Target | null {
  const t = parseAgeTarget(head, rest);
  return t && t.type === 'age' && t.sex === null && t.to !== null ? t : null;
}

/** The age bands of each coverage stage, as the mapping editor offers them. */
function bandChoices(system: SchoolSystem): { target: Target; group: string }[] {
  return COVERAGE_STAGES.map((s) => {
    const from = entryAge(s, system);
    return { target: { type: 'age', from, to: from + gradesOf(s, system) - 1, sex: null }, group: `按年龄段（${STAGE_LABEL[s]}）` };
  });
}

export const VILLAGES_KIND: ImportKindSpec = {
  label: '村（社区）',
  shortLabel: '村（社区）',
  description:
    '每个行政村或社区一行：所在乡镇、名称或村级代码、经纬度，以及总人口、分年龄段人口或各学段适龄儿童（空白表示不详）。' +
    '按村级代码或“乡镇+名称”与已有的村（社区）合并：表中有的更新，新的增加，表中没有的保留；之后再导入村界文件会整体替换村（社区）。',
  fields: VILLAGE_FIELDS,
  recognise: recogniseVillage,
  parseTarget: parseVillageTarget,
  targetChoices: bandChoices,
  plan: (sheet, first, columns, ctx) => planVillages(sheet, first, columns, ctx),
  template: () => ({
    sheet: '村（社区）',
    headers: [...VILLAGE_HEADERS],
    rows: [['', '城关镇', '城关社区（示例）', '', 113.6, 34.7, 3200, 110, 260, 120]],
  }),
};
