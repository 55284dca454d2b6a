// Row writes that remember what they replaced. Every row an import inserts, updates or
// deletes is journalled with its before- and after-values (as JSON arrays in the table's
// column order), so the import can be undone exactly, and refused when a later change has
// touched the same rows.
import type Database from 'better-sqlite3';

export interface TableSpec {
  name: string;
  keys: readonly string[];
  values: readonly string[];
}

export const TABLES = {
  townships: { name: 'townships', keys: ['code'], values: ['name', 'kind', 'urban_rural', 'area'] },
  schools: {
    name: 'schools',
    keys: ['code'],
    values: [
      'name', 'kind', 'ownership', 'township', 'urban_rural', 'lat', 'lng', 'site_area', 'floor_area', 'teaching_area',
      'sports_area', 'equipment_value', 'multimedia_rooms', 'boarding_students', 'design_classes', 'design_seats', 'status',
    ],
  },
  enrolment: { name: 'enrolment', keys: ['school', 'year', 'stage', 'grade'], values: ['classes', 'students'] },
  staff: { name: 'staff', keys: ['school', 'year'], values: ['teachers', 'qualified_above', 'key_teachers', 'pe_arts_teachers'] },
  population: { name: 'population', keys: ['township', 'year', 'age', 'sex'], values: ['count', 'source'] },
  births: { name: 'births', keys: ['township', 'year'], values: ['count', 'source'] },
  school_totals: { name: 'school_totals', keys: ['school', 'year', 'stage'], values: ['classes', 'students'] },
  county_births: { name: 'county_births', keys: ['year'], values: ['count', 'source'] },
} as const satisfies Record<string, TableSpec>;

export type TableName = keyof typeof TABLES;
export type SqlValue = string | number | null;

interface Statements {
  select: Database.Statement;
  upsert: Database.Statement;
  remove: Database.Statement;
}

/** Prepared reads and writes of the journalled tables, one set per table. */
export class RowStore {
  private readonly stmts = new Map<TableName, Statements>();

  constructor(readonly db: Database.Database) {}

  private statements(table: TableName): Statements {
    let s = this.stmts.get(table);
    if (!s) {
      s = prepare(this.db, TABLES[table]);
      this.stmts.set(table, s);
    }
    return s;
  }

  /** Current values of a row (keys first, then values), or null. */
  read(table: TableName, key: readonly SqlValue[]): SqlValue[] | null {
    return (this.statements(table).select.raw().get(...key) as SqlValue[] | undefined) ?? null;
  }

  upsert(table: TableName, row: readonly SqlValue[]): void {
    this.statements(table).upsert.run(...row);
  }

  remove(table: TableName, key: readonly SqlValue[]): void {
    this.statements(table).remove.run(...key);
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

  read(table: TableName, key: readonly SqlValue[]): SqlValue[] | null {
    return this.store.read(table, key);
  }

  /** Writes the row (keys + values); journals it unless it is already exactly that. */
  put(table: TableName, row: readonly SqlValue[], known?: SqlValue[] | null): void {
    const key = row.slice(0, TABLES[table].keys.length);
    const before = known === undefined ? this.store.read(table, key) : known;
    const after = JSON.stringify(row);
    if (before && JSON.stringify(before) === after) return;
    this.store.upsert(table, row);
    this.record(table, key, before, after);
  }

  /** Deletes a row whose current values the caller has just read. */
  remove(table: TableName, row: readonly SqlValue[]): void {
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

function prepare(db: Database.Database, spec: TableSpec): Statements {
  const cols = [...spec.keys, ...spec.values];
  const where = spec.keys.map((k) => `${k} = ?`).join(' AND ');
  const set = spec.values.map((v) => `${v} = excluded.${v}`).join(', ');
  return {
    select: db.prepare(`SELECT ${cols.join(', ')} FROM ${spec.name} WHERE ${where}`),
    upsert: db.prepare(
      `INSERT INTO ${spec.name} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ON CONFLICT(${spec.keys.join(', ')}) DO UPDATE SET ${set}`,
    ),
    remove: db.prepare(`DELETE FROM ${spec.name} WHERE ${where}`),
  };
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
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
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
