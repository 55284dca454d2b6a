// A newcomer's first hour on the worked sample county, beyond the pages themselves (the
// visual check covers those): the start page with a recent file, reached and opened by
// keyboard; the 使用指南, a school's drawer, the import wizard's steps and a 布局优化 result,
// each at 1280×720 and 1920×1080 under the same visual check, with Esc closing each drawer.
// Screenshots go to test-results/screenshots (newcomer-<width>-<view>.png), the problems
// found to newcomer-problems.txt beside them.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SchoolRow } from '../../shared/api';
import { SCREENSHOTS, withBrowserSession } from '../helpers/browser';
import { messySchoolsXlsx } from '../helpers/import-files';
import { visualProblems } from '../helpers/visual';

let page: Page;
const session = withBrowserSession({ prefix: 'newcomer' }, (s) => {
  page = s.page;
  page.setDefaultTimeout(90_000);
});

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

const found: string[] = [];

async function settle(): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton').length === 0, undefined, { timeout: 60_000 });
  await page.waitForTimeout(700);
}

/** Screenshot and visual check of what is on screen now, at the current size. */
async function look(name: string): Promise<string[]> {
  await settle();
  const { width, height } = page.viewportSize()!;
  await page.screenshot({ path: `${SCREENSHOTS}/newcomer-${width}-${name}.png` });
  const problems = await visualProblems(page, `${width}×${height} ${name}`);
  found.push(...problems);
  fs.writeFileSync(`${SCREENSHOTS}/newcomer-problems.txt`, found.join('\n'));
  return problems;
}

/** At both sizes: screenshot and check. */
async function lookAtBothSizes(name: string): Promise<string[]> {
  const problems: string[] = [];
  for (const { width, height } of SIZES) {
    await page.setViewportSize({ width, height });
    problems.push(...(await look(name)));
  }
  return problems;
}

/** Tab from the top of the document until the focus is inside `selector`; the element focused, or null. */
async function tabTo(selector: string, limit = 40): Promise<string | null> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate((sel) => {
      const el = document.activeElement?.closest(sel);
      return el ? (el.getAttribute('aria-label') ?? el.getAttribute('data-code') ?? el.textContent ?? '') : null;
    }, selector);
    if (hit !== null) return hit;
  }
  return null;
}

describe('a newcomer’s first hour, beyond the pages', () => {
  it('reaches the start page’s recent file with Tab and opens it with Enter', { timeout: 300_000 }, async () => {
    await session.openWorkedSample();
    await page.getByRole('button', { name: '关闭项目' }).click();
    await page.locator('.recent-item').first().waitFor();
    expect(await lookAtBothSizes('开始-最近文件')).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const label = await tabTo('.recent-item');
    expect(label).toContain('示例县');
    await page.keyboard.press('Enter');
    await page.getByTestId('overview-page').waitFor();
  });

  it('opens the 使用指南 from a page, fits, and closes it with Esc', { timeout: 300_000 }, async () => {
    await page.getByTestId('guide-open').first().click();
    await page.getByTestId('guide').waitFor();
    expect(await lookAtBothSizes('使用指南')).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('guide').waitFor({ state: 'hidden' });
  });

  it('opens a school’s drawer from the 学校 table by keyboard, fits, and closes it with Esc', { timeout: 300_000 }, async () => {
    await session.openPage('学校');
    await page.getByTestId('schools-page').waitFor();
    await settle();
    // 十二年一贯制 has the longest kind name: its drawer is the one most likely to cut.
    const schools = await session.api<SchoolRow[]>('schools.list');
    const twelve = schools.find((s) => s.kind === 'twelve_year') ?? schools[0]!;
    await session.field('school-search').fill(twelve.name);
    await session.field('school-search').focus();
    expect(await tabTo('[data-code]')).not.toBeNull();
    await page.keyboard.press('Enter');
    const drawer = page.getByTestId('school-drawer');
    await drawer.waitFor();
    await page.locator('[data-testid="school-history-chart"] svg path').first().waitFor({ state: 'attached' });
    expect(await lookAtBothSizes('学校-详情')).toEqual([]);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await session.field('school-search').fill('');
  });

  it('walks the import wizard up to the check on a messy workbook, at both sizes', { timeout: 300_000 }, async () => {
    await session.openPage('数据导入');
    await page.getByTestId('import-file-step').waitFor();
    const problems = await lookAtBothSizes('导入-1-文件');
    await page
      .locator('[data-testid="import-file-step"] input[type=file]')
      .setInputFiles({ name: '2025年小学基本情况.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: messySchoolsXlsx() });
    await page.getByTestId('import-header-found').waitFor();
    problems.push(...(await lookAtBothSizes('导入-2-工作表')));
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-mapping-step').waitFor();
    problems.push(...(await lookAtBothSizes('导入-3-列对应')));
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-check-step').waitFor();
    problems.push(...(await lookAtBothSizes('导入-4-检查')));
    expect(problems).toEqual([]);
  });

  it('shows a 布局优化 result that fits at both sizes', { timeout: 600_000 }, async () => {
    await session.openPage('规划');
    await page.getByTestId('plan-summary').waitFor({ timeout: 60_000 });
    await page.getByTestId('plan-tabs').getByRole('tab', { name: '布局优化' }).click();
    await page.getByTestId('optimise-run').click();
    await page.getByTestId('optimise-result').waitFor({ timeout: 300_000 });
    expect(await lookAtBothSizes('规划-布局优化-结果')).toEqual([]);
  });

  it('draws the 附件 preview’s pages, not just the page count', { timeout: 300_000 }, async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await session.openPage('附件');
    await page.getByTestId('annex-page').waitFor();
    await expect.poll(() => page.getByTestId('annex-page-count').getAttribute('data-pages'), { timeout: 120_000 }).not.toBe('0');
    const preview = page.frameLocator('[data-testid="annex-preview-frame"]');
    await expect.poll(async () => (await preview.locator('body').innerText()).includes('附件1'), { timeout: 60_000 }).toBe(true);
    expect(await lookAtBothSizes('附件-预览')).toEqual([]);
  });

  it('made no request beyond the loopback host, and none failed', () => {
    expect(session.outsideRequests()).toEqual([]);
    expect(session.failures).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });
});
