// Migration v13 drops the 布局图's own move log: a file from the version before it, with a
// school moved twice and the moves logged, opens with the school where the last move put it,
// no geo_school_moves table, a backup of the old file holding the log, and the next move in
// the edit history, undone by edits.undo.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { backupPath, listBackups } from '../../electron/backend/db/backups';
import { insertCountyData } from '../../electron/backend/db/county-data';
import { APPLICATION_ID, LATEST_VERSION, MIGRATIONS } from '../../electron/backend/db/migrations/index';
import { v13 } from '../../electron/backend/db/migrations/v13-school-moves';
import { openProjectFile } from '../../electron/backend/db/project-file';
import { P1, planCounty } from '../fixtures/plan-county';
import { resultOf } from '../helpers/backend';
import { tempDir } from '../helpers/temp';

const dir = tempDir('csp-v13-');
// The app's backend on that folder; closed by the test once it has read what it needs.
const backend: Backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'browser' });
afterAll(() => backend.close());

/** A file as the version before v13 left it: P1 moved twice on the map, both moves logged and applied. */
async function fileBeforeV12(): Promise<string> {
  const file = path.join(dir, '旧版.csplan');
  const empty = new Database(file);
  empty.pragma(`application_id = ${APPLICATION_ID}`);
  empty.close();
  const before = MIGRATIONS.indexOf(v13);
  const old = await openProjectFile(file, { migrations: MIGRATIONS.slice(0, before) });
  insertCountyData(old.db, planCounty());
  old.db.prepare('UPDATE schools SET lng = 113.3, lat = 34.3 WHERE code = ?').run(P1);
  old.db.exec(`
    INSERT INTO geo_school_moves (school, before_lng, before_lat, after_lng, after_lat, at) VALUES
      ('${P1}', NULL, NULL, 113.2, 34.2, '2026-01-01T00:00:00Z'),
      ('${P1}', 113.2, 34.2, 113.3, 34.3, '2026-01-02T00:00:00Z');
  `);
  expect(old.db.pragma('user_version', { simple: true })).toBe(before);
  old.close();
  return file;
}

const tables = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  } finally {
    db.close();
  }
};

describe('migration v13 (school moves in the edit journal)', () => {
  it('drops the move log, keeps the moved position, backs the old file up, and journals the next move', async () => {
    const file = await fileBeforeV12();
    expect(tables(file)).toContain('geo_school_moves');

    await resultOf(backend.dispatch('project.open', { path: file }));
    const detail = await resultOf<{ school: { lng: number | null; lat: number | null } }>(backend.dispatch('schools.detail', { code: P1 }));
    expect([detail.school.lng, detail.school.lat]).toEqual([113.3, 34.3]);
    const moved = await resultOf<{ editId: number; previous: [number, number] }>(backend.dispatch('geo.moveSchool', { code: P1, position: [113.4, 34.4] }));
    expect(moved.previous).toEqual([113.3, 34.3]);
    await resultOf(backend.dispatch('edits.undo', { editId: moved.editId }));
    const back = await resultOf<{ school: { lng: number | null; lat: number | null } }>(backend.dispatch('schools.detail', { code: P1 }));
    expect([back.school.lng, back.school.lat]).toEqual([113.3, 34.3]);
    // The open project holds an exclusive lock: the file itself is read once it is closed.
    backend.close();
    expect(tables(file)).not.toContain('geo_school_moves');
    const backup = listBackups(file).find((b) => b.file.includes(`升级前v${MIGRATIONS.indexOf(v13)}`));
    expect(backup).toBeDefined();
    const old = new Database(backupPath(file, backup!.file), { readonly: true });
    expect(old.prepare('SELECT count(*) FROM geo_school_moves').pluck().get()).toBe(2);
    old.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();

  });
});
