// End to end: the 数据导入 wizard in Debian's Chromium against the loopback host. A realistic
// messy workbook (title rows, a two-row merged header, 男/女 columns, a 合计 row) goes
// through every step and is undone; its GBK CSV and .xls variants import the same; a broken
// file is refused on screen. Screenshots (1440×900) go to test-results/screenshots/import-*.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/server';
import type { SchoolDetail } from '../../shared/api';
import { officialTownships } from '../../shared/divisions/townships';
import type { ImportRecord } from '../../shared/import';
import { withBrowserSession } from '../helpers/browser';
import { messySchoolsGbkCsv, messySchoolsXls, messySchoolsXlsx, xlsxOf } from '../helpers/import-files';
import { tinyProject } from '../helpers/project';
import { tempDir } from '../helpers/temp';

const dir = tempDir('csp-e2e-import-');
let host: Host;
let page: Page;
const session = withBrowserSession({ prefix: 'import', dataDir: `${dir}/data` }, async (s) => {
  ({ host, page } = s);
  const opened = await host.backend.dispatch('project.open', { path: await tinyProject(dir) });
  if (!opened.ok) throw new Error(opened.error.message);
});

const shot = (name: string) => session.shot(`import-${name}`);
const call = <T>(method: string, input: unknown = {}) => session.api<T>(method, input);

async function upload(name: string, buffer: Buffer, mimeType: string): Promise<void> {
  await page.locator('[data-testid="import-file-step"] input[type=file]').setInputFiles({ name, mimeType, buffer });
}

const next = () => page.getByTestId('import-next').click();

describe('the import wizard in a browser', () => {
  it('opens on the 数据导入 page at the file step', async () => {
    await page.goto(host.openUrl);
    await session.openPage('数据导入');
    await page.getByTestId('import-file-step').waitFor();
    await page.locator('.ant-menu-item-selected').getByText('数据导入').waitFor();
    await expect(page.getByTestId('import-page').textContent()).resolves.toContain('下载空白模板');
    await shot('1-file');
  });

  it('keeps a numeric range with its unit (1-4 岁) on one line whatever the width of its card, at 1280×720 too', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot('1-file-1280');
    const description = page.locator('.import-kind-desc').filter({ hasText: '1-4 岁' });
    await expect(description.count()).resolves.toBe(1);
    // How many lines the range takes at each card width, with the page's own rule and with the
    // range let wrap: the latter shows that the widths tried do put a line end inside it.
    const linesOfRange = (wrap: boolean) =>
      description.evaluate((desc: HTMLElement, wrapRange: boolean) => {
        const el = desc.closest<HTMLElement>('.import-kind');
        const range = desc.querySelector<HTMLElement>('.import-range');
        if (!el || !range) return [];
        range.style.whiteSpace = wrapRange ? 'normal' : '';
        const lines: number[] = [];
        for (let w = 120; w <= 420; w += 2) {
          el.style.width = `${w}px`;
          lines.push(new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size);
        }
        el.style.width = '';
        range.style.whiteSpace = '';
        return lines;
      }, wrap);
    const kept = await linesOfRange(false);
    expect(kept.length).toBeGreaterThan(0);
    expect(Math.max(...kept)).toBe(1);
    expect(Math.max(...(await linesOfRange(true)))).toBe(2);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('reads the messy workbook and finds the two-row header under the title rows', async () => {
    await upload('2025年小学基本情况.xlsx', messySchoolsXlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await page.getByTestId('import-header-found').waitFor();
    await expect(page.getByTestId('import-header-found').textContent()).resolves.toContain('第 3–4 行');
    const sheets = (await page.getByTestId('import-sheet-step').textContent()) ?? '';
    expect(sheets).toContain('隐藏');
    await shot('2-sheet');
  });

  it('proposes the column mapping, 男/女 included, with the year from the title', async () => {
    await next();
    await page.getByTestId('import-mapping-step').waitFor();
    const table = page.getByTestId('import-mapping-table');
    await expect(table.textContent()).resolves.toContain('一年级 / 男');
    await expect(page.getByTestId('import-target-F').textContent()).resolves.toContain('一年级 学生数（男）');
    await expect(page.locator('input[data-testid="import-year"], [data-testid="import-year"] input').first().inputValue()).resolves.toBe('2025');
    await shot('3-mapping');
  });

  it('checks every row: the 合计 and notes rows are skipped and reported', async () => {
    await next();
    await page.getByTestId('import-check-step').waitFor();
    const text = (await page.getByTestId('import-check-step').textContent()) ?? '';
    expect(text).toContain('可导入');
    expect(text).toMatch(/合计\/小计行，已跳过/);
    await shot('4-check');
  });

  it('previews the rows as stored, imports them and undoes the import', async () => {
    await next();
    await page.getByTestId('import-confirm-step').waitFor();
    await expect(page.getByTestId('import-preview').textContent()).resolves.toContain('青山乡新村小学');
    await shot('5-confirm');
    await next();
    await page.getByTestId('import-result').waitFor();
    await shot('6-done');
    const records = await call<ImportRecord[]>('import.list');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ fileName: '2025年小学基本情况.xlsx', sheet: '小学', rowsImported: 3 });
    const detail = await call<SchoolDetail>('schools.detail', { code: '9909990001' });
    expect(detail.latestGrades.map((g) => g.students)).toEqual([135, 118]);

    await page.getByTestId('import-undo-this').click();
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain('已撤销第 1 次导入');
    const after = await call<SchoolDetail>('schools.detail', { code: '9909990001' });
    expect(after.latestGrades.map((g) => g.students)).toEqual([130, 118]);
    expect((await call<ImportRecord[]>('import.list'))[0]?.undoneAt).not.toBeNull();
  });

  it('lists the import, marked undone, in 导入记录', async () => {
    await page.getByRole('tab', { name: /导入记录/ }).click();
    await page.getByTestId('import-history').waitFor();
    await expect.poll(() => page.getByTestId('import-history').textContent()).toContain('已撤销');
    await shot('7-history');
    await page.getByRole('tab', { name: /导入向导/ }).click();
  });

  it('imports the GBK CSV variant to the same rows', async () => {
    await page.getByText('继续导入其他文件').click();
    await page.getByTestId('import-file-step').waitFor();
    await upload('2025年小学基本情况.csv', messySchoolsGbkCsv(), 'text/csv');
    await page.getByTestId('import-header-found').waitFor();
    await expect(page.getByTestId('import-file-step').or(page.getByTestId('import-sheet-step')).first().isVisible()).resolves.toBe(true);
    await next();
    await page.getByTestId('import-mapping-step').waitFor();
    await next();
    await page.getByTestId('import-check-step').waitFor();
    await next();
    await page.getByTestId('import-confirm-step').waitFor();
    await next();
    await page.getByTestId('import-result').waitFor();
    const records = await call<ImportRecord[]>('import.list');
    expect(records[0]).toMatchObject({ id: 2, fileName: '2025年小学基本情况.csv', rowsImported: 3, undoneAt: null });
    const detail = await call<SchoolDetail>('schools.detail', { code: '9909990001' });
    expect(detail.latestGrades.map((g) => g.students)).toEqual([135, 118]);
  });

  it('reads the .xls variant the same way (checked, not imported)', async () => {
    await page.getByText('继续导入其他文件').click();
    await upload('2025年小学基本情况.xls', messySchoolsXls(), 'application/vnd.ms-excel');
    await page.getByTestId('import-header-found').waitFor();
    await next();
    await next();
    await page.getByTestId('import-check-step').waitFor();
    // Importing the same data again changes nothing: 3 rows, no errors.
    const text = (await page.getByTestId('import-check-step').textContent()) ?? '';
    expect(text).toMatch(/可导入3/);
  });

  it('shows row errors with sheet, row, column and value, and blocks the import', async () => {
    for (let i = 0; i < 3; i++) await page.getByTestId('import-back').click();
    const rows = [
      ['学校名称', '乡镇', '一年级班数', '一年级学生数', '二年级班数', '二年级学生数'],
      ['城关第一小学', '城关镇', 2, 'abc', 2, 118],
      ['石桥镇中心小学', '石桥镇', 1, 95, 0, 12],
    ];
    await upload('有错误的表.xlsx', xlsxOf(rows), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await page.getByTestId('import-header-found').waitFor();
    await next();
    await page.getByTestId('import-mapping-step').waitFor();
    await page.locator('input[data-testid="import-year"], [data-testid="import-year"] input').first().fill('2025');
    await next();
    await page.getByTestId('import-errors-block').waitFor();
    // The unknown township is a warning now (its row skipped), so the list is shown whole, not errors only.
    await page.getByTestId('import-issues').getByText(/^全部/).click();
    const text = (await page.getByTestId('import-issues').textContent()) ?? '';
    expect(text).toContain('D 列（一年级学生数）');
    expect(text).toContain('abc');
    expect(text).toMatch(/没有名为“石桥镇”的乡镇/);
    await expect(page.getByTestId('import-next').isDisabled()).resolves.toBe(true);
    await shot('4b-errors');
  });

  it('refuses a web page saved as .xls, on screen, with what to do', async () => {
    for (let i = 0; i < 3; i++) await page.getByTestId('import-back').click();
    await upload('导出.xls', Buffer.from('<html><body><table><tr><td>学校名称</td></tr></table></body></html>'), 'application/vnd.ms-excel');
    await page.getByTestId('import-file-error').waitFor();
    await expect(page.getByTestId('import-file-error').textContent()).resolves.toMatch(/网页（HTML）.*另存为/);
    await shot('8-refused');
  });

  it('imports the first file of an empty project without ticking anything, creating its townships', async () => {
    await call('project.create', { path: `${dir}/新县.csplan`, name: '新县', countyCode: '410101' });
    await page.goto(host.openUrl);
    await session.openPage('数据导入');
    await page.getByTestId('import-file-step').waitFor();
    const rows = [
      ['2024年新县小学基本情况'],
      ['学校名称', '乡镇', '一年级班数', '一年级学生数'],
      ['城关第一小学', '城关镇', 2, 90],
      ['东街小学', '东街街道', 2, 80],
      ['青山小学', '青山乡', 1, 30],
    ];
    await upload('新县学校.xlsx', xlsxOf(rows), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await page.getByTestId('import-header-found').waitFor();
    await next();
    await page.getByTestId('import-mapping-step').waitFor();
    await next();
    await page.getByTestId('import-check-step').waitFor();
    await expect(page.getByTestId('import-next').isDisabled()).resolves.toBe(false);
    await shot('9-first-file-check');
    await next();
    await page.getByTestId('import-confirm-step').waitFor();
    await next();
    await page.getByTestId('import-result').waitFor();
    await shot('9-first-file-done');
    const townships = await call<{ name: string; urbanRural: string }[]>('townships.list');
    expect(townships.map((t) => [t.name, t.urbanRural]).sort()).toEqual([['东街街道', '城区'], ['城关镇', '城区'], ['青山乡', '乡村']].sort());
  });

  it('then takes an unknown township as a warning: its rows skipped and listed, the nearest name offered', async () => {
    await page.getByText('继续导入其他文件').click();
    await page.getByTestId('import-file-step').waitFor();
    const rows = [
      ['学校名称', '乡镇', '一年级班数', '一年级学生数'],
      ['城关第二小学', '城关镇', 2, 88],
      ['青衫小学', '青衫乡', 1, 25],
    ];
    await upload('新县学校2025.xlsx', xlsxOf(rows), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await page.getByTestId('import-header-found').waitFor();
    await next();
    await page.getByTestId('import-mapping-step').waitFor();
    await page.locator('input[data-testid="import-year"], [data-testid="import-year"] input').first().fill('2025');
    await next();
    await page.getByTestId('import-check-step').waitFor();
    const text = (await page.getByTestId('import-issues').textContent()) ?? '';
    expect(text).toMatch(/没有名为“青衫乡”的乡镇（街道），是否为“青山乡”（410101\d{3}）之误。第 3 行（共 1 行）将跳过不导入/);
    await expect(page.getByTestId('import-errors-block').count()).resolves.toBe(0);
    await page.getByTestId('import-accept-warnings').click();
    await shot('10-unknown-township-warning');
    await next();
    await page.getByTestId('import-confirm-step').waitFor();
    await next();
    await page.getByTestId('import-result').waitFor();
    const schools = await call<{ name: string }[]>('schools.list');
    expect(schools.map((s) => s.name)).toContain('城关第二小学');
    expect(schools.map((s) => s.name)).not.toContain('青衫小学');
    await expect(call<unknown[]>('townships.list').then((t) => t.length)).resolves.toBe(3);
  });

  it('starts a new project from the national division list, with the county’s official townships', async () => {
    await page.getByRole('button', { name: /切换项目/ }).click();
    await page.getByText('新建空白项目…').click();
    await page.getByTestId('new-project-division').click();
    await page.keyboard.type('长沙县');
    await page.locator('.ant-cascader-menu-item', { hasText: '长沙县' }).first().click();
    await expect(page.locator('#newProject_name').inputValue()).resolves.toBe('长沙县');
    await expect(page.locator('#newProject_countyCode').inputValue()).resolves.toBe('430121');
    await expect(page.getByTestId('new-project-official-townships').isChecked()).resolves.toBe(true);
    await page.locator('#newProject_path').fill(`${dir}/长沙县.csplan`);
    await shot('11-new-project-division');
    await page.getByRole('button', { name: '创建项目' }).click();
    await expect(page.getByTestId('project-name').filter({ hasText: '长沙县' }).waitFor()).resolves.toBeUndefined();
    const townships = await call<{ code: string; name: string }[]>('townships.list');
    expect(townships.map((t) => t.code).sort()).toEqual(officialTownships('430121').map((t) => t.code).sort());
    expect(townships.find((t) => t.code === '430121001')?.name).toBe('星沙街道');
  });

  it('made no request beyond the loopback host, and logged no error', () => {
    expect(session.outsideRequests()).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });
});
