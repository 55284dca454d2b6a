import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SchoolRow } from '../../shared/api';
import { resultOf } from '../helpers/backend';
import { withBackend } from '../helpers/with-backend';
import { tinyProject } from '../helpers/project';

const session = withBackend('csp-');

describe('dispatcher', () => {
  it('rejects unknown methods and invalid input as data, in Chinese', async () => {
    expect(await session.backend.dispatch('drop.everything', {})).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: '未知的操作：drop.everything' },
    });
    const bad = await session.backend.dispatch('project.create', { path: '', name: '' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('INVALID_INPUT');
      expect(bad.error.message).toMatch(/请填写文件路径/);
      expect(bad.error.message).toMatch(/请填写县（区）名称/);
    }
    const extra = await session.backend.dispatch('app.home', { evil: 1 });
    expect(extra.ok).toBe(false);
    const code = await session.backend.dispatch('project.create', { path: 'a.csplan', name: '县', countyCode: '12' });
    expect(!code.ok && code.error.message).toMatch(/6 位数字/);
    const proto = await session.backend.dispatch('schools.detail', JSON.parse('{"__proto__": {"code": "1"}}'));
    expect(proto.ok).toBe(false);
  });

  it('asks for a project before project methods', async () => {
    const res = await session.backend.dispatch('schools.list', {});
    expect(res).toEqual({ ok: false, error: { code: 'NO_PROJECT', message: '请先打开或新建一个规划项目。' } });
  });

  it('opens a project, lists schools with computed figures and records it as recent', async () => {
    const file = await tinyProject(session.dir);
    const summary = await resultOf<{ name: string; schools: number }>(session.backend.dispatch('project.open', { path: file }));
    expect(summary).toMatchObject({ name: '小河县', schools: 3 });
    const rows = await resultOf<SchoolRow[]>(session.backend.dispatch('schools.list', {}));
    const first = rows.find((r) => r.code === '9909990001');
    // 2024 only: 130 + 118 students in 4 classes; design seats 540.
    expect(first).toMatchObject({ year: 2024, students: 248, classes: 4, avgClassSize: 62, largeClasses: 4, capacity: 540, capacitySource: 'design' });
    expect(first?.utilisation).toBeCloseTo(248 / 540, 3);
    const rural = rows.find((r) => r.code === '9909990002');
    // No design seats: 1 primary class × 45.
    expect(rural).toMatchObject({ capacity: 45, capacitySource: 'classes', avgClassSize: 18, largeClasses: 0 });
    const home = await resultOf<{ recent: { path: string }[] }>(session.backend.dispatch('app.home', {}));
    expect(home.recent.map((r) => r.path)).toEqual([file]);
  });

  it('reports info in the CLI shape, counting combined schools in each stage', async () => {
    await resultOf(session.backend.dispatch('project.open', { path: await tinyProject(session.dir) }));
    const info = await resultOf<{
      schools: { total: number; byStage: Record<string, number> };
      studentsByYear: Record<string, Record<string, number>>;
      populationByYear: Record<string, number[]>;
    }>(session.backend.dispatch('project.info', {}));
    expect(info.schools.total).toBe(3);
    expect(info.schools.byStage).toMatchObject({ primary: 3, junior: 1, preschool: 0 });
    expect(info.studentsByYear['2024']).toMatchObject({ primary: 306, junior: 100 });
    expect(info.studentsByYear['2023']).toMatchObject({ primary: 120, junior: 0 });
    // 300 (total row) + 20 + 22 (sex split, no total row) at age 6.
    expect(info.populationByYear['2024']?.[6]).toBe(342);
    expect(info.populationByYear['2024']).toHaveLength(18);
  });

  it('gives a school detail and a clear error for an unknown code', async () => {
    await resultOf(session.backend.dispatch('project.open', { path: await tinyProject(session.dir) }));
    const detail = await resultOf<{ years: number[]; latestGrades: { label: string; students: number }[] }>(
      session.backend.dispatch('schools.detail', { code: '9909990001' }),
    );
    expect(detail.years).toEqual([2023, 2024]);
    expect(detail.latestGrades.map((g) => g.label)).toEqual(['一年级', '二年级']);
    const missing = await session.backend.dispatch('schools.detail', { code: '123' });
    expect(missing).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '找不到学校标识码为 123 的学校。' } });
  });

  it('backs up and restores, keeping a backup of the state it replaced', async () => {
    const file = await tinyProject(session.dir);
    await resultOf(session.backend.dispatch('project.open', { path: file }));
    const backup = await resultOf<{ file: string; reason: string }>(session.backend.dispatch('backups.create', { reason: '调整前' }));
    expect(backup.reason).toBe('调整前');
    await resultOf(session.backend.dispatch('project.updateMeta', { name: '改过的县' }));
    const restored = await resultOf<{ name: string }>(session.backend.dispatch('backups.restore', { file: backup.file }));
    expect(restored.name).toBe('小河县');
    const list = await resultOf<{ reason: string; file: string }[]>(session.backend.dispatch('backups.list', {}));
    expect(list.map((b) => b.reason).sort()).toEqual(['恢复前', '调整前']);
    // The pre-restore backup holds the edited name, so the restore itself can be undone.
    const undo = list.find((b) => b.reason === '恢复前');
    if (!undo) throw new Error('no pre-restore backup');
    const back = await resultOf<{ name: string }>(session.backend.dispatch('backups.restore', { file: undo.file }));
    expect(back.name).toBe('改过的县');
  });

  it('refuses backup names that try to leave the backup folder', async () => {
    await resultOf(session.backend.dispatch('project.open', { path: await tinyProject(session.dir) }));
    const res = await session.backend.dispatch('backups.restore', { file: '../小河县.csplan' });
    expect(res.ok).toBe(false);
    const missing = await session.backend.dispatch('backups.restore', { file: '20200101-000000-000-手动.csplan' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('creates an empty project and refuses to overwrite a file', async () => {
    const target = path.join(session.dir, '新县.csplan');
    const created = await resultOf<{ schools: number; name: string; schoolSystem: string }>(
      session.backend.dispatch('project.create', { path: target, name: '新县', schoolSystem: '五四制' }),
    );
    expect(created).toMatchObject({ schools: 0, name: '新县', schoolSystem: '五四制' });
    session.backend.close();
    const again = await session.backend.dispatch('project.create', { path: target, name: '新县' });
    expect(again).toMatchObject({ ok: false, error: { code: 'FILE_EXISTS' } });
    expect(fs.existsSync(target)).toBe(true);
  });

  it('exports data in the template layout', async () => {
    await resultOf(session.backend.dispatch('project.open', { path: await tinyProject(session.dir) }));
    const table = await resultOf<{ headers: string[]; rows: unknown[][] }>(session.backend.dispatch('data.export', { kind: 'population' }));
    expect(table.headers.slice(0, 3)).toEqual(['年份', '乡镇代码', '乡镇（街道）']);
    expect(table.headers).toContain('17岁');
    const qingshan = table.rows.find((r) => r[2] === '青山乡');
    expect(qingshan?.[3 + 6]).toBe(42);
    expect(qingshan?.[qingshan.length - 1]).toBe(42);
  });

  it('uses a county-only birth series where no township records the year', async () => {
    const file = await tinyProject(session.dir);
    await resultOf(session.backend.dispatch('project.open', { path: file }));
    const before = await resultOf<{ calibration: { birthsLastYear: number } }>(session.backend.dispatch('projection.run', {}));
    expect(before.calibration.birthsLastYear).toBe(2023);
    session.backend.close();
    // As the importer stores a births table without a township column.
    const raw = await import('better-sqlite3');
    const db = new raw.default(file);
    db.prepare("INSERT INTO county_births (year, count, source) VALUES (2024, 500, '卫健部门')").run();
    db.close();
    await resultOf(session.backend.dispatch('project.open', { path: file }));
    const overview = await resultOf<{ births: { year: number; count: number }[] }>(session.backend.dispatch('overview.get', {}));
    expect(overview.births).toEqual([
      { year: 2023, count: 225 },
      { year: 2024, count: 500 },
    ]);
    const after = await resultOf<{ calibration: { birthsLastYear: number } }>(session.backend.dispatch('projection.run', {}));
    expect(after.calibration.birthsLastYear).toBe(2024);
  });
});
