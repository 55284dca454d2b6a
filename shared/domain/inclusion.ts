// Special education, children of migrant workers and school groups: per school and year the
// pupils with disabilities by placement and the resource rooms, the 随迁子女 pupils, and the
// county's school groups. Declared once like the other records (docs/ARCHITECTURE.md,
// "Records"); counts are nullable because a blank cell is unknown, not zero.
import { z } from 'zod';
import { nameSchema } from './names';
import { recordSchema, type FieldDef } from './record';

const int = z.number().int();
const count = z.number().int().min(0).nullable();

/** The key of the per-school records: a school and a year. */
const SCHOOL_YEAR = {
  school: { schema: z.string(), column: 'school', label: '学校标识码' },
  year: { schema: int, column: 'year', label: '年份' },
} as const satisfies Record<string, FieldDef>;

export const SPECIAL_NEEDS_FIELDS = {
  ...SCHOOL_YEAR,
  /** 随班就读: pupils with disabilities in ordinary classes. */
  inclusive: { schema: count, column: 'inclusive', label: '随班就读残疾学生', unit: '人' },
  /** 特教班: in a special class attached to the school. */
  specialClass: { schema: count, column: 'special_class', label: '特教班残疾学生', unit: '人' },
  /** 送教上门: taught at home by the school's teachers. */
  homeTaught: { schema: count, column: 'home_taught', label: '送教上门残疾学生', unit: '人' },
  /** 资源教室 count; 0 none, null unknown. */
  resourceRooms: { schema: count, column: 'resource_rooms', label: '资源教室', unit: '间' },
} as const satisfies Record<string, FieldDef>;
export const SpecialNeedsSchema = recordSchema(SPECIAL_NEEDS_FIELDS);
export type SpecialNeedsRecord = z.infer<typeof SpecialNeedsSchema>;

export const MIGRANT_FIELDS = {
  ...SCHOOL_YEAR,
  /** 随迁子女 in the school (进城务工人员随迁子女). */
  pupils: { schema: count, column: 'pupils', label: '随迁子女在校生', unit: '人' },
  /** Of them, in places the government buys from a private school (政府购买学位). */
  purchased: { schema: count, column: 'purchased', label: '其中政府购买学位', unit: '人' },
} as const satisfies Record<string, FieldDef>;
export const MigrantSchema = recordSchema(MIGRANT_FIELDS);
export type MigrantRecord = z.infer<typeof MigrantSchema>;

export const GROUP_KINDS = ['教育集团', '共同体', '学区'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export const SCHOOL_GROUP_FIELDS = {
  name: { schema: nameSchema, column: 'name', label: '集团（共同体、学区）名称' },
  kind: { schema: z.enum(GROUP_KINDS), column: 'kind', label: '类型' },
  /** 核心校 (牵头学校): a school code. */
  core: { schema: z.string(), column: 'core', label: '核心学校标识码' },
  /** Member school codes, the core school not repeated. */
  members: { schema: z.array(z.string()), column: 'members', label: '成员学校', json: true },
  yearFormed: { schema: int.nullable(), column: 'year_formed', label: '组建年份' },
} as const satisfies Record<string, FieldDef>;
export const SchoolGroupSchema = recordSchema(SCHOOL_GROUP_FIELDS);
export type SchoolGroup = z.infer<typeof SchoolGroupSchema>;

/** A county's records of the three kinds. */
export interface InclusionData {
  specialNeeds: SpecialNeedsRecord[];
  migrants: MigrantRecord[];
  groups: SchoolGroup[];
  /** The county's registered disabled children of compulsory-school age (残联 register), when the project holds it; a plan's setting overrides it. */
  registeredDisabledChildren?: number | null;
}

/** Pupils with disabilities in a record (null when no placement is known). */
export function disabledPupils(r: Pick<SpecialNeedsRecord, 'inclusive' | 'specialClass' | 'homeTaught'>): number | null {
  const parts = [r.inclusive, r.specialClass, r.homeTaught];
  if (parts.every((p) => p === null)) return null;
  return parts.reduce<number>((s, p) => s + (p ?? 0), 0);
}

/** Every school of a group, core first. */
export function groupSchools(g: Pick<SchoolGroup, 'core' | 'members'>): string[] {
  return [g.core, ...g.members.filter((m) => m !== g.core)];
}
