// End to end on the 规划 page's 教师 tab: the sample county in Chromium against the loopback
// host. The planner sees posts against teachers per stage, the county town short and the
// townships over, and a changed ratio in 规划设置 moves the figures.
// Screenshots go to test-results/screenshots (teachers-*.png).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PlanEvaluation } from '../../shared/plan';
import { withBrowserSession } from '../helpers/browser';

let page: Page;
const session = withBrowserSession({ prefix: 'teachers' }, (s) => ({ page } = s));
const api = <T>(method: string, input: unknown = {}) => session.api<T>(method, input);

/** The first stored plan's evaluation, as the page shows it. */
const evaluation = () => api<PlanEvaluation>('plan.evaluate', { name: '十五五' });

/** A teacher stat card's number, separators and unit stripped. */
const statValue = (id: string) =>
  page
    .getByTestId(id)
    .locator('.ant-statistic-content-value')
    .innerText()
    .then((text) => Number(text.replace(/[^\d.-]/g, '')));

const targetIndex = (ev: PlanEvaluation) => ev.plan.targetYear - ev.plan.baseYear;

describe('the 教师 tab', () => {
  it('shows 小学 posts against teachers, the county town short and the townships over', async () => {
    await session.openSample();
    await session.openPage('规划');
    await page.getByTestId('create-plan').click();
    await page.getByTestId('plan-summary').waitFor({ timeout: 30_000 });
    await page.getByTestId('plan-tabs').getByRole('tab', { name: '教师' }).click();
    await page.getByTestId('teachers-panel').waitFor();
    const ev = await evaluation();
    const i = targetIndex(ev);
    await expect.poll(() => statValue('teacher-stat-demand')).toBe(ev.teachers.byStage.primary?.demand[i]);
    expect(await statValue('teacher-stat-supply')).toBe(ev.teachers.byStage.primary?.supply[i]);
    expect(await statValue('teacher-stat-gap')).toBe(ev.teachers.byStage.primary?.gap[i]);
    // 小学 pupils fall with the births by the target year: even the county town has more teachers than posts.
    const table = page.getByTestId('teacher-townships');
    await expect(table.locator('tr', { hasText: '铁炉乡' }).textContent()).resolves.toContain('超 ');
    await expect(page.getByTestId('teacher-notes').textContent()).resolves.toContain('1:19');
    await page.locator('[data-testid="teacher-chart"] svg path').first().waitFor({ state: 'attached' });
    await session.shot('teachers-01-primary');
  });

  it('switches to 初中: the growing county town short of teachers', async () => {
    await page.getByTestId('teacher-stage').getByText('初中').click();
    const ev = await evaluation();
    const i = targetIndex(ev);
    await expect.poll(() => statValue('teacher-stat-demand')).toBe(ev.teachers.byStage.junior?.demand[i]);
    const westGap = ev.teachers.byTownship.find((r) => r.townshipName === '西城街道' && r.stage === 'junior')?.gap[i] ?? 0;
    expect(westGap).toBeGreaterThan(0);
    await expect(page.getByTestId('teacher-townships').locator('tr', { hasText: '西城街道' }).textContent()).resolves.toContain(`缺 ${westGap}`);
    await page.getByTestId('teacher-townships').scrollIntoViewIfNeeded();
    await session.shot('teachers-02-junior');
  });

  it('follows a ratio changed in 规划设置', async () => {
    let ev = await evaluation();
    const i = targetIndex(ev);
    const before = ev.teachers.byStage.junior?.demand[i] ?? 0;
    await page.getByTestId('plan-settings-button').click();
    await page.getByTestId('teacher-settings').waitFor();
    await page.waitForTimeout(400);
    await session.shot('teachers-03-settings');
    const ratio = page.getByTestId('teacher-settings').locator('.ant-form-item', { hasText: '初中生师比' }).locator('input');
    await ratio.fill('12');
    await page.getByTestId('save-norms').click();
    await expect.poll(async () => (await evaluation()).teachers.byStage.junior?.demand[i]).toBeGreaterThan(before);
    ev = await evaluation();
    await page.keyboard.press('Escape');
    await expect.poll(() => statValue('teacher-stat-demand')).toBe(ev.teachers.byStage.junior?.demand[i]);
    await session.shot('teachers-04-ratio');
  });

  it('made no request beyond the loopback host, and none failed', () => {
    expect(session.outsideRequests()).toEqual([]);
    expect(session.failures).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });
});
