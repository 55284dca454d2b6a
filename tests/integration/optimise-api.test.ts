// The 布局优化 through the backend on the sample county: plan.optimise answers with a layout
// whose every project carries a reason, the projects it marks adoptable go into the plan
// through plan.addProjects unchanged (a boarding section as a 寄宿 project) and come out again
// with plan.undo, and a job can be
// started, polled and cancelled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import type { OptimiseJob } from '../../shared/optimise/contract';
import type { OptimiseResult } from '../../shared/optimise/result';
import type { PlanDetail } from '../../shared/plan';
import { openSampleCounty, resultOf } from '../helpers/backend';

let backend: Backend;
let plan: PlanDetail;
let result: OptimiseResult;
const ok = <T>(method: string, input: unknown): Promise<T> => resultOf<T>(backend.dispatch(method, input));

beforeAll(async () => {
  ({ backend } = await openSampleCounty('csp-optimise-api-'));
  plan = await ok<PlanDetail>('plan.create', { name: '十五五' });
  result = await ok<OptimiseResult>('plan.optimise', { plan: plan.id, stage: 'junior', timeLimit: 5 });
}, 300_000);
afterAll(() => backend.close());

describe('plan.optimise', () => {
  it('answers with the status, gap, costs, projects and travel the CLI prints', () => {
    expect(['optimal', 'feasible']).toContain(result.status);
    expect(result.stage).toBe('junior');
    expect(result.years[0]).toBe(plan.baseYear + 1);
    expect(result.years[result.years.length - 1]).toBe(plan.targetYear);
    expect(result.cost).toBeGreaterThanOrEqual(0);
    expect(result.greedyCost).toBeGreaterThanOrEqual(0);
    expect(result.totals.greedy.objective).toBeGreaterThan(0);
    // The MIP starts from the greedy layout, so it is never worse on the whole objective.
    if (result.totals.mip) expect(result.totals.mip.objective).toBeLessThanOrEqual(result.totals.greedy.objective + 0.1);
    expect(result.travel.mean).not.toBeNull();
    expect(result.settings.map((s) => s.key)).toContain('travelWeight');
    expect(result.notes.some((n) => n.includes('方案检查发现问题'))).toBe(false);
  });

  it('gives every project a Chinese reason with its figures', () => {
    for (const p of result.projects) {
      expect(p.reason).toMatch(/^(新建|改扩建|撤并|转型).+|增设寄宿部/);
      expect(p.reason).toMatch(/\d/);
    }
  });

  it('adopts two projects into the plan through plan.addProjects, and undo takes them out', async () => {
    const adoptable = result.projects.filter((p) => p.project !== null).slice(0, 2);
    if (adoptable.length === 0) return;
    const before = (await ok<PlanDetail>('plan.get', { plan: plan.id })).projects.length;
    const after = await ok<PlanDetail>('plan.addProjects', { plan: plan.id, projects: adoptable.map((p) => p.project) });
    expect(after.projects.length).toBe(before + adoptable.length);
    expect(after.projects.map((p) => p.note)).toEqual(expect.arrayContaining(adoptable.map((p) => p.reason.slice(0, 300))));
    const undone = await ok<PlanDetail>('plan.undo', { plan: plan.id });
    expect(undone.projects.length).toBe(before);
  });

  it('adopts a proposed boarding section (寄宿) as a 寄宿 project with its places', async () => {
    // The sample county's junior layout seats its mountain villages' children by boarding.
    const boarding = result.projects.filter((p) => p.type === '寄宿');
    expect(boarding.length).toBeGreaterThan(0);
    for (const p of boarding) expect(p.project).toMatchObject({ type: '寄宿', school: p.school, boardingPlaces: p.seats, completionYear: p.year });
    const first = boarding[0]?.project;
    const after = await ok<PlanDetail>('plan.addProjects', { plan: plan.id, projects: [first] });
    const added = after.projects.find((q) => q.type === '寄宿');
    expect(added?.boardingPlaces).toBe(boarding[0]?.seats);
    expect(added?.floorArea ?? 0).toBeGreaterThan(0);
    await ok<PlanDetail>('plan.undo', { plan: plan.id });
  });

  it('refuses a stage it does not optimise, in Chinese', async () => {
    const res = await backend.dispatch('plan.optimise', { plan: plan.id, stage: 'senior' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/学段/);
  });
});

describe('plan.optimiseStart / Status / Cancel', () => {
  it('runs a job that can be polled and cancelled, and still answers with a layout', async () => {
    const started = await ok<OptimiseJob>('plan.optimiseStart', { plan: plan.id, stage: 'primary', timeLimit: 60 });
    expect(started.state).toBe('running');
    const cancelled = await ok<OptimiseJob>('plan.optimiseCancel', { job: started.job });
    expect(cancelled.state).toBe('cancelled');
    let job = cancelled;
    for (let i = 0; i < 600 && job.result === null && job.error === null; i++) {
      await new Promise((r) => setTimeout(r, 200));
      job = await ok<OptimiseJob>('plan.optimiseStatus', { job: started.job });
    }
    expect(job.error).toBeNull();
    expect(job.result?.projects.length).toBeGreaterThanOrEqual(0);
    expect(job.result?.totals.greedy).toBeDefined();
  }, 300_000);
});
