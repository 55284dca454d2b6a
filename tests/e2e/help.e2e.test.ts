// Hover help on 预测 and 规划, end to end on the sample county: every column of numbers on every
// tab names its entry in the number registry (shared/explain), and hovering a heading shows
// that entry's lines, the same text the annex notes print. Screenshots of three hovers go to
// test-results/screenshots (help-*.png).
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { numberHelpLines, type NumberKey } from '../../shared/explain/numbers';
import type { PlanSummary } from '../../shared/plan';
import type { SchoolRow } from '../../shared/api';
import { SCREENSHOTS, withBrowserSession } from '../helpers/browser';

let page: Page;
const session = withBrowserSession({ prefix: 'help' }, (s) => {
  page = s.page;
  page.setDefaultTimeout(90_000);
});

const TABS = {
  预测: { page: 'forecast-page', list: 'forecast-tabs', names: ['分学段', '分乡镇', '分学校', '学龄人口', '回测'] },
  规划: { page: 'plan-page', list: 'plan-tabs', names: ['学位供需', '规划指标', '建设项目', '学校', '优质均衡', '教师', '规划片区', '布局优化'] },
} as const;

async function settle(): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton').length === 0, undefined, { timeout: 60_000 });
  await page.waitForTimeout(400);
}

/**
 * Column headings in the visible tab that show numbers and carry no help. A column shows
 * numbers when it is right-aligned (how every table here sets its figures) or when one of its
 * first body cells begins with a figure; a cell with help of its own counts as explained.
 * The heading of a cell is found by position: the lowest header cell above it.
 */
function unexplainedHeadings(): Promise<{ tables: number; missing: string[] }> {
  return page.evaluate(() => {
    const missing = new Set<string>();
    const visible = (e: Element) => (e as HTMLElement).offsetParent !== null;
    const label = (th: Element) => (th.textContent ?? '').trim();
    const exempt = (th: Element) => label(th) === '' || label(th) === '序号';
    const helped = (e: Element) => e.querySelector('[data-explain]') !== null;
    const tables = Array.from(document.querySelectorAll('[role="tabpanel"][aria-hidden="false"] :is(.ant-table, .plain-table)')).filter(visible);
    for (const table of tables) {
      const heads = Array.from(table.querySelectorAll('thead th')).filter((th) => !th.classList.contains('ant-table-selection-column'));
      for (const th of heads) {
        if (getComputedStyle(th).textAlign === 'right' && !exempt(th) && !helped(th)) missing.add(`${label(th)}（右对齐的数字列）`);
      }
      const rows = Array.from(table.querySelectorAll('tbody :is(tr.ant-table-row, tr.plain-table-row)')).slice(0, 8);
      for (const td of rows.flatMap((r) => Array.from(r.querySelectorAll('td')))) {
        if (!/^[+−\-≥≤]?\s*\d/.test((td.textContent ?? '').trim()) || helped(td)) continue;
        const box = td.getBoundingClientRect();
        const x = box.left + box.width / 2;
        const above = heads.filter((th) => {
          const b = th.getBoundingClientRect();
          return b.left <= x && x <= b.right && b.width > 0;
        });
        const leaf = above.sort((a, b) => b.getBoundingClientRect().bottom - a.getBoundingClientRect().bottom)[0];
        if (leaf && !exempt(leaf) && !helped(leaf)) missing.add(`${label(leaf)}（“${(td.textContent ?? '').trim()}”）`);
      }
    }
    return { tables: tables.length, missing: [...missing] };
  });
}

async function openTab(pageLabel: keyof typeof TABS, tab: string): Promise<void> {
  await page.getByTestId(TABS[pageLabel].list).getByRole('tab', { name: tab }).first().click();
  await settle();
}

/** Each tab of a page: the tables looked at and the headings without help, also written out. */
async function everyTab(pageLabel: keyof typeof TABS): Promise<{ tables: Record<string, number>; missing: Record<string, string[]> }> {
  const tables: Record<string, number> = {};
  const missing: Record<string, string[]> = {};
  for (const tab of TABS[pageLabel].names) {
    await openTab(pageLabel, tab);
    ({ tables: tables[tab], missing: missing[tab] } = await unexplainedHeadings());
  }
  fs.writeFileSync(`${SCREENSHOTS}/help-${pageLabel}.json`, JSON.stringify({ tables, missing }, null, 2));
  return { tables, missing };
}

/** Hovers a heading, checks its tooltip against the registry and takes a screenshot. */
async function hover(key: NumberKey, shot: string): Promise<void> {
  const target = page.locator(`[role="tabpanel"][aria-hidden="false"] [data-explain="${key}"]`).first();
  await target.scrollIntoViewIfNeeded();
  await target.hover();
  const tip = page.locator('.number-help:visible').last();
  await tip.waitFor();
  expect(await tip.innerText()).toBe(numberHelpLines(key).join('\n'));
  await page.screenshot({ path: `${SCREENSHOTS}/help-${shot}.png` });
  await page.mouse.move(0, 0);
}

describe('hover help on 预测 and 规划', () => {
  it('explains every number column on every tab of 预测', { timeout: 300_000 }, async () => {
    await session.openSample();
    await page.setViewportSize({ width: 1440, height: 900 });
    await session.openPage('预测');
    await page.getByTestId(TABS.预测.page).waitFor();
    const found = await everyTab('预测');
    expect(found.missing).toEqual(Object.fromEntries(TABS.预测.names.map((t) => [t, []])));
    // Every tab with a table was looked at (学龄人口 has charts only).
    for (const tab of TABS.预测.names.filter((t) => t !== '学龄人口')) expect(found.tables[tab], tab).toBeGreaterThan(0);
    await openTab('预测', '分乡镇');
    await hover('forecast.change', '预测-分乡镇');
  });

  it('explains every number column on every tab of 规划, with a project in the plan', { timeout: 300_000 }, async () => {
    await session.openPage('规划');
    await page.getByTestId(TABS.规划.page).waitFor();
    await page.getByTestId('create-plan').click();
    await page.getByTestId('plan-summary').waitFor({ timeout: 60_000 });
    const plan = (await session.api<PlanSummary[]>('plan.list', {}))[0];
    const school = (await session.api<SchoolRow[]>('schools.list', {})).find((s) => s.kind === 'primary');
    await session.api('plan.addProjects', {
      plan: plan?.id,
      projects: [{ type: '改扩建', name: '帮助测试扩建工程', school: school?.code, stage: 'primary', classes: 6, seats: 270, floorArea: 2000, investment: 800, completionYear: 2027 }],
    });
    // Back to the page, which reads the plan again (a write is a new data version).
    await session.openPage('总览');
    await page.getByTestId('overview-page').waitFor();
    await session.openPage('规划');
    await page.getByTestId('plan-summary').waitFor({ timeout: 60_000 });
    const found = await everyTab('规划');
    expect(found.missing).toEqual(Object.fromEntries(TABS.规划.names.map((t) => [t, []])));
    // Every tab with a table was looked at (布局优化 shows its table after a run).
    for (const tab of TABS.规划.names.filter((t) => t !== '布局优化')) expect(found.tables[tab], tab).toBeGreaterThan(0);
    await openTab('规划', '学校');
    await hover('plan.capacity', '规划-学校');
    await openTab('规划', '优质均衡');
    await hover('balance.cv', '规划-优质均衡');
  });

  it('made no request beyond the loopback host, and none failed', () => {
    expect(session.outsideRequests()).toEqual([]);
    expect(session.failures).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });
});
