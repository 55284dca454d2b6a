// Backup and restore of the open project. Restoring first backs up the current state, so
// a restore can itself be undone.
import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry } from '../../../shared/api/types';
import { backupPath, createBackup, listBackups } from '../db/backups';
import { verifyProjectCopy } from '../db/inspect-file';
import { openProjectFile, type ProjectFile } from '../db/project-file';
import { AppError } from '../errors';
import type { Session } from '../session';

export function backupsOf(file: ProjectFile): BackupEntry[] {
  return listBackups(file.path);
}

export function backupNow(file: ProjectFile, reason: string | undefined): Promise<BackupEntry> {
  return createBackup(file.db, file.path, reason ?? '手动备份');
}

export interface Restored {
  file: ProjectFile;
  /** Set when the project was opened through a link: the real file that was restored. */
  throughLink?: string;
}

export async function restoreBackup(session: Session, name: string): Promise<Restored> {
  const current = session.project;
  const source = backupPath(current.path, name);
  try {
    verifyProjectCopy(source, 'integrity_check');
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    throw new AppError(err.code, `不能用备份“${name}”恢复，项目未作任何改动：${err.message}`);
  }
  await createBackup(current.db, current.path, '恢复前');
  // A project opened through a link is restored into the file the link points to:
  // renaming over the link would replace the link and leave the real project as it was.
  const target = fs.realpathSync(current.path);
  // Copy beside the target, then rename over it: the project file is never half-written.
  const tmp = `${target}.restoring`;
  fs.copyFileSync(source, tmp);
  session.close();
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(tmp, target);
  const reopened = await openProjectFile(current.path);
  session.set(reopened);
  return target === path.resolve(current.path) ? { file: reopened } : { file: reopened, throughLink: target };
}
