// End to end: a 村（社区） table through the 数据导入 wizard — no year asked for, the coordinate
// system offered once 经度/纬度 are mapped (GCJ-02 chosen here), the unknown-population warning
// on the check step, and the villages stored converted. Screenshots: import-villages-*.png.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { GeoMap } from '../../shared/geo/api';
import { toWgs84 } from '../../shared/geo/coords';
import type { Host } from '../../electron/host/server';
import { xlsxOf } from '../helpers/import-files';
import { tinyProject } from '../helpers/project';
import { withBrowserSession } from '../helpers/browser';
import { tempDir } from '../helpers/temp';

const dir = tempDir('csp-e2e-villages-');
let host: Host;
let page: Page;
const session = withBrowserSession({ prefix: 'import-villages', dataDir: `${dir}/data` }, async (s) => {
  ({ host, page } = s);
  const opened = await host.backend.dispatch('project.open', { path: await tinyProject(dir) });
  if (!opened.ok) throw new Error(opened.error.message);
});
const next = () => page.getByTestId('import-next').click();

describe('the village import in the wizard', () => {
  it('imports a village table with GCJ-02 coordinates and no year', async () => {
    await page.goto(host.openUrl);
    await session.openPage('数据导入');
    await page.getByTestId('import-file-step').waitFor();
    await page.getByTestId('import-kind-villages').click();
    const rows = [
      ['乡镇（街道）', '村（社区）名称', '经度', '纬度', '总人口', '小学适龄儿童'],
      ['城关镇', '城东社区', 113.61, 34.76, 5210, 330],
      ['青山乡', '后沟村', 113.74, 34.83, null, null],
    ];
    await page.locator('[data-testid="import-file-step"] input[type=file]').setInputFiles({ name: '村社区.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsxOf(rows) });
    await page.getByTestId('import-header-found').waitFor();
    await next();
    await page.getByTestId('import-mapping-step').waitFor();
    await expect(page.getByTestId('import-year').isVisible()).resolves.toBe(false);
    await page.getByTestId('import-coordinates').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'GCJ-02（高德、腾讯）' }).click();
    await session.shot('import-villages-1-mapping');
    await next();
    await page.getByTestId('import-check-step').waitFor();
    await expect.poll(() => page.getByTestId('import-issues').textContent()).toMatch(/后沟村没有人口或儿童数：按“不详”保存（不是 0）/);
    await page.getByTestId('import-accept-warnings').click();
    await session.shot('import-villages-2-check');
    await next();
    await page.getByTestId('import-confirm-step').waitFor();
    await next();
    await page.getByTestId('import-result').waitFor();
    const map = await session.api<GeoMap>('geo.map', {});
    const east = map.villages.find((v) => v.name === '城东社区')!;
    const [lng, lat] = toWgs84([113.61, 34.76], 'gcj02');
    expect(east.point[0]).toBeCloseTo(lng, 5);
    expect(east.point[1]).toBeCloseTo(lat, 5);
    expect(map.villages.find((v) => v.name === '后沟村')).toMatchObject({ population: null, children: null });
  }, 300_000);
});
