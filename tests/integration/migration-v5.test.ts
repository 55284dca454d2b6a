// v5 rebuilds the import tables without the CHECK on the kind: a version-4 file with imports
// in it keeps every import, issue and journal chunk (ids and order included), ends with the
// same import schema (but the CHECK) as before and as a new file, and its imports can still be undone.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { insertCountyData } from '../../electron/backend/db/county-data';
import { commitPlan } from '../../electron/backend/db/imports';
import { APPLICATION_ID, MIGRATIONS } from '../../electron/backend/db/migrations/index';
import { createProjectFile, openProjectFile } from '../../electron/backend/db/project-file';
import { analyseSheet, importTemplate, planImport, TownshipIndex, type ImportKind, type ValidateContext } from '../../shared/import';
import { tinyCounty } from '../fixtures/tiny-county';
import { withBackend } from '../helpers/with-backend';
import { dumpData, IMPORT_AUDIT_TABLES } from '../helpers/project';

const IMPORT_TABLES = ['imports', 'import_issues', 'import_changes'];

const session = withBackend('csp-v5-');
const { ok } = session;

/** A filled-in blank template of this kind, planned against the file's county. */
function templatePlan(kind: ImportKind, year: number) {
  const county = tinyCounty();
  const t = importTemplate(kind, '六三制');
  // The example row stays in, so that each import also records an issue (示例行已跳过).
  const rows = [t.headers, ...t.rows, ...t.rows.map((r) => r.map((v) => (typeof v === 'string' ? v.replace('（示例）', '') : v === 2024 ? year : v)))];
  const grid = { name: t.sheet, rows, merges: [] };
  const a = analyseSheet(kind, grid, { system: '六三制', townships: new TownshipIndex(county.townships) });
  const ctx: ValidateContext = {
    sheet: t.sheet, fileName: `${kind}.xlsx`, system: '六三制', countyCode: county.meta.code, year: null, townships: county.townships,
    schools: county.schools, staff: county.staff, enrolmentTotals: new Map(), createTownships: false, skipInvalidRows: false,
  };
  return planImport(kind, grid, a, a.columns, ctx);
}

/** A project file as version 4 of the program left it, with three imports; and its data before them. */
async function version4File(): Promise<{ file: string; data: Record<string, unknown[]> }> {
  const file = path.join(session.dir, '旧版.csplan');
  const empty = new Database(file);
  empty.pragma(`application_id = ${APPLICATION_ID}`);
  empty.close();
  const created = await openProjectFile(file, { migrations: MIGRATIONS.slice(0, 4) });
  const later = await laterColumns(created.db);
  withColumns(created.db, later, () => insertCountyData(created.db, tinyCounty()));
  created.close();
  const data = dumpData(file, IMPORT_AUDIT_TABLES);
  const old = await openProjectFile(file, { migrations: MIGRATIONS.slice(0, 4) });
  withColumns(old.db, later, () => {
    for (const [kind, year] of [['schools', 2025], ['population', 2025], ['schools', 2024]] as const) {
      const plan = templatePlan(kind, year);
      expect(plan.counts.rowsImported).toBe(1);
      commitPlan(old.db, { kind, fileName: `${kind}.xlsx`, sha256: 'x', sheet: 'Sheet1', mapping: '{}', year, counts: plan.counts, summary: plan.summary, backupFile: '' }, plan);
    }
  });
  expect(old.db.pragma('user_version', { simple: true })).toBe(4);
  old.close();
  return { file, data };
}

/**
 * Today's writers name every column of today's tables; columns later migrations append are
 * added for the writes and dropped again, so the file keeps version 4's schema.
 */
async function laterColumns(db: Database.Database): Promise<LaterColumn[]> {
  const latest = await createProjectFile(path.join(session.dir, '最新.csplan'));
  const cols = (d: Database.Database, t: string) =>
    d.prepare('SELECT name, type, "notnull" AS "notNull", dflt_value AS dflt FROM pragma_table_info(?)').all(t) as Omit<LaterColumn, 'table'>[];
  try {
    return ['townships', 'schools'].flatMap((table) => {
      const have = new Set(cols(db, table).map((c) => c.name));
      return cols(latest.db, table).filter((c) => !have.has(c.name)).map((c) => ({ table, ...c }));
    });
  } finally {
    latest.close();
  }
}

interface LaterColumn {
  table: string;
  name: string;
  type: string;
  notNull: number;
  dflt: string | null;
}

function withColumns(db: Database.Database, columns: LaterColumn[], write: () => void): void {
  for (const c of columns) {
    db.exec(`ALTER TABLE ${c.table} ADD COLUMN ${c.name} ${c.type}${c.notNull ? ' NOT NULL' : ''}${c.dflt === null ? '' : ` DEFAULT ${c.dflt}`}`);
  }
  write();
  for (const c of columns) db.exec(`ALTER TABLE ${c.table} DROP COLUMN ${c.name}`);
}

/** The data of a file over the columns each table had in `like` (later columns left out). */
function dumpLike(file: string, like: Record<string, unknown[]>): Record<string, unknown[]> {
  const now = dumpData(file, IMPORT_AUDIT_TABLES);
  return Object.fromEntries(
    Object.entries(now).map(([t, rows]) => {
      const width = ((like[t]?.[0] as unknown[] | undefined) ?? (rows[0] as unknown[] | undefined) ?? []).length;
      return [t, (rows as unknown[][]).map((r) => r.slice(0, width))];
    }),
  );
}

function rowsOf(file: string): { imports: unknown[]; import_issues: unknown[]; import_changes: unknown[] } {
  const db = new Database(file, { readonly: true });
  try {
    return {
      imports: db.prepare('SELECT * FROM imports ORDER BY id').raw().all(),
      import_issues: db.prepare('SELECT rowid, * FROM import_issues ORDER BY rowid').raw().all(),
      import_changes: db.prepare('SELECT * FROM import_changes ORDER BY import_id, chunk').raw().all(),
    };
  } finally {
    db.close();
  }
}

/** Columns, foreign keys and indexes of the import tables, as SQLite reports them. */
function importSchema(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return IMPORT_TABLES.map((t) => ({
      table: t,
      columns: db.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)').all(t),
      keys: db.prepare('SELECT "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?)').all(t),
      indexes: db.prepare("SELECT name, origin FROM pragma_index_list(?) WHERE origin = 'c'").all(t),
      withoutRowid: /WITHOUT ROWID/i.test(db.prepare("SELECT sql FROM sqlite_master WHERE name = ?").pluck().get(t) as string),
    }));
  } finally {
    db.close();
  }
}

describe('migration v5 (import kinds checked in code)', () => {
  it('keeps every import, issue and journal chunk of a version-4 file, and its imports still undo', async () => {
    const { file, data } = await version4File();
    const before = rowsOf(file);
    const schemaBefore = importSchema(file);
    expect(before.imports).toHaveLength(3);
    expect(before.import_issues.length).toBeGreaterThan(0);
    expect(before.import_changes.length).toBeGreaterThan(0);
    expect(dumpData(file, IMPORT_AUDIT_TABLES)).not.toEqual(data);

    await ok('project.open', { path: file });
    session.backend.close();
    expect(rowsOf(file)).toEqual(before);
    expect(importSchema(file)).toEqual(schemaBefore);
    const fresh = await createProjectFile(path.join(session.dir, '新建.csplan'));
    fresh.close();
    expect(importSchema(fresh.path)).toEqual(schemaBefore);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'imports'").pluck().get()).not.toMatch(/CHECK/i);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    session.restart();
    await ok('project.open', { path: file });
    // The journal still knows what came later: the first import's school is used by the third's rows.
    const refused = await session.backend.dispatch('import.undo', { importId: 1 });
    expect(!refused.ok && refused.error.message).toMatch(/无法撤销第 1 次导入.*已被之后加入的在校生数据使用/);
    for (const importId of [3, 2, 1]) await ok('import.undo', { importId });
    session.backend.close();
    expect((rowsOf(file).imports as unknown[][]).map((r) => [r[0], r[15] !== null])).toEqual([[1, true], [2, true], [3, true]]);
    // Tables later migrations add are empty; every table the version-4 file had holds its data
    // again (in the columns it had then).
    const after = dumpLike(file, data);
    expect(Object.keys(after).filter((t) => !(t in data) && (after[t] ?? []).length > 0)).toEqual([]);
    expect(Object.fromEntries(Object.entries(after).filter(([t]) => t in data))).toEqual(data);
  });
});
