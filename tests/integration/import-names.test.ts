// Names are stored whole up to MAX_NAME_LENGTH and match themselves on the next import:
// long names, Traditional and full-width forms of what an earlier import created find it
// again instead of creating it a second time; a longer name is refused, naming the cell.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH } from '../../shared/domain';
import type { ImportResult } from '../../shared/import';
import { withBackend } from '../helpers/with-backend';
import { xlsxOf } from '../helpers/import-files';
import { tinyProject } from '../helpers/project';

const session = withBackend('csp-names-');
let project: string;

const { ok } = session;

beforeEach(async () => {
  project = await tinyProject(session.dir);
  await ok('project.open', { path: project });
});

const LONG_TOWNSHIP = `${'长'.repeat(MAX_NAME_LENGTH - 6)}经济技术开发区`.slice(0, MAX_NAME_LENGTH - 2) + '街道';
const LONG_SCHOOL = `${LONG_TOWNSHIP.slice(0, 60)}第一实验小学（东校区）`;

function file(name: string, rows: (string | number)[][]): string {
  const p = path.join(session.dir, name);
  fs.writeFileSync(p, xlsxOf([['学校标识码', '学校名称', '乡镇', '一年级班数', '一年级学生数'], ...rows]));
  return p;
}

/** Rows as stored (the project is closed to read it, then opened again). */
async function stored(sql: string): Promise<unknown[]> {
  session.backend.close();
  const db = new Database(project, { readonly: true });
  try {
    return db.prepare(sql).raw().all();
  } finally {
    db.close();
    session.restart();
    await ok('project.open', { path: project });
  }
}

describe('names across imports', () => {
  it('stores long, Traditional and full-width names whole and matches them the next year', async () => {
    expect(LONG_TOWNSHIP).toHaveLength(MAX_NAME_LENGTH);
    const first = await ok<ImportResult>('import.run', {
      path: file('2023.xlsx', [
        ['9909990101', LONG_SCHOOL, LONG_TOWNSHIP, 2, 80],
        ['9909990102', '新華鎮中心小學', '新華鎮', 1, 30],
        ['9909990103', 'ＡＢ希望小学', '东風乡', 1, 20],
      ]),
      kind: 'schools', year: 2023, createTownships: true, acceptWarnings: true,
    });
    expect(first.ok, JSON.stringify(first.issues)).toBe(true);
    const townshipsAfterFirst = await stored('SELECT code, name FROM townships ORDER BY code');
    expect(townshipsAfterFirst).toContainEqual([expect.any(String), LONG_TOWNSHIP]);
    // Whole, in the half-width form every imported text is kept in (（东校区） → (东校区)).
    expect(await stored('SELECT name FROM schools WHERE code = 9909990101')).toEqual([[LONG_SCHOOL.normalize('NFKC')]]);

    // Next year: the same townships in Simplified, full-width and spaced forms; nothing to create.
    const second = await ok<ImportResult>('import.run', {
      path: file('2024.xlsx', [
        ['9909990101', LONG_SCHOOL, ` ${LONG_TOWNSHIP} `, 2, 81],
        ['9909990102', '新华镇中心小学', '新华镇', 1, 31],
        ['9909990103', 'AB希望小学', '东风乡', 1, 21],
      ]),
      kind: 'schools', year: 2024, acceptWarnings: true,
    });
    expect(second.ok, JSON.stringify(second.issues)).toBe(true);
    expect(second.issues.map((i) => i.code)).not.toContain('NEW_TOWNSHIP');
    expect(second.issues.map((i) => i.code)).not.toContain('UNKNOWN_TOWNSHIP');
    expect(await stored('SELECT code, name FROM townships ORDER BY code')).toEqual(townshipsAfterFirst);
    expect(await stored("SELECT count(*) FROM enrolment WHERE year = 2024 AND school LIKE '99099901__'")).toEqual([[3]]);
  });

  it('refuses a name longer than the limit, naming sheet, row and column, and writes nothing', async () => {
    const tooLong = '很'.repeat(MAX_NAME_LENGTH + 1);
    const before = await stored('SELECT count(*) FROM townships');
    const res = await ok<ImportResult>('import.run', {
      path: file('过长.xlsx', [['9909990101', '甲小学', tooLong, 1, 20], ['9909990102', tooLong, '城关镇', 1, 20]]),
      kind: 'schools', year: 2024, createTownships: true,
    });
    expect(res.ok).toBe(false);
    const errors = res.issues.filter((i) => i.code === 'NAME_TOO_LONG');
    expect(errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ['Sheet1', 2, 'C 列（乡镇）'],
      ['Sheet1', 3, 'B 列（学校名称）'],
    ]);
    expect(errors[0]?.message).toContain(`共 ${MAX_NAME_LENGTH + 1} 字，超过名称的上限 ${MAX_NAME_LENGTH} 字`);
    expect(await stored('SELECT count(*) FROM townships')).toEqual(before);
  });
});
