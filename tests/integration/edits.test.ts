// The 学校 and 乡镇 editors through the API: journalled, undoable, validated in Chinese, and a
// database refusal translated into what happened with the file left as it was.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import type { ApiResponse, SchoolDetail, TownshipRow } from '../../shared/api';
import type { EditRecord, EditResult, EditUndoResult } from '../../shared/domain';
import type { ImportRecord } from '../../shared/import';
import { resultOf } from '../helpers/backend';
import { dumpData, tinyProject } from '../helpers/project';
import { tempDir } from '../helpers/temp';

let backend: Backend;
let dir: string;
let file: string;

async function open(): Promise<void> {
  backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'browser' });
  await resultOf(backend.dispatch('project.open', { path: file }));
}

/** Every row of the file (the project holds an exclusive lock: closed to read, then reopened). */
async function snapshot(skip: string[] = []): Promise<Record<string, unknown[]>> {
  backend.close();
  const rows = dumpData(file, skip);
  await open();
  return rows;
}

beforeEach(async () => {
  dir = tempDir('csp-edit-');
  file = await tinyProject(dir);
  await open();
});
afterEach(() => backend.close());

const call = <T>(method: string, input: unknown) => resultOf<T>(backend.dispatch(method, input));

async function refusal(method: string, input: unknown): Promise<{ code: string; message: string }> {
  const res = (await backend.dispatch(method, input)) as ApiResponse<unknown>;
  if (res.ok) throw new Error(`${method} should have been refused`);
  return res.error;
}

describe('school editor', () => {
  it('changes design seats by name, records the change and undoes it', async () => {
    const edit = await call<EditResult>('schools.update', { school: '城关第一小学', changes: { designSeats: 600, designClasses: 12 } });
    expect(edit.subject).toBe('学校“城关第一小学”（9909990001）');
    expect(edit.changes).toEqual([
      { field: 'designClasses', label: '设计班级数', before: '（空）', after: '12' },
      { field: 'designSeats', label: '设计学位数', before: '540', after: '600' },
    ]);
    const detail = await call<SchoolDetail>('schools.detail', { code: '9909990001' });
    expect(detail.school.designSeats).toBe(600);
    const history = await call<EditRecord[]>('edits.list', { target: 'school', key: '9909990001' });
    expect(history.map((h) => h.id)).toEqual([edit.editId]);
    // Edits have their own history: the import list stays the imports'.
    expect(await call<ImportRecord[]>('import.list', {})).toEqual([]);

    const undone = await call<EditUndoResult>('edits.undo', { editId: edit.editId });
    expect(undone.restored).toBe(1);
    expect((await call<SchoolDetail>('schools.detail', { code: '9909990001' })).school).toMatchObject({ designSeats: 540, designClasses: null });
    const [listed] = await call<EditRecord[]>('edits.list', { target: 'school', key: '9909990001' });
    expect(listed).toMatchObject({ id: edit.editId, undoneAt: expect.any(String) });
    const again = await refusal('edits.undo', { editId: edit.editId });
    expect(again.message).toMatch(/第 \d+ 次修改（学校“城关第一小学”（9909990001））已于/);
  });

  it('moves a school to a new code with its enrolment, and back on undo', async () => {
    const before = await snapshot(['imports', 'import_changes']);
    const edit = await call<EditResult>('schools.update', { school: '9909990001', changes: { code: '9909990009', township: '青山乡' } });
    expect(edit.key).toBe('9909990009');
    expect(edit.changes.find((c) => c.field === 'township')).toMatchObject({ before: '城关镇（990999001）', after: '青山乡（990999002）' });
    const moved = await call<SchoolDetail>('schools.detail', { code: '9909990009' });
    expect(moved.years).toEqual([2023, 2024]);
    expect(moved.staff.length).toBe(1);
    expect((await refusal('schools.detail', { code: '9909990001' })).code).toBe('NOT_FOUND');
    await call('edits.undo', { editId: edit.editId });
    expect(await snapshot(['imports', 'import_changes'])).toEqual(before);
  });

  it('keeps 曾用名 as a list', async () => {
    const edit = await call<EditResult>('schools.update', { school: '9909990002', changes: { name: '青山小学', formerNames: ['青山乡中心小学', '青山完小'] } });
    expect(edit.changes.find((c) => c.field === 'formerNames')).toEqual({ field: 'formerNames', label: '曾用名', before: '（空）', after: '青山乡中心小学、青山完小' });
    expect((await call<SchoolDetail>('schools.detail', { code: '9909990002' })).school.formerNames).toEqual(['青山乡中心小学', '青山完小']);
    await call('edits.undo', { editId: edit.editId });
    expect((await call<SchoolDetail>('schools.detail', { code: '9909990002' })).school).toMatchObject({ name: '青山乡中心小学', formerNames: [] });
  });

  it('refuses bad values with the field named, in Chinese', async () => {
    const bad = await refusal('schools.update', { school: '城关第一小学', changes: { designSeats: -5, ownership: '私立', lat: 120 } });
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.message).toMatch(/设计学位数不能小于 0/);
    expect(bad.message).toMatch(/举办者应为：公办、普惠性民办、民办/);
    expect(bad.message).toMatch(/纬度不能大于 90/);
    expect((await refusal('schools.update', { school: '城关第一小学', changes: { township: '无名镇' } })).message).toBe('找不到代码或名称为“无名镇”的乡镇。');
    expect((await refusal('schools.update', { school: '城关第一小学', changes: { designSeats: 540 } })).message).toMatch(/没有需要保存的修改/);
  });

  it('refuses a code another school holds, naming both, and changes nothing', async () => {
    const before = await snapshot();
    const err = await refusal('schools.update', { school: '城关第一小学', changes: { code: '9909990002' } });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe('学校标识码 9909990002 已被学校“青山乡中心小学”（9909990002）使用，不能把学校“城关第一小学”（9909990001）的标识码改成它。未做任何改动。');
    expect(await snapshot()).toEqual(before);
  });
});

describe('township editor', () => {
  it('renames a township, sets its 片区 and 城乡分类, and undoes', async () => {
    const edit = await call<EditResult>('townships.update', { township: '990999002', changes: { name: '青山镇', kind: '镇', area: '东部片区二', urbanRural: '镇区' } });
    expect(edit.changes.map((c) => c.label)).toEqual(['乡镇（街道）', '类型', '城乡分类', '学区（片区）']);
    const rows = await call<TownshipRow[]>('townships.list', {});
    expect(rows.find((r) => r.code === '990999002')).toMatchObject({ name: '青山镇', kind: '镇', urbanRural: '镇区', area: '东部片区二' });
    await call('edits.undo', { editId: edit.editId });
    expect((await call<TownshipRow[]>('townships.list', {})).find((r) => r.code === '990999002')).toMatchObject({ name: '青山乡', kind: '乡' });
  });

  it('changes a township code: its schools, population and births follow; undo restores every row', async () => {
    const before = await snapshot(['imports', 'import_changes']);
    const edit = await call<EditResult>('townships.update', { township: '青山乡', changes: { code: '990999102' } });
    const school = await call<SchoolDetail>('schools.detail', { code: '9909990002' });
    expect(school.school.township).toBe('990999102');
    await call('edits.undo', { editId: edit.editId });
    expect(await snapshot(['imports', 'import_changes'])).toEqual(before);
  });

  it('translates the database refusing a duplicate name: Chinese, names the record, file unchanged', async () => {
    const before = await snapshot();
    const err = await refusal('townships.update', { township: '青山乡', changes: { name: '城关镇' } });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe(
      '修改乡镇“青山乡”（990999002）未完成：名称与已有的乡镇重复，每个乡镇的名称必须不同。数据未改动。请换一个名称，或先修改那个已有的乡镇。',
    );
    expect(err.message).not.toMatch(/SQLITE|constraint/i);
    expect(await call<EditRecord[]>('edits.list', {})).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('an import undo is refused after an edit changed its rows, naming the later change', async () => {
    const edit = await call<EditResult>('schools.update', { school: '城关第一小学', changes: { name: '城关一小' } });
    const later = await call<EditResult>('schools.update', { school: '城关一小', changes: { designSeats: 700 } });
    const err = await refusal('edits.undo', { editId: edit.editId });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(new RegExp(`第 ${later.editId} 次`));
    await call('edits.undo', { editId: later.editId });
    await call('edits.undo', { editId: edit.editId });
    expect((await call<SchoolDetail>('schools.detail', { code: '9909990001' })).school.name).toBe('城关第一小学');
  });
});
