// End to end: the 附件 page in Debian's Chromium against the loopback host: choose annexes,
// see the print preview in its sandboxed frame, export Excel as a browser download; then,
// with a plan, every annex selectable and previewed under the chosen plan and scenario.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/server';
import { ANNEX_KINDS } from '../../shared/annex';
import { withBrowserSession } from '../helpers/browser';
import { tempDir } from '../helpers/temp';

/** Every annex of the catalogue, by kind. */
/** Every annex the catalogue has: each must be choosable on the sample and print. */
const ALL_KINDS: readonly string[] = ANNEX_KINDS;

let host: Host;
let page: Page;
const session = withBrowserSession({ prefix: 'annex', acceptDownloads: true }, (s) => ({ host, page } = s));

describe('the 附件 page', () => {
  it('lists the annexes with those lacking data disabled, and previews the chosen ones', async () => {
    await session.openSample();
    await session.openPage('附件');
    await page.getByTestId('annex-page').waitFor();

    // Data of the sample county: the school list and the students chart can be printed;
    // the plan's annexes cannot until a plan exists (the last test makes one).
    await expect(page.getByTestId('annex-check-schools').isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('annex-check-projects').isDisabled()).resolves.toBe(true);

    // Only the school list and the chart, the list on A4 so that the preview is a narrow sheet.
    if (await page.getByTestId('annex-check-forecast').isChecked()) {
      await page.getByTestId('annex-check-forecast').click();
    }
    await page.getByTestId('annex-paper-schools').click();
    await page.locator('.ant-select-dropdown:visible').getByText('A4 纵向', { exact: true }).click();
    await page.getByTestId('annex-title-prefix').fill('测试县');

    const frame = page.frameLocator('[data-testid="annex-preview-frame"]');
    await expect.poll(() => frame.locator('h1.annex-title').first().textContent(), { timeout: 20_000 }).toBe('测试县现状学校一览表');
    await expect(frame.locator('.annex-label').first().textContent()).resolves.toBe('附件1');
    await expect(frame.locator('section.annex').count()).resolves.toBe(2);
    await expect(frame.locator('section.annex.a4').count()).resolves.toBe(2);
    // The chart is inline SVG drawn by ECharts on the server.
    await expect(frame.locator('section[data-kind="students-chart"] svg path').count()).resolves.toBeGreaterThan(10);
    // The frame is sandboxed without scripts.
    await expect(page.getByTestId('annex-preview-frame').getAttribute('sandbox')).resolves.toBe('');
    await session.shot('07-annex');
  });

  it('exports the chosen annexes as an Excel download', async () => {
    const downloaded = page.waitForEvent('download');
    await page.getByTestId('annex-export-xlsx').click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe('测试县规划附件.xlsx');
    const file = path.join(tempDir('csp-e2e-dl-'), download.suggestedFilename());
    await download.saveAs(file);
    const book = XLSX.read(fs.readFileSync(file));
    expect(book.SheetNames).toEqual(['附件1', '附件2']);
    expect(book.Sheets['附件1']?.A2?.v).toBe('测试县现状学校一览表');
  });

  it('with a plan, makes every annex selectable and previews them all with the plan chosen', async () => {
    // The page said so before there was a plan (the page is remounted below, so the prefix is the county's again).
    await expect(page.getByTestId('annex-no-plan').textContent()).resolves.toBe('尚未建立规划，请先在“规划”页新建规划。');
    // A plan made as the 规划 page makes it, through the same backend the page talks to.
    const created = await host.backend.dispatch('plan.create', { name: '十五五' });
    if (!created.ok) throw new Error(created.error.message);
    const townships = await host.backend.dispatch('townships.list', {});
    if (!townships.ok) throw new Error(townships.error.message);
    const town = (townships.result as { code: string; name: string }[]).find((t) => t.name === '城关镇')?.code;
    const added = await host.backend.dispatch('plan.addProjects', {
      plan: (created.result as { id: number }).id,
      projects: [{ type: '新建', name: '城关第五小学', kind: 'primary', township: town, classes: 36, seats: 1620, completionYear: 2028 }],
    });
    if (!added.ok) throw new Error(added.error.message);

    await session.openPage('总览');
    await page.getByTestId('overview-page').waitFor();
    await session.openPage('附件');
    await page.getByTestId('annex-page').waitFor();
    await expect.poll(() => page.getByTestId('annex-plan').textContent(), { timeout: 10_000 }).toContain('十五五（2026—2030年）');
    await expect(page.getByTestId('annex-scenario').textContent()).resolves.toContain('中');
    await expect(page.getByTestId('annex-no-plan').count()).resolves.toBe(0);

    const kinds = ALL_KINDS;
    for (const kind of kinds) {
      const box = page.getByTestId(`annex-check-${kind}`);
      await expect(box.isDisabled(), kind).resolves.toBe(false);
      if (!(await box.isChecked())) await box.click();
    }
    const frame = page.frameLocator('[data-testid="annex-preview-frame"]');
    await expect.poll(() => frame.locator('section.annex').count(), { timeout: 30_000 }).toBe(kinds.length);
    const titles = await frame.locator('h1.annex-title').allTextContents();
    expect(titles).toEqual(
      expect.arrayContaining(['示例县“十五五”教育事业主要发展指标表', '示例县学位供需平衡表', '示例县“十五五”新建改扩建学校项目表', '示例县“十五五”学校布局调整表', '示例县各学段学位需求与供给']),
    );
    await expect(frame.locator('section[data-kind="projects"]').textContent()).resolves.toContain('城关第五小学');
    await expect(frame.locator('section[data-kind="demand-chart"] svg path').count()).resolves.toBeGreaterThan(10);

    // Another scenario rebuilds the preview under it.
    await page.getByTestId('annex-scenario').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="高"]').click();
    await expect.poll(() => frame.locator('section[data-kind="seat-balance"] .annex-notes').textContent(), { timeout: 30_000 }).toContain('“高”方案');
    await session.shot('07-annex-plan');
  });

  it('shows the progress of an export annex by annex and stops when cancelled, writing nothing', async () => {
    let downloads = 0;
    page.on('download', () => void downloads++);
    // The first annex's request is held on its way (a slow machine), so the test, not the
    // machine's speed, decides that the cancel comes before the next annex.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/annex.prepare', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByTestId('annex-export-xlsx').click();
    const dialog = page.locator('.ant-modal:visible');
    await expect.poll(() => dialog.locator('.ant-modal-title').textContent(), { timeout: 10_000 }).toBe('正在导出 Excel');
    await expect.poll(() => dialog.textContent()).toContain(`1/${ALL_KINDS.length + 1} 正在生成“`); // every annex chosen above, then writing the file
    await session.shot('07-annex-export-progress');
    await page.getByTestId('annex-export-cancel').click();
    await expect.poll(() => page.getByTestId('annex-export-cancel').textContent()).toBe('正在取消…');
    release();
    await expect.poll(() => page.locator('.ant-message').textContent(), { timeout: 30_000 }).toContain('已取消导出，未写出文件。');
    await expect.poll(() => page.locator('.ant-modal:visible').count()).toBe(0);
    await page.unroute('**/api/annex.prepare');
    expect(downloads).toBe(0);
  });

  it('made no request beyond the loopback host and logged no error (the CSP allows the frame)', () => {
    expect(session.outsideRequests()).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });
});
