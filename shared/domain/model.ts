// The county's data as plain objects: what the project file stores and what the sample
// generator, the importers and the engines exchange. Each stored record is declared once,
// as a field table (zod schema, column, label); its type is inferred from it.
import { z } from 'zod';
import { nameSchema } from './names';
import { recordSchema, type FieldDef } from './record';
import { STAGES, URBAN_RURAL, type SchoolSystem } from './stages';
import type { School } from './school';
import type { CountyGeography } from '../geo/model';
import type { StaffProfileRecord } from './staff-profile';
import type { InclusionData } from './inclusion';

export type { School };

export interface CountyMeta {
  name: string;
  /** 6-digit administrative division code. */
  code: string;
  schoolSystem: SchoolSystem;
  /** Last year with recorded data; projections start after it. */
  baseYear: number;
  /** 县城: the township the county seat is in (meta key `countySeat`); imports class it 城区. */
  countySeat?: string;
}

const int = z.number().int();

export const TOWNSHIP_FIELDS = {
  /** 9-digit township code (county code + 3 digits). */
  code: { schema: z.string(), column: 'code', label: '乡镇代码' },
  name: { schema: nameSchema, column: 'name', label: '乡镇（街道）' },
  kind: { schema: z.enum(['街道', '镇', '乡']), column: 'kind', label: '类型' },
  urbanRural: { schema: z.enum(URBAN_RURAL), column: 'urban_rural', label: '城乡分类' },
  /** 学区/片区 name; empty when not assigned. */
  area: { schema: z.string(), column: 'area', label: '学区（片区）' },
} as const satisfies Record<string, FieldDef>;
export const TownshipSchema = recordSchema(TOWNSHIP_FIELDS);
export type Township = z.infer<typeof TownshipSchema>;

/** Classes and students of one school, stage and grade in one year. */
export const ENROLMENT_FIELDS = {
  school: { schema: z.string(), column: 'school', label: '学校标识码' },
  year: { schema: int, column: 'year', label: '年份' },
  stage: { schema: z.enum(STAGES), column: 'stage', label: '学段' },
  /** 1-based grade within the stage (小班 = 1). */
  grade: { schema: int, column: 'grade', label: '年级' },
  /** Null when the file gave no class count: unknown, never taken for zero. */
  classes: { schema: int.nullable(), column: 'classes', label: '班级数', unit: '个' },
  students: { schema: int, column: 'students', label: '在校生数', unit: '人' },
} as const satisfies Record<string, FieldDef>;
export const EnrolmentSchema = recordSchema(ENROLMENT_FIELDS);
export type EnrolmentRecord = z.infer<typeof EnrolmentSchema>;

export const STAFF_FIELDS = {
  school: { schema: z.string(), column: 'school', label: '学校标识码' },
  year: { schema: int, column: 'year', label: '年份' },
  teachers: { schema: int, column: 'teachers', label: '专任教师', unit: '人' },
  qualifiedAbove: { schema: int, column: 'qualified_above', label: '高于规定学历教师', unit: '人' },
  keyTeachers: { schema: int, column: 'key_teachers', label: '县级以上骨干教师', unit: '人' },
  /** 体育、艺术（美术、音乐）专任教师. */
  peArtsTeachers: { schema: int, column: 'pe_arts_teachers', label: '体育艺术专任教师', unit: '人' },
} as const satisfies Record<string, FieldDef>;
export const StaffSchema = recordSchema(STAFF_FIELDS);
export type StaffRecord = z.infer<typeof StaffSchema>;

export const POPULATION_FIELDS = {
  township: { schema: z.string(), column: 'township', label: '乡镇代码' },
  year: { schema: int, column: 'year', label: '年份' },
  age: { schema: int, column: 'age', label: '年龄' },
  /** 'T' total; 'M' and 'F' when the source splits by sex. */
  sex: { schema: z.enum(['T', 'M', 'F']), column: 'sex', label: '性别' },
  count: { schema: int, column: 'count', label: '人数', unit: '人' },
  /** 七普 census, yearly estimate, import... */
  source: { schema: z.string(), column: 'source', label: '来源' },
} as const satisfies Record<string, FieldDef>;
export const PopulationSchema = recordSchema(POPULATION_FIELDS);
export type PopulationRecord = z.infer<typeof PopulationSchema>;

export const BIRTH_FIELDS = {
  township: { schema: z.string(), column: 'township', label: '乡镇代码' },
  year: { schema: int, column: 'year', label: '年份' },
  count: { schema: int, column: 'count', label: '出生人数', unit: '人' },
  source: { schema: z.string(), column: 'source', label: '来源' },
} as const satisfies Record<string, FieldDef>;
export const BirthSchema = recordSchema(BIRTH_FIELDS);
export type BirthRecord = z.infer<typeof BirthSchema>;

/** Classes and students of a school whose file gives no grades (per stage, or '' for the whole school). */
export const SCHOOL_TOTAL_FIELDS = {
  school: { schema: z.string(), column: 'school', label: '学校标识码' },
  year: { schema: int, column: 'year', label: '年份' },
  /** '' for the whole school. */
  stage: { schema: z.union([z.enum(STAGES), z.literal('')]), column: 'stage', label: '学段' },
  classes: { schema: int.nullable(), column: 'classes', label: '班级数合计', unit: '个' },
  students: { schema: int.nullable(), column: 'students', label: '在校生合计', unit: '人' },
} as const satisfies Record<string, FieldDef>;
export const SchoolTotalSchema = recordSchema(SCHOOL_TOTAL_FIELDS);
export type SchoolTotal = z.infer<typeof SchoolTotalSchema>;

/** Births known only as a county total (a file without townships). */
export const COUNTY_BIRTH_FIELDS = {
  year: { schema: int, column: 'year', label: '年份' },
  count: { schema: int, column: 'count', label: '出生人数', unit: '人' },
  source: { schema: z.string(), column: 'source', label: '来源' },
} as const satisfies Record<string, FieldDef>;
export const CountyBirthSchema = recordSchema(COUNTY_BIRTH_FIELDS);
export type CountyBirthRecord = z.infer<typeof CountyBirthSchema>;

export interface CountyData {
  meta: CountyMeta;
  townships: Township[];
  schools: School[];
  enrolment: EnrolmentRecord[];
  staff: StaffRecord[];
  /** 教职工 by 岗位, 年龄段, 学历, 职称, 骨干 level, where a teacher table was imported. */
  staffProfile?: StaffProfileRecord[];
  population: PopulationRecord[];
  births: BirthRecord[];
  /** Outline, township boundaries, villages and reference layers, when the county has them. */
  geography?: CountyGeography;
  /** Pupils with disabilities, 随迁子女 and school groups, when the county has them. */
  inclusion?: InclusionData;
}
