// The sample county as a newcomer opens it: its worked 十五五 plan is there without creating
// anything, every 规划 tab is filled, and the counts on the page agree with `plan.evaluate`
// (the figures `evaluate --json` prints). Screenshots: test-results/screenshots/sample-plan-*.png.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { planHeadline, type PlanDetail, type PlanEvaluation, type PlanSummary } from '../../shared/plan';
import { withBrowserSession } from '../helpers/browser';

let page: Page;
const session = withBrowserSession({ prefix: 'sample-plan' }, (s) => ({ page } = s));
const api = <T>(method: string, input: unknown = {}) => session.api<T>(method, input);

async function statValue(id: string): Promise<number> {
  const text = (await page.getByTestId(id).locator('.ant-statistic-content-value').textContent()) ?? '';
  return Number(text.replace(/[^\d.-]/g, ''));
}

const TABS = ['学位供需', '规划指标', '建设项目', '学校', '优质均衡', '教师'];

describe('the sample county’s worked plan on the 规划 page', () => {
  it('is open without creating a plan, and the summary counts agree with the evaluation', { timeout: 240_000 }, async () => {
    await session.openWorkedSample();
    await session.openPage('规划');
    await page.getByTestId('plan-summary').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('create-plan').count()).toBe(0);
    const [summary] = await api<PlanSummary[]>('plan.list');
    const plan = await api<PlanDetail>('plan.get', { plan: summary?.id });
    const ev = await api<PlanEvaluation>('plan.evaluate', { plan: plan.id });
    const head = planHeadline(ev);
    expect(head.projects).toBe(plan.projects.length);
    await expect.poll(() => statValue('stat-projects')).toBe(head.projects);
    const redAtTarget = ev.gaps.filter((g) => g.year === ev.plan.targetYear && g.level === 'red').length;
    expect(redAtTarget).toBe(0);
    await expect.poll(() => statValue('stat-red')).toBe(redAtTarget);
    await expect.poll(() => statValue('stat-gap')).toBe(head.peakGap);
    await expect.poll(() => statValue('stat-targets')).toBe(ev.targets.filter((t) => t.met === true).length);
    await session.shot('sample-plan-01-summary');

    for (const [i, label] of TABS.entries()) {
      await page.getByTestId('plan-tabs').getByRole('tab', { name: label }).click();
      if (label === '规划指标') {
        const lights = page.getByTestId('targets-table').locator('[data-met]');
        await expect.poll(() => lights.count()).toBe(ev.targets.length);
        await expect.poll(() => page.getByTestId('targets-table').locator('[data-met="true"]').count()).toBe(ev.targets.filter((t) => t.met === true).length);
      }
      if (label === '建设项目') {
        const table = page.getByTestId('projects-table');
        for (const p of plan.projects) await expect.poll(() => table.textContent(), { timeout: 30_000 }).toContain(p.name);
        // The worked plan lacks nothing building can still reach: no badge, no 全部采纳, no
        // proposal to adopt; the years before a build can be ready are notes only.
        expect(head.suggestedProjects).toBe(0);
        expect(await page.getByTestId('suggested-count').count()).toBe(0);
        expect(await page.getByTestId('adopt-all').count()).toBe(0);
        expect(await page.getByTestId('adopt-suggestion').count()).toBe(0);
        await expect.poll(() => page.getByTestId('bridge-only').count()).toBe(ev.suggestions.filter((s) => s.bridgeOnly).length);
      }
      await session.shot(`sample-plan-0${i + 2}-${label}`);
    }
    expect(session.consoleErrors).toEqual([]);
  });
});
