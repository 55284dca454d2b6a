// The geography methods through the backend on the sample county: the map's layers, coverage
// and catchments answer with real data, and stay consistent with each other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import type { CatchmentResult, CoverageResult, GeoMap } from '../../shared/geo/api';
import { COVERAGE_STAGES } from '../../shared/geo/model';
import { openSampleCounty, resultOf } from '../helpers/backend';

let backend: Backend;
const ok = <T>(method: string, input: unknown): Promise<T> => resultOf<T>(backend.dispatch(method, input));

beforeAll(async () => {
  ({ backend } = await openSampleCounty('csp-geo-api-'));
});
afterAll(() => backend.close());

describe('geo.map', () => {
  it('draws every school with its location, level and service distance', async () => {
    const map = await ok<GeoMap>('geo.map', {});
    expect(map.schools.length).toBeGreaterThan(50);
    expect(map.schools.every((s) => s.position !== null)).toBe(true);
    expect(map.bbox).not.toBeNull();
    const primary = map.schools.find((s) => s.stages.includes('primary'))!;
    expect(primary.serviceDistance.primary).toBeGreaterThanOrEqual(500);
    expect(map.years[0]).toBe(map.year);
  });

  it("draws the sample county's outline, township boundaries, villages and reference layers", async () => {
    const map = await ok<GeoMap>('geo.map', {});
    expect(map.outline).not.toBeNull();
    expect(map.townships.every((t) => t.boundary !== null)).toBe(true);
    expect(map.villages.length).toBeGreaterThan(100);
    expect(map.villages.every((v) => v.childrenBasis === 'imported')).toBe(true);
    expect(map.villages.reduce((a, v) => a + v.childrenByStage.primary, 0)).toBeGreaterThan(1000);
    expect(new Set(map.layers.map((l) => l.kind))).toEqual(new Set(['road', 'river', 'town']));
  });

  it("carries the sample county's two school groups, core and members, for the group lines", async () => {
    const map = await ok<GeoMap>('geo.map', {});
    const codes = new Set(map.schools.map((s) => s.code));
    expect(map.groups.map((g) => g.members.length).sort()).toEqual([2, 3]);
    for (const g of map.groups) {
      expect(codes.has(g.core)).toBe(true);
      expect(g.members).not.toContain(g.core);
    }
  });

  it('refuses a year outside the plan', async () => {
    const res = await backend.dispatch('geo.map', { year: 1995 });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/不在规划/);
  });
});

describe('geo.coverage and geo.catchments', () => {
  it('counts every child once, covered ≤ children, share in 0–1', async () => {
    const cov = await ok<CoverageResult>('geo.coverage', {});
    for (const stage of COVERAGE_STAGES) {
      const s = cov.stages[stage];
      expect(s.covered).toBeLessThanOrEqual(s.children! + 1e-6);
      if (s.share !== null) expect(s.share).toBeGreaterThanOrEqual(0);
      if (s.share !== null) expect(s.share).toBeLessThanOrEqual(1);
      const sum = s.townships.reduce((a, t) => a + t.children!, 0);
      expect(Math.abs(sum - s.children!)).toBeLessThan(1 + s.townships.length * 0.1);
    }
  });

  it('assigns each village at most once per stage', async () => {
    const c = await ok<CatchmentResult>('geo.catchments', {});
    for (const stage of COVERAGE_STAGES) {
      const ids = c.stages[stage].assignments.map((a) => a.village);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('the 布局规划图 annex', () => {
  it('draws 现状 and 规划 with the coverage table of each year, as geo.coverage gives it', async () => {
    const plan = await ok<{ id: number }>('plan.create', { name: '布局图附件' });
    const { html } = await ok<{ html: string }>('annex.preview', { plan: plan.id, annexes: [{ kind: 'layout-map' }] });
    expect(html).toContain('现状');
    expect(html).toContain('规划');
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(2);
    const cov = await ok<CoverageResult>('geo.coverage', { plan: plan.id });
    const first = cov.stages.primary.townships.find((t) => t.children! > 0)!;
    expect(html).toContain(first.name);
  });
});

describe('planner edits on the map', () => {
  it('places a 新建 project, assigns villages to it, and the catchment follows', async () => {
    const plan = await ok<{ id: number }>('plan.create', { name: '布局测试' });
    const map0 = await ok<GeoMap>('geo.map', { plan: plan.id });
    const village = map0.villages.find((v) => v.childrenByStage.primary > 20)!;
    const township = village.townshipId;
    const detail = await ok<{ projects: { id: number; name: string }[] }>('plan.addProjects', {
      plan: plan.id,
      projects: [{ type: '新建', name: '测试新小学', kind: 'primary', township, classes: 12, seats: 540, completionYear: map0.year + 2 }],
    });
    const project = detail.projects.find((p) => p.name === '测试新小学')!;
    const placed = await ok<GeoMap>('geo.setProjectSite', { plan: plan.id, project: project.id, position: village.point });
    expect(placed.projects.find((p) => p.id === project.id)!.site).toEqual(village.point);
    const ref = `new:${project.id}`;
    const later = await ok<GeoMap>('geo.map', { plan: plan.id, year: map0.year + 3 });
    expect(later.schools.find((s) => s.code === ref)).toMatchObject({ isNew: true, open: true, position: village.point });

    await ok('geo.assignVillages', { plan: plan.id, stage: 'primary', villages: [village.id], school: ref });
    const c = await ok<CatchmentResult>('geo.catchments', { plan: plan.id, year: map0.year + 3 });
    const a = c.stages.primary.assignments.find((x) => x.village === village.id)!;
    expect(a).toMatchObject({ school: ref, manual: true, distance: 0 });
    expect(c.stages.primary.schools.find((s) => s.code === ref)!.children).toBeGreaterThanOrEqual(village.childrenByStage.primary * 0.5);

    const refused = await backend.dispatch('geo.assignVillages', { plan: plan.id, stage: 'junior', villages: [village.id], school: ref });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/不设该学段/);
  });

  it("gives a new school the students of the villages drawn to it in the plan's evaluation", async () => {
    const plan = await ok<{ id: number; baseYear: number }>('plan.create', { name: '划片测算' });
    const map0 = await ok<GeoMap>('geo.map', { plan: plan.id });
    const rich = [...map0.villages].sort((a, b) => b.childrenByStage.primary - a.childrenByStage.primary);
    const first = rich[0]!;
    const second = rich.find((v) => v.townshipId === first.townshipId && v.id !== first.id)!;
    const detail = await ok<{ projects: { id: number; name: string }[] }>('plan.addProjects', {
      plan: plan.id,
      projects: [{ type: '新建', name: '划片新小学', kind: 'primary', township: first.townshipId, classes: 24, seats: 1080, completionYear: plan.baseYear + 2 }],
    });
    const ref = `new:${detail.projects.find((p) => p.name === '划片新小学')!.id}`;
    type Ev = { years: number[]; allocation: { rule: string }; schools: { code: string; demand: number[] }[] };
    const demandOf = (ev: Ev) => ev.schools.find((s) => s.code === ref)!.demand[ev.years.indexOf(plan.baseYear + 3)]!;
    const bySeats = await ok<Ev>('plan.evaluate', { plan: plan.id });
    expect(bySeats.allocation.rule).toBe('seats');

    await ok('geo.assignVillages', { plan: plan.id, stage: 'primary', villages: [first.id], school: ref });
    const one = await ok<Ev>('plan.evaluate', { plan: plan.id });
    expect(one.allocation.rule).toBe('catchments');
    await ok('geo.assignVillages', { plan: plan.id, stage: 'primary', villages: [second.id], school: ref });
    const two = await ok<Ev>('plan.evaluate', { plan: plan.id });
    expect(demandOf(one)).toBeGreaterThan(0);
    expect(demandOf(two)).toBeGreaterThan(demandOf(one));
    // The map reads the same evaluation.
    const later = await ok<GeoMap>('geo.map', { plan: plan.id, year: plan.baseYear + 3 });
    expect(later.schools.find((s) => s.code === ref)!.students).toBe(Math.round(demandOf(two)));
    // Taking the villages back returns to the rule by seats.
    await ok('geo.assignVillages', { plan: plan.id, stage: 'primary', villages: [first.id, second.id], school: null });
    const back = await ok<Ev>('plan.evaluate', { plan: plan.id });
    expect(back.allocation.rule).toBe('seats');
    expect(demandOf(back)).toBe(demandOf(bySeats));
  });

  it("takes a site and a drawn catchment back with the plan's undo, and puts them again with redo", async () => {
    const plan = await ok<{ id: number; baseYear: number }>('plan.create', { name: '划片撤销' });
    const map0 = await ok<GeoMap>('geo.map', { plan: plan.id });
    const village = map0.villages.find((v) => v.childrenByStage.primary > 20)!;
    const detail = await ok<{ projects: { id: number; name: string }[] }>('plan.addProjects', {
      plan: plan.id,
      projects: [{ type: '新建', name: '撤销测试小学', kind: 'primary', township: village.townshipId, classes: 12, seats: 540, completionYear: plan.baseYear + 1 }],
    });
    const project = detail.projects.find((p) => p.name === '撤销测试小学')!;
    const ref = `new:${project.id}`;
    await ok('geo.setProjectSite', { plan: plan.id, project: project.id, position: village.point });
    await ok('geo.assignVillages', { plan: plan.id, stage: 'primary', villages: [village.id], school: ref });
    const drawn = () => ok<GeoMap>('geo.map', { plan: plan.id, year: plan.baseYear + 2 }).then((m) => ({
      site: m.projects.find((p) => p.id === project.id)!.site,
      manual: m.catchments.some((c) => c.village === village.id && c.school === ref && c.manual),
    }));
    expect(await drawn()).toEqual({ site: village.point, manual: true });

    const afterUndo = await ok<{ history: { redo: string | null } }>('plan.undo', { plan: plan.id });
    expect(afterUndo.history.redo).toBe('1 个村（社区）的小学划入撤销测试小学');
    expect(await drawn()).toEqual({ site: village.point, manual: false });
    await ok('plan.undo', { plan: plan.id });
    expect((await drawn()).site).toBeNull();
    await ok('plan.redo', { plan: plan.id });
    await ok('plan.redo', { plan: plan.id });
    expect(await drawn()).toEqual({ site: village.point, manual: true });
  });

  it('moves a school and takes the move back', async () => {
    const map = await ok<GeoMap>('geo.map', {});
    const s = map.schools.find((x) => !x.isNew && x.position)!;
    const moved = await ok<{ previous: [number, number] }>('geo.moveSchool', { code: s.code, position: [113.1, 34.1] });
    expect(moved.previous).toEqual(s.position);
    expect((await ok<GeoMap>('geo.map', {})).schools.find((x) => x.code === s.code)!.position).toEqual([113.1, 34.1]);
    await ok('geo.undoSchoolMove', {});
    expect((await ok<GeoMap>('geo.map', {})).schools.find((x) => x.code === s.code)!.position).toEqual(s.position);
  });

  it('journals a move as the school’s 经度/纬度 edit, which edits.undo takes back', async () => {
    const map = await ok<GeoMap>('geo.map', {});
    const s = map.schools.find((x) => !x.isNew && x.position)!;
    const moved = await ok<{ editId: number }>('geo.moveSchool', { code: s.code, position: [113.2, 34.2] });
    const history = await ok<{ id: number; key: string; changes: { field: string; after: unknown }[] }[]>('edits.list', { target: 'school', key: s.code });
    expect(history[0]).toMatchObject({ id: moved.editId, key: s.code });
    expect(history[0]!.changes.map((c) => c.field).sort()).toEqual(['lat', 'lng']);
    const detail = await ok<{ school: { lng: number; lat: number } }>('schools.detail', { code: s.code });
    expect([detail.school.lng, detail.school.lat]).toEqual([113.2, 34.2]);
    await ok('edits.undo', { editId: moved.editId });
    expect((await ok<GeoMap>('geo.map', {})).schools.find((x) => x.code === s.code)!.position).toEqual(s.position);
    // Nothing left to take back by geo.undoSchoolMove once the edit is undone.
    expect(await ok('geo.undoSchoolMove', {})).toBeNull();
  });
});

describe('撤并 in the catchments', () => {
  /** A plan closing the last primary school with villages, its pupils to the first one. */
  async function closeOne(name: string) {
    const plan = await ok<{ id: number; baseYear: number }>('plan.create', { name });
    const base = await ok<CatchmentResult>('geo.catchments', { plan: plan.id });
    const served = base.stages.primary.schools.filter((s) => s.villages > 0 && s.children > 0);
    const closing = served[served.length - 1]!;
    const receiver = served[0]!;
    await ok('plan.addProjects', {
      plan: plan.id,
      projects: [{ type: '撤并', name: `${name}校`, school: closing.code, receivers: [{ school: receiver.code, share: 1 }], completionYear: plan.baseYear + 2 }],
    });
    const later = await ok<CatchmentResult>('geo.catchments', { plan: plan.id, year: plan.baseYear + 3 });
    return { plan, closing, receiver, later };
  }

  it('moves the closed school’s villages to other schools with the added distance', async () => {
    const { closing, later } = await closeOne('撤并测试');
    const moved = later.stages.primary.moved;
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((m) => m.from === closing.code && m.to !== closing.code)).toBe(true);
    expect(moved.every((m) => m.added === null || m.added >= 0)).toBe(true);
    expect(later.stages.primary.assignments.some((a) => a.school === closing.code)).toBe(false);
  });

  it('sends the closed school’s villages to its receiver, flagging those beyond the service distance', async () => {
    const { plan, receiver, later } = await closeOne('撤并接收');
    const map = await ok<GeoMap>('geo.map', { plan: plan.id });
    const moved = later.stages.primary.moved;
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((m) => m.to === receiver.code && m.toName === receiver.name)).toBe(true);
    const urbanOf = new Map(map.townships.map((t) => [t.code, t.urbanRural === '城区']));
    const villageTownship = new Map(map.villages.map((v) => [v.id, v.townshipId]));
    for (const m of moved) {
      expect(m.added).toBe(m.after! - m.before);
      const limit = (urbanOf.get(villageTownship.get(m.villageId)!) ? map.settings.urban : map.settings.rural).primary;
      expect(m.beyond).toBe(m.after! > limit);
    }
  });
});
