// The plan's geographic settings (settings.geo) through plan.update on the sample county: a
// round trip, refusals naming the field, the 布局图's coverage and the optimiser's instance
// following a changed 服务半径, and the plan's undo/redo taking the change back and again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { openProjectFile } from '../../electron/backend/db/project-file';
import { buildProjectInstance } from '../../electron/backend/services/optimise-instance';
import type { CoverageResult } from '../../shared/geo/api';
import { defaultGeoSettings, type GeoSettings } from '../../shared/geo/settings';
import { readSettings, type PlanDetail, type PlanSettings } from '../../shared/plan';
import { openSampleCounty, resultOf } from '../helpers/backend';

let backend: Backend;
let projectPath: string;
let plan: PlanDetail;
let untouched: PlanDetail;
/** The last test opens the file itself, after closing the backend. */
let closed = false;
const ok = <T>(method: string, input: unknown): Promise<T> => resultOf<T>(backend.dispatch(method, input));
const withGeo = (s: PlanSettings, geo: GeoSettings): PlanSettings => ({ ...s, geo });
const ruralPrimary = (metres: number): GeoSettings => {
  const g = defaultGeoSettings();
  return { ...g, rural: { ...g.rural, primary: metres } };
};

beforeAll(async () => {
  ({ backend, projectPath } = await openSampleCounty('csp-geo-settings-'));
  plan = await ok<PlanDetail>('plan.create', { name: '十五五' });
  untouched = await ok<PlanDetail>('plan.create', { name: '默认设置' });
}, 120_000);
afterAll(() => {
  if (!closed) backend.close();
});

describe('settings.geo', () => {
  it('round-trips every group, and older stored settings without it read as the defaults', async () => {
    const g = defaultGeoSettings();
    const geo: GeoSettings = {
      roadFactor: 1.45,
      urban: { preschool: 350, primary: 600, junior: 1200 },
      rural: { preschool: 1500, primary: 3000, junior: 6000 },
      travel: { walkKmh: 3.5, busKmh: 25, ruralMode: { preschool: 'walk', primary: 'bus', junior: 'bus' }, urban: { preschool: 6, primary: 12, junior: 18 }, rural: { preschool: 25, primary: 35, junior: 45 } },
    };
    const saved = await ok<PlanDetail>('plan.update', { plan: plan.id, settings: withGeo(plan.settings, geo) });
    expect(saved.settings.geo).toEqual(geo);
    expect((await ok<PlanDetail>('plan.get', { plan: plan.id })).settings.geo).toEqual(geo);
    const { geo: _dropped, ...older } = saved.settings;
    expect(readSettings(JSON.stringify(older)).geo).toEqual(g);
    await ok('plan.undo', { plan: plan.id });
    expect((await ok<PlanDetail>('plan.get', { plan: plan.id })).settings.geo).toEqual(g);
  });

  it('refuses values out of bounds with a Chinese message naming the field, changing nothing', async () => {
    const cases: [GeoSettings, RegExp][] = [
      [ruralPrimary(20), /镇区及乡村小学服务半径不小于 50 米/],
      [ruralPrimary(80_000), /镇区及乡村小学服务半径不大于 50,000 米/],
      [{ ...defaultGeoSettings(), roadFactor: 0.8 }, /路网系数不小于 1/],
      [{ ...defaultGeoSettings(), travel: { ...defaultGeoSettings().travel, walkKmh: 12 } }, /步行速度不大于 10 km\/h/],
      [{ ...defaultGeoSettings(), travel: { ...defaultGeoSettings().travel, busKmh: 120 } }, /校车平均速度不大于 80 km\/h/],
      [{ ...defaultGeoSettings(), travel: { ...defaultGeoSettings().travel, urban: { preschool: 0, primary: 10, junior: 15 } } }, /城区幼儿园出行时间阈值不小于 1 分钟/],
    ];
    for (const [geo, message] of cases) {
      const res = await backend.dispatch('plan.update', { plan: plan.id, settings: withGeo(plan.settings, geo) });
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('INVALID_INPUT');
        expect(res.error.message).toMatch(message);
      }
    }
    const nan = await backend.dispatch('plan.update', { plan: plan.id, settings: withGeo(plan.settings, ruralPrimary(Number.NaN)) });
    expect(nan.ok).toBe(false);
    expect((await ok<PlanDetail>('plan.get', { plan: plan.id })).settings.geo).toEqual(defaultGeoSettings());
  });

  it('a longer rural 小学 service distance covers more children; the plan undo takes it back, redo again', async () => {
    const before = await ok<CoverageResult>('geo.coverage', { plan: plan.id });
    const b = before.stages.primary;
    expect(b.serviceDistance.rural).toBe(2500);
    const updated = await ok<PlanDetail>('plan.update', { plan: plan.id, settings: withGeo(plan.settings, ruralPrimary(5000)) });
    expect(updated.settings.geo.rural.primary).toBe(5000);

    const after = await ok<CoverageResult>('geo.coverage', { plan: plan.id });
    const a = after.stages.primary;
    expect(a.serviceDistance.rural).toBe(5000);
    expect(a.children).toBeCloseTo(b.children!, 6);
    expect(a.covered).toBeGreaterThan(b.covered!);
    expect(a.uncovered.length).toBeLessThan(b.uncovered.length);
    // Only the primary stage's rural distance changed.
    expect(after.stages.junior).toEqual(before.stages.junior);
    // The plan left at the defaults is not touched.
    expect((await ok<CoverageResult>('geo.coverage', { plan: untouched.id })).stages.primary.covered).toBeCloseTo(b.covered!, 6);

    await ok('plan.undo', { plan: plan.id });
    expect(await ok<CoverageResult>('geo.coverage', { plan: plan.id })).toEqual(before);
    await ok('plan.redo', { plan: plan.id });
    expect(await ok<CoverageResult>('geo.coverage', { plan: plan.id })).toEqual(after);
  }, 120_000);

  it('rural 小学 pupils by school bus: the coverage by travel time follows the mode', async () => {
    const walking = await ok<CoverageResult>('geo.coverage', { plan: untouched.id, by: 'time' });
    const g = defaultGeoSettings();
    const bus: GeoSettings = { ...g, travel: { ...g.travel, ruralMode: { ...g.travel.ruralMode, primary: 'bus' } } };
    await ok('plan.update', { plan: untouched.id, settings: withGeo(untouched.settings, bus) });
    const byBus = await ok<CoverageResult>('geo.coverage', { plan: untouched.id, by: 'time' });
    expect(byBus.stages.primary.travelMinutes.ruralMode).toBe('bus');
    expect(byBus.stages.primary.covered).toBeGreaterThan(walking.stages.primary.covered!);
    await ok('plan.undo', { plan: untouched.id });
    expect(await ok<CoverageResult>('geo.coverage', { plan: untouched.id, by: 'time' })).toEqual(walking);
  }, 120_000);

  it("the optimiser's instance uses the plan's service distance", async () => {
    backend.close();
    closed = true;
    const file = await openProjectFile(projectPath);
    try {
      const changed = buildProjectInstance(file, { plan: plan.id, stage: 'primary', rule: 'distance' }).instance;
      const standard = buildProjectInstance(file, { plan: untouched.id, stage: 'primary', rule: 'distance' }).instance;
      expect(changed.serviceKm).toBe(5);
      expect(standard.serviceKm).toBe(2.5);
      // Fewer villages lie beyond every school's reach, so fewer candidate sites are offered.
      const sites = (i: typeof changed) => i.facilities.filter((f) => !f.existing).length;
      expect(sites(changed)).toBeLessThan(sites(standard));
    } finally {
      file.close();
    }
  }, 180_000);
});
