// The caches keyed by the data version on the sample county: a repeated annex preview, plan
// context or overview is served from the cache, and every kind of write (a project edit, a school edit, a
// plan change, their undo, a raw row written through the connection) shows in the next answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { DataVersionCache } from '../../electron/backend/services/data-version-cache';
import { openProjectFile, type ProjectFile } from '../../electron/backend/db/project-file';
import type { SchoolRow } from '../../shared/api';
import type { EditResult } from '../../shared/domain/edits';
import type { PlanDetail } from '../../shared/plan';
import { openSampleCounty, resultOf } from '../helpers/backend';

let backend: Backend;
let projectPath: string;
const ok = <T>(method: string, input: unknown) => resultOf<T>(backend.dispatch(method, input));
const preview = async (input: unknown) => (await ok<{ html: string }>('annex.preview', input)).html;

beforeAll(async () => {
  ({ backend, projectPath } = await openSampleCounty('csp-annex-cache-'));
});
afterAll(() => backend?.close());

describe('the annex preview after a write', () => {
  it('follows a change of the project name (the default title prefix)', async () => {
    const request = { annexes: [{ kind: 'schools' }] };
    const before = await preview(request);
    expect(await preview(request)).toBe(before);
    await ok('project.updateMeta', { name: '缓存测试县' });
    const after = await preview(request);
    expect(after).not.toBe(before);
    expect(after).toContain('缓存测试县');
  });

  it('follows a plan edit and its undo', async () => {
    const schools = await ok<SchoolRow[]>('schools.list', {});
    const plan = await ok<PlanDetail>('plan.create', { name: '缓存' });
    const request = { plan: plan.id, scenario: '中', annexes: [{ kind: 'projects' }, { kind: 'schools' }] };
    const empty = await preview(request);
    const school = schools[0]?.code ?? '';
    await ok('plan.addProjects', {
      plan: plan.id,
      projects: [{ type: '改扩建', name: '缓存校扩建工程', school, stage: schools[0]?.kind === 'junior' ? 'junior' : 'primary', classes: 6, seats: 270, floorArea: 2000, investment: 800, completionYear: 2027 }],
    });
    const withProject = await preview(request);
    expect(empty).not.toContain('缓存校扩建工程');
    expect(withProject).toContain('缓存校扩建工程');
    await ok('plan.undo', { plan: plan.id });
    const undone = await preview(request);
    expect(undone).not.toContain('缓存校扩建工程');
  });
});

describe('annex.prepare', () => {
  it('builds the annexes asked for and says how many, refusing one without data in Chinese', async () => {
    expect(await ok('annex.prepare', { annexes: [{ kind: 'schools' }, { kind: 'students-chart' }] })).toEqual({ prepared: 2 });
    const res = await backend.dispatch('annex.prepare', { annexes: [{ kind: 'adjustments' }], plan: 99 });
    expect(res.ok).toBe(false);
  });
});

describe('the plan context after a write', () => {
  it('follows a school edit and its undo', async () => {
    const plan = await ok<PlanDetail>('plan.create', { name: '缓存上下文' });
    const context = async () => JSON.stringify(await ok<unknown>('plan.context', { plan: plan.id }));
    const before = await context();
    expect(await context()).toBe(before);
    const edit = await ok<EditResult>('schools.update', { school: '城关第一小学', changes: { designSeats: 777 } });
    const edited = await context();
    expect(edited).not.toBe(before);
    expect(edited).toContain('777');
    await ok('edits.undo', { editId: edit.editId });
    expect(await context()).toBe(before);
  });
});

describe('the overview after a write', () => {
  it('follows a township edit and its undo', async () => {
    const overview = async () => JSON.stringify(await ok<unknown>('overview.get', {}));
    const before = await overview();
    expect(await overview()).toBe(before);
    const edit = await ok<EditResult>('townships.update', { township: '城关镇', changes: { name: '缓存测试镇' } });
    const edited = await overview();
    expect(edited).toContain('缓存测试镇');
    await ok('edits.undo', { editId: edit.editId });
    expect(await overview()).toBe(before);
  });
});

describe('DataVersionCache', () => {
  let file: ProjectFile;
  beforeAll(async () => {
    backend.close();
    file = await openProjectFile(projectPath);
  });
  afterAll(() => file?.close());

  it('builds once per key until a row is written through the connection', () => {
    const cache = new DataVersionCache<string>(2);
    let builds = 0;
    const name = () => cache.get(file, 'name', () => {
      builds++;
      return file.db.prepare("SELECT value FROM meta WHERE key = 'name'").pluck().get() as string;
    });
    expect(name()).toBe('缓存测试县');
    expect(name()).toBe('缓存测试县');
    expect(builds).toBe(1);
    file.db.prepare("UPDATE meta SET value = '另一县' WHERE key = 'name'").run();
    expect(name()).toBe('另一县');
    expect(builds).toBe(2);
  });

  it('keeps what a build wrote under the count after the write, and forgets the oldest beyond its size', () => {
    const cache = new DataVersionCache<number>(2);
    let builds = 0;
    const writing = () => cache.get(file, 'writes', () => {
      builds++;
      file.db.prepare("UPDATE meta SET value = value WHERE key = 'name'").run();
      return builds;
    });
    expect(writing()).toBe(1);
    expect(writing()).toBe(1);
    const plain = (key: string) => cache.get(file, key, () => ++builds);
    plain('a');
    plain('b');
    expect(writing()).toBe(4);
  });

  it('forgets an entry only while it still holds the value forgotten', () => {
    const cache = new DataVersionCache<string>(2);
    let builds = 0;
    const value = () => cache.get(file, 'key', () => `第${++builds}次`);
    const first = value();
    cache.forget(file, 'key', first);
    const second = value();
    expect(second).toBe('第2次');
    cache.forget(file, 'key', first);
    expect(value()).toBe(second);
    expect(builds).toBe(2);
  });
});
