// Backups are the planner's way back: a half-written one must never be offered, a damaged
// or tampered one must never replace the project, and a restore must land in the real file.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDir, createBackup, listBackups } from '../../electron/backend/db/backups';
import { openProjectFile } from '../../electron/backend/db/project-file';
import { AppError } from '../../electron/backend/errors';
import { backupNow, restoreBackup } from '../../electron/backend/services/backups';
import { createBackend } from '../../electron/backend';
import type { BackupEntry, ProjectSummary } from '../../shared/api';
import { resultOf } from '../helpers/backend';
import { Session } from '../../electron/backend/session';
import { tinyProject } from '../helpers/project';
import { sha256, tempDir } from '../helpers/temp';

const sessions: Session[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.close();
});

async function session(file: string): Promise<Session> {
  const s = new Session();
  s.set(await openProjectFile(file));
  sessions.push(s);
  return s;
}

function students(s: Session): number {
  return s.project.db.prepare('SELECT SUM(students) FROM enrolment').pluck().get() as number;
}

async function restoreError(s: Session, name: string): Promise<AppError> {
  const err = await restoreBackup(s, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('backups', () => {
  it('clears the partial copy a killed backup left behind when the next backup starts', async () => {
    const s = await session(await tinyProject(tempDir()));
    const dir = backupDir(s.project.path);
    fs.mkdirSync(dir, { recursive: true });
    const stale = path.join(dir, '.20260101-000000-000-导入前.csplan.part');
    fs.writeFileSync(stale, 'half a copy');
    const unrelated = path.join(dir, '说明.txt');
    fs.writeFileSync(unrelated, '用户自己的文件');
    await backupNow(s.project, undefined);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(unrelated)).toBe(true);
    expect(listBackups(s.project.path)).toHaveLength(1);
  });

  it('writes a reason with control characters (NUL, BEL) as _ in the file name (the API fuzz found NUL crashed it)', async () => {
    const s = await session(await tinyProject(tempDir()));
    const entry = await backupNow(s.project, 'a\u0000b\u0007c');
    expect(entry.file).toMatch(/-a_b_c\.csplan$/);
    expect(listBackups(s.project.path).map((b) => b.file)).toEqual([entry.file]);
  });

  it('never lists a backup that is still being written, and leaves no temporary file', async () => {
    const s = await session(await tinyProject(tempDir()));
    // Big enough that the copy takes many steps, each letting the event loop run.
    s.project.db.prepare("INSERT INTO meta VALUES ('ballast', ?)").run('x'.repeat(8 * 1024 * 1024));
    let done = false;
    const pending = createBackup(s.project.db, s.project.path, '手动').finally(() => {
      done = true;
    });
    let polls = 0;
    while (!done) {
      if (fs.existsSync(backupDir(s.project.path))) expect(listBackups(s.project.path)).toEqual([]);
      polls++;
      await new Promise((r) => setImmediate(r));
    }
    expect(polls).toBeGreaterThan(3);
    const entry = await pending;
    expect(listBackups(s.project.path)).toEqual([entry]);
    expect(fs.readdirSync(backupDir(s.project.path))).toEqual([entry.file]);
  });

  it('refuses to restore a damaged backup, keeping the project open and unchanged', async () => {
    const s = await session(await tinyProject(tempDir()));
    const entry = await backupNow(s.project, undefined);
    const copy = path.join(backupDir(s.project.path), entry.file);
    // The enrolment rows are garbage; the schema and the header are intact.
    const probe = new Database(copy, { readonly: true });
    const root = probe.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'enrolment'").pluck().get() as number;
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    probe.close();
    const fd = fs.openSync(copy, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize);
    fs.closeSync(fd);
    const err = await restoreError(s, entry.file);
    expect(err.message).toMatch(/完整性检查未通过/);
    expect(s.isOpen).toBe(true);
    expect(students(s)).toBe(526);
  });

  it('refuses to restore a backup whose schema was tampered with', async () => {
    const s = await session(await tinyProject(tempDir()));
    const entry = await backupNow(s.project, undefined);
    const copy = path.join(backupDir(s.project.path), entry.file);
    const db = new Database(copy);
    db.exec('CREATE TRIGGER wipe AFTER INSERT ON plans BEGIN DELETE FROM births; END;');
    db.close();
    const err = await restoreError(s, entry.file);
    expect(err.message).toMatch(/触发器“wipe”/);
    expect(students(s)).toBe(526);
  });

  it('restores through a link into the real file, keeping the link', async () => {
    const dir = tempDir();
    const real = await tinyProject(dir, '真实.csplan');
    const link = path.join(tempDir(), '快捷方式.csplan');
    fs.symlinkSync(real, link);
    const s = await session(link);
    const entry = await backupNow(s.project, undefined);
    s.project.db.prepare('UPDATE enrolment SET students = 0').run();
    const { file: reopened, throughLink } = await restoreBackup(s, entry.file);
    expect(reopened.path).toBe(link);
    expect(throughLink).toBe(fs.realpathSync(real));
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(students(s)).toBe(526);
    s.close();
    const db = new Database(real, { readonly: true });
    expect(db.prepare('SELECT SUM(students) FROM enrolment').pluck().get()).toBe(526);
    db.close();
  });
});

describe('opening after a crash', () => {
  it('recovers a hot rollback journal instead of refusing the file', async () => {
    const file = await tinyProject(tempDir());
    // A writer that dies mid-transaction, after spilling changed pages into the file.
    const script = `
      const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
      const db = new Database(${JSON.stringify(file)});
      db.pragma('journal_mode = DELETE');
      db.pragma('cache_size = 1');
      db.exec("BEGIN; UPDATE enrolment SET students = students + 1; UPDATE schools SET name = name || zeroblob(3000);");
      process.kill(process.pid, 'SIGKILL');`;
    expect(() => execFileSync(process.execPath, ['-e', script], { stdio: 'pipe' })).toThrow();
    expect(fs.existsSync(`${file}-journal`)).toBe(true);
    const before = sha256(file);
    const f = await openProjectFile(file);
    try {
      expect(sha256(file)).not.toBe(before);
      expect(f.db.prepare('SELECT SUM(students) FROM enrolment').pluck().get()).toBe(526);
    } finally {
      f.close();
    }
    expect(fs.existsSync(`${file}-journal`)).toBe(false);
  });
});

describe('resetting the sample county', () => {
  it('backs the current sample file up, then re-creates the built-in data', async () => {
    const dataDir = tempDir('csp-reset-sample-');
    const backend = createBackend({ dataDir, shell: 'cli' });
    try {
      const first = await resultOf<ProjectSummary>(backend.dispatch('project.openSample', {}));
      const renamed = await resultOf<ProjectSummary>(backend.dispatch('project.updateMeta', { name: '改过的示例县' }));
      expect(renamed.name).toBe('改过的示例县');

      const reset = await resultOf<ProjectSummary>(backend.dispatch('project.openSample', { reset: true }));
      expect(reset.path).toBe(first.path);
      expect(reset.name).toBe('示例县');
      expect(reset.schools).toBe(first.schools);
      const backups = await resultOf<BackupEntry[]>(backend.dispatch('backups.list', {}));
      expect(backups.map((b) => b.reason)).toEqual(['重置示例县前']);
      const saved = new Database(path.join(backupDir(first.path), backups[0]!.file), { readonly: true });
      try {
        expect(saved.prepare("SELECT value FROM meta WHERE key = 'name'").pluck().get()).toBe('改过的示例县');
      } finally {
        saved.close();
      }
    } finally {
      backend.close();
    }
  });
});
