// The sample county carries pupils with disabilities, 随迁子女 and two groups: a new plan
// proposes their targets, which show both 达标 and 未达标; the 入学率 rests on the county's
// registered disabled children (a plan's own figure overrides it), and `evaluate --json` lists them.
import { describe, expect, it } from 'vitest';
import { evaluationJson } from '../../electron/cli/plan';
import { disabledPupils, type InclusionData } from '../../shared/domain';
import type { PlanDetail, PlanEvaluation } from '../../shared/plan';
import { generateCounty } from '../../shared/sample';
import { projectFile } from '../helpers/backend';
import { apiSession } from '../helpers/api-session';

const api = apiSession('csp-inclusion-sample-', 'cli');
const { ok } = api;

const KEYS = ['disabled_enrolment_rate', 'resource_room_coverage', 'migrant_public_share', 'rural_schools_in_groups', 'school_groups'];

describe('the sample county’s special education, migrant and group targets', () => {
  it('proposes the targets, shows met and unmet ones, and takes the plan’s registered children over the county’s', { timeout: 120_000 }, async () => {
    const county = generateCounty();
    const file = await projectFile(api.dir, '示例县.csplan', county);
    await ok('project.open', { path: file });
    const plan = await ok<PlanDetail>('plan.create', {});
    expect(plan.targets.map((t) => t.key)).toEqual(expect.arrayContaining(KEYS));
    let ev = await ok<PlanEvaluation>('plan.evaluate', { plan: plan.id });
    const t = (key: string) => ev.targets.find((x) => x.key === key)!;
    // The last large school of the sample has no resource room: 7 of 8.
    expect(t('resource_room_coverage')).toMatchObject({ base: 87.5, met: false });
    expect(t('migrant_public_share').met).toBe(true);
    expect(t('school_groups')).toMatchObject({ base: 2, met: true });
    expect(t('rural_schools_in_groups').met).toBe(false);
    // Pupils in ordinary schools plus the special school's students, over the county's register.
    const base = county.meta.baseYear;
    const special = county.schools.filter((s) => s.kind === 'special').map((s) => s.code);
    const enrolled =
      county.inclusion!.specialNeeds.reduce((s, r) => s + (disabledPupils(r) ?? 0), 0) +
      county.enrolment.filter((e) => e.year === base && special.includes(e.school)).reduce((s, e) => s + e.students, 0);
    const registered = county.inclusion!.registeredDisabledChildren!;
    expect(t('disabled_enrolment_rate').base).toBeCloseTo((enrolled / registered) * 100, 1);
    expect(t('disabled_enrolment_rate').met).toBe(false);
    await ok('plan.update', { plan: plan.id, settings: { ...plan.settings, inclusion: { ...plan.settings.inclusion, registeredDisabledChildren: enrolled + 10 } } });
    ev = await ok<PlanEvaluation>('plan.evaluate', { plan: plan.id });
    expect(t('disabled_enrolment_rate').base).toBeCloseTo((enrolled / (enrolled + 10)) * 100, 1);
    const json = evaluationJson(ev) as { targets: { key: string }[] };
    expect(json.targets.map((x) => x.key)).toEqual(expect.arrayContaining(KEYS));
  });

  it('a 资源教室 project gives the school its room from completion, and the target follows', { timeout: 120_000 }, async () => {
    const file = await projectFile(api.dir, '示例县资源教室.csplan', generateCounty());
    await ok('project.open', { path: file });
    const plan = await ok<PlanDetail>('plan.create', {});
    const data = await ok<InclusionData>('inclusion.get', {});
    const min = plan.settings.inclusion.resourceRoomMinPupils;
    const lacking = data.specialNeeds.filter((r) => (r.inclusive ?? 0) + (r.specialClass ?? 0) >= min && r.resourceRooms === 0);
    expect(lacking).toHaveLength(1);
    const done = plan.baseYear + 2;
    const added = await ok<PlanDetail>('plan.addProjects', {
      plan: plan.id,
      projects: [{ type: '资源教室', name: '资源教室建设', school: lacking[0]!.school, completionYear: done }],
    });
    // No floor area given: the guideline's minimum, and a cost from it.
    const p = added.projects.find((x) => x.type === '资源教室')!;
    expect(p.floorArea).toBe(60);
    expect(p.seats).toBe(0);
    expect(p.investment ?? 0).toBeGreaterThan(0);
    const ev = await ok<PlanEvaluation>('plan.evaluate', { plan: plan.id });
    const t = ev.targets.find((x) => x.key === 'resource_room_coverage')!;
    const at = (year: number) => t.series[ev.years.indexOf(year)];
    expect(t.base).toBe(87.5);
    expect(at(done - 1)).toBe(87.5);
    expect(at(done)).toBe(100);
    expect(t).toMatchObject({ projected: 100, met: true });
  });
});
