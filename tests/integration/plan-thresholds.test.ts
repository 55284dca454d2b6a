// A plan's thresholds reach every year it evaluates: the recorded base year as well as the
// projected ones, on the sample county through the backend (stored settings) and on the
// same context in memory (the 规划 page's path).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import type { CountyData } from '../../shared/domain';
import type { Stage } from '../../shared/domain/stages';
import {
  evaluatePlan,
  planSettingsSchema,
  type EvaluationContext,
  type PlanDetail,
  type PlanEvaluation,
} from '../../shared/plan';
import type { z } from 'zod';
import { generateCounty } from '../../shared/sample';
import { openSampleCounty, resultOf } from '../helpers/backend';

let backend: Backend;
let data: CountyData;
let plan: PlanDetail;
let ctx: EvaluationContext;

const ok = <T>(method: string, input: unknown): Promise<T> => resultOf<T>(backend.dispatch(method, input));

const ALL_STAGES: readonly Stage[] = ['primary', 'junior', 'senior'];
const COMPULSORY: readonly Stage[] = ['primary', 'junior'];

/** Classes of at least `threshold` students in the base year, counted from the raw grade records. */
function handCount(threshold: number, stages: readonly Stage[] = ALL_STAGES): number {
  const open = new Set(data.schools.filter((s) => s.status === '在办').map((s) => s.code));
  let n = 0;
  for (const r of data.enrolment) {
    if (r.year !== plan.baseYear || !open.has(r.school)) continue;
    if (!stages.includes(r.stage)) continue;
    if (r.classes !== null && r.classes > 0 && r.students / r.classes >= threshold) n += r.classes;
  }
  return n;
}

function evaluateWith(settings: z.input<typeof planSettingsSchema>): PlanEvaluation {
  return evaluatePlan(ctx, { ...plan, settings: planSettingsSchema.parse(settings) });
}

const classesIn = (ev: PlanEvaluation, year: number) => ev.classes.find((c) => c.year === year) ?? { large: NaN, oversized: NaN };
const projectedYears = (ev: PlanEvaluation) => ev.years.filter((y) => y > plan.baseYear);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const targetSeries = (ev: PlanEvaluation, key: string) => ev.targets.find((t) => t.key === key)?.series ?? [];

beforeAll(async () => {
  // The same generator the project file is made from: the hand counts read its records.
  data = generateCounty();
  ({ backend } = await openSampleCounty('csp-thresholds-'));
  plan = await ok<PlanDetail>('plan.create', {});
  ctx = await ok<EvaluationContext>('plan.context', { plan: plan.id });
}, 120_000);
afterAll(() => backend.close());

describe('大班额 thresholds of a plan', () => {
  it('count the base year from the grade records and the projected years, both with the stored setting', async () => {
    const before = await ok<PlanEvaluation>('plan.evaluate', { plan: plan.id });
    const base = plan.baseYear;
    expect(classesIn(before, base)).toEqual(expect.objectContaining({ large: handCount(56), oversized: handCount(66) }));

    await ok<PlanDetail>('plan.update', { plan: plan.id, settings: { ...plan.settings, largeClass: 50, oversizedClass: 60 } });
    const after = await ok<PlanEvaluation>('plan.evaluate', { plan: plan.id });

    // Base year: the grade records counted at 50 / 60, not at the national 56 / 66.
    expect(handCount(50)).toBeGreaterThan(handCount(56));
    expect(classesIn(after, base).large).toBe(handCount(50));
    expect(classesIn(after, base).oversized).toBe(handCount(60));

    // Projected years: more classes reach the lower thresholds.
    const years = projectedYears(after);
    expect(years.length).toBeGreaterThan(0);
    for (const y of years) {
      expect(classesIn(after, y).large).toBeGreaterThanOrEqual(classesIn(before, y).large);
      expect(classesIn(after, y).oversized).toBeGreaterThanOrEqual(classesIn(before, y).oversized);
    }
    expect(sum(years.map((y) => classesIn(after, y).large))).toBeGreaterThan(sum(years.map((y) => classesIn(before, y).large)));
    expect(sum(years.map((y) => classesIn(after, y).oversized))).toBeGreaterThan(sum(years.map((y) => classesIn(before, y).oversized)));

    // The 大班额 targets read the same counts, by stage: the 义务教育 ones 小学 + 初中 (they
    // counted 高中 too until corrected), 高中 its own; together the all-stage totals above.
    expect(targetSeries(after, 'large_classes')[0]).toBe(handCount(50, COMPULSORY));
    expect(targetSeries(after, 'oversized_classes')[0]).toBe(handCount(60, COMPULSORY));
    expect(targetSeries(after, 'senior_large_classes')[0]).toBe(handCount(50, ['senior']));
    expect((targetSeries(after, 'large_classes')[0] as number) + (targetSeries(after, 'senior_large_classes')[0] as number)).toBe(handCount(50));
  });

  it('raising 超大班额 alone changes only the 超大班额 counts, base year included', () => {
    const national = evaluateWith({});
    const raised = evaluateWith({ oversizedClass: 70 });
    const base = plan.baseYear;
    expect(classesIn(raised, base).oversized).toBe(handCount(70));
    expect(classesIn(raised, base).oversized).toBeLessThan(classesIn(national, base).oversized);
    const years = projectedYears(raised);
    expect(sum(years.map((y) => classesIn(raised, y).oversized))).toBeLessThan(sum(years.map((y) => classesIn(national, y).oversized)));
    expect(raised.classes.map((c) => c.large)).toEqual(national.classes.map((c) => c.large));
  });
});

describe('other thresholds of a plan reach the base year and the projected years', () => {
  it('standard class size: seats of schools without design seats, base year and later', () => {
    const national = evaluateWith({});
    const smaller = evaluateWith({ classSize: { primary: 40 } });
    const capacity = (ev: PlanEvaluation, year: number) =>
      ev.county.filter((r) => r.stage === 'primary' && r.year === year).reduce((a, r) => a + r.capacity, 0);
    const base = plan.baseYear;
    expect(capacity(smaller, base)).toBeLessThan(capacity(national, base));
    for (const y of projectedYears(smaller)) expect(capacity(smaller, y)).toBeLessThan(capacity(national, y));
  });

  it('school-size limits: schools over the limit, base year and later', () => {
    const national = targetSeries(evaluateWith({}), 'oversize_schools');
    const strict = targetSeries(evaluateWith({ schoolSize: { primary: 800, junior: 800, combined: 1000, senior: 1200, kindergarten: 200 } }), 'oversize_schools');
    expect(strict[0] as number).toBeGreaterThan(national[0] as number);
    expect(sum(strict.slice(1) as number[])).toBeGreaterThan(sum(national.slice(1) as number[]));
  });

  it('学位预警 levels: the red threshold moves the schools’ warnings in the base year and later', () => {
    const reds = (ev: PlanEvaluation, yi: (i: number) => boolean) =>
      sum(ev.schools.map((s) => s.level.filter((l, i) => yi(i) && l === 'red').length));
    const national = evaluateWith({});
    const tolerant = evaluateWith({ levels: { red: 3, orange: 2.9, blue: 0.6 } });
    const base = (i: number) => i === 0;
    const later = (i: number) => i > 0;
    expect(reds(national, base)).toBeGreaterThan(0);
    expect(reds(tolerant, base)).toBeLessThan(reds(national, base));
    expect(reds(tolerant, later)).toBeLessThan(reds(national, later));
  });
});
