import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../electron/backend/db/backups';
import { insertCountyData } from '../../electron/backend/db/county-data';
import { MIGRATIONS, type Migration } from '../../electron/backend/db/migrations/index';
import { createProjectFile, openProjectFile, type ProjectFile } from '../../electron/backend/db/project-file';
import { AppError } from '../../electron/backend/errors';
import { tinyCounty } from '../fixtures/tiny-county';
import { sha256, tempDir } from '../helpers/temp';

const run = promisify(execFile);
const open: ProjectFile[] = [];
afterEach(() => {
  for (const f of open.splice(0)) {
    try {
      f.close();
    } catch {
      // already closed by the test
    }
  }
});

async function newProject(dir: string, name = '测试.csplan'): Promise<ProjectFile> {
  const f = await createProjectFile(path.join(dir, name));
  open.push(f);
  return f;
}

async function expectAppError(p: Promise<unknown>, code: string, text: RegExp): Promise<void> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect((err as AppError).message).toMatch(text);
}

describe('project file', () => {
  it('creates a file with the latest schema, WAL mode and foreign keys', async () => {
    const f = await newProject(tempDir());
    expect(f.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(f.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(f.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const rows = f.db.prepare('SELECT version, name FROM migrations').all();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    // Foreign keys are enforced: enrolment of a school that does not exist is rejected.
    expect(() =>
      f.db.prepare("INSERT INTO enrolment VALUES ('x', 2024, 'primary', 1, 1, 10)").run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('refuses to create over an existing file', async () => {
    const dir = tempDir();
    const f = await newProject(dir);
    f.close();
    await expectAppError(createProjectFile(path.join(dir, '测试.csplan')), 'FILE_EXISTS', /已存在/);
  });

  it('round-trips a county', async () => {
    const dir = tempDir();
    const f = await newProject(dir);
    insertCountyData(f.db, tinyCounty());
    f.close();
    const again = await openProjectFile(f.path);
    open.push(again);
    expect(again.db.prepare('SELECT count(*) FROM schools').pluck().get()).toBe(3);
    expect(again.db.prepare('SELECT SUM(students) FROM enrolment').pluck().get()).toBe(526);
  });

  it('refuses a file written by a newer version without changing a byte', async () => {
    const dir = tempDir();
    const f = await newProject(dir);
    f.db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    f.close();
    const before = sha256(f.path);
    await expectAppError(openProjectFile(f.path), 'FILE_TOO_NEW', /更新版本.*未作任何改动/);
    expect(sha256(f.path)).toBe(before);
    expect(fs.existsSync(`${f.path}-备份`)).toBe(false);
  });

  it('refuses files that are not projects, naming the file', async () => {
    const dir = tempDir();
    const empty = path.join(dir, '空.csplan');
    fs.writeFileSync(empty, '');
    await expectAppError(openProjectFile(empty), 'NOT_A_PROJECT', /空\.csplan.*文件为空/);
    const text = path.join(dir, '文本.csplan');
    fs.writeFileSync(text, '这不是数据库'.repeat(20));
    await expectAppError(openProjectFile(text), 'NOT_A_PROJECT', /文本\.csplan/);
    const foreign = path.join(dir, '别的.csplan');
    const other = new Database(foreign);
    other.exec('CREATE TABLE t (x)');
    other.close();
    const before = sha256(foreign);
    await expectAppError(openProjectFile(foreign), 'NOT_A_PROJECT', /其他程序/);
    expect(sha256(foreign)).toBe(before);
    await expectAppError(openProjectFile(path.join(dir, '没有.csplan')), 'NOT_FOUND', /找不到/);
  });

  it('refuses a second process while the file is open, and allows it after closing', async () => {
    const dir = tempDir();
    const f = await newProject(dir);
    insertCountyData(f.db, tinyCounty());
    const cli = path.resolve('electron/cli/main.ts');
    const tsx = path.resolve('node_modules/.bin/tsx');
    const env = { ...process.env, CSP_DATA_DIR: tempDir() };
    const refused = await run(tsx, [cli, 'info', f.path, '--json'], { env }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toMatch(/正在被另一个窗口或程序使用/);
    f.close();
    const ok = await run(tsx, [cli, 'info', f.path, '--json'], { env });
    expect(JSON.parse(ok.stdout).schools.total).toBe(3);
  });

  it('refuses a second connection in the same process too', async () => {
    const f = await newProject(tempDir());
    await expectAppError(openProjectFile(f.path), 'FILE_LOCKED', /无法同时打开/);
  });

  describe('migrations', () => {
    const next = MIGRATIONS.length + 1;
    const v2: Migration = {
      version: next,
      name: '测试：增加备注',
      up: (db) => db.exec("ALTER TABLE schools ADD COLUMN note TEXT NOT NULL DEFAULT ''"),
    };

    it('backs up before upgrading and records the step', async () => {
      const dir = tempDir();
      const f = await newProject(dir);
      insertCountyData(f.db, tinyCounty());
      f.close();
      const upgraded = await openProjectFile(f.path, { migrations: [...MIGRATIONS, v2] });
      open.push(upgraded);
      expect(upgraded.db.pragma('user_version', { simple: true })).toBe(next);
      expect(upgraded.db.prepare('SELECT note FROM schools LIMIT 1').pluck().get()).toBe('');
      expect(upgraded.db.prepare('SELECT version FROM migrations ORDER BY version').pluck().all()).toEqual(
        [...MIGRATIONS, v2].map((m) => m.version),
      );
      const backups = listBackups(f.path);
      expect(backups).toHaveLength(1);
      expect(backups[0]?.reason).toBe(`升级前v${MIGRATIONS.length}`);
      const copy = new Database(path.join(`${f.path}-备份`, backups[0]?.file ?? ''), { readonly: true });
      expect(copy.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(copy.prepare('SELECT count(*) FROM schools').pluck().get()).toBe(3);
      copy.close();
    });

    it('rolls a failing migration back, leaving the file at its old version', async () => {
      const f = await newProject(tempDir());
      insertCountyData(f.db, tinyCounty());
      f.close();
      const broken: Migration = {
        version: next,
        name: '坏的升级',
        up: (db) => {
          db.exec("ALTER TABLE schools ADD COLUMN note TEXT NOT NULL DEFAULT ''");
          db.exec('INSERT INTO no_such_table VALUES (1)');
        },
      };
      await expect(openProjectFile(f.path, { migrations: [...MIGRATIONS, broken] })).rejects.toThrow(/no_such_table/);
      const again = await openProjectFile(f.path);
      open.push(again);
      expect(again.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      const columns = again.db.prepare("SELECT name FROM pragma_table_info('schools')").pluck().all();
      expect(columns).not.toContain('note');
    });

    it('refuses a file whose migration record has a gap', async () => {
      const f = await newProject(tempDir());
      // The file claims one more version than it has, with a record that skips one.
      f.db.prepare("INSERT INTO migrations VALUES (?, '来历不明', '2026-01-01')").run(next + 1);
      f.db.pragma(`user_version = ${next}`);
      f.close();
      await expectAppError(
        openProjectFile(f.path, { migrations: [...MIGRATIONS, v2, { ...v2, version: next + 1 }] }),
        'NOT_A_PROJECT',
        /不连续/,
      );
    });
  });
});
