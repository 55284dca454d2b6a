// The 布局优化's 教学点 option, its closures into proposed new schools and its area-balance
// rule, through the backend on the sample county's primary schools. The greedy layout is
// deterministic, so the cases that need a particular decision read it from there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import type { OptimisedProject, OptimiseResult } from '../../shared/optimise/result';
import type { PlanDetail, ProjectInput } from '../../shared/plan';
import { openSampleCounty, resultOf } from '../helpers/backend';

let backend: Backend;
let plan: PlanDetail;
let byDistance: OptimiseResult;
let byArea: OptimiseResult;
const ok = <T>(method: string, input: unknown): Promise<T> => resultOf<T>(backend.dispatch(method, input));

beforeAll(async () => {
  ({ backend } = await openSampleCounty('csp-optimise-rules-'));
  plan = await ok<PlanDetail>('plan.create', { name: '十五五' });
  byDistance = await ok<OptimiseResult>('plan.optimise', { plan: plan.id, stage: 'primary', timeLimit: 2 });
  byArea = await ok<OptimiseResult>('plan.optimise', { plan: plan.id, stage: 'primary', timeLimit: 2, rule: 'area' });
}, 600_000);
afterAll(() => backend.close());

describe('plan.optimise: 教学点, closures into new schools, the area rule', () => {
  it('sets up 教学点 at small rural villages as adoptable 新建 projects of 1–4 classes', () => {
    const points = byDistance.greedyProjects.filter((p) => p.type === '新建' && p.project?.kind === 'teaching_point');
    expect(points.length).toBeGreaterThan(0);
    for (const p of points) {
      expect(p.classes).toBeGreaterThanOrEqual(1);
      expect(p.classes).toBeLessThanOrEqual(4);
      expect(p.schoolName).toMatch(/教学点$/);
      expect(p.reason).toContain('设教学点比新建完全小学省');
    }
    expect(byDistance.rule).toBe('distance');
    expect(byDistance.notes.join('')).toContain('比较（服务半径口径）');
  });

  it('adopts a 撤并 into a proposed new school once that school is in the plan', async () => {
    const closure = byDistance.greedyProjects.find((p) => p.pending !== null) as OptimisedProject;
    expect(closure).toBeDefined();
    const pending = closure.pending as NonNullable<OptimisedProject['pending']>;
    const total = pending.sites.reduce((a, s) => a + s.share, 0) + (pending.project.receivers ?? []).reduce((a, r) => a + r.share, 0);
    expect(total).toBeCloseTo(1, 3);
    const builds = pending.sites.map((s) => byDistance.greedyProjects.find((p) => p.type === '新建' && p.site === s.site)?.project as ProjectInput);
    expect(builds.every(Boolean)).toBe(true);
    const withBuilds = await ok<PlanDetail>('plan.addProjects', { plan: plan.id, projects: builds });
    const idOf = (name: string) => [...withBuilds.projects].reverse().find((p) => p.type === '新建' && p.name === name)?.id;
    const receivers = [...(pending.project.receivers ?? []), ...pending.sites.map((s, i) => ({ school: `new:${idOf(builds[i]?.name ?? '')}`, share: s.share }))];
    const after = await ok<PlanDetail>('plan.addProjects', { plan: plan.id, projects: [{ ...pending.project, receivers }] });
    const added = after.projects[after.projects.length - 1];
    expect(added?.type).toBe(closure.type);
    expect(added?.receivers.map((r) => r.school)).toEqual(expect.arrayContaining(pending.sites.map((_, i) => `new:${idOf(builds[i]?.name ?? '')}`)));
    await ok('plan.undo', { plan: plan.id });
    const undone = await ok<PlanDetail>('plan.undo', { plan: plan.id });
    expect(undone.projects.length).toBe(withBuilds.projects.length - builds.length);
  });

  it('under the area rule, weighs the same demand as the suggestions and compares with them', () => {
    expect(byArea.rule).toBe('area');
    // Nothing is beyond the service distance under this rule: uncovered children are unmet ones.
    expect(byArea.uncoveredChildren).toBe(byArea.unmetSeats);
    expect(byArea.notes.join('')).toContain('比较（片区学位平衡口径，需求与“建设需求测算”相同）');
    expect(byArea.notes.join('')).toContain(`“建设需求测算”的 ${byArea.suggestions.cost.toLocaleString('zh-CN')} 万元`);
    expect(byArea.projects.every((p) => p.type !== '寄宿')).toBe(true);
  });

  it('builds nothing before the first year a build can be ready, and names the years before as bridged', () => {
    // The plan's base year 2025 and 2 construction years: 2028, as the suggestions.
    for (const r of [byDistance, byArea]) {
      expect(r.firstBuildYear).toBe(2028);
      expect(r.bridged.map((b) => b.year)).toEqual([2026, 2027]);
      expect(r.bridged.every((b) => b.seats >= 0)).toBe(true);
      for (const p of [...r.projects, ...r.greedyProjects]) if (p.type !== '撤并') expect(p.year).toBeGreaterThanOrEqual(2028);
      expect(r.notes.join('')).toContain('按 2 年工期，基准年后开工的项目最早 2028 年建成，2026–2027 年');
    }
    expect(byArea.notes.join('')).toContain('两者均 2028 年起建成');
  });
});

