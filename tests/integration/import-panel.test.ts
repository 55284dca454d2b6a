// Five consecutive years of Manhattan's schools (real NYC data converted into 教育事业统计
// workbooks, with a documented handful of renames, moves and a new area added) imported
// year by year into an empty project: renamed schools keep their history under the new name
// with the old one as 曾用名, schools left out of a later year are marked 停办 and listed,
// re-importing a year changes nothing, and each year's students equal the file's sums.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import type { ImportResult } from '../../shared/import';
import { dumpData, IMPORT_AUDIT_TABLES } from '../helpers/project';
import { tempDir } from '../helpers/temp';

const DIR = path.resolve('tests/fixtures/real/nyc-panel');
const YEARS = [2013, 2014, 2015, 2016, 2017];

interface FileRow {
  code: string;
  name: string;
  area: string;
  students: number;
}

function fileRows(year: number): FileRow[] {
  const book = XLSX.read(fs.readFileSync(path.join(DIR, `曼哈顿-${year}.xlsx`)));
  const rows = XLSX.utils.sheet_to_json<(string | number)[]>(book.Sheets['学校基本情况'] as XLSX.WorkSheet, { header: 1 }).slice(1);
  return rows.map((r) => ({ code: String(r[1]), name: String(r[2]), area: String(r[4]), students: r.slice(5).reduce<number>((s, v) => s + Number(v), 0) }));
}

let dir: string;
let project: string;
let backend: Backend;
const results = new Map<number, ImportResult>();

async function ok<T>(method: string, input: unknown): Promise<T> {
  const res = await backend.dispatch(method, input);
  if (!res.ok) throw new Error(`${method} → ${res.error.code}: ${res.error.message}`);
  return res.result as T;
}

function importYear(year: number): Promise<ImportResult> {
  return ok<ImportResult>('import.run', { path: path.join(DIR, `曼哈顿-${year}.xlsx`), kind: 'schools', createTownships: true, acceptWarnings: true });
}

function query<T>(sql: string): T[] {
  const db = new Database(project, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

function fingerprint(): Record<string, { rows: number; sha: string }> {
  return Object.fromEntries(
    Object.entries(dumpData(project, IMPORT_AUDIT_TABLES)).map(([t, rows]) => [t, { rows: rows.length, sha: crypto.createHash('sha256').update(JSON.stringify(rows)).digest('hex') }]),
  );
}

beforeAll(async () => {
  dir = tempDir('csp-panel-');
  project = path.join(dir, '曼哈顿.csplan');
  backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'browser' });
  await ok('project.create', { path: project, name: '曼哈顿' });
  for (const year of YEARS) results.set(year, await importYear(year));
  backend.close();
}, 300_000);
afterAll(() => backend.close());

describe('a five-year panel, year by year', () => {
  it('imports every year, with each year students equal to the file sums', () => {
    for (const year of YEARS) expect(results.get(year)?.ok, `${year}: ${JSON.stringify(results.get(year)?.issues.filter((i) => i.severity === 'error').slice(0, 3))}`).toBe(true);
    const stored = new Map(query<{ year: number; n: number }>('SELECT year, sum(students) AS n FROM enrolment GROUP BY year').map((r) => [r.year, r.n]));
    for (const year of YEARS) expect(stored.get(year), String(year)).toBe(fileRows(year).reduce((s, r) => s + r.students, 0));
  });

  it('keeps a renamed school under its new name with the old one as 曾用名, and its earlier years', () => {
    const first = new Map(fileRows(2013).map((r) => [r.code, r]));
    const last = fileRows(2017);
    const renamed = last.filter((r) => first.has(r.code) && first.get(r.code)?.name !== r.name);
    expect(renamed.length).toBeGreaterThanOrEqual(5);
    const schools = new Map(query<{ code: string; name: string; former_names: string }>('SELECT code, name, former_names FROM schools').map((s) => [s.code, s]));
    for (const r of renamed) {
      expect(schools.get(r.code)?.name).toBe(r.name);
      expect(JSON.parse(schools.get(r.code)?.former_names ?? '[]')).toEqual([first.get(r.code)?.name]);
    }
    const years = query<{ n: number }>(`SELECT count(DISTINCT year) AS n FROM enrolment WHERE school = '${renamed[0]?.code}'`);
    expect(years[0]?.n).toBe(5);
  });

  it('moves a school to its new area and creates the new area', () => {
    const township = new Map(query<{ code: string; name: string }>('SELECT s.code, t.name FROM schools s JOIN townships t ON t.code = s.township').map((r) => [r.code, r.name]));
    const last = fileRows(2017);
    for (const r of last) expect(township.get(r.code), r.code).toBe(r.area);
    expect(last.some((r) => r.area === '第99学区')).toBe(true);
  });

  it('marks schools left out of a later year 停办, lists them, and keeps their data', () => {
    const inLast = new Set(fileRows(2017).map((r) => r.code));
    const everyCode = new Set(YEARS.flatMap((y) => fileRows(y).map((r) => r.code)));
    const gone = [...everyCode].filter((c) => !inLast.has(c));
    expect(gone.length).toBeGreaterThan(0);
    const status = new Map(query<{ code: string; status: string }>('SELECT code, status FROM schools').map((r) => [r.code, r.status]));
    expect(status.size).toBe(everyCode.size);
    for (const c of inLast) expect(status.get(c), c).toBe('在办');
    for (const c of gone) expect(status.get(c), c).toBe('停办');
    const listed = YEARS.flatMap((y) => results.get(y)?.issues.filter((i) => i.code === 'SCHOOLS_MISSING_FROM_FILE') ?? []);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed[0]?.message).toMatch(/已标为“停办”：不删除，历年数据保留/);
  });

  it('changes nothing when a year is imported again', async () => {
    const before = fingerprint();
    backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'browser' });
    await ok('project.open', { path: project });
    for (const year of [2017, 2015]) expect((await importYear(year)).ok).toBe(true);
    backend.close();
    expect(fingerprint()).toEqual(before);
  }, 120_000);
});
