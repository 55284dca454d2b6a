// End to end on the 布局图 page's coverage table: switching 按距离 → 按出行时间 shows the coverage
// by travel time (geo.coverage with by 'time'), its minute columns and thresholds; switching
// back shows the distances again. Screenshot: test-results/screenshots/coverage-time-*.png.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CoverageResult } from '../../shared/geo/api';
import type { PlanDetail } from '../../shared/plan';
import { withBrowserSession } from '../helpers/browser';

let page: Page;
const session = withBrowserSession({ prefix: 'coverage-time' }, (s) => ({ page } = s));
const api = <T>(method: string, input: unknown = {}) => session.api<T>(method, input);

async function primaryRow(): Promise<string[]> {
  return page.getByTestId('coverage-stages').locator('tbody tr').filter({ hasText: '小学' }).locator('td').allTextContents();
}
const covered = async () => Number(((await primaryRow())[2] ?? '').replace(/[^\d]/g, ''));

describe('coverage by travel time on the 布局图', () => {
  it('switches the coverage table between distance and travel time', async () => {
    await session.placePlanFreeSample();
    await page.goto(session.host.openUrl);
    await page.getByTestId('open-sample').click({ timeout: 120_000 });
    await page.getByTestId('overview-page').waitFor({ timeout: 120_000 });
    const plan = await api<PlanDetail>('plan.create', { name: '十五五' });
    await session.openPage('布局图');
    const [byDistance, byTime] = await Promise.all([
      api<CoverageResult>('geo.coverage', { plan: plan.id }),
      api<CoverageResult>('geo.coverage', { plan: plan.id, by: 'time' }),
    ]);
    await expect.poll(covered, { timeout: 60_000 }).toBe(byDistance.stages.primary.covered);
    expect(byTime.stages.primary.covered).not.toBe(byDistance.stages.primary.covered);

    await page.getByTestId('coverage-by').getByText('按出行时间', { exact: true }).click();
    await expect.poll(covered, { timeout: 60_000 }).toBe(byTime.stages.primary.covered);
    const section = page.getByTestId('map-coverage');
    await expect.poll(() => section.textContent()).toMatch(/出行时间覆盖.*平均时间.*最长时间/);
    await expect.poll(() => section.textContent()).toMatch(/出行时间：城区步行 10 分钟，乡村步行 30 分钟/);
    expect((await primaryRow())[5]).toBe(`${byTime.stages.primary.minutes.max!.toFixed(0)} 分钟`);
    await section.scrollIntoViewIfNeeded();
    await session.shot('coverage-time-01-by-time');

    await page.getByTestId('coverage-by').getByText('按距离', { exact: true }).click();
    await expect.poll(covered, { timeout: 60_000 }).toBe(byDistance.stages.primary.covered);
  }, 300_000);
});
