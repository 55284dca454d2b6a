// End to end on the 布局图 page's coverage table: switching 按距离 → 按出行时间 shows the coverage
// by travel time (geo.coverage with by 'time'), its minute columns and thresholds; switching
// back shows the distances again. Then the rural 小学 服务半径 is changed in 规划设置: the coverage
// table follows, 恢复默认 fills the default back in, and the 布局图's undo takes the change back.
// Screenshots: test-results/screenshots/coverage-time-*.png (the drawer at 1280×720 and 1920×1080).
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
    await expect.poll(() => section.textContent()).toMatch(/出行时间：城区步行 10 分钟，镇区及乡村步行 30 分钟/);
    expect((await primaryRow())[5]).toBe(`${byTime.stages.primary.minutes.max!.toFixed(0)} 分钟`);
    await section.scrollIntoViewIfNeeded();
    await session.shot('coverage-time-01-by-time');

    await page.getByTestId('coverage-by').getByText('按距离', { exact: true }).click();
    await expect.poll(covered, { timeout: 60_000 }).toBe(byDistance.stages.primary.covered);
  }, 300_000);

  it('follows the rural 小学 service distance changed in 规划设置, and the undo', async () => {
    const [plan] = await api<PlanDetail[]>('plan.list');
    const before = await api<CoverageResult>('geo.coverage', { plan: plan!.id });
    await session.openPage('规划');
    await page.getByTestId('plan-settings-button').click();
    const geo = page.getByTestId('geo-settings');
    await geo.waitFor();
    expect(await geo.getByTestId('geo-source-tag').allTextContents()).toEqual(['GB 50180-2018', '参考值', '参考值', '参考值', 'GB 50180-2018', '参考值']);
    for (const [width, height] of [[1280, 720], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height });
      await page.getByTestId('geo-group-ruralRadius').scrollIntoViewIfNeeded();
      await session.shot(`coverage-time-02-settings-${width}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    const rural = session.field('geo-rural-primary');
    await rural.fill('5000');
    await rural.blur();
    await expect.poll(() => page.getByTestId('geo-group-ruralRadius').textContent()).toContain('已修改');
    await page.getByTestId('geo-group-ruralMinutes').scrollIntoViewIfNeeded();
    await session.shot('coverage-time-03-settings-changed');
    await page.getByTestId('save-norms').click();
    await expect.poll(async () => (await api<PlanDetail>('plan.get', { plan: plan!.id })).settings.geo.rural.primary).toBe(5000);
    const after = await api<CoverageResult>('geo.coverage', { plan: plan!.id });
    expect(after.stages.primary.covered).toBeGreaterThan(before.stages.primary.covered!);

    await page.getByTestId('geo-restore-ruralRadius').click();
    await expect.poll(() => rural.inputValue()).toBe('2500');
    await page.keyboard.press('Escape');

    await session.openPage('布局图');
    await expect.poll(covered, { timeout: 60_000 }).toBe(after.stages.primary.covered);
    const section = page.getByTestId('map-coverage');
    await expect.poll(() => section.textContent()).toMatch(/服务半径：城区 500 米，镇区及乡村 5000 米/);
    await expect.poll(() => section.textContent()).toMatch(/在“规划”页 → “规划设置” → “服务半径与出行时间”中修改/);
    await section.scrollIntoViewIfNeeded();
    await session.shot('coverage-time-04-map-rural-5000');
    await page.getByTestId('map-undo').click();
    await expect.poll(covered, { timeout: 60_000 }).toBe(before.stages.primary.covered!);
    expect((await api<PlanDetail>('plan.get', { plan: plan!.id })).settings.geo.rural.primary).toBe(2500);
    expect(session.consoleErrors).toEqual([]);
  }, 300_000);
});
