// The annex PDF of the sample county, printed by the system Chromium as headless runs do,
// read back with poppler: page sizes, titles, header rows on every page of the long school
// list, numbers, and "— N —" page numbers.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { chromiumPrinter, findChromium } from '../../electron/backend/annex/chromium';
import type { SchoolRow } from '../../shared/api';
import type { AnnexExportResult } from '../../shared/annex';
import { openSampleCounty, resultOf } from '../helpers/backend';

let dir: string;
let backend: Backend;

function pageSizes(file: string): [number, number][] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
}

/** Text per page (pdftotext separates pages with form feeds). */
function pages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return text.split('\f').filter((p) => p.trim().length > 0);
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  ({ dir, backend } = await openSampleCounty('csp-annex-pdf-', { printPdf: chromiumPrinter() }));
});
afterAll(() => backend?.close());

describe('annex PDF', () => {
  it('finds the system Chromium', () => {
    expect(findChromium()).not.toBeNull();
  });

  it('prints the school list on A3 landscape with its header on every page, then the chart on A4', async () => {
    const out = path.join(dir, '附件.pdf');
    await resultOf<AnnexExportResult>(
      backend.dispatch('annex.export', { format: 'pdf', outPath: out, annexes: [{ kind: 'schools', paper: 'A3 landscape' }, { kind: 'students-chart', paper: 'A4 portrait' }] }),
    );
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const sizes = pageSizes(out);
    const text = pages(out);
    expect(text).toHaveLength(sizes.length);
    // The last page is the chart on A4 portrait; all before it are the school list on A3 landscape.
    expect(sizes.at(-1)).toEqual([595, 842]);
    const listPages = sizes.slice(0, -1);
    expect(listPages.length).toBeGreaterThanOrEqual(3);
    for (const size of listPages) expect(size).toEqual([1191, 842]);

    expect(squeeze(text[0] ?? '')).toContain('附件1');
    expect(squeeze(text[0] ?? '')).toContain('示例县现状学校一览表');
    expect(squeeze(text[0] ?? '')).toContain('制表日期');
    text.slice(0, listPages.length).forEach((page, i) => {
      const flat = squeeze(page);
      // The table header is repeated on every page of the long list.
      for (const heading of ['序号', '学校名称', '办学类型', '现状规模', '办学条件', '在校生']) expect(flat, `page ${i + 1}`).toContain(heading);
      expect(flat).toContain(`—${i + 1}—`);
    });
    expect(text.slice(1, listPages.length).every((p) => !squeeze(p).includes('现状学校一览表'))).toBe(true);

    const schools = await resultOf<SchoolRow[]>(backend.dispatch('schools.list', {}));
    const all = squeeze(text.join(''));
    for (const s of schools) expect(all).toContain(squeeze(s.name));
    const students = schools.reduce((a, s) => a + s.students, 0);
    expect(all).toContain(`全县合计（${schools.length}所）`);
    expect(all).toContain(students.toLocaleString('en-US'));

    const chart = squeeze(text.at(-1) ?? '');
    expect(chart).toContain('附件2');
    expect(chart).toContain('示例县各学段在校生（2019—2025年）');
    expect(chart).toContain('小学');
    expect(chart).toContain(`—${sizes.length}—`);
  });

  it('prints on A4 portrait when asked, every page A4', async () => {
    const res = await resultOf<AnnexExportResult>(backend.dispatch('annex.export', { format: 'pdf', annexes: [{ kind: 'schools', paper: 'A4 portrait' }] }));
    const out = path.join(dir, 'a4.pdf');
    fs.writeFileSync(out, Buffer.from(res.base64 ?? '', 'base64'));
    const sizes = pageSizes(out);
    expect(sizes.length).toBeGreaterThan(3);
    for (const size of sizes) expect(size).toEqual([595, 842]);
    for (const page of pages(out)) expect(squeeze(page)).toContain('学校名称');
  });

  it('says in Chinese when the browser cannot be found', async () => {
    const printer = chromiumPrinter({ binary: path.join(dir, 'no-such-chromium') });
    await expect(printer('<p>x</p>')).rejects.toThrow(/Chromium 未能生成 PDF/);
    const saved = process.env.CSP_CHROMIUM;
    process.env.CSP_CHROMIUM = path.join(dir, 'missing');
    try {
      expect(findChromium()).toBeNull();
      await expect(chromiumPrinter()('<p>x</p>')).rejects.toThrow(/CSP_CHROMIUM/);
    } finally {
      if (saved === undefined) delete process.env.CSP_CHROMIUM;
      else process.env.CSP_CHROMIUM = saved;
    }
  });
});
