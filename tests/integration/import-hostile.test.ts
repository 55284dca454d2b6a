// Hostile and broken files: each is refused with a clear Chinese message, the
// project file stays byte-for-byte the same (no backup either), and the app keeps working:
// a valid import right after succeeds.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { readWorkbook } from '../../electron/backend/import/read-workbook';
import type { ImportFileStatus, ImportResult } from '../../shared/import';
import { gbk, messySchoolsGbkCsv, messySchoolsXlsx, xlsxOf } from '../helpers/import-files';
import { fingerprint, tinyProject } from '../helpers/project';
import { tempDir } from '../helpers/temp';
import { handmadeXlsx, sheetXml, writeZip } from '../helpers/zip';

let dir: string;
let project: string;

beforeAll(async () => {
  dir = tempDir('csp-hostile-');
  project = await tinyProject(dir);
});

function write(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function ok<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const res = await backend.dispatch(method, input);
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.result as T;
}

/**
 * Runs the import (headless, and through the wizard's open/status path) on a closed
 * project, then checks that the file and its backups did not change; returns the result.
 */
async function refused(file: string, options: Record<string, unknown> = {}, kind = 'schools'): Promise<ImportResult> {
  const before = fingerprint(project);
  const backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'browser' });
  let result: ImportResult;
  try {
    await ok(backend, 'project.open', { path: project });
    result = await ok<ImportResult>(backend, 'import.run', { path: file, kind, year: 2025, acceptWarnings: true, ...options });
    // The app keeps working: the same backend imports a good file straight after.
    const good = await ok<ImportResult>(backend, 'import.run', { path: write('good.xlsx', messySchoolsXlsx()), kind: 'schools', year: 2025, dryRun: true });
    expect(good.ok, JSON.stringify(good.issues.slice(0, 2))).toBe(true);
  } finally {
    backend.close();
  }
  expect(result.ok).toBe(false);
  expect(result.importId).toBeNull();
  expect(result.rowsImported).toBe(0);
  expect(fingerprint(project)).toEqual(before);
  const error = result.issues.find((i) => i.severity === 'error');
  expect(error, JSON.stringify(result.issues.slice(0, 3))).toBeDefined();
  // A sentence in Chinese that also says what to do.
  expect(error?.message).toMatch(/[\u4e00-\u9fff]{4}/);
  expect(error?.message).toMatch(/请/);
  return result;
}

/** The wizard's path: open a file and wait for the worker's verdict. */
async function openInWizard(file: string, encoding?: string): Promise<ImportFileStatus> {
  const backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'browser' });
  try {
    await ok(backend, 'project.open', { path: project });
    let status = await ok<ImportFileStatus>(backend, 'import.open', { source: { path: file }, encoding });
    while (status.state === 'reading') {
      await new Promise((r) => setTimeout(r, 20));
      status = await ok<ImportFileStatus>(backend, 'import.status', { fileId: status.fileId });
    }
    return status;
  } finally {
    backend.close();
  }
}

const firstError = (r: ImportResult) => r.issues.find((i) => i.severity === 'error');

describe('hostile and broken input', () => {
  it('baseline: opening and closing the project leaves it byte-for-byte the same', async () => {
    const before = fingerprint(project);
    const backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'browser' });
    await ok(backend, 'project.open', { path: project });
    backend.close();
    expect(fingerprint(project)).toEqual(before);
  });

  it('an empty file', async () => {
    const r = await refused(write('空.xlsx', ''));
    expect(firstError(r)).toMatchObject({ code: 'FILE_EMPTY' });
    expect(firstError(r)?.message).toMatch(/空文件/);
    expect((await openInWizard(path.join(dir, '空.xlsx'))).error?.code).toBe('FILE_EMPTY');
  });

  it('a binary file that is not a spreadsheet', async () => {
    const noise = crypto.createHash('sha512').update('noise').digest();
    const r = await refused(write('乱码.xlsx', Buffer.concat(Array.from({ length: 64 }, () => noise))));
    expect(firstError(r)).toMatchObject({ code: 'NOT_SPREADSHEET' });
    expect(firstError(r)?.message).toMatch(/不是表格文件/);
  });

  it('an HTML page saved as .xls', async () => {
    const html = '<html><head><meta charset="utf-8"><title>导出</title></head><body><table><tr><td>学校名称</td><td>学生数</td></tr><tr><td>甲小学</td><td>30</td></tr></table></body></html>';
    const r = await refused(write('网页导出.xls', html));
    expect(firstError(r)).toMatchObject({ code: 'HTML_AS_SPREADSHEET' });
    expect(firstError(r)?.message).toMatch(/网页（HTML）.*另存为/);
  });

  it('a zip renamed to .xlsx', async () => {
    const r = await refused(write('资料.xlsx', writeZip([{ name: '说明.txt', data: '这是一个压缩包' }, { name: 'photo.jpg', data: Buffer.alloc(2000, 1) }])));
    expect(firstError(r)).toMatchObject({ code: 'ZIP_NOT_WORKBOOK' });
    expect(firstError(r)?.message).toMatch(/压缩包.*解压/);
  });

  it('a password-protected workbook', async () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0, ...new Array(200).fill(1)]));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', crypto.randomBytes(4096));
    const r = await refused(write('加密.xlsx', XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer));
    expect(firstError(r)).toMatchObject({ code: 'ENCRYPTED' });
    expect(firstError(r)?.message).toMatch(/密码/);
  });

  it('a zip bomb: a tiny file declaring gigabytes', async () => {
    const bytes = handmadeXlsx(sheetXml([['学校名称'], ['甲小学']]), { declaredSheetSize: 3_900_000_000 });
    expect(bytes.length).toBeLessThan(5000);
    const r = await refused(write('炸弹.xlsx', bytes));
    expect(firstError(r)).toMatchObject({ code: 'ZIP_BOMB' });
    expect(firstError(r)?.message).toMatch(/压缩炸弹/);
  });

  it('a zip bomb that lies: declares little, inflates to much more', async () => {
    const huge = Buffer.concat([Buffer.from(sheetXml([['学校名称'], ['甲小学']]).replace('</worksheet>', '')), Buffer.alloc(64 * 1024 * 1024, 0x20), Buffer.from('</worksheet>')]);
    const bytes = handmadeXlsx(huge.toString('latin1'), { declaredSheetSize: 2000 });
    const r = await refused(write('说谎的炸弹.xlsx', bytes));
    expect(firstError(r)).toMatchObject({ code: 'ZIP_BOMB' });
  });

  it('a sheet whose dimension claims a million columns', async () => {
    const r = await refused(write('百万列.xlsx', handmadeXlsx(sheetXml([['学校名称', '乡镇', '一年级学生数'], ['甲小学', '城关镇', 30]], { dimension: 'A1:BDWGN2' }))));
    expect(firstError(r)).toMatchObject({ code: 'SHEET_DIMENSION' });
    expect(firstError(r)?.message).toMatch(/超出 Excel 的上限/);
  });

  it('a merged cell spanning the whole sheet', async () => {
    const merge = '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>';
    const r = await refused(write('整表合并.xlsx', handmadeXlsx(sheetXml([['学校名称', '乡镇', '一年级学生数'], ['甲小学', '城关镇', 30]], { dimension: 'A1:XFD1048576', after: merge }))));
    expect(firstError(r)).toMatchObject({ code: 'MERGE_WHOLE_SHEET', value: 'A1:XFD1048576' });
    expect(firstError(r)?.message).toMatch(/取消合并/);
  });

  describe('a comment or defined name with __proto__ / constructor keys', () => {
    const comments =
      '<?xml version="1.0" encoding="UTF-8"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>__proto__</author><author>constructor</author></authors><commentList><comment ref="A1" authorId="0"><text><t>polluted</t></text></comment><comment ref="B1" authorId="1"><text><t>prototype</t></text></comment></commentList></comments>';
    const sheetRels =
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>';
    const names = '<definedNames><definedName name="__proto__">Sheet1!$A$1</definedName><definedName name="constructor">Sheet1!$B$1</definedName></definedNames>';
    const hostile = (rows: (string | number)[][]) => handmadeXlsx(sheetXml(rows), { workbookExtra: names, sheetRels, extra: [{ name: 'xl/comments1.xml', data: comments }] });

    it('pollutes nothing while the file is read (in this thread, without the worker)', async () => {
      const wb = await readWorkbook({ bytes: hostile([['__proto__', 'constructor'], ['prototype', 1]]), fileName: 'x.xlsx', encoding: 'auto' });
      expect(wb.sheets[0]?.rows[0]).toEqual(['__proto__', 'constructor']);
      expect(Object.keys(Object.prototype)).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(typeof ({} as { constructor: unknown }).constructor).toBe('function');
    });

    it('refuses a sheet made only of such keys, with nothing written', async () => {
      const r = await refused(write('原型污染.xlsx', hostile([['__proto__', 'constructor', 'prototype'], ['__proto__', 'constructor', 'toString']])));
      expect(firstError(r)).toMatchObject({ code: 'HEADER_NOT_FOUND' });
      expect(Object.keys(Object.prototype)).toEqual([]);
    });

    it('imports the real data beside them safely (a __proto__ column is just not mapped)', async () => {
      const backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'browser' });
      try {
        await ok(backend, 'project.open', { path: project });
        const r = await ok<ImportResult>(backend, 'import.run', {
          path: write('带原型键的表.xlsx', hostile([['学校名称', '乡镇', '__proto__', '一年级学生数'], ['城关第一小学', '城关镇', 'constructor', 131]])),
          kind: 'schools', year: 2026, dryRun: true,
        });
        expect(r).toMatchObject({ ok: true, rowsImported: 1 });
        expect(Object.keys(Object.prototype)).toEqual([]);
      } finally {
        backend.close();
      }
    });
  });

  it('very long strings designed for regex backtracking', async () => {
    const evil = `${'1,'.repeat(150_000)}x`;
    const rows = [
      ['学校名称', '乡镇', '一年级班数', '一年级学生数', `${'学'.repeat(200_000)}!`],
      [`${'城'.repeat(300_000)}小学`, '城关镇', evil, `${' '.repeat(200_000)}1 1`, '—'.repeat(100_000)],
      ['甲小学', '(((((((((('.repeat(30_000), '1'.repeat(100_000), '9'.repeat(50) + 'e999999', 'a'],
    ];
    // Excel stops at 32,767 characters a cell; a forged file need not, so it is written by hand.
    const r = await refused(write('超长字符串.xlsx', handmadeXlsx(sheetXml(rows))));
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(expect.arrayContaining(['TOO_LONG']));
    for (const i of r.issues) expect(i.value.length).toBeLessThan(80);
  });

  it('a header row that is never found', async () => {
    const r = await refused(write('无表头.xlsx', xlsxOf([['一些说明文字'], ['2024', '甲', '乙'], [1, 2, 3], [4, 5, 6]])));
    expect(firstError(r)).toMatchObject({ code: 'HEADER_NOT_FOUND' });
  });

  it('every value invalid', async () => {
    const r = await refused(write('全是错.xlsx', xlsxOf([['学校名称', '乡镇', '一年级班数', '一年级学生数'], ['甲小学', '城关镇', 'x', 'y'], ['乙小学', '城关镇', '-', 'abc'], ['丙小学', '城关镇', -2, 4.5]])));
    expect(r.rowsRead).toBe(3);
    expect(r.rowsRejected).toBe(3);
    expect(r.issues.find((i) => i.code === 'NOT_A_NUMBER')).toMatchObject({ row: 2, column: 'C 列（一年级班数）', value: 'x' });
  });

  it('a file locked by another program', async () => {
    const file = write('被占用.xlsx', messySchoolsXlsx());
    const real = fs.promises.open;
    const spy = vi.spyOn(fs.promises, 'open').mockImplementation(((p: fs.PathLike, ...rest: unknown[]) => {
      if (String(p) === file) return Promise.reject(Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' }));
      return (real as (...a: unknown[]) => Promise<fs.promises.FileHandle>)(p, ...rest);
    }) as typeof fs.promises.open);
    try {
      const r = await refused(file);
      expect(firstError(r)).toMatchObject({ code: 'FILE_LOCKED' });
      expect(firstError(r)?.message).toMatch(/占用.*关闭该文件后重试/);
      expect((await openInWizard(file)).error?.code).toBe('FILE_LOCKED');
    } finally {
      spy.mockRestore();
    }
  });

  it('a GBK CSV read as UTF-8 by mistake: the mojibake is detected and named', async () => {
    const file = write('学校.csv', messySchoolsGbkCsv());
    const r = await refused(file, { encoding: 'utf-8' });
    expect(firstError(r)).toMatchObject({ code: 'MOJIBAKE' });
    expect(firstError(r)?.message).toMatch(/GBK/);
    expect((await openInWizard(file, 'utf-8')).error?.code).toBe('MOJIBAKE');
    // And the reverse: a UTF-8 file forced to GBK.
    const utf8 = write('学校-utf8.csv', '学校名称,乡镇\n甲小学,城关镇\n');
    expect(firstError(await refused(utf8, { encoding: 'gbk' }))?.message).toMatch(/UTF-8/);
    // Left to detection, the same GBK file reads fine.
    expect((await openInWizard(file)).state).toBe('ready');
    expect(gbk('城关镇')).toEqual(Buffer.from([0xb3, 0xc7, 0xb9, 0xd8, 0xd5, 0xf2]));
  });
});

afterAll(() => {
  expect(Object.keys(Object.prototype)).toEqual([]);
});
