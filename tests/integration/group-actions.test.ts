// A 集团化办学 project on the sample county: extending a recorded group with rural schools
// raises 乡村学校入集团比例 from the action's year, forming one adds to 集团数, the map draws
// the members from that year, and the group survives storage, undo and the v12 migration.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { insertCountyData } from '../../electron/backend/db/county-data';
import { APPLICATION_ID, MIGRATIONS } from '../../electron/backend/db/migrations/index';
import { v12GroupActions } from '../../electron/backend/db/migrations/v12-group-actions';
import { openProjectFile } from '../../electron/backend/db/project-file';
import { readProjects } from '../../electron/backend/db/plans';
import { KIND_STAGES, type InclusionData } from '../../shared/domain';
import type { GeoMap } from '../../shared/geo/api';
import type { PlanDetail, PlanEvaluation } from '../../shared/plan';
import { generateCounty } from '../../shared/sample';
import { P2, planCounty } from '../fixtures/plan-county';
import { apiSession } from '../helpers/api-session';
import { projectFile } from '../helpers/backend';

const api = apiSession('csp-group-actions-', 'cli');
const { ok } = api;

describe('集团化办学 projects', () => {
  it('extend and form groups from their completion year, on the targets and the map', { timeout: 120_000 }, async () => {
    const county = generateCounty();
    const file = await projectFile(api.dir, '示例县集团.csplan', county);
    await ok('project.open', { path: file });
    const plan = await ok<PlanDetail>('plan.create', {});
    const data = await ok<InclusionData>('inclusion.get', {});
    const grouped = new Set(data.groups.flatMap((g) => [g.core, ...g.members]));
    // The share's schools: 乡村 compulsory schools (the empty plan closes none).
    const rural = county.schools.filter((s) => s.urbanRural === '乡村' && s.kind !== 'special' && KIND_STAGES[s.kind].some((st) => st === 'primary' || st === 'junior'));
    const outside = rural.filter((s) => !grouped.has(s.code));
    expect(outside.length).toBeGreaterThanOrEqual(4);
    const inGroup = rural.length - outside.length;
    const before = await ok<PlanEvaluation>('plan.evaluate', { plan: plan.id });
    const target = (ev: PlanEvaluation, key: string) => ev.targets.find((t) => t.key === key)!;
    const at = (ev: PlanEvaluation, key: string, year: number) => target(ev, key).series[ev.years.indexOf(year)];
    const extendYear = plan.baseYear + 2;
    const formYear = plan.baseYear + 3;
    const [g0] = data.groups;
    const [a, b, c, d] = outside.map((s) => s.code);
    await ok<PlanDetail>('plan.addProjects', {
      plan: plan.id,
      projects: [
        { type: '集团化办学', name: `${g0!.name}扩容`, school: g0!.core, completionYear: extendYear, schoolGroup: { name: g0!.name, kind: g0!.kind, members: [a, b] } },
        { type: '集团化办学', name: '新组建共同体', school: c, completionYear: formYear, schoolGroup: { name: '新组建共同体', kind: '共同体', members: [d] } },
      ],
    });
    const after = await ok<PlanEvaluation>('plan.evaluate', { plan: plan.id });
    const share = (ev: PlanEvaluation, y: number) => at(ev, 'rural_schools_in_groups', y) as number;
    const near = (value: number, expected: number) => expect(Math.abs(value - expected)).toBeLessThan(0.06);
    near(share(before, formYear), (inGroup / rural.length) * 100);
    near(share(after, extendYear - 1), (inGroup / rural.length) * 100);
    near(share(after, extendYear), ((inGroup + 2) / rural.length) * 100);
    near(share(after, formYear), ((inGroup + 4) / rural.length) * 100);
    expect(at(after, 'school_groups', extendYear)).toBe(data.groups.length);
    expect(at(after, 'school_groups', formYear)).toBe(data.groups.length + 1);

    const mapBefore = await ok<GeoMap>('geo.map', { plan: plan.id, year: extendYear - 1 });
    expect(mapBefore.groups.find((g) => g.name === g0!.name)!.members).not.toContain(a);
    const mapAfter = await ok<GeoMap>('geo.map', { plan: plan.id, year: formYear });
    expect(mapAfter.groups.find((g) => g.name === g0!.name)!.members).toEqual(expect.arrayContaining([a, b]));
    expect(mapAfter.groups.find((g) => g.name === '新组建共同体')).toMatchObject({ core: c, members: [d] });

    const undone = await ok<PlanDetail>('plan.undo', { plan: plan.id });
    expect(undone.projects.filter((p) => p.type === '集团化办学')).toHaveLength(0);
  });

  it('refuses an action without members, or with its core among them, in Chinese', { timeout: 120_000 }, async () => {
    const file = await projectFile(api.dir, '示例县集团校验.csplan', generateCounty());
    await ok('project.open', { path: file });
    const plan = await ok<PlanDetail>('plan.create', {});
    const data = await ok<InclusionData>('inclusion.get', {});
    const core = data.groups[0]!.core;
    const add = (schoolGroup: unknown) =>
      api.backend.dispatch('plan.addProjects', { plan: plan.id, projects: [{ type: '集团化办学', name: '组建集团', school: core, completionYear: plan.baseYear + 1, schoolGroup }] });
    const none = await add(null);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.message).toContain('集团化办学项目请填写集团名称并选择成员学校');
    const self = await add({ name: '某集团', kind: '教育集团', members: [core] });
    expect(self.ok).toBe(false);
    if (!self.ok) expect(self.error.message).toContain('成员学校不能是核心学校本身');
  });

  it('migrates a version-11 file: its projects keep every field and have no group', async () => {
    const file = path.join(api.dir, '旧版集团.csplan');
    const empty = new Database(file);
    empty.pragma(`application_id = ${APPLICATION_ID}`);
    empty.close();
    const upTo = MIGRATIONS.indexOf(v12GroupActions);
    const old = await openProjectFile(file, { migrations: MIGRATIONS.slice(0, upTo) });
    insertCountyData(old.db, planCounty());
    old.db.exec(`
      INSERT INTO plans (id, name, base_year, target_year, outlook_year, created_at, updated_at)
        VALUES (1, '十五五', 2024, 2029, 2034, '2025-01-01', '2025-01-01');
      INSERT INTO plan_projects (id, plan_id, type, name, school, start_year, completion_year, boarding_places)
        VALUES (3, 1, '寄宿', '寄宿部', '${P2}', 2025, 2027, 80);
    `);
    old.close();
    const migrated = await openProjectFile(file);
    try {
      const [p] = readProjects(migrated.db, 1);
      expect(p).toMatchObject({ id: 3, type: '寄宿', school: P2, boardingPlaces: 80, schoolGroup: null });
    } finally {
      migrated.close();
    }
  });
});
