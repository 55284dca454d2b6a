// Corrections the planner makes to imported data (学校 and 乡镇 editors): which fields can
// be changed, the rules each new value must meet (messages in Chinese, naming the field), and
// how a change is described in the edit history. The patch schemas are built from the record
// declarations, so a school field added there becomes editable without another list.
import { z } from 'zod';
import { OWNERSHIPS, SCHOOL_KINDS, URBAN_RURAL, KIND_LABEL, type SchoolKind } from './stages';
import { SCHOOL_FIELDS, type School } from './school';
import type { Township } from './model';
import type { FieldDef } from './record';
import { MAX_NAME_LENGTH } from './names';

export const EDIT_TARGETS = ['school', 'township', 'special_needs', 'migrants', 'school_group'] as const;
export type EditTarget = (typeof EDIT_TARGETS)[number];
export const EDIT_TARGET_LABEL: Record<EditTarget, string> = {
  school: '学校', township: '乡镇', special_needs: '残疾学生与资源教室', migrants: '随迁子女', school_group: '学校集团',
};


const text = (label: string, max: number) =>
  z.string().trim().min(1, `${label}不能为空`).max(max, `${label}不超过 ${max} 个字`);
const pick = <T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z.enum(values, { error: () => `${label}应为：${values.join('、')}` });
const amount = (label: string, int: boolean, min: number, max: number) => {
  let n = z.number({ error: () => `${label}应为数字` }).min(min, `${label}不能小于 ${min}`).max(max, `${label}不能大于 ${max}`);
  if (int) n = n.int(`${label}应为整数`);
  return n.nullable();
};

/** Rules of the editable school fields beyond what the stored schema says (ranges, lengths). */
const SCHOOL_RULES: { [K in keyof typeof SCHOOL_FIELDS]?: z.ZodType } = {
  code: z.string().trim().regex(/^[0-9A-Za-z]{1,20}$/, '学校标识码应为 1–20 位数字或字母'),
  name: text('学校名称', MAX_NAME_LENGTH),
  kind: z.enum(SCHOOL_KINDS, { error: () => `办学类型应为：${SCHOOL_KINDS.map((k) => KIND_LABEL[k]).join('、')}` }),
  ownership: pick('举办者', OWNERSHIPS),
  township: text('乡镇（街道）', MAX_NAME_LENGTH),
  urbanRural: pick('城乡分类', URBAN_RURAL),
  lat: amount('纬度', false, -90, 90),
  lng: amount('经度', false, -180, 180),
  status: pick('办学状态', ['在办', '停办'] as const),
  formerNames: z.array(text('曾用名', MAX_NAME_LENGTH)).max(50, '曾用名最多 50 个'),
};

function ruleOf(key: string, def: FieldDef): z.ZodType {
  const rule = (SCHOOL_RULES as Record<string, z.ZodType | undefined>)[key];
  if (rule) return rule;
  const label = def.label ?? key;
  if ('import' in def) {
    const hints = (def as { import: { type: 'int' | 'number' } }).import;
    return amount(label, hints.type === 'int', 0, 1e9);
  }
  // A field added later without a rule here: free text, bounded.
  return z.string().trim().max(1000, `${label}不超过 1000 个字`);
}

type SchoolPatchShape = { [K in keyof typeof SCHOOL_FIELDS]: z.ZodOptional<z.ZodType> };

/** Changes to one school: any subset of its fields; the township by code or name. */
export const schoolPatchSchema = z
  .strictObject(
    Object.fromEntries(Object.entries(SCHOOL_FIELDS).map(([k, def]) => [k, ruleOf(k, def).optional()])) as SchoolPatchShape,
  )
  .refine((p) => Object.values(p).some((v) => v !== undefined), '没有要修改的字段');
export type SchoolPatch = Partial<{ [K in keyof School]: School[K] }>;

/** Changes to one township. */
export const townshipPatchSchema = z
  .strictObject({
    code: z.string().trim().regex(/^\d{6,12}$/, '乡镇代码应为 6–12 位数字（通常为 9 位）').optional(),
    name: text('乡镇名称', MAX_NAME_LENGTH).optional(),
    kind: pick('类型', ['街道', '镇', '乡'] as const).optional(),
    urbanRural: pick('城乡分类', URBAN_RURAL).optional(),
    area: z.string().trim().max(MAX_NAME_LENGTH, `学区（片区）不超过 ${MAX_NAME_LENGTH} 个字`).optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), '没有要修改的字段');
export type TownshipPatch = Partial<Township>;

/** One field's change, as the history and the CLI print it. */
export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** A stored edit: one record changed by the planner, undoable. */
export interface EditRecord {
  id: number;
  target: EditTarget;
  /** The record's code after the edit. */
  key: string;
  /** 学校“城关一小”（4101010001）. */
  subject: string;
  changes: FieldChange[];
  editedAt: string;
  undoneAt: string | null;
}

export interface EditResult {
  editId: number;
  target: EditTarget;
  key: string;
  subject: string;
  changes: FieldChange[];
}

export interface EditUndoResult {
  editId: number;
  subject: string;
  restored: number;
}

/** A field's value as the history prints it (empty as （空）, a kind by its Chinese name). */
export function shownValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (key === 'kind' && typeof value === 'string' && value in KIND_LABEL) return KIND_LABEL[value as SchoolKind];
  if (Array.isArray(value)) return value.join('、') || '（空）';
  return String(value);
}

/** The fields whose value differs, with labels, before and after (township shown by name). */
export function fieldChanges<R extends Record<string, unknown>>(
  fields: Readonly<Record<string, FieldDef>>,
  before: R,
  after: R,
  display: (key: string, value: unknown) => string = shownValue,
): FieldChange[] {
  return Object.entries(fields).flatMap(([k, def]) =>
    JSON.stringify(before[k] ?? null) === JSON.stringify(after[k] ?? null)
      ? []
      : [{ field: k, label: def.label ?? k, before: display(k, before[k]), after: display(k, after[k]) }],
  );
}
