// Opening a project file (.csplan): recognise it, refuse what must not be touched (a file
// from a newer version, a file another process holds, something that is not a plan), take
// the exclusive lock, back up, then migrate.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { createBackup } from './backups';
import { APPLICATION_ID, MIGRATIONS, type Migration } from './migrations';
import { checkSchema, isGenuineTable } from './schema-check';

export const PROJECT_EXTENSION = '.csplan';
const SQLITE_HEADER = 'SQLite format 3\0';

/** Tests pass their own list to exercise upgrades; the app always uses MIGRATIONS. */
export interface OpenOptions {
  migrations?: readonly Migration[];
}

export interface ProjectFile {
  readonly path: string;
  readonly db: Database.Database;
  close(): void;
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

function lockedError(file: string): AppError {
  return new AppError(
    'FILE_LOCKED',
    `项目文件“${path.basename(file)}”正在被另一个窗口或程序使用，无法同时打开。请先在那边关闭该项目，再重新打开。`,
  );
}

function notAProject(file: string, why: string): AppError {
  return new AppError('NOT_A_PROJECT', `“${path.basename(file)}”不是本程序的规划项目文件（${why}）。`);
}

function checkHeader(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = fs.readSync(fd, buf, 0, 16, 0);
    if (n === 0) throw notAProject(file, '文件为空');
    if (n < 16 || buf.toString('latin1') !== SQLITE_HEADER) throw notAProject(file, '文件格式不符');
  } finally {
    fs.closeSync(fd);
  }
}

/** Whatever the file's schema holds is data: no function it names may have side effects. */
function untrusted(db: Database.Database): Database.Database {
  db.pragma('trusted_schema = OFF');
  return db;
}

/**
 * A read-only connection to a WAL file still creates its -wal and -shm; the ones this
 * check created (empty) are removed so that refusing a file leaves no trace beside it.
 */
function withoutTrace<T>(file: string, read: () => T): T {
  const sides = [`${file}-wal`, `${file}-shm`];
  const untouched = sides.every((f) => !fs.existsSync(f));
  try {
    return read();
  } finally {
    if (untouched && (!fs.existsSync(sides[0] as string) || fs.statSync(sides[0] as string).size === 0)) {
      for (const f of sides) fs.rmSync(f, { force: true });
    }
  }
}

function tooNew(file: string, version: number, latest: number): AppError {
  return new AppError(
    'FILE_TOO_NEW',
    `项目文件“${path.basename(file)}”由更新版本的程序保存（数据格式第 ${version} 版，本程序最高支持第 ${latest} 版）。为避免损坏，文件未作任何改动。请升级本程序后再打开。`,
  );
}

/**
 * Everything about the file is checked on a read-only connection, before WAL mode, a
 * migration or any of its triggers could alter it: what it is, its version, its migration
 * record and its schema. Returns the version.
 */
function inspect(file: string, migrations: readonly Migration[]): number {
  let probe: Database.Database | undefined;
  try {
    probe = untrusted(new Database(file, { readonly: true, fileMustExist: true, timeout: 0 }));
    const version = probe.pragma('user_version', { simple: true }) as number;
    const appId = probe.pragma('application_id', { simple: true }) as number;
    const tables = probe.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get() as number;
    if (tables > 0 && appId !== APPLICATION_ID) throw notAProject(file, '它是其他程序的数据库');
    if (version > migrations.length) throw tooNew(file, version, migrations.length);
    if (version < 0) {
      throw new AppError('NOT_A_PROJECT', `项目文件“${path.basename(file)}”记录的数据格式版本号（${version}）无效，文件可能已损坏或被改动过，未作任何改动。`);
    }
    if (version > 0 && isGenuineTable(probe, migrations, version, 'migrations')) checkMigrationHistory(probe, file, version);
    checkSchema(probe, file, migrations, version);
    return version;
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (isBusy(err)) throw lockedError(file);
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw notAProject(file, '文件已损坏或格式不符');
    throw new AppError('IO_ERROR', `无法读取项目文件“${path.basename(file)}”：${(err as Error).message}`);
  } finally {
    probe?.close();
  }
}

function connect(file: string): Database.Database {
  const db = untrusted(new Database(file, { timeout: 0 }));
  try {
    // EXCLUSIVE locking holds the file lock for as long as we are open, so a second
    // instance fails fast; the OS drops it if we crash, so no stale lock files.
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.exec('BEGIN IMMEDIATE; COMMIT;');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    return db;
  } catch (err) {
    db.close();
    if (isBusy(err)) throw lockedError(file);
    throw err;
  }
}

function checkMigrationHistory(db: Database.Database, file: string, version: number): void {
  const applied = db.prepare('SELECT version FROM migrations ORDER BY version').pluck().all() as number[];
  if (applied.length !== version) {
    throw new AppError('NOT_A_PROJECT', `项目文件“${path.basename(file)}”的版本号（第 ${version} 版）与结构升级记录（${applied.length} 条）不符，为避免损坏数据不会打开。`);
  }
  applied.forEach((v, i) => {
    if (v !== i + 1) {
      throw new AppError('NOT_A_PROJECT', `项目文件“${path.basename(file)}”的结构升级记录不连续（缺少第 ${i + 1} 版），为避免损坏数据不会打开。`);
    }
  });
}

function migrate(db: Database.Database, from: number, migrations: readonly Migration[]): void {
  for (const m of migrations.filter((x) => x.version > from)) {
    db.transaction(() => {
      m.up(db);
      db.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/** Checks, without writing, that a file is a project this version can open; returns its version. */
export function checkProjectFile(abs: string, migrations: readonly Migration[] = MIGRATIONS): number {
  if (!fs.existsSync(abs)) throw new AppError('NOT_FOUND', `找不到项目文件：${abs}`);
  const stat = fs.statSync(abs);
  if (stat.isDirectory()) throw new AppError('NOT_A_PROJECT', `“${abs}”是文件夹，不是项目文件。`);
  if (!stat.isFile()) {
    throw new AppError('NOT_A_PROJECT', `“${abs}”不是普通文件（而是设备、管道或其他特殊文件），不能作为项目文件打开。`);
  }
  checkHeader(abs);
  return withoutTrace(abs, () => inspect(abs, migrations));
}

export async function openProjectFile(file: string, options: OpenOptions = {}): Promise<ProjectFile> {
  const migrations = options.migrations ?? MIGRATIONS;
  const abs = path.resolve(file);
  const version = checkProjectFile(abs, migrations);
  const db = connect(abs);
  try {
    if (version < migrations.length) {
      if (version > 0) await createBackup(db, abs, `升级前v${version}`);
      migrate(db, version, migrations);
    }
  } catch (err) {
    db.close();
    throw err;
  }
  return { path: abs, db, close: () => db.close() };
}

export async function createProjectFile(file: string): Promise<ProjectFile> {
  const abs = path.resolve(file);
  if (!abs.toLowerCase().endsWith(PROJECT_EXTENSION)) {
    throw new AppError('INVALID_INPUT', `项目文件的扩展名应为 ${PROJECT_EXTENSION}：${abs}`);
  }
  if (fs.existsSync(abs)) throw new AppError('FILE_EXISTS', `文件已存在：${abs}。请换一个名称，或直接打开它。`);
  const dir = path.dirname(abs);
  if (!fs.existsSync(dir)) throw new AppError('NOT_FOUND', `保存位置不存在：${dir}`);
  const db = connect(abs);
  try {
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, 0, MIGRATIONS);
  } catch (err) {
    db.close();
    fs.rmSync(abs, { force: true });
    throw err;
  }
  return { path: abs, db, close: () => db.close() };
}
