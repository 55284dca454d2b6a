// 配套学校 in the app: a development on the 预测 page reserves a 小学 site and the form previews
// its size and site; the 规划 settings drawer shows the 生均用地 series with their source.
// Screenshots: test-results/screenshots/reserve-*.png.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Development } from '../../shared/projection';
import { withBrowserSession } from '../helpers/browser';

let page: Page;
const session = withBrowserSession({ prefix: 'reserve' }, (s) => ({ page } = s));

describe('配套学校 and 生均用地 on screen', () => {
  it('reserves a school site from the development form and shows the site norms in the settings drawer', { timeout: 300_000 }, async () => {
    await session.openWorkedSample();
    await session.openPage('预测');
    await page.getByTestId('forecast-page').waitFor({ timeout: 120_000 });
    await page.getByTestId('editor-add-development').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('项目名称').fill('滨河新城');
    await dialog.getByLabel('入住人数（可不填，按户数估算）').fill('10000');
    await dialog.getByTestId('development-reserve-kind').click();
    await page.locator('.ant-select-dropdown:visible').getByText('小学', { exact: true }).click();
    // 10,000 × 84 ÷ 1,000 = 840 pupils: 19 classes, 855 seats.
    await expect.poll(() => dialog.getByTestId('development-reserve-preview').textContent()).toContain('小学 840 人');
    await expect.poll(() => dialog.getByTestId('development-reserve-preview').textContent()).toContain('19 班、855 个学位');
    await session.shot('reserve-01-development');
    await dialog.getByRole('button', { name: /保\s*存|确\s*定/ }).click();
    await expect.poll(async () => (await session.api<{ developments: Development[] }>('projection.setup')).developments.find((d) => d.name === '滨河新城')?.reserveKind).toBe('primary');
    await expect.poll(() => page.getByTestId('scenario-editor').textContent()).toContain('预留配套小学');

    await session.openPage('规划');
    await page.getByTestId('plan-settings-button').click();
    const norms = page.getByTestId('site-area-norms');
    await norms.scrollIntoViewIfNeeded();
    await expect.poll(() => norms.locator('input').count()).toBe(20);
    await expect.poll(() => page.getByTestId('norm-sources').textContent()).toContain('生均用地（㎡，城区/镇区及乡村）：幼儿园 15/18，小学 18/23');
    await session.shot('reserve-02-settings');
    expect(session.consoleErrors).toEqual([]);
  });
});
