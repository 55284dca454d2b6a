// End to end on the 规划 page's 教师 tab: the sample county in Chromium against the loopback
// host. The planner sees posts against teachers per stage, the county town short and the
// townships over, and a changed ratio in 规划设置 moves the figures. Then a teacher table
// (教职工结构 with age bands and 学历) is imported: the tab counts retirements by age for those
// schools and shows 学历达标率, and the school drawer shows the table.
// Screenshots go to test-results/screenshots (teachers-*.png).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SchoolDetail } from '../../shared/api';
import type { ImportResult } from '../../shared/import';
import type { PlanEvaluation } from '../../shared/plan';
import { TEACHER_HEADERS, type DataTable } from '../../shared/templates/layouts';
import { withBrowserSession } from '../helpers/browser';
import { xlsxOf } from '../helpers/import-files';
import { tempDir } from '../helpers/temp';

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

  it('counts retirements by age and shows 学历达标率 once a teacher table is imported', async () => {
    let ev = await evaluation();
    expect(ev.teachers.retirementBasis.every((b) => b.basis === 'rate')).toBe(true);
    await expect(page.getByTestId('teacher-supply-source').textContent()).resolves.toContain('按年龄结构 0 所');
    await expect(page.getByTestId('teacher-indicators').textContent()).resolves.toContain('缺数据');
    // Three 小学 with a staff record: their own 专任教师 by age band and by 学历, in the import layout,
    // one teacher of each below the 高中阶段 the Teachers Law asks of 小学 teachers.
    const year = ev.teachers.staffYear ?? ev.plan.baseYear;
    const picked = ev.teachers.schools.filter((r) => r.stage === 'primary' && !r.isNew && (r.supply[0] ?? 0) >= 20).slice(0, 3);
    expect(picked.length).toBe(3);
    const teachersOf = new Map<string, number>();
    for (const p of picked) {
      const d = await api<SchoolDetail>('schools.detail', { code: p.code });
      teachersOf.set(p.code, d.staff.find((s) => s.year === year)?.teachers ?? 0);
    }
    const header = [...TEACHER_HEADERS];
    const row = (code: string, name: string) => {
      const n = teachersOf.get(code) ?? 0;
      const cells: Record<string, string | number> = {
        年份: year, 学校标识码: code, 学校名称: name, 专任教师: n,
        '年龄 25—29岁': 5, '年龄 40—44岁': 5, '年龄 55—59岁': n - 10, 研究生: 1, 本科: n - 4, 专科: 2, 高中阶段以下: 1,
      };
      return header.map((h) => cells[h] ?? null);
    };
    const file = path.join(tempDir('csp-e2e-teachers-'), '教职工结构.xlsx');
    fs.writeFileSync(file, xlsxOf([header, ...picked.map((p) => row(p.code, p.name))]));
    const res = await api<ImportResult>('import.run', { path: file, kind: 'teachers' });
    expect(res.ok, JSON.stringify(res.issues.filter((i) => i.severity === 'error'))).toBe(true);
    expect(res.issues.map((i) => i.code)).not.toContain('PROFILE_SUM_MISMATCH');

    ev = await evaluation();
    expect(ev.teachers.retirementBasis.filter((b) => b.basis === 'age').map((b) => b.code).sort()).toEqual(picked.map((p) => p.code).sort());
    // 小学 needs 高中阶段 or more: all but one teacher of each school.
    const total = [...teachersOf.values()].reduce((a, b) => a + b, 0);
    expect(ev.teachers.indicators[0]?.degreeCompliance).toBeCloseTo(1 - 3 / total, 9);

    await session.openPage('学校');
    const school = picked[0]!;
    await session.field('school-search').fill(school.name);
    await page.getByTestId('school-table').getByText(school.name, { exact: true }).first().click();
    const profile = page.getByTestId('school-drawer').getByTestId('school-staff-profile');
    await profile.waitFor();
    await expect(profile.textContent()).resolves.toContain(`55—59岁 ${(teachersOf.get(school.code) ?? 0) - 10}`);
    await expect(profile.textContent()).resolves.toContain('高中阶段以下 1');
    await profile.scrollIntoViewIfNeeded();
    await session.shot('teachers-05-drawer');
    await page.keyboard.press('Escape');

    await session.openPage('规划');
    await page.getByTestId('plan-tabs').getByRole('tab', { name: '教师' }).click();
    await page.getByTestId('teachers-panel').waitFor();
    await expect.poll(() => page.getByTestId('teacher-supply-source').textContent(), { timeout: 15_000 }).toContain('按年龄结构 3 所');
    await expect(page.getByTestId('teacher-notes').textContent()).resolves.toContain('按导入的专任教师年龄段测算到龄退休');
    await expect(page.getByTestId('teacher-indicators').locator('tr', { hasText: '学历达标率' }).textContent()).resolves.toContain(`${(100 * (1 - 3 / total)).toFixed(1)}%`);
    await page.getByTestId('teacher-indicators-section').scrollIntoViewIfNeeded();
    await session.shot('teachers-06-imported');
  });

  it('a 小学 imported without 专任教师: its posts are marked and its teachers are 未知, never 0', async () => {
    // A copy of a 铁炉乡 小学's base-year row, with a new code and name and the staff columns blank.
    const table = await api<DataTable>('data.export', { kind: 'schools' });
    const col = (h: string) => table.headers.indexOf(h);
    let ev = await evaluation();
    const source = table.rows.find((r) => r[col('乡镇（街道）')] === '铁炉乡' && r[col('年份')] === ev.plan.baseYear && String(r[col('办学类型')]).includes('小学'));
    expect(source).toBeDefined();
    const copy = [...(source as (string | number | null)[])];
    copy[col('学校标识码')] = '2990109999';
    copy[col('学校名称')] = '铁炉乡新增小学';
    const staffHeaders = table.headers.filter((h) => /教师|教职工/.test(h));
    expect(staffHeaders).toContain('专任教师（人）');
    for (const h of staffHeaders) copy[col(h)] = null;
    // Pupils by grade (the projection needs grades): 12 in each of the six, 72 in all.
    const grades = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'].map((g) => `${g}学生数`);
    copy[col('在校生合计（人）')] = 72;
    copy[col('班级数合计（个）')] = 6;
    const file = path.join(tempDir('csp-e2e-teachers-'), '新增学校.xlsx');
    fs.writeFileSync(file, xlsxOf([[...table.headers, ...grades], [...copy, ...grades.map(() => 12)]]));
    const res = await api<ImportResult>('import.run', { path: file, kind: 'schools', acceptWarnings: true });
    expect(res.ok, JSON.stringify(res.issues.filter((i) => i.severity === 'error'))).toBe(true);

    ev = await evaluation();
    const row = ev.teachers.byTownship.find((r) => r.townshipName === '铁炉乡' && r.stage === 'primary');
    const unknown = row?.unknownPosts[0] ?? 0;
    expect(unknown).toBeGreaterThan(0);
    expect(ev.teachers.missingStaff.map((m) => m.name)).toContain('铁炉乡新增小学');
    // The import went through the API behind the page's back: leave 规划 and come back to read it again.
    await session.openPage('学校');
    await session.openPage('规划');
    await page.getByTestId('plan-tabs').getByRole('tab', { name: '教师' }).click();
    await page.getByTestId('teachers-panel').waitFor();
    await expect.poll(() => page.getByTestId('teacher-notes').textContent(), { timeout: 15_000 }).toContain('铁炉乡新增小学');
    const cells = page.getByTestId('teacher-townships').locator('tr', { hasText: '铁炉乡' }).locator('td');
    await expect(cells.nth(1).textContent()).resolves.toBe(`${row?.demand[0]}*`);
    await expect(page.getByTestId('teacher-gap-footer').textContent()).resolves.toContain('教师未知的学校另需编制');
    await page.getByTestId('teacher-townships').scrollIntoViewIfNeeded();
    await cells.nth(1).locator('span.num').hover();
    await page.getByRole('tooltip').filter({ hasText: '不计入缺编' }).first().waitFor();
    await session.shot('teachers-07-unknown');
  });

  it('made no request beyond the loopback host, and none failed', () => {
    expect(session.outsideRequests()).toEqual([]);
    expect(session.failures).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });
});
