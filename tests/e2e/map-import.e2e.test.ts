// End to end: a project without geography, opened in browser mode; the 布局图 page's
// 导入地理数据 dialog uploads a GeoJSON of townships, 检查 shows the join (one feature from
// another county, one township left without a boundary), 导入 writes and names the backup, and
// the map draws the boundaries. Screenshots: map-import-*.png (the dialog at 1280×720).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/server';
import type { GeoMap } from '../../shared/geo/api';
import { generateCounty } from '../../shared/sample';
import { projectFile } from '../helpers/backend';
import { withBrowserSession } from '../helpers/browser';
import { tempDir } from '../helpers/temp';
import { visualProblems } from '../helpers/visual';

const dir = tempDir('csp-e2e-map-import-');
const county = generateCounty();
const boundaries = county.geography!.townships;
const kept = boundaries.slice(0, -1);
let host: Host;
let page: Page;
const session = withBrowserSession({ prefix: 'map-import', dataDir: `${dir}/data` }, async (s) => {
  ({ host, page } = s);
  const opened = await host.backend.dispatch('project.open', { path: await projectFile(dir, '无边界县.csplan', { ...county, geography: undefined }) });
  if (!opened.ok) throw new Error(opened.error.message);
});

const feature = (name: string, rings: unknown) => ({ type: 'Feature', properties: { name }, geometry: { type: 'Polygon', coordinates: rings } });
const geojson = Buffer.from(
  JSON.stringify({
    type: 'FeatureCollection',
    features: [...kept.map((b) => feature(b.name, b.geometry.coordinates[0])), feature('外县乡', [[[113, 34], [113.01, 34], [113.01, 34.01], [113, 34]]])],
  }),
);

describe('the 导入地理数据 dialog on the 布局图 page', () => {
  it('uploads, checks and imports township boundaries, and the map draws them', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(host.openUrl);
    await session.openPage('布局图');
    const canvas = page.getByTestId('map-canvas');
    await canvas.waitFor({ timeout: 60_000 });
    await expect(canvas.getAttribute('data-townships')).resolves.toBe('0');

    await page.getByTestId('map-import-geo').click();
    const modal = page.getByTestId('geo-import-modal');
    await modal.waitFor();
    await expect(modal.textContent()).resolves.toContain('把 Shapefile 的 .shp/.dbf/.prj/.cpg 一起打包成 .zip 后上传');
    await expect(page.getByTestId('geo-import-check').isDisabled()).resolves.toBe(true);
    await modal.locator('input[type=file]').setInputFiles({ name: '乡镇边界.geojson', mimeType: 'application/geo+json', buffer: geojson });
    await expect.poll(() => page.getByTestId('geo-import-file').textContent()).toBe('乡镇边界.geojson');
    await page.getByTestId('geo-import-check').click();
    const result = page.getByTestId('geo-import-result');
    await result.waitFor({ timeout: 60_000 });
    await expect(result.textContent()).resolves.toContain('乡镇边界.geojson 检查通过，尚未写入');
    await expect(result.textContent()).resolves.toContain(`要素 ${kept.length + 1} 个，对应上 ${kept.length} 个`);
    await expect(page.getByTestId('geo-import-unmatched').textContent()).resolves.toContain(`第 ${kept.length + 1} 个：外县乡`);
    await expect(page.getByTestId('geo-import-missing').textContent()).resolves.toContain(boundaries[boundaries.length - 1]!.name);
    // A dry run writes nothing.
    expect((await session.api<GeoMap>('geo.map')).townships.filter((t) => t.boundary)).toHaveLength(0);
    await session.shot('map-import-1-checked');
    expect(await visualProblems(page, '1280×720 导入地理数据')).toEqual([]);

    await page.getByTestId('geo-import-commit').click();
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toMatch(/已导入乡镇边界（乡镇边界\.geojson）。导入前已备份：.+\.csplan/);
    await session.shot('map-import-2-written');
    await page.getByTestId('geo-import-close').click();
    await expect.poll(() => canvas.getAttribute('data-townships'), { timeout: 30_000 }).toBe(String(kept.length));
    await session.shot('map-import-3-map');
    expect(session.consoleErrors).toEqual([]);
  }, 300_000);
});
