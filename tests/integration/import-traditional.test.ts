// A Traditional-Chinese school table with students by grade and sex, last year's graduates
// and teacher columns imports with --year into an empty project: the graduates are not the
// year, the ROC 學年度 is not a year either, and the stored students equal the file's sums.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/import';
import { withBackend } from '../helpers/with-backend';

const FIXTURE = path.resolve('tests/fixtures/real/traditional-schools/國民小學校別資料.xlsx');

const session = withBackend('csp-trad-');
const ok = <T>(method: string, input: unknown) => session.ok<T>(method, input);

function fileSums(): { students: number; classes: number; teachers: number; schools: number } {
  const rows = XLSX.utils.sheet_to_json<(string | number)[]>(XLSX.read(fs.readFileSync(FIXTURE)).Sheets['國小'] as XLSX.WorkSheet, { header: 1 });
  const headers = rows[0] as string[];
  const data = rows.slice(1);
  const sum = (test: (h: string) => boolean) => headers.reduce((s, h, c) => (test(h) ? s + data.reduce((t, r) => t + (r[c] as number), 0) : s), 0);
  return {
    students: sum((h) => /年級(男|女)學生數$/.test(h)),
    classes: sum((h) => /年級班級數$/.test(h)),
    teachers: sum((h) => h === '專任教師數'),
    schools: data.length,
  };
}

describe('the Traditional-Chinese school table', () => {
  it('imports with --year 2024, totals equal to the file', async () => {
    const project = path.join(session.dir, '示範縣.csplan');
    await ok('project.create', { path: project, name: '示範縣' });
    const res = await ok<ImportResult>('import.run', { path: FIXTURE, kind: 'schools', year: 2024 });
    expect(res.ok, JSON.stringify(res.issues.filter((i) => i.severity !== 'info'))).toBe(true);
    expect(res.issues.map((i) => i.code)).not.toContain('BAD_YEAR');
    session.backend.close();
    const db = new Database(project, { readonly: true });
    const stored = db.prepare('SELECT sum(students) AS students, sum(classes) AS classes, min(year) AS y0, max(year) AS y1 FROM enrolment').get();
    const teachers = db.prepare('SELECT sum(teachers) FROM staff WHERE year = 2024').pluck().get();
    const schools = db.prepare('SELECT count(*) FROM schools').pluck().get();
    db.close();
    const want = fileSums();
    expect(stored).toEqual({ students: want.students, classes: want.classes, y0: 2024, y1: 2024 });
    expect(teachers).toBe(want.teachers);
    expect(schools).toBe(want.schools);
  });
});
