// The school record, declared once. Every column of the `schools` table is a line here, in
// the table's column order (the import journal stores rows in that order). The facts after
// the identity (location, facilities, design size) carry their label, unit, the column
// words an import recognises and the value a blank template shows, so the export, the
// templates, the import field list and the school drawer all follow from this table.
import { z } from 'zod';
import { recordSchema, type FieldDef } from './record';
import { OWNERSHIPS, SCHOOL_KINDS, URBAN_RURAL } from './stages';

/** How an import recognises a school fact: value type, stored unit, header words. */
export interface ImportHints {
  type: 'int' | 'number';
  /** Unit the value is stored in; a header naming another unit is converted. */
  unit?: 'm2' | 'wanyuan';
  /** Header words in normalised form (Simplified, half-width, no spaces or punctuation). */
  synonyms: readonly string[];
  /** Words recognised only as the whole header, and below a synonym (X/Y give way to 经度/纬度). */
  exact?: readonly string[];
}

/** A school fact beyond its identity: optional, imported by header words, shown with its unit. */
export interface SchoolFactDef<S extends z.ZodType = z.ZodType> extends FieldDef<S> {
  label: string;
  import: ImportHints;
  /** The value the blank import template's example row shows. */
  example: number;
  /** Shown with up to two decimals (万元); others as integers. */
  decimals?: boolean;
}

const real = z.number().nullable();
const count = z.number().int().nullable();

function fact<S extends z.ZodType>(schema: S, column: string, label: string, unit: string | undefined, example: number, hints: ImportHints): SchoolFactDef<S> {
  return { schema, column, label, ...(unit ? { unit } : {}), example, import: hints };
}

const area = (column: string, label: string, example: number, synonyms: readonly string[]) =>
  fact(real, column, label, '㎡', example, { type: 'number', unit: 'm2', synonyms });

/**
 * Every column of `schools`, in the table's order. Facts (location, facilities, design size)
 * are the fields declared with `fact`; one added later goes at the end, after `status`, as
 * its migration's ALTER TABLE appends the column there.
 */
export const SCHOOL_FIELDS = {
  /** 学校标识码: 10 digits. */
  code: { schema: z.string(), column: 'code', label: '学校标识码' },
  name: { schema: z.string(), column: 'name', label: '学校名称' },
  kind: { schema: z.enum(SCHOOL_KINDS), column: 'kind', label: '办学类型' },
  ownership: { schema: z.enum(OWNERSHIPS), column: 'ownership', label: '举办者' },
  /** Township code. */
  township: { schema: z.string(), column: 'township', label: '乡镇（街道）' },
  urbanRural: { schema: z.enum(URBAN_RURAL), column: 'urban_rural', label: '城乡分类' },
  // X/Y, E/N and one-cell coordinates are read and converted by shared/geo/import-coords.ts.
  lat: fact(real, 'lat', '纬度', undefined, 34.7, { type: 'number', synonyms: ['纬度', '北纬', 'lat', 'latitude'], exact: ['y', 'y坐标', '坐标y', 'n', '北坐标'] }),
  lng: fact(real, 'lng', '经度', undefined, 113.6, {
    type: 'number',
    synonyms: ['经度', '东经', 'lng', 'lon', 'longitude', '经纬度', '经纬度坐标', '坐标'],
    exact: ['x', 'x坐标', '坐标x', 'e', '东坐标'],
  }),
  siteArea: area('site_area', '占地面积', 24000, ['占地面积', '学校占地面积', '校园占地面积', '用地面积', '占地']),
  floorArea: area('floor_area', '校舍建筑面积', 9800, ['校舍建筑面积', '校舍总建筑面积', '建筑面积', '校舍面积', '总建筑面积']),
  teachingArea: area('teaching_area', '教学及辅助用房面积', 6100, ['教学及辅助用房面积', '教学及辅助用房', '教学辅助用房面积']),
  sportsArea: area('sports_area', '体育运动场馆面积', 9000, [
    '体育运动场馆面积', '体育运动场地面积', '体育运动场馆', '运动场地面积', '体育场馆面积', '运动场馆面积',
  ]),
  equipmentValue: {
    ...fact(real, 'equipment_value', '教学仪器设备资产值', '万元', 180, {
      type: 'number',
      unit: 'wanyuan',
      synonyms: ['教学仪器设备资产值', '教学仪器设备值', '教学仪器设备总值', '仪器设备值', '仪器设备总值', '设备资产值'],
    }),
    decimals: true,
  },
  multimediaRooms: fact(count, 'multimedia_rooms', '网络多媒体教室', '间', 14, {
    type: 'int',
    synonyms: ['网络多媒体教室', '网络多媒体教室数', '多媒体教室', '多媒体教室数'],
  }),
  boardingStudents: fact(count, 'boarding_students', '寄宿生数', '人', 0, { type: 'int', synonyms: ['寄宿生', '寄宿生数', '寄宿学生数', '住校生', '住校生数'] }),
  designClasses: fact(count, 'design_classes', '设计班级数', '个', 24, {
    type: 'int',
    synonyms: ['设计班级数', '设计班数', '设计班级', '设计规模班', '规划班级数'],
  }),
  designSeats: fact(count, 'design_seats', '设计学位数', '个', 1080, {
    type: 'int',
    synonyms: ['设计学位数', '设计学位', '设计规模学位', '核定学位数', '核定学位', '学位数'],
  }),
  status: { schema: z.enum(['在办', '停办']), column: 'status', label: '办学状态' },
} as const satisfies Record<string, FieldDef | SchoolFactDef>;

type Fields = typeof SCHOOL_FIELDS;
/** The facts: fields a file may give and the drawer, export and template show. */
export type SchoolFact = { [K in keyof Fields]: Fields[K] extends SchoolFactDef ? K : never }[keyof Fields];
export const SCHOOL_FACT_FIELDS = (Object.keys(SCHOOL_FIELDS) as (keyof Fields)[]).filter(
  (k): k is SchoolFact => 'import' in SCHOOL_FIELDS[k],
);
export const SCHOOL_FACTS = Object.fromEntries(SCHOOL_FACT_FIELDS.map((f) => [f, SCHOOL_FIELDS[f]])) as {
  readonly [K in SchoolFact]: Fields[K];
};

export const SchoolSchema = recordSchema(SCHOOL_FIELDS);
export type School = z.infer<typeof SchoolSchema>;

/** Every fact unknown: what a school has before anything is measured. */
export function unknownFacts(): { [F in SchoolFact]: null } {
  return Object.fromEntries(SCHOOL_FACT_FIELDS.map((f) => [f, null])) as { [F in SchoolFact]: null };
}
