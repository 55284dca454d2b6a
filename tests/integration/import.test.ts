// 数据导入 through the real backend and real SQLite files: the wizard's calls, the
// headless run, exact undo, re-import in place, and round trips with the export.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import * as XLSX from 'xlsx';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { createProjectWithData } from '../../electron/backend/services/project';
import type { DataTable } from '../../shared/templates/layouts';
import type { ImportAnalysis, ImportCheck, ImportFileStatus, ImportRecord, ImportResult, MappingTemplate } from '../../shared/import';
import { generateCounty } from '../../shared/sample';
import { toXlsxBytes } from '../../electron/backend/io/table-writer';
import { withBackend } from '../helpers/with-backend';
import { messySchoolsGbkCsv, messySchoolsXls, messySchoolsXlsx, xlsxOf } from '../helpers/import-files';
import { dumpData, IMPORT_AUDIT_TABLES, tinyProject } from '../helpers/project';

const session = withBackend('csp-import-');
let project: string;

async function ok<T>(method: string, input: unknown, be: Backend = session.backend): Promise<T> {
  const res = await be.dispatch(method, input);
  if (!res.ok) throw new Error(`${method} → ${res.error.code}: ${res.error.message}`);
  return res.result as T;
}

async function fails(method: string, input: unknown): Promise<{ code: string; message: string }> {
  const res = await session.backend.dispatch(method, input);
  if (res.ok) throw new Error(`${method} should have failed`);
  return res.error;
}

function write(name: string, bytes: Buffer | string): string {
  const file = path.join(session.dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Data of the project as stored, without the import's own audit tables (needs the file closed). */
function data(file = project) {
  return dumpData(file, IMPORT_AUDIT_TABLES);
}

async function reopen(): Promise<void> {
  await ok('project.open', { path: project });
}

beforeEach(async () => {
  project = await tinyProject(session.dir);
  await reopen();
});

/** The wizard's path: upload in chunks (as the browser does), read, analyse. */
async function wizardOpen(bytes: Buffer, fileName: string, encoding?: string): Promise<ImportFileStatus> {
  const CHUNK = 96 * 1024;
  let uploadId: string | undefined;
  for (let offset = 0; offset < bytes.length || offset === 0; offset += CHUNK) {
    const r = await ok<{ uploadId: string; complete: boolean }>('import.upload', {
      uploadId, fileName, size: bytes.length, offset, data: bytes.subarray(offset, offset + CHUNK).toString('base64'),
    });
    uploadId = r.uploadId;
    if (r.complete) break;
  }
  let status = await ok<ImportFileStatus>('import.open', { source: { uploadId }, encoding });
  while (status.state === 'reading') {
    await new Promise((r) => setTimeout(r, 20));
    status = await ok<ImportFileStatus>('import.status', { fileId: status.fileId });
  }
  return status;
}

describe('the wizard, call by call', () => {
  it('imports the messy workbook and undoes it exactly', async () => {
    session.backend.close();
    const original = data();
    await reopen();

    const file = await wizardOpen(messySchoolsXlsx(), '2025年统计.xlsx');
    expect(file.state).toBe('ready');
    expect(file.sheets.map((s) => [s.name, s.hidden])).toEqual([['说明', false], ['小学', false], ['旧表', true]]);
    const analysis = await ok<ImportAnalysis>('import.analyse', { fileId: file.fileId, sheet: '小学', kind: 'schools' });
    expect(analysis).toMatchObject({ header: { first: 3, last: 4 }, titleYear: 2025 });
    expect(analysis.targets.some((t) => t.value === 'students:primary:1:M' && t.label.includes('一年级'))).toBe(true);
    const request = { fileId: file.fileId, sheet: '小学', kind: 'schools', year: analysis.titleYear ?? undefined, columns: analysis.columns.map((c) => ({ index: c.index, target: c.target })) };
    const check = await ok<ImportCheck>('import.check', request);
    expect(check).toMatchObject({ canCommit: true, needsAcceptance: false, counts: { rowsRead: 5, rowsImported: 3, rowsSkipped: 2, rowsRejected: 0 } });
    expect(check.preview.rows.map((r) => r[2])).toEqual(['城关第一小学', '青山乡中心小学', '青山乡新村小学']);

    const result = await ok<ImportResult>('import.commit', request);
    expect(result).toMatchObject({ ok: true, importId: 1, rowsImported: 3 });
    expect(result.backup).toMatch(/导入前-学校\.csplan$/);
    const detail = await ok<{ latestGrades: { grade: number; students: number; classes: number }[] }>('schools.detail', { code: '9909990001' });
    expect(detail.latestGrades.map((g) => [g.grade, g.classes, g.students])).toEqual([[1, 3, 135], [2, 2, 118]]);

    const records = await ok<ImportRecord[]>('import.list', {});
    expect(records[0]).toMatchObject({ id: 1, kind: 'schools', fileName: '2025年统计.xlsx', sheet: '小学', year: 2025, rowsImported: 3, undoneAt: null });
    expect(records[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(records[0]?.mapping?.columns.find((c) => c.header === '一年级 / 男')?.target).toBe('students:primary:1:M');
    expect((await ok<unknown[]>('import.issues', { importId: 1 })).length).toBeGreaterThan(0);

    const undo = await ok<{ restored: number }>('import.undo', { importId: 1 });
    expect(undo.restored).toBe(records[0]?.changes);
    expect((await ok<ImportRecord[]>('import.list', {}))[0]?.undoneAt).not.toBeNull();
    expect((await fails('import.undo', { importId: 1 })).message).toMatch(/已于.*撤销过/);
    session.backend.close();
    expect(data()).toEqual(original);
  });

  it('reads the GBK CSV and the .xls variants to the same result as the .xlsx', async () => {
    const plans: unknown[] = [];
    for (const [name, bytes] of [['统计.xlsx', messySchoolsXlsx()], ['统计.csv', messySchoolsGbkCsv()], ['统计.xls', messySchoolsXls()]] as const) {
      const file = await wizardOpen(bytes, name);
      expect(file.state, file.error?.message).toBe('ready');
      const sheet = file.sheets.find((s) => !s.hidden && s.rows > 5)?.name ?? '';
      const a = await ok<ImportAnalysis>('import.analyse', { fileId: file.fileId, sheet, kind: 'schools' });
      const check = await ok<ImportCheck>('import.check', { fileId: file.fileId, sheet, kind: 'schools', year: 2025, columns: a.columns.map((c) => ({ index: c.index, target: c.target })) });
      plans.push({ counts: check.counts, preview: check.preview, summary: check.summary });
      if (name.endsWith('.csv')) expect(file).toMatchObject({ format: 'csv', encoding: 'gbk' });
    }
    expect(plans[1]).toEqual(plans[0]);
    expect(plans[2]).toEqual(plans[0]);
  });

  it('maps a Traditional-Chinese workbook as well as the Simplified one', async () => {
    const simp = await ok<ImportResult>('import.run', { path: write('简.xlsx', messySchoolsXlsx()), kind: 'schools', year: 2025, dryRun: true });
    const trad = await ok<ImportResult>('import.run', { path: write('繁.xlsx', messySchoolsXlsx(true)), kind: 'schools', year: 2025, dryRun: true });
    expect(trad.ok).toBe(true);
    expect({ ...trad, issues: trad.issues.map((i) => [i.code, i.row, i.column.slice(0, 4)]) }).toMatchObject({
      rowsRead: simp.rowsRead, rowsImported: simp.rowsImported, rowsSkipped: simp.rowsSkipped, summary: simp.summary,
    });
  });

  it('re-imports a year in place: the same file twice changes nothing the second time', async () => {
    const file = write('统计.xlsx', messySchoolsXlsx());
    const first = await ok<ImportResult>('import.run', { path: file, kind: 'schools', year: 2025 });
    const schools = (await ok<unknown[]>('schools.list', {})).length;
    const second = await ok<ImportResult>('import.run', { path: file, kind: 'schools', year: 2025 });
    expect(second.ok).toBe(true);
    expect((await ok<unknown[]>('schools.list', {})).length).toBe(schools);
    const records = await ok<ImportRecord[]>('import.list', {});
    expect(records.map((r) => r.changes)).toEqual([0, records[1]?.changes]);
    expect(first.summary).toContainEqual(['新增学校', '1 所']);
    // The generated code is matched by name and township the second time: 0 new.
    expect(second.summary).toContainEqual(['新增学校', '0 所']);
  });

  it('refuses to undo an import whose rows a later import changed, then undoes both in order', async () => {
    session.backend.close();
    const original = data();
    await reopen();
    const a = write('a.xlsx', xlsxOf([['学校标识码', '学校名称', '一年级班数', '一年级学生数'], ['9909990001', '城关第一小学', 3, 140]]));
    const b = write('b.xlsx', xlsxOf([['学校标识码', '学校名称', '一年级班数', '一年级学生数'], ['9909990001', '城关第一小学', 3, 150]]));
    expect((await ok<ImportResult>('import.run', { path: a, kind: 'schools', year: 2024 })).importId).toBe(1);
    expect((await ok<ImportResult>('import.run', { path: b, kind: 'schools', year: 2024 })).importId).toBe(2);
    session.backend.close();
    const afterBoth = data();
    await reopen();
    const refused = await fails('import.undo', { importId: 1 });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/第 2 次/);
    session.backend.close();
    expect(data()).toEqual(afterBoth);
    await reopen();
    await ok('import.undo', { importId: 2 });
    await ok('import.undo', { importId: 1 });
    session.backend.close();
    expect(data()).toEqual(original);
  });

  it('refuses to undo a township it created once later data use it', async () => {
    const births = write('出生.xlsx', xlsxOf([['乡镇', '年份', '出生人数'], ['石桥镇', 2024, 120]]));
    expect((await ok<ImportResult>('import.run', { path: births, kind: 'births', createTownships: true, acceptWarnings: true })).ok).toBe(true);
    const people = write('人口.xlsx', xlsxOf([['乡镇', '0岁', '1岁'], ['石桥镇', 118, 121]]));
    expect((await ok<ImportResult>('import.run', { path: people, kind: 'population', year: 2024 })).ok).toBe(true);
    const refused = await fails('import.undo', { importId: 1 });
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    expect(refused.message).toMatch(/石桥镇|990999901/);
    await ok('import.undo', { importId: 2 });
    await ok('import.undo', { importId: 1 });
    expect((await ok<{ name: string }[]>('townships.list', {})).map((t) => t.name)).not.toContain('石桥镇');
  });

  it('saves a mapping as a template and proposes it again for the same headers', async () => {
    const bytes = xlsxOf([['名称', '辖区', '一年级学生数'], ['城关第一小学', '城关镇', 131]]);
    const file = await wizardOpen(bytes, 'a.xlsx');
    const a = await ok<ImportAnalysis>('import.analyse', { fileId: file.fileId, sheet: 'Sheet1', kind: 'schools', headerRows: { first: 1, last: 1 } });
    expect(a.columns.map((c) => c.target)).toEqual(['name', 'ignore', 'students:primary:1']);
    const mapping = { format: 'csp-import-mapping', version: 1, kind: 'schools', columns: a.columns.map((c, i) => ({ header: c.label, target: i === 1 ? 'township' : c.target })) };
    const saved = await ok<MappingTemplate>('import.saveTemplate', { name: '某县统计表', mapping });
    expect(saved).toMatchObject({ name: '某县统计表', columns: 3 });
    const again = await ok<ImportAnalysis>('import.analyse', { fileId: (await wizardOpen(bytes, 'b.xlsx')).fileId, sheet: 'Sheet1', kind: 'schools', headerRows: { first: 1, last: 1 } });
    expect(again.mappingSource).toBe('某县统计表');
    expect(again.columns.map((c) => c.target)).toEqual(['name', 'township', 'students:primary:1']);
    expect((await ok<MappingTemplate[]>('import.templates', { kind: 'schools' })).map((t) => t.name)).toEqual(['某县统计表']);
    expect(await ok('import.deleteTemplate', { name: '某县统计表' })).toEqual({ deleted: true });
    const bad = await session.backend.dispatch('import.saveTemplate', { name: 'x', mapping: { ...mapping, columns: [{ header: 'a', target: 'students:mars:9' }] } });
    expect(!bad.ok && bad.error.message).toMatch(/无法识别/);
  });

  it('offers blank templates whose example row is skipped and whose filled rows import', async () => {
    for (const kind of ['schools', 'population', 'births'] as const) {
      const { fileName, base64 } = await ok<{ fileName: string; base64: string }>('import.blankTemplate', { kind });
      expect(fileName).toMatch(/导入模板\.xlsx$/);
      const blank = await ok<ImportResult>('import.run', { path: write(fileName, Buffer.from(base64, 'base64')), kind });
      expect(blank.ok).toBe(false);
      expect(blank.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['EXAMPLE_ROW_SKIPPED', 'NO_DATA']));
      const book = XLSX.read(Buffer.from(base64, 'base64'));
      const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(book.Sheets[book.SheetNames[0] ?? '']!, { header: 1, defval: null });
      const filled = [rows[0]!, rows[1]!.map((v) => (typeof v === 'string' ? v.replace('城关镇（示例）', '城关镇').replace('（示例）', '') : v))];
      const r = await ok<ImportResult>('import.run', { path: write(`填好的${fileName}`, xlsxOf(filled)), kind });
      expect(r.ok, JSON.stringify(r.issues.filter((i) => i.severity !== 'info').slice(0, 3))).toBe(true);
      expect(r.rowsImported).toBe(1);
    }
  });
});

describe('reading in the background', () => {
  it('can be cancelled: the worker stops and the file is marked cancelled', async () => {
    const rows: (string | number)[][] = [['学校名称', '乡镇', '一年级班数', '一年级学生数']];
    for (let i = 0; i < 60_000; i++) rows.push([`第${i}小学`, '城关镇', 2, 90]);
    const file = write('大表.xlsx', xlsxOf(rows));
    const opened = await ok<ImportFileStatus>('import.open', { source: { path: file } });
    expect(opened.state).toBe('reading');
    expect(await ok('import.cancel', { fileId: opened.fileId })).toEqual({ cancelled: true });
    let status = opened;
    while (status.state === 'reading') {
      await new Promise((r) => setTimeout(r, 20));
      status = await ok<ImportFileStatus>('import.status', { fileId: opened.fileId });
    }
    expect(status).toMatchObject({ state: 'cancelled', error: { code: 'CANCELLED' } });
    expect((await fails('import.analyse', { fileId: opened.fileId, sheet: 'Sheet1', kind: 'schools' })).message).toMatch(/取消/);
  });
});

describe('round trip with the export', () => {
  it('an exported county re-imports into an empty project to the same data', async () => {
    const source = await createProjectWithData(path.join(session.dir, '示例县.csplan'), generateCounty());
    source.close();
    const exporter = createBackend({ dataDir: path.join(session.dir, 'data2'), shell: 'cli' });
    await ok('project.open', { path: source.path }, exporter);
    const files: Record<string, string> = {};
    for (const kind of ['population', 'births', 'schools', 'enrolment', 'special_needs', 'migrants', 'school_groups'] as const) {
      files[kind] = write(`${kind}.xlsx`, toXlsxBytes(await ok<DataTable>('data.export', { kind }, exporter)));
    }
    exporter.close();
    const target = path.join(session.dir, '空县.csplan');
    await ok('project.create', { path: target, name: '空县', countyCode: '990101' });
    const run = (kind: string, file: string) => ok<ImportResult>('import.run', { path: file, kind, createTownships: true, acceptWarnings: true });
    const results = [await run('population', files.population!), await run('births', files.births!), await run('schools', files.schools!), await run('schools', files.enrolment!)];
    for (const kind of ['special_needs', 'migrants', 'school_groups'] as const) results.push(await run(kind, files[kind]!));
    for (const r of results) expect(r.ok, JSON.stringify(r.issues.filter((i) => i.severity === 'error').slice(0, 3))).toBe(true);
    session.backend.close();
    const a = dumpData(source.path, [...IMPORT_AUDIT_TABLES, 'meta', 'townships', 'school_totals']);
    const b = dumpData(target, [...IMPORT_AUDIT_TABLES, 'meta', 'townships', 'school_totals']);
    for (const table of ['schools', 'enrolment', 'staff', 'special_needs', 'migrant_pupils', 'school_groups']) expect(b[table], table).toEqual(a[table]);
    expect(a.school_groups, 'the sample has groups to carry').toHaveLength(2);
    // Births come back with the import as their source.
    const noSource = (rows: unknown[]) => (rows as unknown[][]).map((r) => r.slice(0, 3));
    expect(noSource(b.births!)).toEqual(noSource(a.births!));
    // Population is exported for ages 0–17 with sexes summed: that is what comes back.
    const sum = (rows: unknown[]) => {
      const m = new Map<string, number>();
      for (const r of rows as [string, number, number, string, number][]) if (r[2] <= 17) m.set(`${r[0]}|${r[1]}|${r[2]}`, (m.get(`${r[0]}|${r[1]}|${r[2]}`) ?? 0) + r[4]);
      return m;
    };
    expect(sum(b.population!)).toEqual(sum(a.population!));
    await reopen();
  });
});

describe('the command line', () => {
  const exec = promisify(execFile);
  const cli = (args: string[]) =>
    exec('npx', ['tsx', 'electron/cli/main.ts', ...args], { cwd: path.resolve('.'), env: { ...process.env, CSP_DATA_DIR: path.join(session.dir, 'cli-data') } }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('imports with --json in the documented shape, exits non-zero when blocked, and undoes', async () => {
    session.backend.close();
    const file = write('统计.xlsx', messySchoolsXlsx());
    const mappingFile = write('映射.json', JSON.stringify({ format: 'csp-import-mapping', version: 1, kind: 'schools', columns: [{ header: '专任教师（人）', target: 'ignore' }] }));
    const blocked = await cli(['import', project, 'schools', file, '--json']);
    expect(blocked.code).toBe(1);
    expect(JSON.parse(blocked.stdout)).toMatchObject({ ok: false, importId: null, issues: [{ severity: 'error', code: 'MISSING_YEAR' }] });
    expect(blocked.stderr).toMatch(/年份/);
    const done = await cli(['import', project, 'schools', file, '--year', '2025', '--sheet', '小学', '--mapping', mappingFile, '--json']);
    expect(done.code, done.stderr).toBe(0);
    const json = JSON.parse(done.stdout) as ImportResult;
    expect(Object.keys(json)).toEqual(['ok', 'importId', 'rowsRead', 'rowsImported', 'rowsSkipped', 'rowsRejected', 'issues']);
    expect(json).toMatchObject({ ok: true, importId: 1, rowsRead: 5, rowsImported: 3, rowsSkipped: 2, rowsRejected: 0 });
    expect(Object.keys(json.issues[0] ?? {})).toEqual(['severity', 'sheet', 'row', 'column', 'value', 'code', 'message']);
    const undo = await cli(['import-undo', project, '1', '--json']);
    expect(undo.code, undo.stderr).toBe(0);
    expect(JSON.parse(undo.stdout)).toMatchObject({ ok: true, importId: 1 });
    expect((await cli(['import', project, 'pupils', file])).code).toBe(2);
    await reopen();
  });
});
