// The record declarations and the schema the migrations create cannot drift apart: every
// county table's descriptor names exactly the columns of the table in a new project file,
// in the table's order (the import journal stores rows in that order), with its key.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COUNTY_TABLES } from '../../electron/backend/db/county-tables';
import { TABLES } from '../../electron/backend/db/import-journal';
import { createProjectFile, type ProjectFile } from '../../electron/backend/db/project-file';
import { insertCountyData } from '../../electron/backend/db/county-data';
import { undoImportRows } from '../../electron/backend/db/imports';
import { schoolByCode } from '../../electron/backend/db/queries';
import { tinyCounty } from '../fixtures/tiny-county';
import { tempDir } from '../helpers/temp';

interface ColumnInfo {
  name: string;
  pk: number;
}

const opened: ProjectFile[] = [];
afterAll(() => opened.forEach((f) => f.close()));

async function freshFile(): Promise<ProjectFile> {
  const file = await createProjectFile(path.join(tempDir(), '新建.csplan'));
  opened.push(file);
  return file;
}

describe('county table descriptors', () => {
  it.each(Object.entries(COUNTY_TABLES))('%s: the descriptor has the columns of the migrated table, in order', async (name, table) => {
    const file = await freshFile();
    const info = file.db.prepare('SELECT name, pk FROM pragma_table_info(?) ORDER BY cid').all(name) as ColumnInfo[];
    expect(info.length).toBeGreaterThan(0);
    expect(table.name).toBe(name);
    expect(table.columns.map((c) => c.column)).toEqual(info.map((c) => c.name));
    expect([...table.keyColumns, ...table.valueColumns]).toEqual(info.map((c) => c.name));
  });

  it.each(Object.entries(COUNTY_TABLES))('%s: the descriptor key is the table primary key', async (name, table) => {
    const file = await freshFile();
    const info = file.db.prepare('SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').all(name) as ColumnInfo[];
    expect(table.keyColumns).toEqual(info.map((c) => c.name));
  });

  it('gives the import journal keys then values of each table', () => {
    expect(TABLES.schools.keys).toEqual(['code']);
    expect(TABLES.schools.values.slice(0, 7)).toEqual(['name', 'kind', 'ownership', 'township', 'urban_rural', 'lat', 'lng']);
    expect(TABLES.enrolment).toEqual({ name: 'enrolment', keys: ['school', 'year', 'stage', 'grade'], values: ['classes', 'students'] });
  });

  it('undoes an import journalled before a column was appended, leaving that column as it is', async () => {
    const file = await freshFile();
    insertCountyData(file.db, tinyCounty());
    const code = '9909990001';
    const columns = [...TABLES.schools.keys, ...TABLES.schools.values];
    const today = file.db.prepare(`SELECT ${columns.join(', ')} FROM schools WHERE code = ?`).raw().get(code) as unknown[];
    // As a version without `status` (and whatever follows it) journalled it.
    const after = today.slice(0, columns.indexOf('status'));
    const before = [...after];
    before[1] = '旧校名';
    file.db.prepare("INSERT INTO imports (id, kind, file_name, sha256, imported_at) VALUES (1, 'schools', '旧.xlsx', '', '2025-01-01')").run();
    file.db.prepare("UPDATE schools SET status = '停办' WHERE code = ?").run(code);
    file.db
      .prepare('INSERT INTO import_changes (import_id, chunk, entries) VALUES (1, 0, ?)')
      .run(JSON.stringify([['schools', JSON.stringify([code]), JSON.stringify(before), JSON.stringify(after)]]));
    expect(undoImportRows(file.db, 1)).toEqual({ restored: 1 });
    expect(schoolByCode(file.db, code)).toMatchObject({ name: '旧校名', status: '停办' });
  });
});
