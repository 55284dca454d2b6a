// The visual check on every page of the sample county, at the two window sizes a county
// office has: no text cut off without its full text at hand, no label drawn over another,
// no table header broken over two lines. Screenshots go to test-results/screenshots
// (visual-<width>-<page>.png), the problems found to visual-problems.txt beside them.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, withBrowserSession } from '../helpers/browser';
import { visualProblems } from '../helpers/visual';

let page: Page;
const session = withBrowserSession({ prefix: 'visual' }, (s) => {
  page = s.page;
  // Twenty views at two sizes on a shared machine: a slow first paint is not a failure here.
  page.setDefaultTimeout(90_000);
});

/** Page → the tabs to look at on it (none: the page as it opens). */
const PAGES: { label: string; testId: string; tabs?: { list: string; names: string[] } }[] = [
  { label: '总览', testId: 'overview-page' },
  { label: '数据导入', testId: 'import-page' },
  { label: '学校', testId: 'schools-page' },
  { label: '人口', testId: 'population-page' },
  { label: '预测', testId: 'forecast-page', tabs: { list: 'forecast-tabs', names: ['分学段', '分乡镇', '分学校', '学龄人口', '回测'] } },
  {
    label: '规划',
    testId: 'plan-page',
    tabs: { list: 'plan-tabs', names: ['学位供需', '规划指标', '建设项目', '学校', '优质均衡', '教师', '规划片区', '布局优化'] },
  },
  { label: '布局图', testId: 'map-page' },
  { label: '附件', testId: 'annex-page' },
  { label: '设置', testId: 'settings-page' },
];

/** Loaded and still: no spinner left, and the charts' entry animation (400 ms) over. */
async function settle(): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton').length === 0, undefined, { timeout: 60_000 });
  await page.waitForTimeout(700);
}

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/** Every problem found so far, also written out, so a failing run lists them all. */
const found: string[] = [];

async function look(width: number, height: number, name: string): Promise<void> {
  await settle();
  await page.screenshot({ path: `${SCREENSHOTS}/visual-${width}-${name}.png` });
  found.push(...(await visualProblems(page, `${width}×${height} ${name}`)));
  fs.writeFileSync(`${SCREENSHOTS}/visual-problems.txt`, found.join('\n'));
}

async function checkEveryPage(width: number, height: number): Promise<string[]> {
  const before = found.length;
  await page.setViewportSize({ width, height });
  for (const p of PAGES) {
    await session.openPage(p.label);
    await page.getByTestId(p.testId).waitFor();
    if (p.testId === 'plan-page' && (await page.getByTestId('create-plan').count()) > 0) {
      await page.getByTestId('create-plan').click();
      await page.getByTestId('plan-summary').waitFor({ timeout: 60_000 });
    }
    if (!p.tabs) {
      await look(width, height, p.label);
      continue;
    }
    for (const tab of p.tabs.names) {
      await page.getByTestId(p.tabs.list).getByRole('tab', { name: tab }).first().click();
      await look(width, height, `${p.label}-${tab}`);
    }
  }
  return found.slice(before);
}

describe('every page fits', () => {
  it('the start page, at both sizes', { timeout: 300_000 }, async () => {
    await page.goto(session.host.openUrl);
    await page.getByTestId('open-sample').waitFor();
    const before = found.length;
    for (const { width, height } of SIZES) {
      await page.setViewportSize({ width, height });
      await look(width, height, '开始');
    }
    expect(found.slice(before)).toEqual([]);
    await page.getByTestId('open-sample').click();
    await page.getByTestId('overview-page').waitFor();
  });

  for (const { width, height } of SIZES) {
    it(`every page of the sample county at ${width}×${height}`, { timeout: 600_000 }, async () => {
      expect(await checkEveryPage(width, height)).toEqual([]);
    });
  }

  it('times every page switch and a slider recompute with performance measures (figures in timings.json, speed in the bench)', async () => {
    await session.openPage('预测');
    await page.getByTestId('forecast-page').waitFor();
    await page.locator('.forecast-side .ant-slider-handle').first().focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => performance.getEntriesByName('csp:recompute', 'measure').length > 0);
    const timings = await page.evaluate(() =>
      performance
        .getEntriesByType('measure')
        .filter((e) => e.name.startsWith('csp:'))
        .map((e) => ({ name: e.name, ms: Math.round(e.duration) })),
    );
    fs.writeFileSync(`${SCREENSHOTS}/timings.json`, JSON.stringify(timings, null, 2));
    const names = new Set(timings.map((t) => t.name));
    for (const key of ['overview', 'import', 'schools', 'population', 'forecast', 'plan', 'map', 'annex', 'settings']) {
      expect(names, key).toContain(`csp:page:${key}`);
    }
    expect(names).toContain('csp:recompute');
    expect(timings.every((t) => Number.isFinite(t.ms) && t.ms >= 0)).toBe(true);
  });

  it('made no request beyond the loopback host, and none failed', () => {
    expect(session.outsideRequests()).toEqual([]);
    expect(session.failures).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });
});
