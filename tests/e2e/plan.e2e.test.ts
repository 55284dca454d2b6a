// End to end on the 规划 page: the sample county in Chromium against the loopback host. A
// planner creates the plan, sets a target, adds a new school and a closure, adopts the
// helper's builds, undoes and redoes — and the gaps, warnings and targets follow each edit.
// Screenshots go to test-results/screenshots (plan-*.png).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PlanDetail, PlanEvaluation, PlanSummary } from '../../shared/plan';
import { withBrowserSession } from '../helpers/browser';

let page: Page;
const session = withBrowserSession({ prefix: 'plan' }, (s) => ({ page } = s));

const shot = (name: string) => session.shot(name);
const api = <T>(method: string, input: unknown = {}) => session.api<T>(method, input);
const field = (testId: string) => session.field(testId);

async function evaluation(): Promise<PlanEvaluation> {
  const [plan] = await api<PlanSummary[]>('plan.list');
  return api<PlanEvaluation>('plan.evaluate', { plan: plan?.id });
}

async function statValue(id: string): Promise<number> {
  const text = (await page.getByTestId(id).locator('.ant-statistic-content-value').textContent()) ?? '';
  return Number(text.replace(/[^\d.-]/g, ''));
}

async function redCells(): Promise<number> {
  return page.locator('[data-testid="gap-matrix"] .gap-value[data-level="red"]').count();
}

async function tab(label: string): Promise<void> {
  await page.getByTestId('plan-tabs').getByRole('tab', { name: label }).click();
}

async function choose(testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).last().click();
  // Long lists are virtual: type to bring the option into view.
  await page.keyboard.type(option);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

describe('the 规划 page', () => {
  it('creates the 十五五 plan on the sample county and shows red gaps in the county town', async () => {
    await session.openSample();
    await session.openPage('规划');
    await page.getByTestId('create-plan').click();
    await page.getByTestId('plan-summary').waitFor({ timeout: 30_000 });
    const ev = await evaluation();
    const redAtTarget = ev.gaps.filter((g) => g.year === ev.plan.targetYear && g.level === 'red').length;
    await expect.poll(() => statValue('stat-red')).toBe(redAtTarget);
    expect(redAtTarget).toBeGreaterThan(0);
    // The matrix shows primary by default: the 城区片区 row red in the base year, rural rows blue.
    const matrix = page.getByTestId('gap-matrix');
    await expect(matrix.textContent()).resolves.toContain('城区片区');
    expect(await redCells()).toBe(ev.gaps.filter((g) => g.stage === 'primary' && g.level === 'red').length + ev.county.filter((g) => g.stage === 'primary' && g.level === 'red').length);
    expect(await matrix.locator('.gap-value[data-level="blue"]').count()).toBeGreaterThan(10);
    await expect(page.getByTestId('plan-warnings').textContent()).resolves.toContain('城区片区小学 2025 年起学位缺口');
    await page.locator('[data-testid="plan-demand-chart"] svg path').first().waitFor({ state: 'attached' });
    await shot('plan-01-gaps');
  });

  it('sets a target and sees its traffic light change', async () => {
    await tab('规划指标');
    const table = page.getByTestId('targets-table');
    const row = table.locator('tr', { hasText: '学前三年毛入园率' });
    await expect.poll(() => row.locator('[data-met]').getAttribute('data-met')).toBe('true');
    await page.getByTestId('edit-target-preschool_gross_rate').click();
    const value = field('target-value');
    await value.fill('99');
    await page.getByTestId('target-save').click();
    await expect.poll(() => row.locator('[data-met]').getAttribute('data-met')).toBe('false');
    await expect.poll(async () => (await evaluation()).targets.find((t) => t.key === 'preschool_gross_rate')?.target).toBe(99);
    await shot('plan-02-targets');
  });

  it('adds a new school and a closure, and the gaps and warnings follow', async () => {
    const townPrimaryGap = (e: PlanEvaluation) => e.warnings.find((w) => w.kind === 'area-gap' && w.stage === 'primary' && w.subject === '城区片区')?.message;
    const gapBefore = townPrimaryGap(await evaluation());
    await tab('建设项目');
    await page.getByTestId('add-project').click();
    await page.getByTestId('project-form').waitFor();
    await field('project-name').fill('城关第五小学');
    await choose('project-township', '城关镇');
    await field('project-classes').fill('30');
    await field('project-completion').fill('2027');
    await page.getByTestId('project-estimate').click();
    await shot('plan-03a-project-editor');
    await page.getByTestId('project-save').click();
    await expect.poll(() => page.getByTestId('projects-table').textContent()).toContain('城关第五小学');
    let ev = await evaluation();
    const built = ev.schools.find((s) => s.name === '城关第五小学');
    expect(built?.capacity[ev.years.indexOf(2027)]).toBe(1350);
    expect(built?.demand[ev.years.indexOf(2027)]).toBeGreaterThan(0);

    // Close a small village school, its pupils to the township's central school.
    const village = ev.schools.find((s) => s.name.endsWith('教学点') && s.demand[0] !== undefined && s.demand[0] > 0);
    if (!village) throw new Error('the sample county has no 教学点');
    const central = ev.schools.find((s) => s.township === village.township && s.name.endsWith('中心小学')) ?? ev.schools.find((s) => s.township === village.township && s.stages.includes('primary') && s.code !== village.code);
    if (!central) throw new Error('no receiving school');
    await page.getByTestId('add-project').click();
    await page.getByTestId('project-form').waitFor();
    await page.getByTestId('project-type').getByText('撤并', { exact: true }).click();
    await field('project-name').fill(`${village.name}撤并`);
    await choose('project-school', village.name);
    await page.getByTestId('add-receiver').click();
    await choose('receiver-school', central.name);
    await field('project-completion').fill('2028');
    await page.getByTestId('project-save').click();
    await expect.poll(() => page.getByTestId('projects-table').textContent()).toContain(`${village.name}撤并`);
    ev = await evaluation();
    const y = ev.years.indexOf(2028);
    expect(ev.schools.find((s) => s.code === village.code)?.demand[y]).toBe(0);
    expect(ev.projects).toHaveLength(2);
    await shot('plan-03-projects');

    await tab('学位供需');
    // The new school fills to its share of the area's seats, so it relieves the county town's
    // primary gap sooner, and the page says so (it is no longer warned about as under-used).
    const gapAfter = townPrimaryGap(ev);
    expect(gapAfter).toBeDefined();
    expect(gapAfter).not.toBe(gapBefore);
    await expect.poll(() => page.getByTestId('plan-warnings').textContent()).toContain(gapAfter ?? '');
    await expect(page.getByTestId('plan-warnings').textContent()).resolves.not.toMatch(/城关第五小学.*利用率仅/);
    await expect.poll(() => statValue('stat-projects')).toBe(2);
  });

  it('undoes and redoes an edit', async () => {
    await page.getByTestId('plan-undo').click();
    await expect.poll(() => statValue('stat-projects')).toBe(1);
    await page.getByTestId('plan-redo').click();
    await expect.poll(() => statValue('stat-projects')).toBe(2);
  });

  it("adopts the helper's builds and the red gaps of the plan period close", async () => {
    await tab('建设项目');
    await page.getByTestId('suggestions').waitFor();
    await shot('plan-04-helper');
    await page.getByTestId('adopt-all').click();
    // What is left are notes on the years before anything begun after the base year can be
    // ready (base year + 1 + construction years): nothing to adopt, and nothing red from then on.
    await expect.poll(async () => (await evaluation()).suggestions.flatMap((s) => s.projects).length).toBe(0);
    const ev = await evaluation();
    const { settings } = await api<PlanDetail>('plan.get', { plan: (await api<PlanSummary[]>('plan.list'))[0]?.id });
    const ready = ev.plan.baseYear + 1 + settings.constructionYears;
    expect(ev.gaps.filter((g) => g.level === 'red' && g.year >= ready && g.year <= ev.plan.targetYear)).toEqual([]);
    await expect.poll(() => page.getByTestId('adopt-all').count()).toBe(0);
    await expect.poll(() => page.getByTestId('bridge-only').count()).toBe(ev.suggestions.filter((s) => s.bridgeOnly).length);
    await tab('学位供需');
    await expect.poll(() => statValue('stat-red')).toBe(0);
    await shot('plan-05-after-builds');
    // The seats added in the county town against its falling demand, completions pinned.
    await page.getByTestId('plan-warnings').scrollIntoViewIfNeeded();
    await page.locator('[data-testid="plan-demand-chart"] svg path').first().waitFor({ state: 'attached' });
    await page.waitForTimeout(500);
    await shot('plan-05b-chart');
  });

  it('shows the 优质均衡 panel and the schools', async () => {
    await tab('优质均衡');
    await page.getByTestId('balance-indicators').waitFor();
    const ev = await evaluation();
    await expect(page.getByTestId('balance-passing').textContent()).resolves.toContain(`${ev.balance.primary.schoolsPassing} / ${ev.balance.primary.schoolsTotal}`);
    await page.locator('[data-testid="balance-chart"] svg path').first().waitFor({ state: 'attached' });
    await shot('plan-06-balance');
    await tab('学校');
    await page.getByTestId('plan-schools').waitFor();
    await shot('plan-07-schools');
    await page.getByTestId('plan-settings-button').click();
    await page.getByTestId('save-norms').waitFor();
    await page.waitForTimeout(400);
    await shot('plan-08-settings');
    await page.keyboard.press('Escape');
  });

  it('made no request beyond the loopback host, and none failed', () => {
    expect(session.outsideRequests()).toEqual([]);
    expect(session.failures).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });
});
