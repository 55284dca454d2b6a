// End to end on the 布局图 page: the sample county's geography in Chromium against the loopback
// host. The map shows townships, villages, schools and service-distance rings; a planner places
// a new primary school in the village with the most children beyond the service distance, and
// the coverage table follows; the 布局规划图 annex prints with the new school on it.
// Screenshots go to test-results/screenshots (map-*.png).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CoverageResult, GeoMap } from '../../shared/geo/api';
import { drawingFromGeo, drawMap, hitsInBox, MAP_LAYERS } from '../../shared/map';
import type { PlanDetail } from '../../shared/plan';
import { SCREENSHOTS, withBrowserSession } from '../helpers/browser';
import { tempDir } from '../helpers/temp';

let page: Page;
const session = withBrowserSession({ prefix: 'map', acceptDownloads: true }, (s) => ({ page } = s));
const api = <T>(method: string, input: unknown = {}) => session.api<T>(method, input);

const MAP_HEIGHT = 640;
const NEW_SCHOOL = '图上新建小学';
let plan: PlanDetail;

/** The 小学 row of the coverage table: children and covered as the page shows them. */
async function primaryCovered(): Promise<number> {
  const row = page.getByTestId('coverage-stages').locator('tbody tr').filter({ hasText: '小学' });
  const cells = await row.locator('td').allTextContents();
  return Number((cells[2] ?? '').replace(/[^\d]/g, ''));
}

describe('the 布局图 page', () => {
  it('draws the sample county: townships, villages, schools and service-distance rings', async () => {
    // As session.openSample(), with room for a slow start on a busy machine.
    await session.placePlanFreeSample();
    await page.goto(session.host.openUrl);
    await page.getByTestId('open-sample').click({ timeout: 120_000 });
    await page.getByTestId('overview-page').waitFor({ timeout: 120_000 });
    plan = await api<PlanDetail>('plan.create', { name: '十五五' });
    await session.openPage('布局图');
    const canvas = page.getByTestId('map-canvas');
    await page.locator('[data-testid="map-canvas"]:not([data-schools="0"])').waitFor({ timeout: 60_000 });
    const map = await api<GeoMap>('geo.map', { plan: plan.id });
    const drawnTownships = map.townships.filter((t) => t.boundary).length;
    expect(drawnTownships).toBeGreaterThan(5);
    await expect(canvas.getAttribute('data-townships')).resolves.toBe(String(drawnTownships));
    expect(Number(await canvas.getAttribute('data-villages'))).toBe(map.villages.length);
    const primarySchools = map.schools.filter((s) => s.position && s.stages.includes('primary')).length;
    expect(Number(await canvas.getAttribute('data-schools'))).toBe(primarySchools);
    expect(Number(await canvas.getAttribute('data-rings'))).toBeGreaterThan(0);
    const coverage = await api<CoverageResult>('geo.coverage', { plan: plan.id });
    await expect.poll(primaryCovered).toBe(coverage.stages.primary.covered);
    await session.shot('map-01-county');

    // Every coverage stage on the map at once, and a school found by name opens its drawer.
    await page.getByTestId('map-stage').getByText('全部', { exact: true }).click();
    await expect.poll(async () => Number(await canvas.getAttribute('data-schools'))).toBeGreaterThan(primarySchools);
    const school = map.schools.find((s) => s.position && s.stages.includes('junior'));
    await session.field('map-search').fill((school?.name ?? '').slice(0, 4));
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: school?.name ?? '' }).first().click();
    await page.locator('.ant-drawer-title').filter({ hasText: school?.name ?? '' }).waitFor();
    await session.shot('map-02-search');
    await page.keyboard.press('Escape');
    await page.getByTestId('map-stage').getByText('小学', { exact: true }).click();
    await page.getByTestId('map-reset').click();
  }, 300_000);

  it('places a new school on the map and the coverage follows', async () => {
    const map = await api<GeoMap>('geo.map', { plan: plan.id });
    const before = await api<CoverageResult>('geo.coverage', { plan: plan.id });
    const target = [...before.stages.primary.uncovered].sort((a, b) => b.children - a.children)[0];
    const village = map.villages.find((v) => v.id === target?.villageId);
    expect(village).toBeDefined();
    // Where the page draws that village: the same scene function on the same view.
    const canvas = page.getByTestId('map-canvas');
    await page.locator('[data-testid="map-canvas"][data-zoom="1.00"]').waitFor();
    await page.getByTestId('map-place').click();
    await page.getByTestId('map-placing').waitFor();
    const box = await canvas.boundingBox();
    const width = Math.floor((await canvas.evaluate((el) => el.clientWidth)) as number);
    const scene = drawMap(drawingFromGeo(map, 'primary'), { width, height: MAP_HEIGHT, zoom: 1, panX: 0, panY: 0 }, { layers: new Set(MAP_LAYERS), furniture: false });
    const p = scene.projection?.point(village?.point ?? [0, 0]);
    expect(p).toBeTruthy();

    await page.mouse.click((box?.x ?? 0) + 1 + (p?.[0] ?? 0), (box?.y ?? 0) + 1 + (p?.[1] ?? 0));
    await page.getByTestId('project-form').waitFor();
    await session.field('project-name').fill(NEW_SCHOOL);
    // Built in the year shown, so this year's coverage counts it.
    const completion = session.field('project-completion');
    await completion.fill(String(map.year));
    await session.shot('map-03-project-form');
    await page.getByTestId('project-save').click();

    await expect.poll(primaryCovered, { timeout: 30_000 }).toBeGreaterThan(before.stages.primary.covered!);
    const after = await api<CoverageResult>('geo.coverage', { plan: plan.id });
    expect(await primaryCovered()).toBe(after.stages.primary.covered);
    expect(after.stages.primary.uncovered.some((u) => u.villageId === target?.villageId)).toBe(false);
    const placed = (await api<GeoMap>('geo.map', { plan: plan.id })).schools.find((s) => s.name === NEW_SCHOOL);
    expect(placed?.isNew).toBe(true);
    expect(placed?.position?.[0]).toBeCloseTo(village?.point[0] ?? 0, 2);
    expect(placed?.position?.[1]).toBeCloseTo(village?.point[1] ?? 0, 2);
    await session.shot('map-04-placed');

    // The map as a picture: the same scene at print size, with legend, scale bar and title.
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('map-png').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('示例县小学学校布局图（2025年）.png');
    const png = path.join(SCREENSHOTS, 'map-05-export.png');
    await file.saveAs(png);
    expect(fs.readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
  }, 300_000);

  it('draws a catchment: villages clicked into the new school change its 建成后利用率, and undo takes them back', async () => {
    const map = await api<GeoMap>('geo.map', { plan: plan.id });
    const school = map.schools.find((s) => s.name === NEW_SCHOOL)!;
    const canvas = page.getByTestId('map-canvas');
    await page.locator('[data-testid="map-canvas"][data-zoom="1.00"]').waitFor();
    const box = (await canvas.boundingBox())!;
    const width = Math.floor((await canvas.evaluate((el) => el.clientWidth)) as number);
    const scene = drawMap(drawingFromGeo(map, 'primary'), { width, height: MAP_HEIGHT, zoom: 1, panX: 0, panY: 0 }, { layers: new Set(MAP_LAYERS), furniture: false });
    const at = (pos: readonly [number, number]) => scene.projection!.point([pos[0], pos[1]])!;
    const click = (pos: readonly [number, number]) => page.mouse.click(box.x + 1 + at(pos)[0], box.y + 1 + at(pos)[1]);
    // Villages well clear of every school symbol, with children, not yet in the new school's catchment.
    const schoolPoints = map.schools.filter((s) => s.position).map((s) => at(s.position!));
    const clear = map.villages
      .filter((v) => v.childrenByStage.primary > 0 && !map.catchments.some((c) => c.village === v.id && c.stage === 'primary' && c.school === school.code))
      .filter((v) => schoolPoints.every((q) => Math.hypot(q[0] - at(v.point)[0], q[1] - at(v.point)[1]) > 14))
      .sort((a, b) => b.childrenByStage.primary - a.childrenByStage.primary)
      .slice(0, 2);
    expect(clear.length).toBe(2);
    type Ev = { years: number[]; projects: { name: string; utilisation: (number | null)[] }[] };
    const utilisation = async () => {
      const ev = await api<Ev>('plan.evaluate', { plan: plan.id });
      return ev.projects.find((p) => p.name === NEW_SCHOOL)!.utilisation[ev.years.indexOf(map.year)] ?? null;
    };
    const before = await utilisation();

    await click(school.position!);
    const selected = page.getByTestId('map-selected');
    await selected.filter({ hasText: NEW_SCHOOL }).waitFor();
    const shownBefore = await selected.textContent();
    await page.getByTestId('map-draw').click();
    await page.getByTestId('map-drawing').waitFor();
    for (const v of clear) {
      await click(v.point);
      await expect.poll(async () => (await api<GeoMap>('geo.map', { plan: plan.id })).catchments.some((c) => c.village === v.id && c.school === school.code && c.manual), { timeout: 30_000 }).toBe(true);
    }
    const drawn = await utilisation();
    expect(drawn).not.toBe(before);
    // The page reloads the map after each click: wait for the one after the last.
    await expect.poll(() => selected.textContent(), { timeout: 30_000 }).toContain(`利用率 ${((drawn ?? 0) * 100).toFixed(1)}%`);
    const ev = await api<{ allocation: { rule: string } }>('plan.evaluate', { plan: plan.id });
    expect(ev.allocation.rule).toBe('catchments');
    await session.shot('map-06-catchment');

    // The plan's undo takes the last village back, then the first.
    await page.getByTestId('map-undo').click();
    await expect.poll(async () => (await api<GeoMap>('geo.map', { plan: plan.id })).catchments.some((c) => c.village === clear[1]!.id && c.manual), { timeout: 30_000 }).toBe(false);
    await page.getByTestId('map-undo').click();
    await expect.poll(utilisation, { timeout: 30_000 }).toBe(before);
    await expect.poll(() => selected.textContent(), { timeout: 30_000 }).toBe(shownBefore);

    // Box select: Shift+drag a box around the first village; every village inside goes to the school in one edit.
    const centre = at(clear[0]!.point);
    const from: [number, number] = [centre[0] - 45, centre[1] - 35];
    const to: [number, number] = [centre[0] + 45, centre[1] + 35];
    const inBox = new Set(hitsInBox(scene, 'village', from, to));
    expect(inBox.has(clear[0]!.id)).toBe(true);
    const manual = async () =>
      (await api<GeoMap>('geo.map', { plan: plan.id })).catchments.filter((c) => c.stage === 'primary' && c.school === school.code && c.manual).map((c) => c.village).sort();
    await page.keyboard.down('Shift');
    await page.mouse.move(box.x + 1 + from[0], box.y + 1 + from[1]);
    await page.mouse.down();
    await page.mouse.move(box.x + 1 + to[0], box.y + 1 + to[1], { steps: 6 });
    await page.getByTestId('map-box-select').waitFor();
    await session.shot('map-07-box-select');
    await page.mouse.up();
    await page.keyboard.up('Shift');
    // Every village in the box with primary children is drawn to the school, and none outside it.
    const withChildren = map.villages.filter((v) => inBox.has(v.id) && v.childrenByStage.primary > 0).map((v) => v.id).sort();
    await expect.poll(async () => (await manual()).filter((id) => withChildren.includes(id)), { timeout: 30_000 }).toEqual(withChildren);
    expect((await manual()).every((id) => inBox.has(id))).toBe(true);
    await expect.poll(utilisation, { timeout: 30_000 }).not.toBe(before);
    const history = await api<{ history: { undo: string | null } }>('plan.get', { plan: plan.id });
    expect(history.history.undo).toMatch(/^\d+ 个村（社区）的小学划入/);
    // One undo takes the whole box back.
    await page.getByTestId('map-undo').click();
    await expect.poll(manual, { timeout: 30_000 }).toEqual([]);
    await expect.poll(utilisation, { timeout: 30_000 }).toBe(before);
    await page.keyboard.press('Escape');
  }, 300_000);

  it('prints the 布局规划图 annex: 现状 and 规划 maps, then the coverage table', async () => {
    const dir = tempDir('csp-map-annex-');
    const out = path.join(dir, '布局规划图.pdf');
    await api('annex.export', { plan: plan.id, format: 'pdf', annexes: [{ kind: 'layout-map' }], outPath: out });
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const pages = text.split('\f').filter((t) => t.trim());
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages[0]).toContain('示例县学校布局规划图');
    expect(pages[0]).toContain('制图日期');
    expect(pages[0]).toContain('现状（2025年）');
    expect(pages[1]).toContain('规划（2030年）');
    expect(pages[1]).toContain(NEW_SCHOOL);
    expect(text).toContain('服务半径内');
    // The pages as images, to be looked at.
    execFileSync('pdftoppm', ['-r', '60', '-png', '-l', '3', out, path.join(SCREENSHOTS, 'map-annex')]);
    expect(fs.readdirSync(SCREENSHOTS).filter((f) => f.startsWith('map-annex')).length).toBeGreaterThanOrEqual(3);
    // The same annex as a Word document and a workbook (the coverage table).
    for (const format of ['docx', 'xlsx'] as const) {
      const res = await api<{ bytes: number }>('annex.export', { plan: plan.id, format, annexes: [{ kind: 'layout-map' }] });
      expect(res.bytes).toBeGreaterThan(1000);
    }
  }, 300_000);

  it('made no request beyond the loopback host and logged no error', () => {
    expect(session.outsideRequests()).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });
});
