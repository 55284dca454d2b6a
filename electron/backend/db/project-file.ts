// Opening a project file (.csplan): check it without writing (inspect-file.ts), take the
// exclusive lock, back up, then migrate.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { createBackup } from './backups';
import { APPLICATION_ID, MIGRATIONS, type Migration } from './migrations';
import { checkProjectFile, isBusy, lockedError, untrusted } from './inspect-file';

export { checkProjectFile };

export const PROJECT_EXTENSION = '.csplan';

/** Tests pass their own list to exercise upgrades; the app always uses MIGRATIONS. */
export interface OpenOptions {
  migrations?: readonly Migration[];
}

export interface ProjectFile {
  readonly path: string;
  readonly db: Database.Database;
  close(): void;
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

/**
 * Creates a project file whole: the schema and what `fill` writes go into a hidden file beside
 * it, renamed into place once committed, so an interrupted creation never leaves a half-made
 * project under the name the planner chose.
 */
export async function createProjectFile(file: string, fill?: (db: Database.Database) => void): Promise<ProjectFile> {
  const abs = path.resolve(file);
  if (!abs.toLowerCase().endsWith(PROJECT_EXTENSION)) {
    throw new AppError('INVALID_INPUT', `项目文件的扩展名应为 ${PROJECT_EXTENSION}：${abs}`);
  }
  const exists = () => {
    if (fs.existsSync(abs)) throw new AppError('FILE_EXISTS', `文件已存在：${abs}。请换一个名称，或直接打开它。`);
    // A link to nowhere: SQLite would create the project wherever the link points.
    if (fs.lstatSync(abs, { throwIfNoEntry: false })) {
      throw new AppError('FILE_EXISTS', `“${path.basename(abs)}”是一个指向不存在位置的链接（快捷方式），不能在这里新建项目。请换一个名称。`);
    }
  };
  exists();
  const dir = path.dirname(abs);
  if (!fs.existsSync(dir)) throw new AppError('NOT_FOUND', `保存位置不存在：${dir}`);
  const part = path.join(dir, `.${path.basename(abs)}.part`);
  const removePart = () => {
    for (const f of [part, `${part}-wal`, `${part}-shm`]) fs.rmSync(f, { force: true });
  };
  // Left by an earlier creation of the same name that was interrupted.
  removePart();
  const db = connect(part);
  try {
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, 0, MIGRATIONS);
    fill?.(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    exists();
    fs.renameSync(part, abs);
  } catch (err) {
    if (db.open) db.close();
    removePart();
    throw err;
  }
  const opened = connect(abs);
  return { path: abs, db: opened, close: () => opened.close() };
}
