// project.version: what the renderer knows (every answer carries it) on each page switch to know
// whether a page it keeps still shows the file as it is. It must change with every write (an edit, its undo) and with
// another connection to the same file, and must not change when pages only read.
import { describe, expect, it } from 'vitest';
import type { EditResult } from '../../shared/domain/edits';
import { withBackend } from '../helpers/with-backend';
import { tinyProject } from '../helpers/project';

const session = withBackend('csp-project-version-');
const { ok } = session;
const version = async () => (await ok<{ version: string }>('project.version')).version;

describe('project.version', () => {
  it('asks for a project first', async () => {
    const res = await session.backend.dispatch('project.version', {});
    expect(res).toEqual({ ok: false, error: { code: 'NO_PROJECT', message: '请先打开或新建一个规划项目。' } });
  });

  it('stays the same while pages only read, and changes with an edit and with its undo', async () => {
    await ok('project.open', { path: await tinyProject(session.dir) });
    const opened = await version();
    for (const method of ['overview.get', 'schools.list', 'townships.list', 'project.info', 'edits.list']) await ok(method);
    expect(await version()).toBe(opened);

    const edit = await ok<EditResult>('schools.update', { school: '9909990001', changes: { designSeats: 600 } });
    const edited = await version();
    expect(edited).not.toBe(opened);
    await ok('edits.undo', { editId: edit.editId });
    const undone = await version();
    expect(undone).not.toBe(edited);
    expect(undone).not.toBe(opened);
  });

  it('differs when the same file is opened again', async () => {
    const file = await tinyProject(session.dir);
    await ok('project.open', { path: file });
    const first = await version();
    await ok('project.close');
    await ok('project.open', { path: file });
    expect(await version()).not.toBe(first);
  });

  it('comes with every answer while a project is open, a write carrying the version after it', async () => {
    const before = await session.backend.dispatch('app.home', {});
    expect(before.ok && 'version' in before).toBe(false);
    await ok('project.open', { path: await tinyProject(session.dir) });
    const read = await session.backend.dispatch('schools.list', {});
    expect(read.ok && read.version).toBe(await version());
    const write = await session.backend.dispatch('schools.update', { school: '9909990001', changes: { designSeats: 600 } });
    const after = await version();
    expect(write.ok && write.version).toBe(after);
    expect(after).not.toBe(read.ok && read.version);
    const failed = await session.backend.dispatch('schools.update', { school: '0000000000', changes: { designSeats: 1 } });
    expect(failed.ok).toBe(false);
    expect('version' in failed).toBe(false);
  });
});
