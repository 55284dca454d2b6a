// Editing 残疾学生与资源教室, 随迁子女 and 学校集团 in the app: each change is one journalled edit,
// listed in the edit history and undone exactly; bad input is refused in Chinese, unchanged.
import { describe, expect, it } from 'vitest';
import type { EditRecord, EditResult, InclusionData } from '../../shared/domain';
import { dumpData, IMPORT_AUDIT_TABLES, tinyProject } from '../helpers/project';
import { apiSession } from '../helpers/api-session';

const api = apiSession('csp-inclusion-edits-');
const { ok, refused } = api;

describe('inclusion edits', () => {
  it('sets a resource room and a group as journalled edits, and undoes them exactly', async () => {
    const project = await tinyProject(api.dir);
    const before = dumpData(project, IMPORT_AUDIT_TABLES);
    await ok('project.open', { path: project });
    const room = await ok<EditResult>('inclusion.edit', {
      what: 'specialNeeds', school: '城关第一小学', year: 2024, inclusive: 6, specialClass: null, homeTaught: 1, resourceRooms: 1,
    });
    expect(room).toMatchObject({ target: 'special_needs', key: '9909990001|2024', subject: '城关第一小学 2024 年的残疾学生与资源教室' });
    expect(room.changes.map((c) => [c.label, c.before, c.after])).toEqual([
      ['随班就读残疾学生', '（空）', '6'],
      ['送教上门残疾学生', '（空）', '1'],
      ['资源教室', '（空）', '1'],
    ]);
    const group = await ok<EditResult>('inclusion.edit', {
      what: 'group', name: '城关教育集团', kind: '教育集团', core: '9909990001', members: ['青山乡中心小学', '9909990001'], yearFormed: 2023,
    });
    expect(group.changes.find((c) => c.field === 'members')).toMatchObject({ after: '青山乡中心小学' });
    const renamed = await ok<EditResult>('inclusion.edit', {
      what: 'group', previousName: '城关教育集团', name: '城关第一小学教育集团', kind: '教育集团', core: '9909990001', members: ['9909990002'], yearFormed: 2023,
    });
    let data = await ok<InclusionData>('inclusion.get', {});
    expect(data.groups).toEqual([{ name: '城关第一小学教育集团', kind: '教育集团', core: '9909990001', members: ['9909990002'], yearFormed: 2023 }]);
    expect(data.specialNeeds).toEqual([{ school: '9909990001', year: 2024, inclusive: 6, specialClass: null, homeTaught: 1, resourceRooms: 1 }]);
    const history = await ok<EditRecord[]>('edits.list', {});
    expect(history.map((e) => e.target)).toEqual(['school_group', 'school_group', 'special_needs']);
    // Undo the rename first, then the group, then the room: back to the file before.
    for (const e of [renamed, group, room]) await ok('edits.undo', { editId: e.editId });
    data = await ok<InclusionData>('inclusion.get', {});
    expect(data).toMatchObject({ specialNeeds: [], migrants: [], groups: [] });
    api.backend.close();
    expect(dumpData(project, IMPORT_AUDIT_TABLES)).toEqual(before);
  });

  it('a school code change carries its pupils with disabilities, 随迁子女 and groups along, and undo takes them back', async () => {
    const project = await tinyProject(api.dir);
    await ok('project.open', { path: project });
    await ok('inclusion.edit', { what: 'specialNeeds', school: '9909990001', year: 2024, inclusive: 6, specialClass: null, homeTaught: null, resourceRooms: 1 });
    await ok('inclusion.edit', { what: 'migrants', school: '9909990001', year: 2024, pupils: 40, purchased: null });
    await ok('inclusion.edit', { what: 'group', name: '甲', kind: '学区', core: '9909990001', members: ['9909990002'], yearFormed: null });
    await ok('inclusion.edit', { what: 'group', name: '乙', kind: '共同体', core: '9909990002', members: ['9909990001'], yearFormed: null });
    const before = await ok<InclusionData>('inclusion.get', {});
    const moved = await ok<EditResult>('schools.update', { school: '9909990001', changes: { code: '9909990009' } });
    const after = await ok<InclusionData>('inclusion.get', {});
    expect(after.specialNeeds.map((r) => r.school)).toEqual(['9909990009']);
    expect(after.migrants.map((r) => [r.school, r.pupils])).toEqual([['9909990009', 40]]);
    expect(after.groups.map((g) => [g.name, g.core, g.members]).sort()).toEqual([['乙', '9909990002', ['9909990009']], ['甲', '9909990009', ['9909990002']]]);
    await ok('edits.undo', { editId: moved.editId });
    expect(await ok<InclusionData>('inclusion.get', {})).toEqual(before);
  });

  it('refuses unknown schools, bad counts and a clashing name, changing nothing', async () => {
    const project = await tinyProject(api.dir);
    await ok('project.open', { path: project });
    expect(await refused('inclusion.edit', { what: 'migrants', school: '不存在的小学', year: 2024, pupils: 5, purchased: null })).toMatchObject({
      code: 'NOT_FOUND', message: '找不到标识码或名称为“不存在的小学”的学校。',
    });
    expect((await refused('inclusion.edit', { what: 'migrants', school: '城关第一小学', year: 2024, pupils: -1, purchased: null })).message).toMatch(/随迁子女在校生不能小于 0/);
    await ok('inclusion.edit', { what: 'group', name: '甲', kind: '学区', core: '9909990001', members: [], yearFormed: null });
    await ok('inclusion.edit', { what: 'group', name: '乙', kind: '共同体', core: '9909990002', members: [], yearFormed: null });
    expect(await refused('inclusion.edit', { what: 'group', previousName: '乙', name: '甲', kind: '共同体', core: '9909990002', members: [], yearFormed: null })).toMatchObject({
      code: 'CONFLICT',
    });
    const data = await ok<InclusionData>('inclusion.get', {});
    expect(data.groups.map((g) => g.name).sort()).toEqual(['乙', '甲']);
    expect(data.migrants).toEqual([]);
  });
});
