import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineTable, readAll, readOne, snakeColumns } from '../../electron/backend/db/table';
import { tempDir } from '../helpers/temp';

interface Thing {
  id: number;
  name: string;
  startYear: number;
  tags: string[];
  active: boolean;
  note: string | null;
}

const things = defineTable<Thing>({
  name: 'things',
  key: ['id'],
  columns: {
    id: { column: 'id', generated: true },
    name: 'name',
    startYear: 'start_year',
    tags: { column: 'tags', json: true, fallback: [] },
    active: { column: 'active', bool: true },
    note: 'note',
  },
});

function open(): Database.Database {
  const db = new Database(path.join(tempDir(), 't.sqlite'));
  db.exec(`CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, start_year INTEGER NOT NULL,
    tags TEXT NOT NULL, active INTEGER NOT NULL, note TEXT)`);
  return db;
}

describe('table descriptor', () => {
  it('generates named-parameter SQL from the declaration', () => {
    expect(things.insert).toBe(
      'INSERT INTO things (name, start_year, tags, active, note) VALUES (@name, @startYear, @tags, @active, @note)',
    );
    expect(things.update).toBe(
      'UPDATE things SET name = @name, start_year = @startYear, tags = @tags, active = @active, note = @note WHERE id = @id',
    );
    expect(things.selectList).toBe('id, name, start_year AS startYear, tags, active, note');
    expect(things.keyColumns).toEqual(['id']);
    expect(things.valueColumns).toEqual(['name', 'start_year', 'tags', 'active', 'note']);
  });

  it('round-trips a record through SQLite, JSON and booleans included', () => {
    const db = open();
    const info = db.prepare(things.insert).run(things.params({ name: '甲', startYear: 2026, tags: ['新建'], active: true }));
    const id = Number(info.lastInsertRowid);
    expect(readOne(db, things, 'WHERE id = @id', { id })).toEqual({
      id, name: '甲', startYear: 2026, tags: ['新建'], active: true, note: null,
    });
    db.prepare(things.update).run(things.params({ id, name: '乙', startYear: 2027, tags: [], active: false, note: '备注' }));
    expect(readAll(db, things)).toEqual([{ id, name: '乙', startYear: 2027, tags: [], active: false, note: '备注' }]);
  });

  it('reads a malformed JSON column as its fallback instead of throwing', () => {
    const db = open();
    db.prepare("INSERT INTO things (name, start_year, tags, active) VALUES ('丙', 2030, 'not json', 0)").run();
    expect(readAll(db, things)[0]?.tags).toEqual([]);
  });

  it('upserts on the key', () => {
    const db = open();
    db.exec('CREATE TABLE kv (k TEXT PRIMARY KEY, some_value INTEGER)');
    const kv = defineTable<{ k: string; someValue: number }>({ name: 'kv', key: ['k'], columns: { k: 'k', someValue: 'some_value' } });
    db.prepare(kv.upsert).run(kv.params({ k: 'a', someValue: 1 }));
    db.prepare(kv.upsert).run(kv.params({ k: 'a', someValue: 2 }));
    expect(readAll(db, kv)).toEqual([{ k: 'a', someValue: 2 }]);
  });

  it('deletes by the key with named parameters', () => {
    expect(things.keyWhere).toBe('id = @id');
    expect(things.remove).toBe('DELETE FROM things WHERE id = @id');
    const db = open();
    const id = Number(db.prepare(things.insert).run(things.params({ name: '丁', startYear: 2031, tags: [], active: true })).lastInsertRowid);
    db.prepare(things.remove).run({ id });
    expect(readAll(db, things)).toEqual([]);
  });

  it('updates only the named fields of a row', () => {
    const db = open();
    expect(things.updateOf(['name', 'note'])).toBe('UPDATE things SET name = @name, note = @note WHERE id = @id');
    const id = Number(db.prepare(things.insert).run(things.params({ name: '甲', startYear: 2026, tags: ['a'], active: true })).lastInsertRowid);
    db.prepare(things.updateOf(['note'])).run(things.params({ id, note: '改' }));
    expect(readOne(db, things, 'WHERE id = @id', { id })).toEqual({ id, name: '甲', startYear: 2026, tags: ['a'], active: true, note: '改' });
    expect(() => things.updateOf(['nope' as 'note'])).toThrow(/字段 nope/);
  });

  it('names columns after schema fields in snake_case, with exceptions', () => {
    const t = defineTable<Thing>({ name: 'things', key: ['id'], columns: snakeColumns<Thing>(['id', 'name', 'startYear', 'tags', 'active', 'note'], { id: { column: 'id', generated: true }, tags: { column: 'tags', json: true, fallback: [] }, active: { column: 'active', bool: true } }) });
    expect(t.insert).toBe(things.insert);
    expect(t.selectList).toBe(things.selectList);
  });

  it('refuses a key field that is not declared', () => {
    expect(() => defineTable<{ a: string }>({ name: 'x', key: ['b' as 'a'], columns: { a: 'a' } })).toThrow(/键字段 b/);
  });
});
