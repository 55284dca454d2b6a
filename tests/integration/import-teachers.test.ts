// A per-school teacher table in the 基础基表 layout (title row, two header rows with merged
// groups, a 合计 row, no year column) imports with a year into the tiny county: every
// breakdown is stored per school, the school's staff record takes the file's 专任教师 and
// 县级以上骨干 (its other counts kept), and the export in the import layout reads back to the
// same rows in another project.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { SchoolDetail } from '../../shared/api';
import type { ImportResult } from '../../shared/import';
import type { DataTable } from '../../shared/templates/layouts';
import { SCHOOLS } from '../fixtures/real/teacher-table/make-workbook';
import { withBackend } from '../helpers/with-backend';
import { xlsxOf } from '../helpers/import-files';
import { tinyProject } from '../helpers/project';

const FIXTURE = path.resolve('tests/fixtures/real/teacher-table/教职工情况.xlsx');

const session = withBackend('csp-teachers-import-');
const ok = <T>(method: string, input: unknown) => session.ok<T>(method, input);

type Row = { school: string; year: number; dimension: string; category: string; count: number };
const profileOf = (project: string): Row[] => {
  const db = new Database(project, { readonly: true });
  const rows = db.prepare('SELECT school, year, dimension, category, count FROM staff_profile ORDER BY school, year, dimension, category').all() as Row[];
  db.close();
  return rows;
};

describe('the teacher table', () => {
  it('imports in the 基础基表 layout with --year 2024', async () => {
    const project = await tinyProject(session.dir);
    await ok('project.open', { path: project });
    const res = await ok<ImportResult>('import.run', { path: FIXTURE, kind: 'teachers', year: 2024 });
    expect(res.ok, JSON.stringify(res.issues.filter((i) => i.severity !== 'info'))).toBe(true);
    expect(res.issues.map((i) => i.code)).toContain('TOTAL_ROW_SKIPPED');
    expect(res.issues.map((i) => i.code)).not.toContain('PROFILE_SUM_MISMATCH');
    session.backend.close();

    const rows = profileOf(project);
    const of = (school: string, category: string) => rows.find((r) => r.school === school && r.category === category)?.count;
    // 4 posts + 9 age bands + 5 degrees + 6 titles + 4 骨干 levels per school.
    expect(rows.length).toBe(SCHOOLS.length * (4 + 9 + 5 + 6 + 4));
    expect(rows.every((r) => r.year === 2024)).toBe(true);
    expect(of('9909990001', 'post_teachers')).toBe(22);
    expect(of('9909990001', 'age_24_below')).toBe(1);
    expect(of('9909990001', 'age_55_59')).toBe(3);
    expect(of('9909990002', 'degree_below')).toBe(1);
    expect(of('9909990003', 'title_senior_full')).toBe(1);
    expect(of('9909990003', 'key_county')).toBe(4);
    // Each group adds up to the school's 专任教师, as in the file.
    for (const [code, , posts, ages] of SCHOOLS) {
      const sum = (dimension: string) => rows.filter((r) => r.school === code && r.dimension === dimension).reduce((s, r) => s + r.count, 0);
      expect(sum('age'), code).toBe(posts[0]);
      expect(sum('degree'), code).toBe(posts[0]);
      expect(sum('title'), code).toBe(posts[0]);
      expect(ages.length).toBe(9);
    }

    const db = new Database(project, { readonly: true });
    const staff = db.prepare('SELECT school, year, teachers, qualified_above, key_teachers, pe_arts_teachers FROM staff ORDER BY school').all();
    db.close();
    // The one school with a staff record: 专任教师 22 and 骨干 0 + 1 + 1 + 2 from the file; 学历 and 体育艺术 kept.
    expect(staff).toEqual([{ school: '9909990001', year: 2024, teachers: 22, qualified_above: 12, key_teachers: 4, pe_arts_teachers: 2 }]);
  });

  it('exports in the import layout and reads back to the same rows', async () => {
    const source = await tinyProject(session.dir, '源.csplan');
    await ok('project.open', { path: source });
    expect((await ok<ImportResult>('import.run', { path: FIXTURE, kind: 'teachers', year: 2024 })).ok).toBe(true);
    const table = await ok<DataTable>('data.export', { kind: 'teachers' });
    expect(table.rows.length).toBe(SCHOOLS.length);
    const file = path.join(session.dir, '导出的教职工结构.xlsx');
    fs.writeFileSync(file, xlsxOf([table.headers, ...table.rows]));
    const target = await tinyProject(session.dir, '目标.csplan');
    await ok('project.open', { path: target });
    const res = await ok<ImportResult>('import.run', { path: file, kind: 'teachers' });
    expect(res.ok, JSON.stringify(res.issues.filter((i) => i.severity !== 'info'))).toBe(true);
    session.backend.close();
    expect(profileOf(target)).toEqual(profileOf(source));
  });

  it('says where the age bands do not add up to 专任教师, naming the row, and keeps the file\'s numbers', async () => {
    const project = await tinyProject(session.dir);
    await ok('project.open', { path: project });
    const header = ['学校标识码', '学校名称', '专任教师', '24岁及以下', '25-29岁', '30-34岁', '35-39岁', '40-44岁', '45-49岁', '50-54岁', '55-59岁', '60岁及以上'];
    const file = path.join(session.dir, '年龄不符.xlsx');
    fs.writeFileSync(file, xlsxOf([header, ['9909990002', '青山乡中心小学', 10, 1, 1, 1, 1, 1, 1, 1, 1, 0]]));
    const res = await ok<ImportResult>('import.run', { path: file, kind: 'teachers', year: 2024, acceptWarnings: true });
    expect(res.ok).toBe(true);
    const issue = res.issues.find((i) => i.code === 'PROFILE_SUM_MISMATCH');
    expect(issue).toMatchObject({ severity: 'warning', row: 2 });
    expect(issue?.message).toContain('按年龄段分列的专任教师合计 8 人，与“专任教师” 10 人不一致');
    session.backend.close();
    expect(profileOf(project).filter((r) => r.dimension === 'age').reduce((s, r) => s + r.count, 0)).toBe(8);
  });

  it('moves a school\'s 教职工结构 with it when its code is changed, and back on undo', async () => {
    const project = await tinyProject(session.dir);
    await ok('project.open', { path: project });
    expect((await ok<ImportResult>('import.run', { path: FIXTURE, kind: 'teachers', year: 2024 })).ok).toBe(true);
    const edit = await ok<{ editId: number }>('schools.update', { school: '9909990002', changes: { code: '9909990099' } });
    const moved = await ok<SchoolDetail>('schools.detail', { code: '9909990099' });
    expect(moved.staffProfile.length).toBe(4 + 9 + 5 + 6 + 4);
    expect(moved.staffProfile.find((r) => r.category === 'degree_below')?.count).toBe(1);
    await ok('edits.undo', { editId: edit.editId });
    session.backend.close();
    const rows = profileOf(project);
    expect(rows.filter((r) => r.school === '9909990099')).toEqual([]);
    expect(rows.filter((r) => r.school === '9909990002').length).toBe(4 + 9 + 5 + 6 + 4);
  });

  describe('refuses or questions what cannot be a school\'s staff, naming row and column, and writes nothing refused', () => {
    const header = ['学校标识码', '学校名称', '专任教师', '24岁及以下', '25-29岁', '30-34岁', '35-39岁', '40-44岁', '45-49岁', '50-54岁', '55-59岁', '60岁及以上', '本科毕业', '县级'];
    const row = (teachers: string | number, bachelor: number, county: number) => ['9909990002', '青山乡中心小学', teachers, 0, 1, 0, 1, 0, 1, 1, 2, 0, bachelor, county];
    const run = async (name: string, rows: (string | number | null)[][]) => {
      const project = await tinyProject(session.dir);
      await ok('project.open', { path: project });
      const file = path.join(session.dir, `${name}.xlsx`);
      fs.writeFileSync(file, xlsxOf([header, ...rows]));
      const res = await ok<ImportResult>('import.run', { path: file, kind: 'teachers', year: 2024 });
      session.backend.close();
      return { res, stored: profileOf(project) };
    };
    const found = (res: ImportResult, code: string) => res.issues.find((i) => i.code === code);

    it.each([
      ['negative', -3, 'NEGATIVE', '专任教师不能为负数'],
      ['fraction', 6.5, 'NOT_INTEGER', '专任教师应为整数'],
      ['text', '六', 'NOT_A_NUMBER', '专任教师应为数字'],
      ['a county total', 1e12, 'IMPLAUSIBLE_COUNT', '超过一所学校可能有的人数（10,000 人）'],
    ])('%s in 专任教师 is an error in row 2, column C, and nothing is stored', async (name, teachers, code, text) => {
      const { res, stored } = await run(name, [row(teachers, 3, 0)]);
      expect(res.ok).toBe(false);
      expect(found(res, code)).toMatchObject({ severity: 'error', row: 2, column: 'C 列（专任教师）' });
      expect(found(res, code)?.message).toContain(text);
      expect(stored).toEqual([]);
    });

    it('a school given twice for one year is refused at its second row', async () => {
      const { res, stored } = await run('twice', [row(6, 3, 0), row(7, 3, 0)]);
      expect(res.ok).toBe(false);
      expect(found(res, 'DUPLICATE_ROW')).toMatchObject({ severity: 'error', row: 3 });
      expect(stored).toEqual([]);
    });

    it('more 本科 than 专任教师 (a partial 学历 breakdown) and more 骨干 than teachers are warnings to confirm', async () => {
      const { res, stored } = await run('too-many', [row(6, 60, 50)]);
      expect(res.ok).toBe(false);
      expect(found(res, 'WARNINGS_NOT_ACCEPTED')).toBeDefined();
      expect(found(res, 'PROFILE_SUM_MISMATCH')).toMatchObject({ severity: 'warning', row: 2, column: 'M 列（本科毕业）' });
      expect(found(res, 'PROFILE_SUM_MISMATCH')?.message).toContain('按学历分列的专任教师（表中只有 1 个类别）合计 60 人');
      expect(found(res, 'KEY_ABOVE_TEACHERS')).toMatchObject({ severity: 'warning', row: 2, column: 'N 列（县级）' });
      expect(stored).toEqual([]);
    });

    it('a partial breakdown within 专任教师 passes without a warning', async () => {
      const { res, stored } = await run('partial', [row(6, 3, 1)]);
      expect(res.ok, JSON.stringify(res.issues)).toBe(true);
      expect(res.issues.filter((i) => i.severity !== 'info')).toEqual([]);
      expect(stored.find((r) => r.category === 'degree_bachelor')?.count).toBe(3);
    });
  });
});
