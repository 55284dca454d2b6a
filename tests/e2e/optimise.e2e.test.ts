// End to end on the 规划 page's 布局优化 tab: the sample county in Chromium against the
// loopback host. The planner runs the optimiser for primary schools, reads the projects with
// their reasons, looks at them on the 布局图, adopts two of them into the plan and undoes the adoption.
// Screenshots go to test-results/screenshots (optimise-*.png).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PlanDetail, PlanSummary } from '../../shared/plan';
import { withBrowserSession } from '../helpers/browser';

let page: Page;
const session = withBrowserSession({ prefix: 'optimise' }, (s) => ({ page } = s));
const api = <T>(method: string, input: unknown = {}) => session.api<T>(method, input);

async function projectCount(): Promise<number> {
  const [plan] = await api<PlanSummary[]>('plan.list');
  return (await api<PlanDetail>('plan.get', { plan: plan?.id })).projects.length;
}

describe('布局优化', () => {
  it('runs, shows projects with reasons, adopts two and undoes', async () => {
    await session.openSample();
    await session.openPage('规划');
    await page.getByTestId('create-plan').click();
    await page.getByTestId('plan-summary').waitFor({ timeout: 30_000 });
    await page.getByTestId('plan-tabs').getByRole('tab', { name: '布局优化' }).click();
    await page.getByTestId('optimise-run').click();
    await page.getByTestId('optimise-result').waitFor({ timeout: 180_000 });
    await expect(page.getByTestId('optimise-projects').textContent()).resolves.toMatch(/新建|撤并|改扩建/);
    // The expansions' site check: land bought beyond 占地面积 ÷ 生均用地 and the unchecked ones.
    await expect(page.getByTestId('optimise-land-total').textContent()).resolves.toMatch(/^征地 [\d.]+ 亩（\d+ 项.*）；用地未校核 \d+ 项$/);
    await session.shot('optimise-01-result');
    await page.getByTestId('optimise-land-total').scrollIntoViewIfNeeded();
    await session.shot('optimise-01-land');
    // Inspect on the map: the proposals are drawn over the plan while the result is open.
    await session.openPage('布局图');
    await page.getByTestId('map-proposal').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('map-proposal').textContent()).resolves.toMatch(/布局优化方案（小学）：\d+ 个项目/);
    await page.waitForTimeout(1500);
    await session.shot('optimise-02-map');
    await session.openPage('规划');
    await page.getByTestId('plan-tabs').getByRole('tab', { name: '布局优化' }).click();
    await page.getByTestId('optimise-result').waitFor({ timeout: 30_000 });
    const before = await projectCount();
    const boxes = page.locator('[data-testid="optimise-projects"] tbody .ant-checkbox-input:not([disabled])');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByTestId('optimise-adopt').click();
    await expect.poll(projectCount, { timeout: 30_000 }).toBe(before + 2);
    await session.shot('optimise-03-adopted');
    await page.getByTestId('plan-undo').click();
    await expect.poll(projectCount, { timeout: 30_000 }).toBe(before);
  }, 300_000);
});
