// The map annex PDF printed with its CJK faces embedded as subsets (as every annex PDF now is)
// against the same document printed with the installed faces: the printer got the subsets,
// and every page reads and looks the same (pages rasterised by poppler, compared byte for byte).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { chromiumPrinter } from '../../electron/backend/annex/chromium';
import { lastSubsetReport } from '../../electron/backend/annex/print-fonts';
import type { AnnexExportResult } from '../../shared/annex';
import { openSampleCounty, resultOf } from '../helpers/backend';

let dir: string;
let backend: Backend;
const printed: string[] = [];
const chromium = chromiumPrinter();

beforeAll(async () => {
  ({ dir, backend } = await openSampleCounty('csp-annex-font-subset-', {
    printPdf: (html) => {
      printed.push(html);
      return chromium(html);
    },
  }));
  await resultOf(backend.dispatch('plan.create', { name: '十五五' }));
});
afterAll(() => backend?.close());

/** Each page as a PNG at 50 dpi. */
function pagesAsPng(pdf: string, prefix: string): Buffer[] {
  execFileSync('pdftoppm', ['-r', '50', '-png', pdf, path.join(dir, prefix)]);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'))
    .sort((a, b) => Number(/(\d+)\.png$/.exec(a)?.[1]) - Number(/(\d+)\.png$/.exec(b)?.[1]))
    .map((f) => fs.readFileSync(path.join(dir, f)));
}

const text = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });

describe('annex PDF with font subsets', () => {
  // Two prints of a six-page annex (one with the installed faces, the slow way), a browser start included.
  it('prints the map annex with the subsets, looking and reading exactly as with the installed faces', { timeout: 300_000 }, async () => {
    const request = { annexes: [{ kind: 'layout-map' as const }] };
    const withSubsets = path.join(dir, 'subsets.pdf');
    await resultOf<AnnexExportResult>(backend.dispatch('annex.export', { format: 'pdf', outPath: withSubsets, ...request }));
    const report = lastSubsetReport();
    expect(report?.skipped).toEqual([]);
    expect(report?.faces).toBeGreaterThan(0);
    const sent = printed.at(-1) ?? '';
    for (const family of report?.families ?? []) expect(sent).toContain(`@font-face { font-family: "${family}"; font-style: normal; font-weight: 400;`);

    // The same document without the subsets: what the preview shows and printing did before.
    const { html } = await resultOf<{ html: string }>(backend.dispatch('annex.preview', request));
    expect(sent).not.toBe(html);
    const installed = path.join(dir, 'installed.pdf');
    fs.writeFileSync(installed, await chromium(html));

    expect(text(withSubsets)).toBe(text(installed));
    expect(text(withSubsets).replace(/\s+/g, '')).toContain('学校布局规划图');
    const a = pagesAsPng(withSubsets, 'subsets');
    const b = pagesAsPng(installed, 'installed');
    expect(a.length).toBeGreaterThanOrEqual(3);
    expect(a.length).toBe(b.length);
    a.forEach((png, i) => expect(png.equals(b[i] as Buffer), `page ${i + 1}`).toBe(true));
  });
});
