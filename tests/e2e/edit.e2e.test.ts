// End to end: the 学校 and 乡镇 editors in Debian's Chromium against the loopback host. A
// school's 设计学位数 is changed from its drawer, seen in the table and the drawer, and undone
// from the drawer's 修改记录; a township's 片区 is changed from the 乡镇 list, and a duplicate
// name is refused on screen in Chinese. Screenshots go to test-results/screenshots/edit-*.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/server';
import type { EditRecord } from '../../shared/domain';
import type { SchoolDetail, TownshipRow } from '../../shared/api';
import { withBrowserSession } from '../helpers/browser';
import { tinyProject } from '../helpers/project';
import { tempDir } from '../helpers/temp';

const dir = tempDir('csp-e2e-edit-');
let host: Host;
let page: Page;
const session = withBrowserSession({ prefix: 'edit', dataDir: `${dir}/data` }, async (s) => {
  ({ host, page } = s);
  const opened = await host.backend.dispatch('project.open', { path: await tinyProject(dir) });
  if (!opened.ok) throw new Error(opened.error.message);
});

/** The page refetches after each save; on a busy machine that takes more than a second. */
const POLL = { timeout: 20_000 };
const shot = (name: string) => session.shot(`edit-${name}`);
const call = <T>(method: string, input: unknown = {}) => session.api<T>(method, input);
const capacityCell = () => page.locator('[data-testid="school-table"] [data-code="9909990001"] .ant-table-cell').nth(10);

describe('editing data in a browser', () => {
  it('changes a school’s 设计学位数 from its drawer and shows it in the drawer and the table', async () => {
    await page.goto(host.openUrl);
    await session.openPage('学校');
    await page.getByTestId('schools-page').waitFor();
    await expect.poll(() => capacityCell().textContent(), POLL).toBe('540');
    await page.locator('[data-testid="school-table"] [data-code="9909990001"]').click();
    await page.getByTestId('school-edit-button').click();
    await page.getByTestId('school-edit').waitFor();
    await session.field('edit-designSeats').fill('600');
    await shot('1-school-form');
    await page.getByTestId('edit-save').click();
    await page.getByTestId('school-edit').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('school-drawer').textContent(), POLL).toContain('设计学位数：540 → 600');
    await expect.poll(() => capacityCell().textContent(), POLL).toBe('600');
    expect((await call<SchoolDetail>('schools.detail', { code: '9909990001' })).school.designSeats).toBe(600);
    await shot('2-school-saved');
  });

  it('undoes the edit from the drawer’s 修改记录', async () => {
    const [edit] = await call<EditRecord[]>('edits.list');
    if (!edit) throw new Error('no edit recorded');
    await page.getByTestId(`edit-undo-${edit.id}`).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => page.getByTestId('school-drawer').textContent(), POLL).toContain('已撤销');
    await expect.poll(() => capacityCell().textContent(), POLL).toBe('540');
    expect((await call<SchoolDetail>('schools.detail', { code: '9909990001' })).school.designSeats).toBe(540);
    await shot('3-school-undone');
  });

  it('edits a township’s 片区 from the 乡镇 list and refuses a duplicate name in Chinese', async () => {
    await page.keyboard.press('Escape');
    await page.getByTestId('open-townships').click();
    await page.getByTestId('township-list').waitFor();
    await page.getByTestId('township-edit-990999002').click();
    await page.getByTestId('township-edit').waitFor();
    await session.field('township-name').fill('城关镇');
    await page.getByTestId('township-save').click();
    await expect.poll(() => page.getByTestId('edit-error').textContent(), POLL).toContain('名称与已有的乡镇重复');
    await shot('4-township-refused');
    await session.field('township-name').fill('青山镇');
    await page.getByTestId('township-save').click();
    await page.getByTestId('township-edit').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('township-list').textContent(), POLL).toContain('青山镇');
    expect((await call<TownshipRow[]>('townships.list')).find((r) => r.code === '990999002')?.name).toBe('青山镇');
    await page.getByRole('tab', { name: '修改记录' }).click();
    await expect.poll(() => page.getByTestId('edit-panel').getByTestId('edit-history').textContent(), POLL).toContain('乡镇（街道）：青山乡 → 青山镇');
    await shot('5-history');
    expect(session.outsideRequests()).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });
});
