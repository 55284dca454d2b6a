// What a field of an import is, and the school import's fields, with the header words that
// name them (population's and births' are in their kind modules, shared/import/kinds/). Synonyms
// are written in normalised form (Simplified, half-width, no spaces or punctuation): the
// header is normalised the same way before it is compared.
import { headerOf } from '../domain/record';
import { SCHOOL_FACT_FIELDS, SCHOOL_FACTS } from '../domain/school';
import type { Unit } from './normalise';

export type FieldType = 'text' | 'code' | 'int' | 'number' | 'year';

export interface FieldSpec {
  field: string;
  label: string;
  type: FieldType;
  synonyms: readonly string[];
  /** Synonyms accepted only as the whole header ('年' alone, '类型' alone). */
  exact?: readonly string[];
  /** Several columns may feed it and are added up (体育教师 + 艺术教师). */
  summable?: boolean;
  /** Unit the stored value is in; a header in another unit is converted. */
  unit?: Unit;
}

export const SCHOOL_FIELDS: readonly FieldSpec[] = [
  { field: 'year', label: '年份', type: 'year', synonyms: ['年份', '年度', '统计年份', '统计年度', '学年', '数据年份'], exact: ['年'] },
  { field: 'code', label: '学校标识码', type: 'code', synonyms: ['学校标识码', '学校识别码', '学校代码', '学校编码', '学校编号', '标识码', '机构代码', '机构标识码'] },
  { field: 'name', label: '学校名称', type: 'text', synonyms: ['学校名称', '学校全称', '校名', '单位名称', '机构名称'], exact: ['学校', '名称', '单位'] },
  { field: 'kind', label: '办学类型', type: 'text', synonyms: ['办学类型', '学校类型', '学校类别', '办学类别', '学校办学类型'], exact: ['类型', '类别'] },
  { field: 'ownership', label: '举办者（公办/民办/普惠性民办）', type: 'text', synonyms: ['举办者', '举办者类型', '举办者性质', '办别', '办学性质', '公办民办', '学校性质', '公民办', '办学体制'], exact: ['性质'] },
  { field: 'township', label: '乡镇（街道）', type: 'text', synonyms: ['乡镇街道', '乡镇', '街道', '所在乡镇', '所属乡镇', '乡镇名称', '所在乡镇街道', '所属乡镇街道', '乡镇街道名称', '所在地乡镇', '乡镇办事处'] },
  { field: 'townshipCode', label: '乡镇代码', type: 'code', synonyms: ['乡镇代码', '乡镇街道代码', '乡镇编码', '街道代码', '乡镇区划代码'] },
  { field: 'urbanRural', label: '城乡分类', type: 'text', synonyms: ['城乡分类', '城乡类型', '城乡分类代码', '所在地城乡分类', '城乡属性', '城乡划分', '城乡'] },
  ...SCHOOL_FACT_FIELDS.map((field): FieldSpec => ({ field, label: headerOf(SCHOOL_FACTS[field]), ...SCHOOL_FACTS[field].import })),
  { field: 'teachers', label: '专任教师', type: 'int', synonyms: ['专任教师', '专任教师数', '专任教师总数', '专任教师合计'] },
  { field: 'qualifiedAbove', label: '高于规定学历教师', type: 'int', synonyms: ['高于规定学历教师', '高于规定学历', '专任教师中高于规定学历', '学历高于规定', '高于规定学历专任教师'] },
  { field: 'keyTeachers', label: '县级以上骨干教师', type: 'int', synonyms: ['县级以上骨干教师', '县级及以上骨干教师', '骨干教师', '骨干教师数'] },
  { field: 'peArtsTeachers', label: '体育、艺术专任教师', type: 'int', summable: true, synonyms: ['体育艺术专任教师', '体育艺术美术音乐专任教师', '体育艺术教师', '体艺教师', '体育教师', '艺术教师', '音乐教师', '美术教师'] },
  { field: 'stage', label: '学段（按行）', type: 'text', synonyms: ['学段', '学段名称'] },
  { field: 'grade', label: '年级（按行）', type: 'text', synonyms: ['年级', '年级名称'] },
];

/** A school field by name, for the school planner's messages. Other kinds' fields live in their modules (kinds/). */
export function fieldSpec(_kind: 'schools', field: string): FieldSpec | undefined {
  return SCHOOL_FIELDS.find((f) => f.field === field);
}
