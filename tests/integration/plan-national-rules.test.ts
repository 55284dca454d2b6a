// National rules on the sample county. 优质均衡 under the full rule (6 of 7 and the seventh at 85 % of its
// threshold or more) against 6 of 7 alone (the floor set to 0), through the backend's stored
// plan and with the build suggestions adopted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { evaluatePlan, planSettingsSchema, type EvaluationContext, type Plan, type PlanDetail, type PlanEvaluation } from '../../shared/plan';
import { openSampleCounty, resultOf } from '../helpers/backend';

let backend: Backend;
let plan: PlanDetail;
let ctx: EvaluationContext;
let stored: PlanEvaluation;

const ok = <T>(method: string, input: unknown): Promise<T> => resultOf<T>(backend.dispatch(method, input));
const SIX_OF_SEVEN = planSettingsSchema.parse({ balance: { remainderShare: 0 } });

/** Schools passing of those assessed, per stage, in a year. */
function counts(ev: PlanEvaluation, year: number) {
  const y = ev.balanceByYear.find((b) => b.year === year);
  if (!y) throw new Error(`no year ${year}`);
  return { primary: [y.primary.passing, y.primary.total], junior: [y.junior.passing, y.junior.total] };
}

beforeAll(async () => {
  ({ backend } = await openSampleCounty('csp-balance-rule-'));
  plan = await ok<PlanDetail>('plan.create', {});
  ctx = await ok<EvaluationContext>('plan.context', { plan: plan.id });
  stored = await ok<PlanEvaluation>('plan.evaluate', { plan: plan.id });
}, 120_000);
afterAll(() => backend.close());

describe('优质均衡 达标学校 on the sample county', () => {
  it('uses the national floor of 85 % by default', () => {
    expect(plan.settings.balance.remainderShare).toBe(0.85);
    expect(stored.balance.primary.remainderShare).toBe(0.85);
  });

  it('2025: 6 of 37 primary and 3 of 15 junior schools pass, against 20 and 5 on 6 of 7 alone', () => {
    const sixOnly = evaluatePlan(ctx, { ...plan, settings: SIX_OF_SEVEN });
    expect(counts(stored, 2025)).toEqual({ primary: [6, 37], junior: [3, 15] });
    expect(counts(sixOnly, 2025)).toEqual({ primary: [20, 37], junior: [5, 15] });
    // Without projects, 2030: 6 / 37 and 4 / 15 against 21 and 8.
    expect(counts(stored, 2030)).toEqual({ primary: [6, 37], junior: [4, 15] });
    expect(counts(sixOnly, 2030)).toEqual({ primary: [21, 37], junior: [8, 15] });
    for (let i = 0; i < stored.years.length; i++) {
      for (const stage of ['primary', 'junior'] as const) {
        expect(stored.balanceByYear[i]?.[stage].passing).toBeLessThanOrEqual(sixOnly.balanceByYear[i]?.[stage].passing as number);
      }
    }
  });

  it('2030 with the build suggestions adopted (3 new junior schools): 6 of 18 junior schools pass, against 12 on 6 of 7', () => {
    const projects = stored.suggestions.flatMap((s) => s.projects).map((p, i) => ({ ...p, id: i + 1 }));
    const adopted: Plan = { ...plan, projects };
    expect(counts(evaluatePlan(ctx, adopted), 2030).junior).toEqual([6, 18]);
    expect(counts(evaluatePlan(ctx, { ...adopted, settings: SIX_OF_SEVEN }), 2030).junior).toEqual([12, 18]);
  });

  it('names, for each school failing on the floor alone, the indicator below 85 % and by how much', () => {
    const rows = stored.balanceBase.primary.schools.filter((r) => r.passCount >= 6 && !r.ok);
    expect(rows.length).toBe(20 - 6);
    for (const r of rows) {
      expect(r.shortfalls).toHaveLength(7 - r.passCount);
      const below = r.shortfalls.filter((f) => !f.withinRemainder);
      expect(below.length).toBeGreaterThan(0);
      for (const f of below) {
        expect(f.share as number).toBeLessThan(0.85);
        expect(f.share as number).toBeCloseTo((f.value as number) / f.threshold, 12);
        expect(f.threshold).toBe(plan.settings.balance.primary[f.key]);
      }
    }
  });
});

describe('大班额 on the sample county, by stage', () => {
  it('2025: 388 classes of 56 or more = 167 小学 + 120 初中 + 101 高中; the 义务教育 target counts 287, 高中 101', () => {
    const y = stored.classes.find((c) => c.year === 2025);
    expect(y?.large).toBe(388);
    expect([y?.byStage.primary?.large, y?.byStage.junior?.large, y?.byStage.senior?.large]).toEqual([167, 120, 101]);
    const target = (key: string) => stored.targets.find((t) => t.key === key);
    expect(target('large_classes')).toMatchObject({ base: 167 + 120, stages: ['primary', 'junior'] });
    expect(target('senior_large_classes')).toMatchObject({ base: 101, stages: ['senior'] });
    // 超大班额: all 134 are in 小学 and 初中, none in 高中.
    expect(y?.oversized).toBe(134);
    expect(y?.byStage.senior?.oversized).toBe(0);
    expect(target('oversized_classes')?.base).toBe((y?.byStage.primary?.oversized as number) + (y?.byStage.junior?.oversized as number));
    expect(target('oversized_classes')?.base).toBe(134);
  });
});


describe('九年义务教育巩固率 on the sample county', () => {
  it('holds the base year’s 98.3 % in every projected year (it was scaled up to a capped 100.0)', () => {
    const t = stored.targets.find((x) => x.key === 'compulsory_retention');
    expect(t?.base).toBe(98.3);
    expect(t?.series).toEqual(stored.years.map(() => 98.3));
    expect(t?.projected).toBe(98.3);
  });
});
