// End to end: the built renderer in Debian's Chromium, driven by Playwright, against the
// loopback host with the real backend. Screenshots go to test-results/screenshots.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/server';
import type { SchoolRow } from '../../shared/api';
import { withBrowserSession } from '../helpers/browser';

let host: Host;
let page: Page;
const session = withBrowserSession({ prefix: 'app' }, (s) => ({ host, page } = s));

const shot = (name: string) => session.shot(name);
const openPage = (label: string) => session.openPage(label);
const searchBox = () => session.field('school-search');

describe('the app in a browser', () => {
  it('shows the start page', async () => {
    await page.goto(host.openUrl);
    await page.getByTestId('open-sample').waitFor();
    await page.getByText('新建空白项目').first().waitFor();
    await page.getByText('打开项目文件').first().waitFor();
    await shot('01-start');
  });

  it('opens the sample county on the overview with the county totals', async () => {
    await page.getByTestId('open-sample').click();
    await page.getByTestId('overview-page').waitFor();
    await expect(page.getByTestId('project-name').textContent()).resolves.toContain('示例县');
    const overview = await host.backend.dispatch('overview.get', {});
    if (!overview.ok) throw new Error(overview.error.message);
    const totals = (overview.result as { totals: { schools: number; students: number } }).totals;
    const text = (await page.getByTestId('overview-page').textContent()) ?? '';
    expect(text.replace(/,/g, '')).toContain(String(totals.students));
    expect(text).toContain(String(totals.schools));
    // The chart of students by stage and year is drawn (SVG renderer).
    await page.locator('[data-testid="overview-page"] svg path').first().waitFor();
    await shot('02-overview');
  });

  it('lists every school and filters them', async () => {
    await openPage('学校');
    await page.getByTestId('schools-page').waitFor();
    const list = await host.backend.dispatch('schools.list', {});
    if (!list.ok) throw new Error(list.error.message);
    const schools = list.result as SchoolRow[];
    await expect.poll(() => page.getByTestId('school-count').textContent()).toContain(String(schools.length));
    await shot('03-schools');
    await searchBox().fill('教学点');
    const points = schools.filter((s) => s.name.includes('教学点') || s.code.includes('教学点')).length;
    expect(points).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('school-count').textContent()).toContain(String(points));
    await searchBox().fill('');
    await expect.poll(() => page.getByTestId('school-count').textContent()).toContain(String(schools.length));
  });

  it("opens a school's detail with its enrolment history chart", async () => {
    const list = await host.backend.dispatch('schools.list', {});
    if (!list.ok) throw new Error(list.error.message);
    const crowded = (list.result as SchoolRow[]).filter((s) => (s.avgClassSize ?? 0) >= 56).sort((a, b) => b.students - a.students)[0];
    if (!crowded) throw new Error('the sample county has no 大班额 school');
    await searchBox().fill(crowded.name);
    await page.getByTestId('school-table').getByText(crowded.name, { exact: true }).first().click();
    const drawer = page.getByTestId('school-drawer');
    await drawer.waitFor();
    await expect(drawer.getAttribute('data-code')).resolves.toBe(crowded.code);
    // The drawer asks for the school when it opens; its heading names it once answered.
    await expect.poll(() => drawer.textContent()).toContain(crowded.code);
    const bars = page.locator('[data-testid="school-history-chart"] svg path');
    await bars.first().waitFor({ state: 'attached' });
    // Axes, bars per year and the classes line: a drawn chart has dozens of paths.
    await expect.poll(() => bars.count()).toBeGreaterThan(10);
    await shot('04-school-detail');
  });

  it('reaches a school row with Tab, opens it with Enter and closes the drawer with Esc', async () => {
    const drawer = page.getByTestId('school-drawer');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await searchBox().fill('');
    await searchBox().focus();
    let code: string | null = null;
    for (let i = 0; i < 40 && code === null; i++) {
      await page.keyboard.press('Tab');
      code = await page.evaluate(() => document.activeElement?.closest('[data-code]')?.getAttribute('data-code') ?? null);
    }
    expect(code).not.toBeNull();
    await page.keyboard.press('Enter');
    await drawer.waitFor();
    await expect(drawer.getAttribute('data-code')).resolves.toBe(code);
  });

  it('shows the population and settings pages', async () => {
    await page.keyboard.press('Escape');
    await openPage('人口');
    await page.getByTestId('population-page').waitFor();
    await page.locator('[data-testid="population-page"] svg path').first().waitFor();
    await shot('05-population');
    await openPage('设置');
    await page.getByTestId('settings-page').waitFor();
    await expect(page.getByTestId('settings-page').textContent()).resolves.toContain('备份');
    await shot('06-settings');
  });

  it('made no request beyond the loopback host, and none failed', () => {
    expect(session.requests.length).toBeGreaterThan(5);
    expect(session.outsideRequests()).toEqual([]);
    expect(session.failures).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });
});
