// A census table by 区县 in the real 2020 layout (153 columns, age groups as 合计_/男_/女_
// columns, a national row and city rows above the counties) imports into an empty project:
// the unrelated columns are left out, the aggregate rows skipped with a note, and the stored
// population equals the file's own county rows.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/import';
import { withBackend } from '../helpers/with-backend';

const FIXTURE = path.resolve('tests/fixtures/real/census-2020-county/区县人口-2020普查格式.xlsx');

const session = withBackend('csp-census-');
const ok = <T>(method: string, input: unknown) => session.ok<T>(method, input);

/** The file's own sums over its county rows (not 全国, not the cities), by sex. */
function fileSums(): { T: number; M: number; F: number; counties: string[] } {
  const book = XLSX.read(fs.readFileSync(FIXTURE));
  const rows = XLSX.utils.sheet_to_json<(string | number)[]>(book.Sheets['分县'] as XLSX.WorkSheet, { header: 1 });
  const headers = rows[1] as string[];
  const county = rows.slice(2).filter((r) => !['全国', '甲市', '乙市'].includes(r[0] as string));
  const sum = (prefix: string) =>
    headers.reduce((s, h, c) => (/^(合计|男|女)_\d/.test(h) && h.startsWith(`${prefix}_`) ? s + county.reduce((t, r) => t + (r[c] as number), 0) : s), 0);
  return { T: sum('合计'), M: sum('男'), F: sum('女'), counties: county.map((r) => r[0] as string) };
}

describe('the 2020 census table by 区县', () => {
  it('imports with totals equal to the file county rows, skipping 全国 and the cities', async () => {
    const project = path.join(session.dir, '普查.csplan');
    await ok('project.create', { path: project, name: '普查' });
    const res = await ok<ImportResult>('import.run', { path: FIXTURE, kind: 'population', year: 2020 });
    expect(res.ok, JSON.stringify(res.issues.filter((i) => i.severity !== 'info'))).toBe(true);
    const skipped = res.issues.filter((i) => i.code === 'AGGREGATE_ROW_SKIPPED');
    expect(skipped.map((i) => [i.row, i.value])).toEqual([[3, '全国'], [4, '甲市'], [8, '乙市']]);
    expect(skipped[0]?.message).toMatch(/第 4–11 行之和/);
    expect(res.rowsImported).toBe(6);
    session.backend.close();

    const db = new Database(project, { readonly: true });
    const stored = Object.fromEntries(
      (db.prepare('SELECT sex, sum(count) AS n FROM population WHERE year = 2020 GROUP BY sex').all() as { sex: string; n: number }[]).map((r) => [r.sex, r.n]),
    );
    const townships = db.prepare('SELECT name FROM townships ORDER BY name').pluck().all();
    db.close();
    const want = fileSums();
    expect(stored).toEqual({ T: want.T, M: want.M, F: want.F });
    expect(townships).toEqual([...want.counties].sort());
  });
});
