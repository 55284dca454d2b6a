// End to end: a 寄宿 project on the 规划 page of the sample county — the type in the project
// form, the boarding places, the estimated floor area and investment saved with it.
// Screenshots go to test-results/screenshots (plan-works-*.png).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PlanDetail, PlanEvaluation, PlanSummary } from '../../shared/plan';
import { withBrowserSession } from '../helpers/browser';

let page: Page;
const session = withBrowserSession({ prefix: 'plan-works' }, (s) => ({ page } = s));
const api = <T>(method: string, input: unknown = {}) => session.api<T>(method, input);

async function choose(testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).last().click();
  await page.keyboard.type(option);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

describe('a 寄宿 project', () => {
  it('starts from a new plan on the sample county', async () => {
    await session.openSample();
    await session.openPage('规划');
    await page.getByTestId('create-plan').click();
    await page.getByTestId('plan-summary').waitFor({ timeout: 30_000 });
  }, 120_000);

  it('is entered with its boarding places and saved with the estimated 寄宿部', async () => {
    const [summary] = await api<PlanSummary[]>('plan.list');
    const ev = await api<PlanEvaluation>('plan.evaluate', { plan: summary?.id });
    const junior = ev.schools.find((s) => s.kind === 'junior' && !s.isNew);
    if (!junior) throw new Error('the sample county has no 初中');
    await page.getByTestId('plan-tabs').getByRole('tab', { name: '建设项目' }).click();
    await page.getByTestId('add-project').click();
    await page.getByTestId('project-form').waitFor();
    await page.getByTestId('project-type').getByText('寄宿', { exact: true }).click();
    await session.field('project-name').fill(`${junior.name}寄宿部`);
    await choose('project-school', junior.name);
    await session.field('project-boarding-places').fill('300');
    await session.field('project-completion').fill('2028');
    await session.shot('plan-works-01-form');
    await page.getByTestId('project-save').click();
    await expect
      .poll(async () => (await api<PlanDetail>('plan.get', { plan: summary?.id })).projects.find((p) => p.type === '寄宿')?.boardingPlaces)
      .toBe(300);
    const saved = (await api<PlanDetail>('plan.get', { plan: summary?.id })).projects.find((p) => p.type === '寄宿');
    // 300 × (4.0 + 1.5) ㎡ = 1,650 ㎡; × 3,000 元/㎡ = 495 万元; no seats.
    expect(saved).toMatchObject({ school: junior.code, seats: 0, floorArea: 1650, investment: 495 });
    await session.shot('plan-works-02-list');
  }, 120_000);
});
