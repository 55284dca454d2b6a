// Write paths found partial by the audit of every writing API method: each refusal leaves the
// project file as it was.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { insertCountyData } from '../../electron/backend/db/county-data';
import { createProjectFile } from '../../electron/backend/db/project-file';
import { planCounty, T2 } from '../fixtures/plan-county';
import { tempDir } from '../helpers/temp';

let backend: Backend;
let dir: string;

beforeEach(() => {
  dir = tempDir('csp-writes-');
  backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'cli' });
});
afterEach(() => backend.close());

async function county(): Promise<string> {
  const file = await createProjectFile(path.join(dir, '小河县.csplan'));
  insertCountyData(file.db, planCounty());
  file.close();
  const res = await backend.dispatch('project.open', { path: file.path });
  expect(res.ok).toBe(true);
  return file.path;
}

function rows(file: string, table: string): unknown[] {
  backend.close();
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
    const res = await backend.dispatch('projection.saveDevelopment', {
      id: 999,
      development: { name: '城东新区', township: T2, dwellings: 3000, completionYear: 2028, scenario: '中' },
    });
    expect(res).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '要修改的新建住宅项目已不存在。' } });
    expect(rows(file, 'scenarios')).toEqual([]);
  });
});
