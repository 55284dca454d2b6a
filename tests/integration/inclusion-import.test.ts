// 残疾学生与资源教室, 随迁子女 and 学校集团 import from a bureau-style sheet (blank cells stay
// unknown), refuse a row naming a school the project does not hold with its row and column,
// and what the export writes imports back into another project unchanged.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toXlsxBytes } from '../../electron/backend/io/table-writer';
import type { ImportResult } from '../../shared/import';
import type { DataTable } from '../../shared/templates/layouts';
import { xlsxOf } from '../helpers/import-files';
import { dumpData, tinyProject } from '../helpers/project';
import { apiSession } from '../helpers/api-session';

const api = apiSession('csp-inclusion-');
const { ok } = api;

const TABLES = ['special_needs', 'migrant_pupils', 'school_groups'];

function write(name: string, bytes: Buffer | Uint8Array): string {
  const file = path.join(api.dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('special education, migrant and group imports', () => {
  it('imports bureau sheets, keeps blanks unknown, and round-trips through the export', async () => {
    const source = await tinyProject(api.dir, '源.csplan');
    await ok('project.open', { path: source });
    const special = write('残疾学生.xlsx', xlsxOf([
      ['学校名称', '年度', '随班就读', '特教班', '送教上门', '资源教室数'],
      ['城关第一小学', 2024, 7, null, 2, 1],
      ['青山乡中心小学', 2024, 5, null, null, null],
    ]));
    const migrants = write('随迁子女.xlsx', xlsxOf([
      ['学校标识码', '年份', '进城务工人员随迁子女', '政府购买学位'],
      ['9909990001', 2024, 150, null],
      ['9909990003', 2024, 40, 0],
    ]));
    const groups = write('集团.xlsx', xlsxOf([
      ['集团名称', '类型', '核心学校', '成员学校', '成立年份'],
      ['城关教育集团', '集团化办学', '城关第一小学', '青山乡中心小学（9909990002）', 2022],
      ['东部共同体', '城乡学校共同体', '城关九年一贯制学校', '', null],
    ]));
    for (const [kind, file] of [['special_needs', special], ['migrants', migrants], ['school_groups', groups]] as const) {
      const r = await ok<ImportResult>('import.run', { path: file, kind, acceptWarnings: true });
      expect(r.ok, JSON.stringify(r.issues.filter((i) => i.severity === 'error'))).toBe(true);
    }
    const exported: Record<string, string> = {};
    for (const kind of ['special_needs', 'migrants', 'school_groups'] as const) {
      exported[kind] = write(`导出-${kind}.xlsx`, toXlsxBytes(await ok<DataTable>('data.export', { kind })));
    }
    api.backend.close();
    const stored = dumpData(source);
    expect(stored.special_needs).toEqual([
      ['9909990001', 2024, 7, null, 2, 1],
      ['9909990002', 2024, 5, null, null, null],
    ]);
    expect(stored.migrant_pupils).toEqual([
      ['9909990001', 2024, 150, null],
      ['9909990003', 2024, 40, 0],
    ]);
    expect(stored.school_groups).toEqual([
      ['东部共同体', '共同体', '9909990003', '[]', null],
      ['城关教育集团', '教育集团', '9909990001', '["9909990002"]', 2022],
    ]);

    const target = await tinyProject(api.dir, '目标.csplan');
    await ok('project.open', { path: target });
    for (const kind of ['special_needs', 'migrants', 'school_groups'] as const) {
      const r = await ok<ImportResult>('import.run', { path: exported[kind], kind, acceptWarnings: true });
      expect(r.ok, JSON.stringify(r.issues.filter((i) => i.severity === 'error'))).toBe(true);
    }
    api.backend.close();
    const back = dumpData(target);
    for (const t of TABLES) expect(back[t], t).toEqual(stored[t]);
  });

  it('refuses a school the project does not hold, naming the row and column, and writes nothing', async () => {
    const project = await tinyProject(api.dir);
    await ok('project.open', { path: project });
    const file = write('随迁子女.xlsx', xlsxOf([
      ['学校名称', '年份', '随迁子女'],
      ['城关第一小学', 2024, 10],
      ['不存在的小学', 2024, 12],
    ]));
    const r = await ok<ImportResult>('import.run', { path: file, kind: 'migrants' });
    expect(r.ok).toBe(false);
    expect(r.issues.find((i) => i.code === 'UNKNOWN_SCHOOL')).toMatchObject({ row: 3, column: 'A 列（学校名称）', severity: 'error' });
    api.backend.close();
    expect(dumpData(project).migrant_pupils).toEqual([]);
  });
});
