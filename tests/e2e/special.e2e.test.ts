// End to end: the sample county in Chromium against the loopback host. On the 学校 page's
// 集团与特殊教育 panel the planner adds a 城乡学校共同体 and gives the one large school without
// a resource room a room; the 学校 table shows both, and the plan's targets move: 资源教室覆盖率
// to 100 %, one more group, more rural schools in a group. Then a 集团化办学 project on the 规划
// page forms a group of two rural schools in a later year, and 乡村学校入集团比例 rises from that
// year. Screenshots: special-*.png.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SchoolRow } from '../../shared/api';
import type { InclusionData } from '../../shared/domain';
import type { PlanDetail, PlanEvaluation, PlanSummary } from '../../shared/plan';
import { withBrowserSession } from '../helpers/browser';

let page: Page;
const session = withBrowserSession({ prefix: 'special' }, (s) => ({ page } = s));
const api = <T>(method: string, input: unknown = {}) => session.api<T>(method, input);
const POLL = { timeout: 60_000 };

const base = async (key: string) => (await api<PlanEvaluation>('plan.evaluate', { name: '十五五' })).targets.find((t) => t.key === key)?.base ?? null;

/** Opens the 规划指标 tab of the 规划 page. */
const targetsTab = () => page.getByTestId('plan-tabs').getByRole('tab', { name: '规划指标' }).click();

/** Picks an option of a Select without search (the table's filters). */
async function pick(testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

/** Picks an option of an antd Select by typing part of its label. */
async function choose(testId: string, text: string) {
  const input = page.locator(`[data-testid="${testId}"] input`).first();
  await input.click();
  await input.fill(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

describe('groups and resource rooms', () => {
  let before: { rooms: number | null; groups: number | null; rural: number | null };

  it('starts from the sample’s targets: one large school without a room, two groups', { timeout: 240_000 }, async () => {
    await session.openSample();
    await session.openPage('规划');
    await page.getByTestId('create-plan').click();
    await page.getByTestId('plan-summary').waitFor({ timeout: 120_000 });
    before = { rooms: await base('resource_room_coverage'), groups: await base('school_groups'), rural: await base('rural_schools_in_groups') };
    expect(before).toMatchObject({ rooms: 87.5, groups: 2 });
    await targetsTab();
    await expect.poll(() => page.getByTestId('targets-table').textContent(), POLL).toContain('资源教室覆盖率');
    await session.shot('special-1-targets-before');
  });

  it('enters a group and a resource room on the 学校 page and sees the table and the targets change', { timeout: 300_000 }, async () => {
    await session.openPage('学校');
    await page.getByTestId('schools-page').waitFor();
    await page.getByTestId('open-inclusion').click();
    await page.getByTestId('inclusion-editor').waitFor();
    await session.field('group-name').fill('凤凰镇城乡学校共同体');
    await choose('group-core', '凤凰镇中心小学');
    await choose('group-members', '凤凰镇杏花小学');
    await choose('group-members', '凤凰镇魏庄教学点');
    await page.getByTestId('group-save').click();
    await expect.poll(() => page.getByTestId('inclusion-editor').textContent(), POLL).toContain('凤凰镇城乡学校共同体');

    await choose('rooms-school', '示例县第三中学');
    await session.field('rooms-inclusive').fill('6');
    await session.field('rooms-count').fill('1');
    await session.shot('special-2-editor');
    await page.getByTestId('rooms-save').click();
    await expect.poll(() => base('resource_room_coverage'), POLL).toBe(100);
    expect(await base('school_groups')).toBe((before.groups ?? 0) + 1);
    expect(await base('rural_schools_in_groups')).toBeGreaterThan(before.rural ?? 0);

    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('open-inclusion');
    // Once the panel looks gone, the filter is picked at once: the panel gives focus back to its
    // button as it closes, not after its animation, so no late focus change closes the dropdown.
    await page.getByTestId('inclusion-editor').waitFor({ state: 'hidden' });
    await pick('filter-group', '在集团内');
    await expect.poll(() => page.getByTestId('school-table').textContent(), POLL).toContain('凤凰镇城乡学校共同体');
    await session.shot('special-3-schools-in-groups');

    await session.openPage('规划');
    await page.getByTestId('plan-summary').waitFor({ timeout: 120_000 });
    await targetsTab();
    const row = page.getByTestId('targets-table').locator('tr', { hasText: '资源教室覆盖率' });
    await expect.poll(() => row.textContent(), POLL).toContain('100');
    await session.shot('special-4-targets-after');
    expect(session.outsideRequests()).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });

  it('forms a group as a 集团化办学 project with a year, and the rural share rises from that year', { timeout: 300_000 }, async () => {
    const data = await api<InclusionData>('inclusion.get');
    const grouped = new Set(data.groups.flatMap((g) => [g.core, ...g.members]));
    const rural = (await api<SchoolRow[]>('schools.list')).filter((s) => s.urbanRural === '乡村' && s.stages.includes('primary') && !grouped.has(s.code));
    const [core, member] = rural;
    if (!core || !member) throw new Error('the sample county has fewer than two rural schools outside the groups');
    const [summary] = await api<PlanSummary[]>('plan.list');
    const plan = await api<PlanDetail>('plan.get', { plan: summary?.id });
    const year = plan.baseYear + 2;
    const series = async () => {
      const ev = await api<PlanEvaluation>('plan.evaluate', { name: '十五五' });
      const t = ev.targets.find((x) => x.key === 'rural_schools_in_groups')!;
      return { before: t.series[ev.years.indexOf(year - 1)] ?? null, at: t.series[ev.years.indexOf(year)] ?? null };
    };
    const was = await series();
    expect(was.at).toBe(was.before);

    await page.getByTestId('plan-tabs').getByRole('tab', { name: '建设项目' }).click();
    await page.getByTestId('add-project').click();
    await page.getByTestId('project-form').waitFor();
    await page.getByTestId('project-type').getByText('集团化办学', { exact: true }).click();
    await session.field('project-name').fill('乡村学校共同体组建');
    await choose('project-school', core.name);
    await page.locator('[data-testid="project-group-name"] input').first().fill('乡村学校共同体');
    await choose('project-group-members', member.name);
    // Closes the members' dropdown (Escape would close the whole form).
    await session.field('project-name').click();
    await session.field('project-completion').fill(String(year));
    await session.shot('special-5-group-project');
    await page.getByTestId('project-save').click();
    await expect.poll(async () => (await series()).at, POLL).toBeGreaterThan(was.at ?? 0);
    expect((await series()).before).toBe(was.before);
    const saved = (await api<PlanDetail>('plan.get', { plan: plan.id })).projects.find((p) => p.type === '集团化办学');
    expect(saved).toMatchObject({ school: core.code, completionYear: year, schoolGroup: { name: '乡村学校共同体', members: [member.code] } });
    await expect.poll(() => page.getByTestId('projects-table').textContent(), POLL).toContain('乡村学校共同体组建');
    await session.shot('special-6-projects');
    expect(session.outsideRequests()).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });
});
