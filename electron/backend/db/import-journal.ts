// Row writes that remember what they replaced. Every row an import inserts, updates or
// deletes is journalled with its before- and after-values (as JSON arrays in the table's
// column order), so the import can be undone exactly, and refused when a later change has
// touched the same rows.
import type Database from 'better-sqlite3';
import { COUNTY_TABLES } from './county-tables';
import type { Table } from './table';

export interface TableSpec {
  name: string;
  keys: readonly string[];
  values: readonly string[];
}

type CountyTables = typeof COUNTY_TABLES;
export type TableName = keyof CountyTables;
export type RecordOf<T extends TableName> = CountyTables[T] extends Table<infer R> ? R : never;
export type SqlValue = string | number | null;

/** Table name, key columns and value columns of every journalled table: a row is keys then values. */
export const TABLES = Object.fromEntries(
  Object.entries(COUNTY_TABLES).map(([k, t]) => [k, { name: t.name, keys: t.keyColumns, values: t.valueColumns }]),
) as Record<TableName, TableSpec>;

/**
 * A journalled table: its descriptor and its fields in row order (keys, then values). A row
 * journalled before a migration appended columns is shorter than today's: it stands for its
 * own columns only, and restoring it leaves the later columns as they are.
 */
class Journalled<R> {
  readonly fields: readonly string[];
  readonly select: Database.Statement;
  readonly remove: Database.Statement;
  private readonly upserts = new Map<number, Database.Statement>();
  private readonly columns: readonly string[];
  /** The row's columns in journal order, for a SELECT. */
  readonly columnList: string;

  constructor(
    private readonly db: Database.Database,
    readonly table: Table<R>,
  ) {
    const byColumn = new Map(table.columns.map((c) => [c.column, c]));
    const order = [...table.keyColumns, ...table.valueColumns].map((col) => byColumn.get(col) as Table<R>['columns'][number]);
    this.fields = order.map((c) => c.field);
    this.columns = order.map((c) => c.column);
    this.columnList = this.columns.join(', ');
    this.select = db.prepare(`SELECT ${this.columnList} FROM ${table.name} WHERE ${table.keyWhere}`).raw();
    this.remove = db.prepare(table.remove);
  }

  /** Insert-or-update of the row's first `width` columns. */
  upsert(width: number): Database.Statement {
    let stmt = this.upserts.get(width);
    if (!stmt) {
      const cols = this.columns.slice(0, width);
      const values = cols.slice(this.table.keyColumns.length);
      stmt = this.db.prepare(
        // Positional: the values are the row itself, built by `rowOf` in this same column order.
        `INSERT INTO ${this.table.name} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ` +
          `ON CONFLICT (${this.table.keyColumns.join(', ')}) ` +
          (values.length ? `DO UPDATE SET ${values.map((c) => `${c} = excluded.${c}`).join(', ')}` : 'DO NOTHING'),
      );
      this.upserts.set(width, stmt);
    }
    return stmt;
  }

  /** Named parameters of a row (or of a key: its leading values). */
  params(row: readonly SqlValue[]): Record<string, SqlValue> {
    return Object.fromEntries(row.map((v, i) => [this.fields[i], v]));
  }

  rowOf(record: R): SqlValue[] {
    const p = this.table.params(record);
    return this.fields.map((f) => (p[f] ?? null) as SqlValue);
  }
}

/** Whether a row now (null: gone) is still what the journal wrote (`after`, JSON), over the columns the journal knew. */
export function stillAsWritten(now: readonly SqlValue[] | null, after: string | null): boolean {
  if (now === null || after === null) return now === after;
  return JSON.stringify(now.slice(0, (JSON.parse(after) as unknown[]).length)) === after;
}

/** Prepared reads and writes of the journalled tables, rows as the journal stores them. */
export class RowStore {
  private readonly tables = new Map<TableName, Journalled<unknown>>();
  /** Whole tables read ahead, by JSON key; a row written since is read from the database again. */
  private readonly preloaded = new Map<TableName, { rows: Map<string, SqlValue[]>; written: Set<string> }>();

  constructor(readonly db: Database.Database) {}

  table<T extends TableName>(name: T): Journalled<RecordOf<T>> {
    let t = this.tables.get(name);
    if (!t) {
      t = new Journalled(this.db, COUNTY_TABLES[name] as Table<unknown>);
      this.tables.set(name, t);
    }
    return t as Journalled<RecordOf<T>>;
  }

  /** Reads the whole table once, so that `read` answers from memory for rows not written since. */
  preload(table: TableName): void {
    const t = this.table(table);
    const keys = TABLES[table].keys.length;
    const rows = new Map<string, SqlValue[]>();
    for (const row of this.db.prepare(`SELECT ${t.columnList} FROM ${t.table.name}`).raw().all() as SqlValue[][]) rows.set(JSON.stringify(row.slice(0, keys)), row);
    this.preloaded.set(table, { rows, written: new Set() });
  }

  /** Current values of a row (keys first, then values), or null. */
  read(table: TableName, key: readonly SqlValue[]): SqlValue[] | null {
    const ahead = this.preloaded.get(table);
    if (ahead) {
      const k = JSON.stringify(key);
      if (!ahead.written.has(k)) return ahead.rows.get(k) ?? null;
    }
    const t = this.table(table);
    return (t.select.get(t.params(key)) as SqlValue[] | undefined) ?? null;
  }

  private written(table: TableName, key: readonly SqlValue[]): void {
    this.preloaded.get(table)?.written.add(JSON.stringify(key));
  }

  upsert(table: TableName, row: readonly SqlValue[]): void {
    const t = this.table(table);
    t.upsert(row.length).run(row);
    this.written(table, row.slice(0, TABLES[table].keys.length));
  }

  remove(table: TableName, key: readonly SqlValue[]): void {
    const t = this.table(table);
    t.remove.run(t.params(key));
    this.written(table, key);
  }
}

/** One journalled change: table, key, values before and after (null: no row). */
export interface JournalEntry {
  tbl: TableName;
  key: string;
  before: string | null;
  after: string | null;
}

const CHUNK = 2000;

/** The journal of one import: writes through a RowStore and records before/after. */
export class Journal {
  private readonly pending: [TableName, string, string | null, string | null][] = [];
  private chunk = 0;
  private readonly insertChunk: Database.Statement;
  changes = 0;

  constructor(
    private readonly store: RowStore,
    private readonly importId: number,
  ) {
    this.insertChunk = store.db.prepare('INSERT INTO import_changes (import_id, chunk, entries) VALUES (?, ?, ?)');
  }

  /** Writes the record; journals it unless the row is already exactly that. `known`: its current value, when just read. */
  put<T extends TableName>(table: T, record: RecordOf<T>, known?: RecordOf<T> | null): void {
    const t = this.store.table(table);
    const row = t.rowOf(record);
    const key = row.slice(0, TABLES[table].keys.length);
    const before = known === undefined ? this.store.read(table, key) : known && t.rowOf(known);
    const after = JSON.stringify(row);
    if (before && JSON.stringify(before) === after) return;
    this.store.upsert(table, row);
    this.record(table, key, before, after);
  }

  /** Deletes a record the caller has just read. */
  remove<T extends TableName>(table: T, record: RecordOf<T>): void {
    const row = this.store.table(table).rowOf(record);
    const key = row.slice(0, TABLES[table].keys.length);
    this.store.remove(table, key);
    this.record(table, key, row, null);
  }

  private record(table: TableName, key: readonly SqlValue[], before: readonly SqlValue[] | null, after: string | null): void {
    this.pending.push([table, JSON.stringify(key), before ? JSON.stringify(before) : null, after]);
    this.changes++;
    if (this.pending.length >= CHUNK) this.flush();
  }

  /** Writes what is buffered; call before the transaction ends. */
  flush(): void {
    if (this.pending.length === 0) return;
    this.insertChunk.run(this.importId, this.chunk++, JSON.stringify(this.pending));
    this.pending.length = 0;
  }
}

export function journalOf(db: Database.Database, importId: number): JournalEntry[] {
  const chunks = db.prepare('SELECT entries FROM import_changes WHERE import_id = ? ORDER BY chunk').pluck().all(importId) as string[];
  const out: JournalEntry[] = [];
  for (const text of chunks) {
    for (const [tbl, key, before, after] of JSON.parse(text) as [TableName, string, string | null, string | null][]) out.push({ tbl, key, before, after });
  }
  return out;
}

/** Imports after `importId`, not undone, that changed any of these rows (`${table}|${key}`). */
export function laterImportsOf(db: Database.Database, importId: number, rows: ReadonlySet<string>): number[] {
  const later = db.prepare('SELECT id FROM imports WHERE id > ? AND undone_at IS NULL ORDER BY id').pluck().all(importId) as number[];
  return later.filter((id) => journalOf(db, id).some((e) => rows.has(`${e.tbl}|${e.key}`)));
}

interface Reference {
  table: string;
  columns: string[];
  parentColumns: string[];
}

/** Foreign keys pointing at each table, read from the schema (so tables added later count too). */
export class References {
  private readonly byParent = new Map<string, Reference[]>();
  private readonly probes = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    // County tables first, in their declared order: a migration that rebuilds a table moves it
    // in sqlite_master, and the table a refusal names must not depend on that.
    const declared = Object.values(COUNTY_TABLES).map((t) => t.name);
    const rank = (name: string) => (declared.includes(name) ? declared.indexOf(name) : declared.length);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[])
      .map((name, i) => ({ name, i }))
      .sort((a, b) => rank(a.name) - rank(b.name) || a.i - b.i)
      .map((t) => t.name);
    for (const table of tables) {
      const fks = db.prepare('SELECT id, "table" AS parent, "from" AS col, "to" AS pcol FROM pragma_foreign_key_list(?) ORDER BY id, seq').all(table) as {
        id: number;
        parent: string;
        col: string;
        pcol: string;
      }[];
      const byId = new Map<number, Reference>();
      for (const fk of fks) {
        const ref = byId.get(fk.id) ?? { table, columns: [], parentColumns: [] };
        ref.columns.push(fk.col);
        ref.parentColumns.push(fk.pcol);
        byId.set(fk.id, ref);
        if (ref.columns.length === 1) this.byParent.set(fk.parent, [...(this.byParent.get(fk.parent) ?? []), ref]);
      }
    }
  }

  /** The first table with rows still pointing at this row (deleting it would cascade or fail). */
  referencing(table: TableName, key: readonly SqlValue[]): string | null {
    const spec = TABLES[table];
    for (const ref of this.byParent.get(spec.name) ?? []) {
      const sql = `SELECT 1 FROM ${ref.table} WHERE ${ref.columns.map((c) => `${c} = ?`).join(' AND ')} LIMIT 1`;
      let probe = this.probes.get(sql);
      if (!probe) {
        probe = this.db.prepare(sql);
        this.probes.set(sql, probe);
      }
      const values = ref.parentColumns.map((pc) => key[(spec.keys as readonly string[]).indexOf(pc)] ?? null);
      if (probe.get(...values)) return ref.table;
    }
    return null;
  }
}
