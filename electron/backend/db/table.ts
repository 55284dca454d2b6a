// One descriptor per stored table: the record's camelCase fields mapped to the table's
// snake_case columns, which of them form the key, which hold JSON, which the database
// generates. Every SELECT list, INSERT, UPSERT and UPDATE of the table is generated from it
// with named parameters (@field), so a column mix-up cannot compile into a silent swap, and
// a new field is one line here (see docs/ARCHITECTURE.md, "How to add a school field").
import type Database from 'better-sqlite3';

export type SqlValue = string | number | bigint | Buffer | null;

export interface ColumnOptions {
  /** Stored as JSON text; read back with JSON.parse (a malformed value reads as `fallback`). */
  json?: boolean;
  /** The database assigns it (INTEGER PRIMARY KEY, DEFAULT now): never inserted. */
  generated?: boolean;
  /** Stored as 0/1, read back as a boolean. */
  bool?: boolean;
  /** The value a missing or malformed JSON column reads as. */
  fallback?: unknown;
}

export type ColumnDef = string | ({ column: string } & ColumnOptions);

export interface TableDef<R> {
  name: string;
  /** Fields that identify a row (the primary key or a unique key). */
  key: readonly (keyof R & string)[];
  columns: { readonly [F in keyof R & string]: ColumnDef };
}

interface Column extends ColumnOptions {
  field: string;
  column: string;
}

export interface Table<R> {
  readonly name: string;
  readonly columns: readonly Column[];
  readonly keyColumns: readonly string[];
  /** Non-key, non-generated columns in declaration order. */
  readonly valueColumns: readonly string[];
  /** `col AS field, …` for a SELECT returning records' field names. */
  readonly selectList: string;
  /** `SELECT <all fields> FROM <table>` followed by `rest` (WHERE/ORDER BY with named params). */
  select(rest?: string): string;
  readonly insert: string;
  /** Insert, or update every value column when the key exists. */
  readonly upsert: string;
  /** Update every value column of the row with the record's key. */
  readonly update: string;
  /** `col = @field AND …` over the key, for a WHERE clause. */
  readonly keyWhere: string;
  /** Delete the row with the record's key. */
  readonly remove: string;
  /** Update only `fields` of the row with the record's key (an edit that leaves the rest alone). */
  updateOf(fields: readonly (keyof R & string)[]): string;
  /** Named parameters for insert/upsert/update: JSON encoded, booleans as 0/1, undefined as null. */
  params(record: Partial<R>): Record<string, SqlValue>;
  /** A row read with `selectList` turned into a record (JSON parsed, booleans restored). */
  fromRow(row: Record<string, unknown>): R;
}

/**
 * Columns for records whose fields come from a schema: each field's column is its name in
 * snake_case (startYear → start_year) unless `special` says otherwise, so a field added to
 * the schema needs only its migration.
 */
export function snakeColumns<R>(fields: readonly string[], special: Partial<Record<keyof R & string, ColumnDef>> = {}): TableDef<R>['columns'] {
  const snake = (f: string) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const out: Record<string, ColumnDef> = {};
  for (const f of fields) out[f] = (special as Record<string, ColumnDef | undefined>)[f] ?? snake(f);
  return out as TableDef<R>['columns'];
}

export function defineTable<R>(def: TableDef<R>): Table<R> {
  const columns: Column[] = Object.entries(def.columns as Record<string, ColumnDef>).map(([field, c]) =>
    typeof c === 'string' ? { field, column: c } : { field, ...c },
  );
  const byField = new Map(columns.map((c) => [c.field, c]));
  const keyCols = def.key.map((f) => {
    const c = byField.get(f);
    if (!c) throw new Error(`表 ${def.name} 的键字段 ${f} 未声明`);
    return c;
  });
  const keySet = new Set(keyCols.map((c) => c.field));
  const insertable = columns.filter((c) => !c.generated);
  const values = insertable.filter((c) => !keySet.has(c.field));
  const alias = (c: Column) => (c.column === c.field ? c.column : `${c.column} AS ${c.field}`);
  const selectList = columns.map(alias).join(', ');
  const insert = `INSERT INTO ${def.name} (${insertable.map((c) => c.column).join(', ')}) VALUES (${insertable
    .map((c) => `@${c.field}`)
    .join(', ')})`;
  const set = values.map((c) => `${c.column} = @${c.field}`).join(', ');
  const where = keyCols.map((c) => `${c.column} = @${c.field}`).join(' AND ');
  const upsert =
    `${insert} ON CONFLICT (${keyCols.map((c) => c.column).join(', ')}) ` +
    (values.length > 0 ? `DO UPDATE SET ${values.map((c) => `${c.column} = excluded.${c.column}`).join(', ')}` : 'DO NOTHING');

  return {
    name: def.name,
    columns,
    keyColumns: keyCols.map((c) => c.column),
    valueColumns: values.map((c) => c.column),
    selectList,
    select: (rest = '') => `SELECT ${selectList} FROM ${def.name}${rest ? ` ${rest}` : ''}`,
    insert,
    upsert,
    update: `UPDATE ${def.name} SET ${set} WHERE ${where}`,
    keyWhere: where,
    remove: `DELETE FROM ${def.name} WHERE ${where}`,
    updateOf(fields) {
      const cols = fields.map((f) => {
        const c = byField.get(f);
        if (!c) throw new Error(`表 ${def.name} 的字段 ${f} 未声明`);
        return `${c.column} = @${c.field}`;
      });
      return `UPDATE ${def.name} SET ${cols.join(', ')} WHERE ${where}`;
    },
    params(record) {
      const out: Record<string, SqlValue> = {};
      const r = record as Record<string, unknown>;
      for (const c of columns) {
        const v = r[c.field];
        if (c.generated && v === undefined) continue;
        if (v === undefined || v === null) out[c.field] = null;
        else if (c.json) out[c.field] = JSON.stringify(v);
        else if (c.bool || typeof v === 'boolean') out[c.field] = v ? 1 : 0;
        else out[c.field] = v as SqlValue;
      }
      return out;
    },
    fromRow(row) {
      const out: Record<string, unknown> = { ...row };
      for (const c of columns) {
        if (c.json) out[c.field] = parseJson(row[c.field], c.fallback);
        else if (c.bool) out[c.field] = row[c.field] === null || row[c.field] === undefined ? null : Boolean(row[c.field]);
      }
      return out as R;
    },
  };
}

function parseJson(v: unknown, fallback: unknown): unknown {
  if (typeof v !== 'string') return fallback ?? null;
  try {
    return JSON.parse(v);
  } catch {
    return fallback ?? null;
  }
}

/** All records of a table, optionally filtered/ordered by `rest` with named parameters. */
export function readAll<R>(db: Database.Database, t: Table<R>, rest = '', params: Record<string, SqlValue> = {}): R[] {
  return (db.prepare(t.select(rest)).all(params) as Record<string, unknown>[]).map((r) => t.fromRow(r));
}

/** One record, or null. */
export function readOne<R>(db: Database.Database, t: Table<R>, rest: string, params: Record<string, SqlValue>): R | null {
  const r = db.prepare(t.select(rest)).get(params) as Record<string, unknown> | undefined;
  return r ? t.fromRow(r) : null;
}
