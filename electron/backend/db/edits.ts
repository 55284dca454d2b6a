// SQL of the 学校 and 乡镇 editors. An edit is stored as a row of `imports` (kind
// `edit.school` / `edit.township`) with its rows journalled in `import_changes`, so it is
// undone by the same code as an import and an import's undo sees edits made after it.
import type Database from 'better-sqlite3';
import { EDIT_TARGETS, type EditRecord, type EditTarget, type FieldChange } from '../../../shared/domain';
import { AppError } from '../errors';
import { Journal, References, RowStore, type RecordOf, type TableName } from './import-journal';
import { importRecord, undoImportRows } from './imports';
import { readAll, type Table } from './table';
import { COUNTY_TABLES } from './county-tables';

export const EDIT_KIND_PREFIX = 'edit.';
const kindOf = (target: EditTarget) => `${EDIT_KIND_PREFIX}${target}`;

export interface EditInput {
  target: EditTarget;
  /** The record's code after the edit. */
  key: string;
  subject: string;
  changes: FieldChange[];
}

/** Runs `write` in one transaction with a journal, stored as one edit; returns its id. */
export function commitEdit(db: Database.Database, edit: EditInput, write: (journal: Journal, store: RowStore) => void): number {
  return db.transaction(() => {
    const info = db
      .prepare(`INSERT INTO imports (kind, file_name, sha256, sheet, summary, imported_at) VALUES (?, ?, '', ?, ?, ?)`)
      .run(kindOf(edit.target), edit.subject, edit.key, JSON.stringify(edit.changes), new Date().toISOString());
    const editId = Number(info.lastInsertRowid);
    const store = new RowStore(db);
    const journal = new Journal(store, editId);
    write(journal, store);
    journal.flush();
    db.prepare('UPDATE imports SET changes = ? WHERE id = ?').run(journal.changes, editId);
    return editId;
  })();
}

/**
 * Points the rows of `table` whose `field` is `from` at `to`, journalled (a code change: the
 * children follow their parent's new key, and undo moves them back). A row whose key holds
 * the field is moved (removed, then written under the new key); any other row is updated,
 * since removing it would cascade to its own children.
 */
export function moveChildren<T extends TableName>(db: Database.Database, journal: Journal, table: T, field: string, from: string, to: string): void {
  const t = COUNTY_TABLES[table] as unknown as Table<Record<string, unknown>>;
  const column = t.columns.find((c) => c.field === field);
  if (!column) throw new Error(`no column for ${table}.${field}`);
  const inKey = t.keyColumns.includes(column.column);
  for (const row of readAll(db, t, `WHERE ${column.column} = @from`, { from })) {
    if (inKey) journal.remove(table, row as RecordOf<T>);
    journal.put(table, { ...row, [field]: to } as RecordOf<T>, inKey ? null : (row as RecordOf<T>));
  }
}

/** A school code change reaches the groups too: their core and member lists name schools by code (no foreign key). */
export function renameInGroups(db: Database.Database, journal: Journal, from: string, to: string): void {
  for (const g of readAll(db, COUNTY_TABLES.school_groups)) {
    if (g.core !== from && !g.members.includes(from)) continue;
    journal.put('school_groups', { ...g, core: g.core === from ? to : g.core, members: g.members.map((m) => (m === from ? to : m)) }, g);
  }
}

/** The first table (not journalled) still pointing at the row by foreign key, or null. */
export function stillReferenced(db: Database.Database, table: TableName, key: string): string | null {
  return new References(db).referencing(table, [key]);
}

/** Plans naming a school or township code (plans keep codes without a foreign key). */
export function plansNaming(db: Database.Database, what: 'school' | 'township', code: string): string[] {
  const quoted = `%${JSON.stringify(code)}%`;
  const sql =
    what === 'school'
      ? `SELECT DISTINCT p.name FROM plans p JOIN plan_projects j ON j.plan_id = p.id WHERE j.school = ? OR j.receivers LIKE ?`
      : `SELECT DISTINCT p.name FROM plans p WHERE EXISTS (SELECT 1 FROM plan_projects j WHERE j.plan_id = p.id AND (j.township = ? OR j.receivers LIKE ?))
           OR EXISTS (SELECT 1 FROM plan_areas a WHERE a.plan_id = p.id AND a.township = ?)`;
  const params = what === 'school' ? [code, quoted] : [code, quoted, code];
  return db.prepare(sql).pluck().all(...params) as string[];
}

interface EditRow {
  id: number;
  kind: string;
  key: string;
  subject: string;
  summary: string;
  editedAt: string;
  undoneAt: string | null;
}

function parseChanges(text: string): FieldChange[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? (v as FieldChange[]).filter((c) => c && typeof c === 'object' && 'label' in c) : [];
  } catch {
    return [];
  }
}

export function listEdits(db: Database.Database, target?: EditTarget, key?: string): EditRecord[] {
  const rows = db
    .prepare(
      `SELECT id, kind, sheet AS key, file_name AS subject, summary, imported_at AS editedAt, undone_at AS undoneAt
       FROM imports WHERE kind LIKE 'edit.%' ORDER BY id DESC`,
    )
    .all() as EditRow[];
  return rows.flatMap((r) => {
    const t = r.kind.slice(EDIT_KIND_PREFIX.length) as EditTarget;
    if (!EDIT_TARGETS.includes(t) || (target && t !== target) || (key !== undefined && r.key !== key)) return [];
    return [{ id: r.id, target: t, key: r.key, subject: r.subject, changes: parseChanges(r.summary), editedAt: r.editedAt, undoneAt: r.undoneAt }];
  });
}

/** Undoes one edit through the import journal's undo; refused when it is not an edit. */
export function undoEdit(db: Database.Database, editId: number): { subject: string; restored: number } {
  const rec = importRecord(db, editId);
  if (!rec || !rec.kind.startsWith(EDIT_KIND_PREFIX)) throw new AppError('NOT_FOUND', `找不到编号为 ${editId} 的修改记录。`);
  const { restored } = undoImportRows(db, editId, `第 ${editId} 次修改（${rec.fileName}）`);
  return { subject: rec.fileName, restored };
}
