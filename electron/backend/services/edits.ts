// The 学校 and 乡镇 editors: find the record (by code or name), apply the checked changes in
// one journalled transaction, describe what changed; undo through the import journal.
import type { ParsedInput } from '../../../shared/api';
import {
  fieldChanges,
  SCHOOL_FIELDS,
  TOWNSHIP_FIELDS,
  shownValue,
  type EditRecord,
  type EditResult,
  type EditUndoResult,
  type School,
  type Township,
} from '../../../shared/domain';
import { commitEdit, listEdits, moveChildren, plansNaming, renameInGroups, stillReferenced, undoEdit } from '../db/edits';
import type { ProjectFile } from '../db/project-file';
import { SCHOOL_ROW_TABLES, TOWNSHIP_ROW_TABLES } from '../db/county-tables';
import { allSchools, allTownships } from '../db/queries';
import { sqliteFailure } from '../db/sqlite-errors';
import { AppError } from '../errors';

const schoolSubject = (s: Pick<School, 'name' | 'code'>) => `学校“${s.name}”（${s.code}）`;
const townshipSubject = (t: Pick<Township, 'name' | 'code'>) => `乡镇“${t.name}”（${t.code}）`;

/** The one record whose code, else whose name, is `ref`. */
function findOne<R extends { code: string; name: string }>(records: readonly R[], ref: string, what: string): R {
  const byCode = records.find((r) => r.code === ref);
  if (byCode) return byCode;
  const byName = records.filter((r) => r.name === ref);
  if (byName.length === 1) return byName[0] as R;
  if (byName.length > 1) {
    throw new AppError('INVALID_INPUT', `有 ${byName.length} 个${what}叫“${ref}”（${byName.map((r) => r.code).join('、')}），请用代码指明是哪一个。`);
  }
  throw new AppError('NOT_FOUND', `找不到代码或名称为“${ref}”的${what}。`);
}

function defined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Runs a journalled write; a database error becomes a message naming the operation's record. */
function guarded<T>(doing: string, write: () => T): T {
  try {
    return write();
  } catch (err) {
    const failure = sqliteFailure(err, doing);
    if (failure) throw new AppError(failure.code, failure.message);
    throw err;
  }
}

/**
 * Whether the edit gives the record a new code; refused when another record holds that code
 * (named), or when plans name the old one.
 */
function codeMoves<R extends { code: string; name: string }>(
  file: ProjectFile,
  what: 'school' | 'township',
  records: readonly R[],
  current: R,
  next: R,
  subjectOf: (r: R) => string,
): boolean {
  if (next.code === current.code) return false;
  const holder = records.find((r) => r.code === next.code);
  if (holder) {
    const codeLabel = what === 'school' ? '学校标识码' : '乡镇代码';
    throw new AppError('CONFLICT', `${codeLabel} ${next.code} 已被${subjectOf(holder)}使用，不能把${subjectOf(current)}的${what === 'school' ? '标识码' : '代码'}改成它。未做任何改动。`);
  }
  refuseIfPlanned(file, what, current.code, subjectOf(current));
  return true;
}

function refuseIfPlanned(file: ProjectFile, what: 'school' | 'township', code: string, subject: string): void {
  const plans = plansNaming(file.db, what, code);
  if (plans.length) {
    throw new AppError(
      'CONFLICT',
      `${subject}已出现在规划“${plans.join('”“')}”的项目或片区中，改动代码会使这些项目找不到它。请先在规划中调整这些项目，再修改代码。未做任何改动。`,
    );
  }
}

function noChange(subject: string): AppError {
  return new AppError('INVALID_INPUT', `${subject}的这些字段已经是所给的值，没有需要保存的修改。`);
}

export function updateSchool(file: ProjectFile, input: ParsedInput<'schools.update'>): EditResult {
  const db = file.db;
  const current = findOne(allSchools(db), input.school, '学校');
  const townships = allTownships(db);
  const patch = defined(input.changes as Partial<School>);
  if (patch.township !== undefined) patch.township = findOne(townships, patch.township, '乡镇').code;
  const next = { ...current, ...patch } as School;
  const townshipName = new Map(townships.map((t) => [t.code, t.name]));
  const changes = fieldChanges(SCHOOL_FIELDS, current, next, (key, value) =>
    key === 'township' && typeof value === 'string' ? `${townshipName.get(value) ?? ''}（${value}）` : shownValue(key, value),
  );
  const subject = schoolSubject(current);
  if (changes.length === 0) throw noChange(subject);
  const moved = codeMoves(file, 'school', allSchools(db), current, next, schoolSubject);
  const editId = guarded(`修改${subject}`, () =>
    commitEdit(db, { target: 'school', key: next.code, subject: schoolSubject(next), changes }, (journal) => {
      if (!moved) {
        journal.put('schools', next, current);
        return;
      }
      // A new key: the school's rows follow it, then the old row goes (undo runs this backwards).
      journal.put('schools', next, null);
      for (const t of SCHOOL_ROW_TABLES) moveChildren(db, journal, t, 'school', current.code, next.code);
      renameInGroups(db, journal, current.code, next.code);
      const by = stillReferenced(db, 'schools', current.code);
      if (by) throw new AppError('CONFLICT', `${subject}还有${REFERRING_TABLE_LABEL[by] ?? '其他数据'}引用着它的标识码，无法修改标识码。未做任何改动。`);
      journal.remove('schools', current);
    }),
  );
  return { editId, target: 'school', key: next.code, subject: schoolSubject(next), changes };
}

/**
 * What a table that still names an old code holds, in the planner's words. Developments are
 * outside the edit journal, so a code they use cannot be changed undoably yet (township
 * boundaries and villages are journalled and move with the code).
 */
const REFERRING_TABLE_LABEL: Record<string, string> = {
  developments: '预测中的新建住宅项目',
};

export function updateTownship(file: ProjectFile, input: ParsedInput<'townships.update'>): EditResult {
  const db = file.db;
  const current = findOne(allTownships(db), input.township, '乡镇');
  const next = { ...current, ...defined(input.changes as Partial<Township>) } as Township;
  const changes = fieldChanges(TOWNSHIP_FIELDS, current, next);
  const subject = townshipSubject(current);
  if (changes.length === 0) throw noChange(subject);
  const moved = codeMoves(file, 'township', allTownships(db), current, next, townshipSubject);
  const editId = guarded(`修改${subject}`, () =>
    commitEdit(db, { target: 'township', key: next.code, subject: townshipSubject(next), changes }, (journal) => {
      if (!moved) {
        journal.put('townships', next, current);
        return;
      }
      // The new code must not clash on the name while both rows exist: the old row is renamed aside first.
      journal.put('townships', { ...current, name: `${current.name}\u0000${current.code}` }, current);
      journal.put('townships', next, null);
      for (const t of TOWNSHIP_ROW_TABLES) moveChildren(db, journal, t, 'township', current.code, next.code);
      const by = stillReferenced(db, 'townships', current.code);
      if (by) {
        const label = REFERRING_TABLE_LABEL[by] ?? '其他数据';
        throw new AppError('CONFLICT', `${subject}还被${label}引用，无法修改代码。请先删除或改动那些数据。未做任何改动。`);
      }
      journal.remove('townships', { ...current, name: `${current.name}\u0000${current.code}` });
    }),
  );
  return { editId, target: 'township', key: next.code, subject: townshipSubject(next), changes };
}

export function editHistory(file: ProjectFile, input: ParsedInput<'edits.list'>): EditRecord[] {
  return listEdits(file.db, input.target, input.key);
}

export function undoEditById(file: ProjectFile, editId: number): EditUndoResult {
  const { subject, restored } = guarded(`撤销第 ${editId} 次修改`, () => undoEdit(file.db, editId));
  return { editId, subject, restored };
}
