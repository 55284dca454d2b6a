// Write paths found partial by the audit of every writing API method: each refusal leaves the
// project file as it was.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../electron/backend/db/backups';
import { insertCountyData } from '../../electron/backend/db/county-data';
import { createProjectFile } from '../../electron/backend/db/project-file';
import { planCounty, T2 } from '../fixtures/plan-county';
import { withBackend } from '../helpers/with-backend';

const session = withBackend('csp-writes-', 'cli');

async function county(): Promise<string> {
  const file = await createProjectFile(path.join(session.dir, '小河县.csplan'));
  insertCountyData(file.db, planCounty());
  file.close();
  const res = await session.backend.dispatch('project.open', { path: file.path });
  expect(res.ok).toBe(true);
  return file.path;
}

function rows(file: string, table: string): unknown[] {
  session.backend.close();
  const db = new Database(file);
  try {
    return db.prepare(`SELECT * FROM ${table}`).all();
  } finally {
    db.close();
  }
}

describe('refused writes leave nothing behind', () => {
  it('projection.saveDevelopment: a missing development does not store the built-in scenarios', async () => {
    const file = await county();
    const res = await session.backend.dispatch('projection.saveDevelopment', {
      id: 999,
      development: { name: '城东新区', township: T2, dwellings: 3000, completionYear: 2028, scenario: '中' },
    });
    expect(res).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '要修改的新建住宅项目已不存在。' } });
    expect(rows(file, 'scenarios')).toEqual([]);
  });

  it('plan.addProjects and import.undo: a refused call leaves no extra restore point', async () => {
    const file = await county();
    const created = await session.backend.dispatch('plan.create', {});
    const planId = (created as { result: { id: number } }).result.id;
    const before = listBackups(file).length;
    const res = await session.backend.dispatch('plan.addProjects', {
      plan: planId,
      projects: [
        { type: '新建', name: '城关第二小学', kind: 'primary', township: T2, completionYear: 2028, classes: 12, seats: 540 },
        { type: '改扩建', name: '无此学校扩建', school: '99999999', completionYear: 2028, classes: 6, seats: 270 },
      ],
    });
    // Refused by the check of the school it names, which runs after the backup was taken.
    expect(res).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '找不到学校标识码为 99999999 的学校。' } });
    expect(await session.backend.dispatch('import.undo', { importId: 42 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(listBackups(file)).toHaveLength(before);
    expect(rows(file, 'plan_projects')).toEqual([]);
  });
});

describe('creating a project', () => {
  it('leaves no half-made project when the process dies after the data went in but before the file is whole', async () => {
    const file = path.join(session.dir, '中断.csplan');
    // The child dies by SIGKILL right after the county's transaction: no chance to clean up.
    const script = `
      const { createProjectFile } = require(${JSON.stringify(path.resolve('electron/backend/db/project-file.ts'))});
      const { insertCountyData } = require(${JSON.stringify(path.resolve('electron/backend/db/county-data.ts'))});
      const { generateCounty } = require(${JSON.stringify(path.resolve('shared/sample/index.ts'))});
      createProjectFile(${JSON.stringify(file)}, (db) => { insertCountyData(db, generateCounty()); process.kill(process.pid, 'SIGKILL'); });`;
    const child = spawn(path.resolve('node_modules/.bin/tsx'), ['-e', script], { stdio: 'ignore' });
    // tsx runs the script in a child of its own and passes the kill on as a failure.
    const exit = await new Promise<number | string | null>((resolve) => child.once('exit', (code, sig) => resolve(sig ?? code)));
    expect(exit).not.toBe(0);
    // Either no project at all, or a whole one: never a file with the schema and no county.
    if (fs.existsSync(file)) {
      const db = new Database(file);
      try {
        expect(db.prepare('SELECT count(*) FROM schools').pluck().get()).toBeGreaterThan(0);
      } finally {
        db.close();
      }
    }
    // The name is free for the next attempt, which succeeds.
    const res = await session.backend.dispatch('project.create', { path: file, name: '示例县', sample: true });
    expect(res.ok).toBe(true);
  });
});
