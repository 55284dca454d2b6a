// A project file is data from outside (USB stick, messenger): whatever its schema carries
// must never run, and a file whose schema is not exactly what our migrations create is
// refused before anything is written to it.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { listBackups } from '../../electron/backend/db/backups';
import { APPLICATION_ID, MIGRATIONS } from '../../electron/backend/db/migrations/index';
import { openProjectFile, type ProjectFile } from '../../electron/backend/db/project-file';
import { AppError } from '../../electron/backend/errors';
import { tinyProject } from '../helpers/project';
import { sha256, tempDir } from '../helpers/temp';

const open: ProjectFile[] = [];
afterEach(() => {
  for (const f of open.splice(0)) f.close();
});

/** Tampers with a genuine project the way a hostile sender could, with any SQLite tool. */
async function tampered(sql: string, prepare?: (db: Database.Database) => void): Promise<string> {
  const file = await tinyProject(tempDir());
  const db = new Database(file);
  prepare?.(db);
  db.exec(sql);
  db.close();
  return file;
}

async function expectRefused(file: string, names: RegExp): Promise<void> {
  const before = sha256(file);
  const started = Date.now();
  const err = await openProjectFile(file).then(
    (f) => {
      open.push(f);
      return null;
    },
    (e: unknown) => e,
  );
  expect(Date.now() - started).toBeLessThan(5000);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('NOT_A_PROJECT');
  expect((err as AppError).message).toMatch(/数据结构/);
  expect((err as AppError).message).toMatch(names);
  expect(sha256(file)).toBe(before);
  expect(fs.existsSync(`${file}-wal`)).toBe(false);
  expect(fs.existsSync(`${file}-shm`)).toBe(false);
  expect(listBackups(file)).toEqual([]);
}

/** A file exactly as an earlier release wrote it: migrations 1..version, nothing more. */
function releasedFile(dir: string, version: number): string {
  const file = path.join(dir, `第${version}版.csplan`);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  for (const m of MIGRATIONS.slice(0, version)) {
    db.transaction(() => {
      m.up(db);
      db.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, '2025-01-01T00:00:00Z');
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  db.prepare("INSERT INTO townships VALUES ('001', '城关镇', '镇', '城区', '')").run();
  db.prepare("INSERT INTO births VALUES ('001', 2023, 321, '')").run();
  db.close();
  return file;
}

describe('hostile project files', () => {
  it('runs every connection with an untrusted schema', async () => {
    const f = await openProjectFile(await tinyProject(tempDir()));
    open.push(f);
    expect(f.db.pragma('trusted_schema', { simple: true })).toBe(0);
  });

  it('refuses a trigger on schools that would rewrite meta and multiply enrolment', async () => {
    const file = await tampered(`
      CREATE TRIGGER schools_fix AFTER INSERT ON schools BEGIN
        UPDATE meta SET value = '已篡改';
        UPDATE enrolment SET students = students * 10;
      END;`);
    await expectRefused(file, /触发器“schools_fix”/);
  });

  it('is refused by the app as a whole, so nothing (an import, a plan) can run on it', async () => {
    const file = await tampered('CREATE TRIGGER schools_fix AFTER INSERT ON schools BEGIN UPDATE meta SET value = 1; END;');
    const backend = createBackend({ dataDir: path.join(tempDir(), 'data'), shell: 'browser' });
    try {
      const res = await backend.dispatch('project.open', { path: file });
      expect(res).toMatchObject({ ok: false, error: { code: 'NOT_A_PROJECT' } });
      expect(await backend.dispatch('project.info', {})).toMatchObject({ ok: false, error: { code: 'NO_PROJECT' } });
    } finally {
      backend.close();
    }
  });

  it('refuses a trigger on plans that would delete the births', async () => {
    const file = await tampered('CREATE TRIGGER plans_wipe AFTER INSERT ON plans BEGIN DELETE FROM births; END;');
    await expectRefused(file, /触发器“plans_wipe”/);
  });

  it('refuses a view replacing the migration record with an endless recursive query, quickly', async () => {
    const file = await tampered(`
      DROP TABLE migrations;
      CREATE VIEW migrations AS
        WITH RECURSIVE n(version) AS (SELECT 1 UNION ALL SELECT version + 1 FROM n)
        SELECT version, '' AS name, '' AS applied_at FROM n;`);
    await expectRefused(file, /视图“migrations”.*表“migrations”|表“migrations”.*视图“migrations”/);
  });

  it('refuses an extra table', async () => {
    await expectRefused(await tampered('CREATE TABLE notes (x TEXT);'), /表“notes”/);
  });

  it('refuses an altered CHECK constraint', async () => {
    const file = await tampered(
      "UPDATE sqlite_schema SET sql = replace(sql, '''民办'')', '''民办'', ''任意'')') WHERE name = 'schools';",
      (db) => {
        db.unsafeMode(true);
        db.pragma('writable_schema = ON');
      },
    );
    await expectRefused(file, /表“schools”.*改动/);
  });

  it('refuses an index on a function this program does not have', async () => {
    const file = await tampered('CREATE INDEX schools_x ON schools (steal(name));', (db) =>
      db.function('steal', { deterministic: true }, (x: unknown) => x),
    );
    await expectRefused(file, /索引“schools_x”/);
  });

  it('refuses a negative or absurd version number, saying so', async () => {
    for (const version of [-3, 2 ** 31 - 1]) {
      const file = await tinyProject(tempDir());
      const db = new Database(file);
      db.pragma(`user_version = ${version}`);
      db.close();
      const before = sha256(file);
      const err = await openProjectFile(file).then(
        (f) => f.close(),
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).message).toMatch(new RegExp(`版本号（${version}）无效`));
      expect(sha256(file)).toBe(before);
    }
  });

  it('opens and migrates a genuine file of every released version', async () => {
    const dir = tempDir();
    for (let v = 1; v <= MIGRATIONS.length; v++) {
      const f = await openProjectFile(releasedFile(dir, v));
      open.push(f);
      expect(f.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(f.db.prepare('SELECT count FROM births').pluck().get()).toBe(321);
      expect(listBackups(f.path)).toHaveLength(v < MIGRATIONS.length ? 1 : 0);
      f.close();
      open.pop();
      // Once migrated, the file passes the check for the latest version too.
      const again = await openProjectFile(f.path);
      again.close();
    }
  });
});
