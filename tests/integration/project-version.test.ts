// project.version: what the renderer knows (every answer carries it) on each page switch to know
// whether a page it keeps still shows the file as it is. It must change with every write (an edit, its undo) and with
// another connection to the same file, and must not change when pages only read.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import type { EditResult } from '../../shared/domain/edits';
import { resultOf } from '../helpers/backend';
import { tinyProject } from '../helpers/project';
import { tempDir } from '../helpers/temp';

let backend: Backend;
let dir: string;
const ok = <T>(method: string, input: unknown = {}) => resultOf<T>(backend.dispatch(method, input));
const version = async () => (await ok<{ version: string }>('project.version')).version;

beforeEach(() => {
  dir = tempDir('csp-project-version-');
  backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'browser' });
});
afterEach(() => backend.close());

describe('project.version', () => {
  it('asks for a project first', async () => {
    const res = await backend.dispatch('project.version', {});
    expect(res).toEqual({ ok: false, error: { code: 'NO_PROJECT', message: '请先打开或新建一个规划项目。' } });
  });

  it('stays the same while pages only read, and changes with an edit and with its undo', async () => {
    await ok('project.open', { path: await tinyProject(dir) });
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
    const file = await tinyProject(dir);
    await ok('project.open', { path: file });
    const first = await version();
    await ok('project.close');
    await ok('project.open', { path: file });
    expect(await version()).not.toBe(first);
  });

  it('comes with every answer while a project is open, a write carrying the version after it', async () => {
    const before = await backend.dispatch('app.home', {});
    expect(before.ok && 'version' in before).toBe(false);
    await ok('project.open', { path: await tinyProject(dir) });
    const read = await backend.dispatch('schools.list', {});
    expect(read.ok && read.version).toBe(await version());
    const write = await backend.dispatch('schools.update', { school: '9909990001', changes: { designSeats: 600 } });
    const after = await version();
    expect(write.ok && write.version).toBe(after);
    expect(after).not.toBe(read.ok && read.version);
    const failed = await backend.dispatch('schools.update', { school: '0000000000', changes: { designSeats: 1 } });
    expect(failed.ok).toBe(false);
    expect('version' in failed).toBe(false);
  });
});
