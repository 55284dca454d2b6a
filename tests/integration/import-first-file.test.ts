// A new, empty project takes its first school file without ticking anything: the townships
// come from the file and are listed in the result.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/import';
import { xlsxOf } from '../helpers/import-files';
import { withBackend } from '../helpers/with-backend';

const session = withBackend('csp-first-');
const ok = <T>(method: string, input: unknown) => session.ok<T>(method, input);

describe('the first import into an empty project', () => {
  it('imports without --create-townships or accepting warnings, and lists the townships it created', async () => {
    await ok('project.create', { path: path.join(session.dir, '新县.csplan'), name: '新县', countyCode: '410101' });
    const file = path.join(session.dir, '2024年学校.xlsx');
    fs.writeFileSync(file, xlsxOf([
      ['学校标识码', '学校名称', '办学类型', '乡镇', '一年级班数', '一年级学生数'],
      ['4101010001', '城关一小', '小学', '城关镇', 2, 90],
      ['4101010002', '东街小学', '小学', '东街街道', 2, 80],
      ['4101010003', '青山小学', '小学', '青山乡', 1, 30],
    ]));
    const res = await ok<ImportResult>('import.run', { path: file, kind: 'schools', year: 2024 });
    expect(res.ok, JSON.stringify(res.issues)).toBe(true);
    expect(res.rowsImported).toBe(3);
    const created = res.issues.filter((i) => i.code === 'TOWNSHIP_FROM_FIRST_FILE');
    expect(created.map((i) => i.value)).toEqual(['城关镇', '东街街道', '青山乡']);
    const townships = await ok<{ name: string; urbanRural: string }[]>('townships.list', {});
    expect(townships.map((t) => [t.name, t.urbanRural]).sort()).toEqual([['东街街道', '城区'], ['城关镇', '城区'], ['青山乡', '乡村']].sort());

    // Now the project has townships: an unknown name blocks, with the offer to create it.
    fs.writeFileSync(file, xlsxOf([['学校名称', '乡镇', '一年级学生数'], ['河口小学', '河口镇', 20]]));
    const second = await ok<ImportResult>('import.run', { path: file, kind: 'schools', year: 2025 });
    expect(second.ok).toBe(false);
    expect(second.issues.find((i) => i.code === 'UNKNOWN_TOWNSHIP')?.message).toMatch(/新建表中出现的未知乡镇/);
  });
});
