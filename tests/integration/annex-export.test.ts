// The annexes of the sample county through the API, as the 附件 page and the CLI use it:
// XLSX and DOCX written to real files and read back, their numbers checked against the
// school list and against each other; the forecast annex against the projection.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { chromiumPrinter } from '../../electron/backend/annex/chromium';
import type { Overview, SchoolRow } from '../../shared/api';
import type { AnnexExportResult, AnnexList } from '../../shared/annex';
import type { ProjectionResult } from '../../shared/projection';
import { docxTables, sheetRows } from '../helpers/office';
import { openSampleCounty, resultOf } from '../helpers/backend';
import { tempDir } from '../helpers/temp';

const run = promisify(execFile);
let dir: string;
let projectPath: string;
let backend: Backend;

beforeAll(async () => {
  ({ dir, projectPath, backend } = await openSampleCounty('csp-annex-', { printPdf: chromiumPrinter() }));
});
afterAll(() => backend?.close());


describe('annex API on the sample county', () => {
  it('lists every annex with the data it needs', async () => {
    const list = await resultOf<AnnexList>(backend.dispatch('annex.list', {}));
    expect(list.titlePrefix).toBe('示例县');
    expect(list.annexes.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 7, 8, 9, 10, 11]);
    const available = list.annexes.filter((a) => a.available).map((a) => a.kind);
    expect(available).toEqual(['forecast', 'schools', 'students-chart']);
    const projects = list.annexes.find((a) => a.kind === 'projects');
    expect(projects).toMatchObject({ available: false, source: 'plan', title: '新建改扩建学校项目表' });
    expect(projects?.reason).toMatch(/规划/);
  });

  it('refuses annexes without data, a wrong extension and repeated annexes, in Chinese', async () => {
    const plan = await backend.dispatch('annex.export', { format: 'xlsx', annexes: [{ kind: 'projects' }] });
    expect(plan.ok || plan.error).toMatchObject({ code: 'NOT_FOUND' });
    expect(!plan.ok && plan.error.message).toMatch(/无法生成“新建改扩建学校项目表”/);
    const ext = await backend.dispatch('annex.export', { format: 'pdf', annexes: [{ kind: 'schools' }], outPath: path.join(dir, 'a.docx') });
    expect(!ext.ok && ext.error.message).toMatch(/\.pdf 结尾/);
    const twice = await backend.dispatch('annex.preview', { annexes: [{ kind: 'schools' }, { kind: 'schools' }] });
    expect(!twice.ok && twice.error.message).toMatch(/只能选择一次/);
    const none = await backend.dispatch('annex.preview', { annexes: [] });
    expect(!none.ok && none.error.message).toMatch(/至少选择一个附件/);
  });

  it('writes a styled workbook whose school list adds up to the school figures', async () => {
    const out = path.join(dir, '附件.xlsx');
    const result = await resultOf<AnnexExportResult>(
      backend.dispatch('annex.export', { format: 'xlsx', outPath: out, titlePrefix: 'XX县', annexes: [{ kind: 'schools', number: 6 }, { kind: 'students-chart' }] }),
    );
    expect(result).toMatchObject({ format: 'xlsx', path: out, base64: null, fileName: 'XX县规划附件.xlsx' });
    expect(fs.statSync(out).size).toBe(result.bytes);
    const book = XLSX.read(fs.readFileSync(out), { cellNF: true });
    expect(book.SheetNames).toEqual(['附件6', '附件7']);
    const sheet = book.Sheets['附件6'];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.A2?.v).toBe('XX县现状学校一览表');

    const schools = await resultOf<SchoolRow[]>(backend.dispatch('schools.list', {}));
    const open = schools.filter((s) => s.status === '在办');
    const rows = sheetRows(sheet, 5);
    const names = new Set(rows.map((r) => r[1]));
    for (const s of open) expect(names.has(s.name)).toBe(true);
    const total = rows.find((r) => r[0] === `全县合计（${open.length}所）`);
    expect(total).toBeDefined();
    const students = open.reduce((a, s) => a + s.students, 0);
    // The label spans 序号 and 学校名称, so the figures start one column earlier in the row.
    expect(total?.[4]).toBe(students.toLocaleString('en-US'));
    // The numbers are numbers: the total cell is numeric with a thousands format.
    const totalRow = rows.indexOf(total ?? []) + 5;
    expect(sheet[XLSX.utils.encode_cell({ r: totalRow, c: 5 })]).toMatchObject({ t: 'n', v: students, z: '#,##0' });
  });

  it('writes a Word document whose tables show the same text as the workbook', async () => {
    const request = { annexes: [{ kind: 'schools' }, { kind: 'students-chart' }] };
    const xlsx = await resultOf<AnnexExportResult>(backend.dispatch('annex.export', { ...request, format: 'xlsx' }));
    const docx = await resultOf<AnnexExportResult>(backend.dispatch('annex.export', { ...request, format: 'docx' }));
    expect(docx.path).toBeNull();
    const book = XLSX.read(Buffer.from(xlsx.base64 ?? '', 'base64'), { cellNF: true });
    const tables = docxTables(Buffer.from(docx.base64 ?? '', 'base64'));
    expect(tables).toHaveLength(2);
    book.SheetNames.forEach((name, i) => {
      const sheet = book.Sheets[name];
      const table = tables[i];
      if (!sheet || !table) throw new Error('missing table');
      // Header rows 4–5 (two for the school list, one for the chart), then the body; notes follow in the sheet.
      const headerRows = i === 0 ? 2 : 1;
      const fromSheet = sheetRows(sheet, 3).slice(0, table.length);
      expect(table.length).toBeGreaterThan(headerRows);
      expect(table.slice(headerRows)).toEqual(fromSheet.slice(headerRows));
    });
  });

  it('previews what it prints: the same annexes, every school, the chart as SVG', async () => {
    const { html } = await resultOf<{ html: string }>(backend.dispatch('annex.preview', { annexes: [{ kind: 'students-chart' }, { kind: 'schools', paper: 'A4 portrait' }] }));
    expect(html.match(/<section class="annex/g)).toHaveLength(2);
    expect(html).toMatch(/附件1<\/div>\s*<h1 class="annex-title">示例县各学段在校生（2019—2025年）/);
    expect(html).toContain('<section class="annex a4" data-kind="schools">');
    const schools = await resultOf<SchoolRow[]>(backend.dispatch('schools.list', {}));
    for (const s of schools) expect(html).toContain(s.name);
    expect(html).toContain('<svg');
  });

  it('prints the forecast (annex 2) from the projection, its base year the recorded figures', async () => {
    const out = await resultOf<AnnexExportResult>(backend.dispatch('annex.export', { format: 'xlsx', annexes: [{ kind: 'forecast' }] }));
    const book = XLSX.read(Buffer.from(out.base64 ?? '', 'base64'));
    const sheet = book.Sheets['附件1'];
    if (!sheet) throw new Error('no sheet');
    expect(String(sheet.A2?.v)).toMatch(/^示例县学龄人口与在校生预测表（2026—20\d\d年）$/);
    expect(sheet.C4?.v).toBe('2025年（基期）');
    expect(sheet.D4?.v).toBe('“十五五”规划期');
    const overview = await resultOf<Overview>(backend.dispatch('overview.get', {}));
    const recorded = overview.studentsByYear[2025];
    const rows = XLSX.utils.sheet_to_json<(string | number)[]>(sheet, { header: 1, range: 5 });
    const countyStudents = (stage: string) => rows.find((r) => r[0] === stage && r[1] === '在校生')?.[2];
    expect(countyStudents('小学')).toBe(recorded?.primary);
    expect(countyStudents('初中')).toBe(recorded?.junior);
    expect(countyStudents('学前')).toBe(recorded?.preschool);
  });

  it('prints the 80 % interval under each projected students row when asked, the projection’s own bounds', async () => {
    const read = async (intervals: boolean) => {
      const out = await resultOf<AnnexExportResult>(backend.dispatch('annex.export', { format: 'xlsx', annexes: [{ kind: 'forecast', intervals }] }));
      const sheet = XLSX.read(Buffer.from(out.base64 ?? '', 'base64')).Sheets['附件1']!;
      return XLSX.utils.sheet_to_json<(string | number)[]>(sheet, { header: 1, range: 5 });
    };
    expect((await read(false)).some((r) => r[1] === '80%区间')).toBe(false);
    const rows = await read(true);
    const projection = await resultOf<ProjectionResult>(backend.dispatch('projection.run', {}));
    const at = rows.findIndex((r) => r[0] === '小学' && r[1] === '在校生');
    const students = rows[at]!;
    const range = rows[at + 1]!;
    expect(range.slice(0, 2)).toEqual(['小学', '80%区间']);
    // The base year is recorded: no interval. The first projected year carries the county's bounds.
    expect(range[2] ?? null).toBeNull();
    const low = Math.round(projection.countyLow!.primary[0]!);
    const high = Math.round(projection.countyHigh!.primary[0]!);
    expect(range[3]).toBe(`${low.toLocaleString('en-US')}–${high.toLocaleString('en-US')}`);
    expect(low).toBeLessThanOrEqual(Number(students[3]));
    expect(high).toBeGreaterThanOrEqual(Number(students[3]));
  });
});

describe('cli annex', () => {
  const tsx = path.resolve('node_modules/.bin/tsx');
  const cli = path.resolve('electron/cli/main.ts');
  const env = { ...process.env, CSP_DATA_DIR: path.join(tempDir('csp-cli-annex-'), 'data') };

  it('writes the chosen annexes in the order and paper asked for', async () => {
    backend.close();
    const out = path.join(dir, 'cli.docx');
    const { stderr } = await run(tsx, [cli, 'annex', projectPath, '--out', out, '--annex', '7,6', '--title-prefix', '某某县', '--paper', '6:a4', '--first-number', '3'], { env });
    expect(stderr).toContain('已生成 2 个附件');
    const xml = strFromU8(unzipSync(fs.readFileSync(out))['word/document.xml'] ?? new Uint8Array());
    expect(xml.indexOf('附件3')).toBeLessThan(xml.indexOf('附件4'));
    expect(xml).toContain('某某县各学段在校生');
    expect(xml).toContain('某某县现状学校一览表');
    // Both on A4 portrait: no landscape section.
    expect(xml).not.toContain('w:orient="landscape"');
    await resultOf(backend.dispatch('project.open', { path: projectPath }));
  });

  it('refuses what cannot be printed (exit 1) and wrong usage (exit 2), in Chinese', async () => {
    backend.close();
    const refused = await run(tsx, [cli, 'annex', projectPath, '--out', path.join(dir, 'x.pdf'), '--annex', '4'], { env }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toMatch(/新建改扩建学校项目表.*暂不能生成/);
    const usage = await run(tsx, [cli, 'annex', projectPath, '--out', path.join(dir, 'x.txt')], { env }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(usage?.code).toBe(2);
    expect(usage?.stderr).toMatch(/不支持的附件格式/);
    await resultOf(backend.dispatch('project.open', { path: projectPath }));
  });
});
