// A new project started from the national division list holds the county's official
// townships, and a first school file naming them (with the usual variants) matches them by
// code or name instead of creating new ones.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { officialTownships } from '../../shared/divisions/townships';
import type { ImportResult } from '../../shared/import';
import { resultOf } from '../helpers/backend';
import { withBackend } from '../helpers/with-backend';
import { xlsxOf } from '../helpers/import-files';

const session = withBackend('csp-division-', 'cli');

describe('a project started from the national division list', () => {
  it('starts with the official townships and matches a file’s names to them', async () => {
    const project = path.join(session.dir, '长沙县.csplan');
    await resultOf(session.backend.dispatch('project.create', { path: project, name: '长沙县', countyCode: '430121', officialTownships: true }));
    const townships = await resultOf<{ code: string; name: string; kind: string; urbanRural: string }[]>(session.backend.dispatch('townships.list', {}));
    expect(townships.map((t) => t.code).sort()).toEqual(officialTownships('430121').map((t) => t.code).sort());
    expect(townships.find((t) => t.code === '430121001')).toMatchObject({ name: '星沙街道', kind: '街道', urbanRural: '城区' });

    const file = path.join(session.dir, '学校.xlsx');
    fs.writeFileSync(
      file,
      xlsxOf([
        ['学校标识码', '学校名称', '乡镇', '一年级班级数', '一年级学生数'],
        ['4301210001', '星沙小学', '星沙街道办事处', 4, 180],
        ['4301210002', '黄兴小学', '黄兴镇', 2, 90],
        ['4301210003', '白沙小学', '白沙洲镇', 1, 30],
      ]),
    );
    const res = await resultOf<ImportResult>(session.backend.dispatch('import.run', { path: file, kind: 'schools', year: 2025, acceptWarnings: true }));
    expect(res.ok, JSON.stringify(res.issues.slice(0, 5))).toBe(true);
    expect(res.rowsImported).toBe(2);
    expect(res.issues.find((i) => i.code === 'UNKNOWN_TOWNSHIP')).toMatchObject({ severity: 'warning', row: 4, value: '白沙洲镇' });
    const after = await resultOf<unknown[]>(session.backend.dispatch('townships.list', {}));
    expect(after).toHaveLength(townships.length);
  });

  it('refuses a county code the list does not have, in words', async () => {
    const res = await session.backend.dispatch('project.create', { path: path.join(session.dir, '无.csplan'), name: '无', countyCode: '999999', officialTownships: true });
    expect(!res.ok && res.error.message).toMatch(/全国行政区划表中没有代码为 999999 的县/);
    expect(fs.existsSync(path.join(session.dir, '无.csplan'))).toBe(false);
  });
});
