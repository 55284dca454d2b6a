// Looking at a project file before anything may write to it: recognise it, refuse what must
// not be touched (a newer version, a file another process holds, something that is not a
// plan, a schema that is not ours), on a read-only connection that leaves no trace.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { APPLICATION_ID, MIGRATIONS, type Migration } from './migrations';
import { checkSchema, isGenuineTable } from './schema-check';

const SQLITE_HEADER = 'SQLite format 3\0';
/** Far beyond any release: a larger version number is damage or forgery, not a newer program. */
const MAX_PLAUSIBLE_VERSION = 10_000;
/** How thoroughly a file's pages are checked: not at all (opening), structure (new backups), everything (restore). */
export type PageCheck = null | 'quick_check' | 'integrity_check';

export function isBusy(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

export function lockedError(file: string): AppError {
  return new AppError(
    'FILE_LOCKED',
    `项目文件“${path.basename(file)}”正在被另一个窗口或程序使用，无法同时打开。请先在那边关闭该项目，再重新打开。`,
  );
}

function notAProject(file: string, why: string): AppError {
  return new AppError('NOT_A_PROJECT', `“${path.basename(file)}”不是本程序的规划项目文件（${why}）。`);
}

function folderError(file: string): AppError {
  return new AppError('NOT_A_PROJECT', `“${file}”是文件夹，不是项目文件。`);
}

/** A named pipe would block open() until some writer came; O_NONBLOCK returns at once. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** A regular file (links followed, judged on the opened descriptor) starting as SQLite files do. */
function checkHeader(file: string): void {
  const fd = fs.openSync(file, OPEN_FLAGS);
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw folderError(file);
    if (!stat.isFile()) {
      throw new AppError('NOT_A_PROJECT', `“${file}”不是普通文件（而是设备、管道或其他特殊文件），不能作为项目文件打开。`);
    }
    const buf = Buffer.alloc(16);
    const n = fs.readSync(fd, buf, 0, 16, 0);
    if (n === 0) throw notAProject(file, '文件为空');
    if (n < 16 || buf.toString('latin1') !== SQLITE_HEADER) throw notAProject(file, '文件格式不符');
  } finally {
    fs.closeSync(fd);
  }
}

/** Whatever the file's schema holds is data: no function it names may have side effects. */
export function untrusted(db: Database.Database): Database.Database {
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
function inspect(file: string, migrations: readonly Migration[], pages: PageCheck): number {
  let probe: Database.Database | undefined;
  try {
    probe = untrusted(new Database(file, { readonly: true, fileMustExist: true, timeout: 0 }));
    const version = probe.pragma('user_version', { simple: true }) as number;
    const appId = probe.pragma('application_id', { simple: true }) as number;
    const tables = probe.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get() as number;
    if (tables > 0 && appId !== APPLICATION_ID) throw notAProject(file, '它是其他程序的数据库');
    if (version > migrations.length && version <= MAX_PLAUSIBLE_VERSION) throw tooNew(file, version, migrations.length);
    if (version < 0 || version > MAX_PLAUSIBLE_VERSION) {
      throw new AppError('NOT_A_PROJECT', `项目文件“${path.basename(file)}”记录的数据格式版本号（${version}）无效，文件可能已损坏或被改动过，未作任何改动。`);
    }
    if (version > 0 && isGenuineTable(probe, migrations, version, 'migrations')) checkMigrationHistory(probe, file, version);
    checkSchema(probe, file, migrations, version);
    if (pages) checkPages(probe, file, appId, pages);
    return version;
  } catch (err) {
    throw readFailure(file, err);
  } finally {
    probe?.close();
  }
}

/** A copy about to replace the project must be whole, and ours. */
function checkPages(db: Database.Database, file: string, appId: number, pages: Exclude<PageCheck, null>): void {
  if (appId !== APPLICATION_ID) throw notAProject(file, '缺少本程序的标记');
  const damaged = new AppError('NOT_A_PROJECT', `“${path.basename(file)}”已损坏（完整性检查未通过），不能使用。`);
  let problems: Record<string, string>[];
  try {
    problems = db.pragma(`${pages}(5)`, { simple: false }) as Record<string, string>[];
  } catch (err) {
    // Damage bad enough that the check itself cannot walk the file.
    if (((err as { code?: string }).code ?? '').startsWith('SQLITE_CORRUPT')) throw damaged;
    throw err;
  }
  if (problems.length !== 1 || Object.values(problems[0] ?? {})[0] !== 'ok') throw damaged;
}

function readFailure(file: string, err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (isBusy(err)) return lockedError(file);
  const code = (err as { code?: string }).code ?? '';
  const name = path.basename(file);
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) return notAProject(file, '文件已损坏或格式不符');
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
    return new AppError('IO_ERROR', `项目文件“${name}”所在的位置不可写入（如只读 U 盘或没有权限），无法完成打开前的检查与恢复。请先把文件复制到本机再打开。`);
  }
  return new AppError('IO_ERROR', `无法读取项目文件“${name}”（SQLite 错误 ${code || '未知'}）。`);
}

/**
 * A rollback journal left by a writer that died mid-transaction must be played back before
 * anything reads the file, and only a read-write connection may do that: SQLite does it
 * on the first read, copying the saved pages back (no SQL of the file runs).
 */
function recoverInterruptedWrite(file: string): void {
  if (!fs.existsSync(`${file}-journal`)) return;
  let db: Database.Database | undefined;
  try {
    db = untrusted(new Database(file, { fileMustExist: true, timeout: 0 }));
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (err) {
    throw readFailure(file, err);
  } finally {
    db?.close();
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

function check(abs: string, migrations: readonly Migration[], pages: PageCheck): number {
  if (!fs.existsSync(abs)) throw new AppError('NOT_FOUND', `找不到项目文件：${abs}`);
  // Windows cannot open a folder at all, so it is told apart before opening.
  if (fs.statSync(abs).isDirectory()) throw folderError(abs);
  checkHeader(abs);
  recoverInterruptedWrite(abs);
  return withoutTrace(abs, () => inspect(abs, migrations, pages));
}

/** Checks, without writing, that a file is a project this version can open; returns its version. */
export function checkProjectFile(abs: string, migrations: readonly Migration[] = MIGRATIONS): number {
  return check(abs, migrations, null);
}

/** Checks a copy that stands in for the project (a backup): also that it is ours and whole. */
export function verifyProjectCopy(abs: string, pages: Exclude<PageCheck, null>): number {
  return check(abs, MIGRATIONS, pages);
}
