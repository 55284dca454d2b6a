// The 学校 and 乡镇 editors' methods of the API contract, spread into shared/api/contract.ts.
// An edit is journalled like an import and undone the same way (docs/ARCHITECTURE.md, "Edits").
import { z } from 'zod';
import type { InclusionData } from '../domain/inclusion';
import { inclusionEditSchema } from '../domain/inclusion-edits';
import { method } from './method';
import { EDIT_TARGETS, schoolPatchSchema, townshipPatchSchema, type EditRecord, type EditResult, type EditUndoResult } from '../domain/edits';

const nameOrCode = (what: string) => z.string().trim().min(1, `请填写${what}的代码或名称`).max(200, `${what}的代码或名称过长`);

export const editMethods = {
  /** Changes fields of one school (by 学校标识码 or name); journalled, undoable with edits.undo. */
  'schools.update': method<EditResult>()(z.strictObject({ school: nameOrCode('学校'), changes: schoolPatchSchema })),
  /** Changes fields of one township (by code or name). */
  'townships.update': method<EditResult>()(z.strictObject({ township: nameOrCode('乡镇'), changes: townshipPatchSchema })),
  /** The edit history, newest first; optionally of one record (its current code). */
  'edits.list': method<EditRecord[]>()(
    z.strictObject({ target: z.enum(EDIT_TARGETS).optional(), key: z.string().max(20).optional() }),
  ),
  /** Restores what one edit changed; refused when the record has been changed again since. */
  'edits.undo': method<EditUndoResult>()(z.strictObject({ editId: z.number().int().positive('修改编号不正确') })),
  /** Pupils with disabilities, 随迁子女 and school groups as stored. */
  'inclusion.get': method<InclusionData>()(z.strictObject({})),
  /** Sets one school-year's record or a group, or removes a group; journalled, undoable with edits.undo. */
  'inclusion.edit': method<EditResult>()(inclusionEditSchema),
} as const;
