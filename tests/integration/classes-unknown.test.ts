// A missing 班级数 is stored as unknown (NULL), never as 0: by an import of a file without the
// column, and by the v8 upgrade of files whose older imports wrote 0 beside pupils. The
// exported table leaves an unknown count empty, and a known one goes out as it is.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupDir } from '../../electron/backend/db/backups';
import { APPLICATION_ID, MIGRATIONS } from '../../electron/backend/db/migrations/index';
import { v8 } from '../../electron/backend/db/migrations/v8-classes-null';
import { openProjectFile } from '../../electron/backend/db/project-file';
import type { SchoolRow } from '../../shared/api';
import type { ImportResult } from '../../shared/import';
import type { PlanEvaluation } from '../../shared/plan/types';
import type { DataTable } from '../../shared/templates/layouts';
import { resultOf } from '../helpers/backend';
import { withBackend } from '../helpers/with-backend';
import { xlsxOf } from '../helpers/import-files';

const session = withBackend('csp-classes-', 'cli');

const enrolmentRows = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT school, grade, classes, students FROM enrolment ORDER BY school, grade').all() as { school: string; grade: number; classes: number | null; students: number }[];
  } finally {
    db.close();
  }
};

describe('class counts the file does not give', () => {
  it('are stored as NULL, the ones it gives as they are, and exported empty', async () => {
    const project = path.join(session.dir, '小河县.csplan');
    await resultOf(session.backend.dispatch('project.create', { path: project, name: '小河县', countyCode: '990999' }));
    const file = path.join(session.dir, '学生.xlsx');
    fs.writeFileSync(
      file,
      xlsxOf([
        ['学校标识码', '学校名称', '乡镇', '一年级班级数', '一年级学生数', '二年级学生数'],
        ['9909990010', '城关小学', '城关镇', 2, 80, 75],
      ]),
    );
    const res = await resultOf<ImportResult>(session.backend.dispatch('import.run', { path: file, kind: 'schools', year: 2025, acceptWarnings: true }));
    expect(res.ok, JSON.stringify(res.issues.slice(0, 5))).toBe(true);
    session.backend.close();
    expect(enrolmentRows(project)).toEqual([
      { school: '9909990010', grade: 1, classes: 2, students: 80 },
      { school: '9909990010', grade: 2, classes: null, students: 75 },
    ]);
    session.restart();
    await resultOf(session.backend.dispatch('project.open', { path: project }));
    const table = await resultOf<DataTable>(session.backend.dispatch('data.export', { kind: 'enrolment' }));
    const col = table.headers.indexOf('班级数（个）');
    expect(table.rows.map((r) => r[col])).toEqual([2, null]);
  });
});

describe('the v8 upgrade', () => {
  it('turns an old file’s 0 classes beside pupils into NULL and keeps every other count', async () => {
    const file = path.join(session.dir, '旧版.csplan');
    const empty = new Database(file);
    empty.pragma(`application_id = ${APPLICATION_ID}`);
    empty.close();
    // A file as it was just before this migration (later ones are applied on opening too).
    const old = await openProjectFile(file, { migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(v8)) });
    old.db.exec(`
      INSERT INTO townships (code, name, kind, urban_rural, area) VALUES ('990999001', '城关镇', '镇', '城区', '');
      INSERT INTO schools (code, name, kind, ownership, township, urban_rural) VALUES ('9909990010', '城关小学', 'primary', '公办', '990999001', '城区');
      INSERT INTO enrolment (school, year, stage, grade, classes, students) VALUES
        ('9909990010', 2025, 'primary', 1, 2, 80), ('9909990010', 2025, 'primary', 2, 0, 75), ('9909990010', 2025, 'primary', 3, 0, 0);
    `);
    old.close();
    const upgraded = await openProjectFile(file);
    upgraded.close();
    expect(enrolmentRows(file)).toEqual([
      { school: '9909990010', grade: 1, classes: 2, students: 80 },
      { school: '9909990010', grade: 2, classes: null, students: 75 },
      { school: '9909990010', grade: 3, classes: 0, students: 0 },
    ]);
    // The upgrade took a backup first, and the file now takes unknown counts.
    expect(fs.readdirSync(backupDir(file)).some((f) => f.includes(`升级前v${v8.version - 1}`))).toBe(true);
  });
});

describe('a school with its floor area but no classes or design seats', () => {
  it('has its seats estimated from the floor area at the 建标 norm, marked with the method, in 学校 and 规划 alike', async () => {
    const project = path.join(session.dir, '小河县.csplan');
    await resultOf(session.backend.dispatch('project.create', { path: project, name: '小河县', countyCode: '990999' }));
    const grades = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'];
    const file = path.join(session.dir, '学生.xlsx');
    fs.writeFileSync(
      file,
      xlsxOf([
        ['学校标识码', '学校名称', '办学类型', '乡镇', '校舍建筑面积', ...grades.map((g) => `${g}学生数`)],
        ['9909990010', '城关小学', '小学', '城关镇', 9000, ...grades.map(() => 150)],
        ['9909990011', '城关二小', '小学', '城关镇', null, ...grades.map(() => 150)],
      ]),
    );
    const res = await resultOf<ImportResult>(session.backend.dispatch('import.run', { path: file, kind: 'schools', year: 2025, acceptWarnings: true }));
    expect(res.ok, JSON.stringify(res.issues.slice(0, 5))).toBe(true);
    // 900 pupils at 45 a class: 20 classes, so the 18-class row of 建标〔2002〕102号 表4-1 applies
    // (the largest not above 20), 8.3 m² per pupil (规划指标, the default basis): 9,000 ÷ 8.3 = 1,084.3 → 1,084 seats.
    const rows = await resultOf<SchoolRow[]>(session.backend.dispatch('schools.list', {}));
    expect(rows.find((r) => r.code === '9909990010')).toMatchObject({ capacity: 1084, capacitySource: 'floor' });
    expect(rows.find((r) => r.code === '9909990011')).toMatchObject({ capacity: 20 * 45, capacitySource: 'students' });
    const ev = await resultOf<PlanEvaluation>(session.backend.dispatch('plan.evaluate', {}));
    const floor = ev.capacityEstimates.find((e) => e.code === '9909990010');
    expect(floor).toMatchObject({ classes: 20, seats: 1084 });
    expect(floor?.method).toMatch(/^估算：校舍建筑面积 ÷ 建标生均校舍建筑面积（.*建标〔2002〕102号/);
    expect(ev.capacityEstimates.find((e) => e.code === '9909990011')).toMatchObject({ seats: 900, method: '估算：在校生 ÷ 标准班额 得班级数，× 标准班额' });
    expect(ev.warnings[0]?.message).toMatch(/学位为估算（1 所按校舍建筑面积.*；1 所按在校生/);
  });
});
