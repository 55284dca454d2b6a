// Project files for import tests: the tiny county in a temp folder, and a fingerprint of a
// closed project file (its bytes and its backups) to prove nothing was written.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { insertCountyData } from '../../electron/backend/db/county-data';
import { createProjectFile } from '../../electron/backend/db/project-file';
import { backupDir } from '../../electron/backend/db/backups';
import { tinyCounty } from '../fixtures/tiny-county';
import { sha256 } from './temp';

export async function tinyProject(dir: string, name = '小河县.csplan'): Promise<string> {
  const file = await createProjectFile(path.join(dir, name));
  insertCountyData(file.db, tinyCounty());
  file.close();
  return file.path;
}

/** The file's hash and its backup folder's listing; compare before and after. */
export function fingerprint(project: string): { sha256: string; wal: boolean; backups: string[] } {
  const dir = backupDir(project);
  return {
    sha256: sha256(project),
    wal: fs.existsSync(`${project}-wal`) && fs.statSync(`${project}-wal`).size > 0,
    backups: fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [],
  };
}

/** Every row of every data table, in key order: equal dumps mean equal data. */
export function dumpData(project: string, skip: readonly string[] = []): Record<string, unknown[]> {
  const db = new Database(project, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    const out: Record<string, unknown[]> = {};
    for (const t of tables) {
      if (skip.includes(t)) continue;
      const cols = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]).join(', ');
      out[t] = db.prepare(`SELECT * FROM ${t} ORDER BY ${cols}`).raw().all();
    }
    return out;
  } finally {
    db.close();
  }
}

/** The journal and audit tables an import adds, left out when comparing data. */
export const IMPORT_AUDIT_TABLES = ['imports', 'import_issues', 'import_changes', 'migrations'];
