// End to end: a projected township shapefile (zipped) uploaded in the 导入地理数据 dialog shows
// the import's stage, a bar and an estimate; 取消 stops it with 已取消 and nothing written, and
// Esc while it runs closes the dialog and cancels the job. The geo worker is held at its first
// report of converting coordinates (CSP_TEST_HOLD_GEO_STAGE, geo/worker-progress.ts) until the
// cancel ends it, so the test sees the import running however fast the machine is; the file
// can stay small.
// Screenshot: map-import-progress.png (the dialog mid-import at 1280×720).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import proj4 from 'proj4';
import { afterAll, describe, expect, it } from 'vitest';
import { HOLD_GEO_STAGE_ENV } from '../../electron/backend/geo/worker-progress';
import type { Host } from '../../electron/host/server';
import type { GeoImportJob, GeoMap } from '../../shared/geo/api';
import type { Position } from '../../shared/geo/model';
import { generateCounty } from '../../shared/sample';
import { projectFile } from '../helpers/backend';
import { withBrowserSession } from '../helpers/browser';
import { PRJ_CGCS2000_GK_CM114, writeShapefile } from '../helpers/shapefile';
import { sha256, tempDir } from '../helpers/temp';
import { visualProblems } from '../helpers/visual';
import { writeZip } from '../helpers/zip';

const GK = '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const dir = tempDir('csp-e2e-map-import-progress-');
const county = generateCounty();
const boundaries = county.geography!.townships;
let host: Host;
let page: Page;
let projectPath: string;
// Set before the session's backend is forked (its geo workers inherit the environment).
const heldBefore = process.env[HOLD_GEO_STAGE_ENV];
process.env[HOLD_GEO_STAGE_ENV] = 'coordinates';
afterAll(() => {
  if (heldBefore === undefined) delete process.env[HOLD_GEO_STAGE_ENV];
  else process.env[HOLD_GEO_STAGE_ENV] = heldBefore;
});
const session = withBrowserSession({ prefix: 'map-import-progress', dataDir: `${dir}/data` }, async (s) => {
  ({ host, page } = s);
  projectPath = await projectFile(dir, '无边界县.csplan', { ...county, geography: undefined });
  const opened = await host.backend.dispatch('project.open', { path: projectPath });
  if (!opened.ok) throw new Error(opened.error.message);
});

/** The sample county's township boundaries in Gauss-Krüger metres, as a surveyed file comes. */
function townshipZip(): Buffer {
  const base = path.join(dir, '乡镇界');
  const records = boundaries.map((b) => ({ rings: [b.geometry.coordinates[0]![0]!.map((p: Position) => proj4('WGS84', GK, p) as [number, number])], fields: { NAME: b.name, CODE: b.township } }));
  writeShapefile(base, records, { encoding: 'gbk', prj: PRJ_CGCS2000_GK_CM114, cpg: 'GBK' });
  return writeZip(['.shp', '.shx', '.dbf', '.prj', '.cpg'].map((e) => ({ name: `乡镇界${e}`, data: fs.readFileSync(`${base}${e}`) })));
}

/** Waits until the dialog shows the stage the worker is held at. */
async function midImport(): Promise<string> {
  const progress = page.getByTestId('geo-import-progress');
  await expect.poll(() => progress.getAttribute('data-stage'), { timeout: 60_000 }).toBe('coordinates');
  return (await progress.getAttribute('data-job'))!;
}

describe('an import running in the 导入地理数据 dialog', () => {
  it('shows the stage, a bar and an estimate, and 取消 or Esc stops the import without writing', async () => {
    const zip = townshipZip();
    const before = sha256(projectPath);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(host.openUrl);
    await session.openPage('布局图');
    await page.getByTestId('map-canvas').waitFor({ timeout: 60_000 });

    await page.getByTestId('map-import-geo').click();
    const modal = page.getByTestId('geo-import-modal');
    await modal.waitFor();
    await modal.locator('input[type=file]').setInputFiles({ name: '乡镇界.zip', mimeType: 'application/zip', buffer: zip });
    await page.getByTestId('geo-import-check').click();
    const job = await midImport();
    const text = page.getByTestId('geo-import-progress-text');
    await expect(text.textContent()).resolves.toMatch(/^检查并换算坐标 \d+%/);
    // The bar stands where the text says: reading done, converting just begun.
    const percent = /(\d+)%/.exec((await text.textContent())!)![1]!;
    expect(Number(percent)).toBeGreaterThan(0);
    await expect(page.getByTestId('geo-import-progress').getByRole('progressbar').getAttribute('aria-valuenow')).resolves.toBe(percent);
    await expect(page.getByTestId('geo-import-progress').textContent()).resolves.toContain('取消、按 Esc 或关闭对话框都会停止，不写入任何内容。');
    await expect(page.getByTestId('geo-import-check').isDisabled()).resolves.toBe(true);
    // The estimate appears once a twentieth of the work is done (reading is, here) and time has passed.
    await expect.poll(() => text.textContent(), { timeout: 10_000 }).toMatch(/，预计还需约 \d+ 秒$/);
    await session.shot('map-import-progress');
    expect(await visualProblems(page, '1280×720 导入进度')).toEqual([]);

    await page.getByTestId('geo-import-cancel').click();
    await expect.poll(() => page.getByTestId('geo-import-cancelled').textContent(), { timeout: 10_000 }).toBe('已取消：乡镇界.zip 未导入，项目未改动。');
    await expect(page.getByTestId('geo-import-progress').count()).resolves.toBe(0);
    expect((await session.api<GeoImportJob>('geo.importStatus', { job })).state).toBe('cancelled');
    await expect(page.getByTestId('geo-import-check').isDisabled()).resolves.toBe(false);

    // Again, and Esc this time: the dialog closes and the job is cancelled.
    await page.getByTestId('geo-import-check').click();
    const second = await midImport();
    expect(second).not.toBe(job);
    await page.keyboard.press('Escape');
    await expect.poll(() => modal.isVisible(), { timeout: 10_000 }).toBe(false);
    await expect.poll(async () => (await session.api<GeoImportJob>('geo.importStatus', { job: second })).state).toBe('cancelled');

    expect((await session.api<GeoMap>('geo.map')).townships.filter((t) => t.boundary)).toHaveLength(0);
    expect(sha256(projectPath)).toBe(before);
    expect(session.consoleErrors).toEqual([]);
  }, 300_000);
});
