// A project file's schema is code: a trigger runs on our writes, a view answers our reads,
// an index expression runs on every insert. A file from outside may only hold exactly the
// schema our own migrations create for its version, nothing added, dropped or altered.
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors';
import type { Migration } from './migrations';

interface SchemaObject {
  type: string;
  name: string;
  tblName: string;
  sql: string;
}

type Schema = Map<string, SchemaObject>;

const TYPE_NAMES: Record<string, string> = { table: '表', index: '索引', trigger: '触发器', view: '视图' };

/** SQLite's own bookkeeping: AUTOINCREMENT counters and ANALYZE statistics hold no code. */
const BOOKKEEPING = /^sqlite_(sequence|stat\d)$/;

function readSchema(db: Database.Database): Schema {
  const rows = db.prepare('SELECT type, name, tbl_name AS tblName, sql FROM sqlite_schema').all() as {
    type: string;
    name: string;
    tblName: string;
    sql: string | null;
  }[];
  const schema: Schema = new Map();
  for (const r of rows) {
    if (r.type === 'table' && BOOKKEEPING.test(r.name)) continue;
    const sql = (r.sql ?? '').replace(/\s+/g, ' ').trim();
    schema.set(`${r.type}\0${r.name}`, { type: r.type, name: r.name, tblName: r.tblName, sql });
  }
  return schema;
}

const cache = new WeakMap<readonly Migration[], Map<number, Schema>>();

/** The schema migrations 1..version create, built once per version in memory. */
function expectedSchema(migrations: readonly Migration[], version: number): Schema {
  let byVersion = cache.get(migrations);
  if (!byVersion) cache.set(migrations, (byVersion = new Map()));
  const known = byVersion.get(version);
  if (known) return known;
  const mem = new Database(':memory:');
  try {
    for (const m of migrations.slice(0, version)) m.up(mem);
    const schema = readSchema(mem);
    byVersion.set(version, schema);
    return schema;
  } finally {
    mem.close();
  }
}

function label(o: SchemaObject): string {
  return `${TYPE_NAMES[o.type] ?? o.type}“${o.name}”`;
}

function differences(actual: Schema, expected: Schema): string[] {
  const out: string[] = [];
  for (const [key, o] of actual) {
    const want = expected.get(key);
    if (!want) out.push(`多出${label(o)}`);
    else if (want.tblName !== o.tblName || want.sql !== o.sql) out.push(`${label(o)}被改动`);
  }
  for (const [key, o] of expected) if (!actual.has(key)) out.push(`缺少${label(o)}`);
  return out;
}

function on(schema: Schema, table: string): Schema {
  return new Map([...schema].filter(([, o]) => o.tblName === table));
}

/**
 * Whether a table and everything attached to it (indexes, triggers, a view in its place)
 * is exactly as the migrations made it: then it can be read before the whole schema is
 * compared, to report a broken migration record precisely.
 */
export function isGenuineTable(db: Database.Database, migrations: readonly Migration[], version: number, table: string): boolean {
  const expected = on(expectedSchema(migrations, version), table);
  return expected.size > 0 && differences(on(readSchema(db), table), expected).length === 0;
}

/** Refuses a file whose schema is not exactly that of its version. */
export function checkSchema(db: Database.Database, file: string, migrations: readonly Migration[], version: number): void {
  const found = differences(readSchema(db), expectedSchema(migrations, version));
  if (found.length === 0) return;
  const shown = found.slice(0, 6).join('；') + (found.length > 6 ? `等 ${found.length} 处` : '');
  throw new AppError(
    'NOT_A_PROJECT',
    `项目文件“${path.basename(file)}”的数据结构与本程序第 ${version} 版项目不符（${shown}）。它可能被其他程序改动过，或夹带了会自动执行的内容；为安全起见不会打开，文件未作任何改动。`,
  );
}
