// Backups live next to the project, in "<name>.csplan-备份/", so they travel with the file
// on a USB stick. Each is a complete project file made with SQLite's online backup API.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupEntry } from '../../../shared/api';
import { AppError } from '../errors';
import { verifyProjectCopy } from './inspect-file';

export function backupDir(projectPath: string): string {
  return `${projectPath}-备份`;
}

function stamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}-${p(d.getMilliseconds(), 3)}`;
}

const NAME = /^(\d{8})-(\d{6})-(\d{3})-(.+)\.csplan$/;

function safeReason(reason: string): string {
  // Control characters (NUL above all) cannot be in a file name on any system.
  // eslint-disable-next-line no-control-regex
  return reason.replace(/[\\/:*?"<>|\s.\u0000-\u001f\u007f]+/g, '_').slice(0, 40) || '手动';
}

function entryOf(dir: string, file: string): BackupEntry | null {
  const m = NAME.exec(file);
  if (!m) return null;
  const [, ymd, hms, ms, reason] = m as unknown as [string, string, string, string, string];
  const createdAt = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)} ${hms.slice(0, 2)}:${hms.slice(2, 4)}:${hms.slice(4, 6)}.${ms}`;
  const bytes = fs.statSync(path.join(dir, file)).size;
  return { file, createdAt, reason, bytes };
}

const PARTIAL = /^\..+\.csplan\.part$/;

/**
 * Partial copies left by a backup that was killed mid-write. Only the instance holding the
 * project's lock writes backups, so any partial copy found when it starts one is dead weight.
 */
function removePartials(dir: string): void {
  for (const f of fs.readdirSync(dir)) if (PARTIAL.test(f)) fs.rmSync(path.join(dir, f), { force: true });
}

export async function createBackup(db: Database.Database, projectPath: string, reason: string): Promise<BackupEntry> {
  const dir = backupDir(projectPath);
  fs.mkdirSync(dir, { recursive: true });
  removePartials(dir);
  let file = `${stamp(new Date())}-${safeReason(reason)}.csplan`;
  // Two backups within the same millisecond (tests, scripted runs) must not overwrite.
  for (let i = 2; fs.existsSync(path.join(dir, file)); i++) file = file.replace(/(_\d+)?\.csplan$/, `_${i}.csplan`);
  // Written under a name the listing ignores and renamed once whole and checked, so an
  // interrupted backup is never offered as a restore point.
  const partial = path.join(dir, `.${file}.part`);
  try {
    await db.backup(partial);
    verifyProjectCopy(partial, 'quick_check');
    fs.renameSync(partial, path.join(dir, file));
  } catch (err) {
    fs.rmSync(partial, { force: true });
    const why = err instanceof AppError ? err.message : `写入出错（${(err as NodeJS.ErrnoException).code ?? '未知原因'}）`;
    throw new AppError('IO_ERROR', `备份失败，未进行后续操作：${why}`);
  }
  const entry = entryOf(dir, file);
  if (!entry) throw new AppError('INTERNAL', `备份文件名无法识别：${file}`);
  return entry;
}

/**
 * Backs up, then writes. A write that throws changed nothing (writes are transactions), so its
 * backup would only be a duplicate restore point: it is removed again.
 */
export async function withBackup<T>(db: Database.Database, projectPath: string, reason: string, write: (backup: BackupEntry) => T): Promise<T> {
  const backup = await createBackup(db, projectPath, reason);
  try {
    return write(backup);
  } catch (err) {
    fs.rmSync(path.join(backupDir(projectPath), backup.file), { force: true });
    throw err;
  }
}

export function listBackups(projectPath: string): BackupEntry[] {
  const dir = backupDir(projectPath);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((f) => entryOf(dir, f))
    .filter((e): e is BackupEntry => e !== null)
    .sort((a, b) => b.file.localeCompare(a.file));
}

/** Resolves a backup's file name to its path, refusing anything outside the backup folder. */
export function backupPath(projectPath: string, file: string): string {
  const dir = backupDir(projectPath);
  const full = path.resolve(dir, file);
  if (path.dirname(full) !== path.resolve(dir) || !NAME.test(file) || !fs.existsSync(full)) {
    throw new AppError('NOT_FOUND', `找不到备份：${file}`);
  }
  return full;
}
