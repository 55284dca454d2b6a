// 残疾学生与资源教室, 随迁子女 and 学校集团 edited in the app: one record set or one group
// removed, written through the import journal as an edit, so edits.undo restores it and an
// import's undo sees it (docs/ARCHITECTURE.md, "Edits").
import type { ParsedInput } from '../../../shared/api';
import {
  fieldChanges,
  MIGRANT_FIELDS,
  SCHOOL_GROUP_FIELDS,
  shownValue,
  SPECIAL_NEEDS_FIELDS,
  type EditResult,
  type EditTarget,
  type InclusionData,
  type MigrantRecord,
  type School,
  type SchoolGroup,
  type SpecialNeedsRecord,
} from '../../../shared/domain';
import { migrantPupilsTable, schoolGroupsTable, specialNeedsTable } from '../db/county-tables';
import { commitEdit } from '../db/edits';
import { readInclusion } from '../db/inclusion';
import type { ProjectFile } from '../db/project-file';
import { allSchools } from '../db/queries';
import { sqliteFailure } from '../db/sqlite-errors';
import { readOne } from '../db/table';
import { AppError } from '../errors';

export function inclusionData(file: ProjectFile): InclusionData {
  return readInclusion(file.db);
}

function findSchool(schools: readonly School[], ref: string, what: string): School {
  const byCode = schools.find((s) => s.code === ref);
  if (byCode) return byCode;
  const byName = schools.filter((s) => s.name === ref);
  if (byName.length === 1) return byName[0] as School;
  if (byName.length > 1) throw new AppError('INVALID_INPUT', `有 ${byName.length} 所学校叫“${ref}”（${byName.map((s) => s.code).join('、')}），请用标识码指明${what}。`);
  throw new AppError('NOT_FOUND', `找不到标识码或名称为“${ref}”的${what}。`);
}

function write(file: ProjectFile, target: EditTarget, key: string, subject: string, changes: EditResult['changes'], run: Parameters<typeof commitEdit>[2]): EditResult {
  if (changes.length === 0) throw new AppError('INVALID_INPUT', `${subject}已经是所给的值，没有需要保存的修改。`);
  try {
    const editId = commitEdit(file.db, { target, key, subject, changes }, run);
    return { editId, target, key, subject, changes };
  } catch (err) {
    const failure = sqliteFailure(err, `修改${subject}`);
    if (failure) throw new AppError(failure.code, failure.message);
    throw err;
  }
}

const EMPTY_NEEDS = { inclusive: null, specialClass: null, homeTaught: null, resourceRooms: null };
const EMPTY_MIGRANTS = { pupils: null, purchased: null };

export function editInclusion(file: ProjectFile, input: ParsedInput<'inclusion.edit'>): EditResult {
  const db = file.db;
  const schools = allSchools(db);
  const names = new Map(schools.map((s) => [s.code, s.name]));
  switch (input.what) {
    case 'specialNeeds': {
      const school = findSchool(schools, input.school, '学校');
      const key = { school: school.code, year: input.year };
      const current = readOne(db, specialNeedsTable, 'WHERE school = @school AND year = @year', key);
      const next: SpecialNeedsRecord = { ...key, inclusive: input.inclusive, specialClass: input.specialClass, homeTaught: input.homeTaught, resourceRooms: input.resourceRooms };
      const subject = `${school.name} ${input.year} 年的残疾学生与资源教室`;
      return write(file, 'special_needs', `${school.code}|${input.year}`, subject, fieldChanges(SPECIAL_NEEDS_FIELDS, current ?? { ...key, ...EMPTY_NEEDS }, next), (j) =>
        j.put('special_needs', next, current),
      );
    }
    case 'migrants': {
      const school = findSchool(schools, input.school, '学校');
      const key = { school: school.code, year: input.year };
      const current = readOne(db, migrantPupilsTable, 'WHERE school = @school AND year = @year', key);
      const next: MigrantRecord = { ...key, pupils: input.pupils, purchased: input.purchased };
      const subject = `${school.name} ${input.year} 年的随迁子女`;
      return write(file, 'migrants', `${school.code}|${input.year}`, subject, fieldChanges(MIGRANT_FIELDS, current ?? { ...key, ...EMPTY_MIGRANTS }, next), (j) =>
        j.put('migrant_pupils', next, current),
      );
    }
    case 'group': {
      const previous = input.previousName ?? input.name;
      const current = readOne(db, schoolGroupsTable, 'WHERE name = @name', { name: previous });
      if (input.previousName !== undefined && !current) throw new AppError('NOT_FOUND', `没有名为“${input.previousName}”的学校集团。`);
      if (input.name !== previous && readOne(db, schoolGroupsTable, 'WHERE name = @name', { name: input.name })) {
        throw new AppError('CONFLICT', `已有名为“${input.name}”的学校集团，请换一个名称。未做任何改动。`);
      }
      const core = findSchool(schools, input.core, '核心学校').code;
      const members = [...new Set(input.members.map((m) => findSchool(schools, m, '成员学校').code))].filter((m) => m !== core);
      const next: SchoolGroup = { name: input.name, kind: input.kind, core, members, yearFormed: input.yearFormed };
      const display = (k: string, v: unknown) =>
        k === 'core' && typeof v === 'string' ? (names.get(v) ?? v) : k === 'members' && Array.isArray(v) ? v.map((c: string) => names.get(c) ?? c).join('、') || '（空）' : shownValue(k, v);
      const blank: SchoolGroup = { name: '', kind: input.kind, core: '', members: [], yearFormed: null };
      const changes = fieldChanges(SCHOOL_GROUP_FIELDS, current ?? blank, next, display);
      return write(file, 'school_group', input.name.slice(0, 20), `学校集团“${input.name}”`, changes, (j) => {
        if (current && current.name !== next.name) j.remove('school_groups', current);
        j.put('school_groups', next, current && current.name === next.name ? current : null);
      });
    }
    case 'removeGroup': {
      const current = readOne(db, schoolGroupsTable, 'WHERE name = @name', { name: input.name });
      if (!current) throw new AppError('NOT_FOUND', `没有名为“${input.name}”的学校集团。`);
      const changes = [{ field: 'name', label: '删除', before: current.name, after: '（已删除）' }];
      return write(file, 'school_group', input.name.slice(0, 20), `学校集团“${input.name}”`, changes, (j) => j.remove('school_groups', current));
    }
  }
}
