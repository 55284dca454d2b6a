// 教职工 of a school and year broken down the way the 教育事业统计 teacher tables break them
// down: by 岗位, 年龄段, 学历, 职称 and 骨干 level. One row per (school, year, dimension,
// category); a breakdown the file does not give is simply absent (unknown, not zero).
import { z } from 'zod';
import { recordSchema, type FieldDef } from './record';

export const PROFILE_DIMENSION_LABEL = { post: '岗位', age: '年龄段', degree: '学历', title: '职称', key: '骨干教师' } as const;
export type ProfileDimension = keyof typeof PROFILE_DIMENSION_LABEL;
export const PROFILE_DIMENSIONS = Object.keys(PROFILE_DIMENSION_LABEL) as [ProfileDimension, ...ProfileDimension[]];

export interface ProfileCategory {
  /** Stored key, also the import field name (`age_55_59`). */
  key: string;
  label: string;
  /** Normalised header words naming the column. */
  synonyms: readonly string[];
  /** Age bands: the oldest age in the band (null: open-ended above). */
  maxAge?: number | null;
  minAge?: number;
}

const band = (min: number, max: number | null): ProfileCategory => {
  const label = max === null ? `${min}岁及以上` : min === 0 ? `${max}岁及以下` : `${min}—${max}岁`;
  const key = max === null ? `age_${min}_plus` : min === 0 ? `age_${max}_below` : `age_${min}_${max}`;
  const words =
    max === null ? [`${min}岁及以上`, `${min}岁以上`, `${min}及以上`] : min === 0 ? [`${max}岁及以下`, `${max}岁以下`, `${max + 1}岁以下`, `${max}及以下`] : [`${min}${max}岁`, `${min}至${max}岁`, `${min}${max}`];
  return { key, label, synonyms: words, minAge: min, maxAge: max };
};

export const PROFILE_CATEGORIES: Record<ProfileDimension, readonly ProfileCategory[]> = {
  post: [
    { key: 'post_teachers', label: '专任教师', synonyms: ['专任教师', '专任教师数'] },
    { key: 'post_admin', label: '行政人员', synonyms: ['行政人员', '管理人员'] },
    { key: 'post_support', label: '教辅人员', synonyms: ['教辅人员', '教学辅助人员'] },
    { key: 'post_service', label: '工勤人员', synonyms: ['工勤人员', '工勤技能人员'] },
  ],
  age: [band(0, 24), band(25, 29), band(30, 34), band(35, 39), band(40, 44), band(45, 49), band(50, 54), band(55, 59), band(60, null)],
  degree: [
    { key: 'degree_postgraduate', label: '研究生', synonyms: ['研究生', '研究生毕业', '研究生学历'] },
    { key: 'degree_bachelor', label: '本科', synonyms: ['本科', '本科毕业', '本科学历'] },
    { key: 'degree_college', label: '专科', synonyms: ['专科', '专科毕业', '大专', '专科学历'] },
    { key: 'degree_highschool', label: '高中阶段', synonyms: ['高中阶段', '高中阶段毕业', '高中毕业', '中师', '中专'] },
    { key: 'degree_below', label: '高中阶段以下', synonyms: ['高中阶段以下', '高中阶段以下毕业', '高中以下', '初中及以下'] },
  ],
  title: [
    { key: 'title_senior_full', label: '正高级', synonyms: ['正高级', '正高级教师', '正高'] },
    { key: 'title_senior', label: '高级', synonyms: ['高级', '副高级', '高级教师', '副高'] },
    { key: 'title_first', label: '一级', synonyms: ['一级', '一级教师', '中级'] },
    { key: 'title_second', label: '二级', synonyms: ['二级', '二级教师', '初级'] },
    { key: 'title_third', label: '三级', synonyms: ['三级', '三级教师'] },
    { key: 'title_none', label: '未定职级', synonyms: ['未定职级', '未评职称', '无职称'] },
  ],
  key: [
    { key: 'key_national', label: '国家级骨干', synonyms: ['国家级骨干教师', '国家级骨干', '国家级'] },
    { key: 'key_province', label: '省级骨干', synonyms: ['省级骨干教师', '省级骨干', '省级'] },
    { key: 'key_city', label: '市级骨干', synonyms: ['市级骨干教师', '市级骨干', '市级'] },
    { key: 'key_county', label: '县级骨干', synonyms: ['县级骨干教师', '县级骨干', '县级'] },
  ],
};

export const PROFILE_FIELDS = {
  school: { schema: z.string(), column: 'school', label: '学校标识码' },
  year: { schema: z.number().int(), column: 'year', label: '年份' },
  dimension: { schema: z.enum(PROFILE_DIMENSIONS), column: 'dimension', label: '分类' },
  category: { schema: z.string(), column: 'category', label: '类别' },
  count: { schema: z.number().int(), column: 'count', label: '人数', unit: '人' },
} as const satisfies Record<string, FieldDef>;
export const StaffProfileSchema = recordSchema(PROFILE_FIELDS);
export type StaffProfileRecord = z.infer<typeof StaffProfileSchema>;

/** Every category of every dimension, with its dimension. */
export const ALL_PROFILE_CATEGORIES: readonly (ProfileCategory & { dimension: ProfileDimension })[] = PROFILE_DIMENSIONS.flatMap((d) =>
  PROFILE_CATEGORIES[d].map((c) => ({ ...c, dimension: d })),
);
