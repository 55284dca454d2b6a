// Property: whatever closures, conversions and new schools a plan holds, no student is lost
// or created — the county's demand per stage and year equals the projection's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePlan, newPlan, type PlanProject } from '../../shared/plan';
import { planContext, planCounty, T1, T2, T3 } from '../fixtures/plan-county';
import { project } from '../fixtures/plan-projects';

const ctx = planContext();
const codes = planCounty().schools.map((s) => s.code);
const base = evaluatePlan(ctx, { ...newPlan(2024, { targetYear: 2029, outlookYear: 2034 }) });
const baseDemand = new Map(base.county.map((r) => [`${r.stage}|${r.year}`, r.demand]));

const year = fc.integer({ min: 2025, max: 2034 });
const ref = (newIds: number[]) => fc.constantFrom(...codes, ...newIds.map((i) => `new:${i}`));

const closure = (id: number) =>
  fc.record({
    school: ref([1, 2]),
    completionYear: year,
    receivers: fc.uniqueArray(ref([1, 2]), { minLength: 1, maxLength: 3 }),
    weights: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 3, maxLength: 3 }),
    convert: fc.boolean(),
  }).map(({ school, completionYear, receivers, weights, convert }): PlanProject => {
    const w = receivers.map((_, i) => weights[i] as number);
    const total = w.reduce((a, b) => a + b, 0);
    const shares = receivers.map((r, i) => ({ school: r, share: (w[i] as number) / total }));
    return convert
      ? project({ id, type: '转型', school, kind: 'kindergarten', classes: 6, seats: 180, completionYear, receivers: shares })
      : project({ id, type: '撤并', school, completionYear, receivers: shares });
  });

const build = (id: number) =>
  fc.record({
    kind: fc.constantFrom('primary' as const, 'junior' as const, 'nine_year' as const, 'kindergarten' as const),
    township: fc.constantFrom(T1, T2, T3),
    seats: fc.integer({ min: 45, max: 1500 }),
    completionYear: year,
  }).map((f) => project({ id, type: '新建', name: `新校${id}`, classes: Math.ceil(f.seats / 45), ...f }));

describe('a plan never loses or creates students', () => {
  it('keeps the county demand of every stage and year', () => {
    fc.assert(
      fc.property(build(1), build(2), fc.array(fc.nat(), { maxLength: 4 }).chain((xs) => fc.tuple(...xs.map((_, i) => closure(10 + i)))), (a, b, closures) => {
        const ev = evaluatePlan(ctx, { ...newPlan(2024, { targetYear: 2029, outlookYear: 2034 }), projects: [a, b, ...closures] });
        for (const row of ev.county) {
          const before = baseDemand.get(`${row.stage}|${row.year}`) ?? 0;
          // Rows are rounded sums of fractional moves: at most one pupil of rounding.
          expect(Math.abs(row.demand - before)).toBeLessThanOrEqual(1);
        }
        for (const [key, before] of baseDemand) {
          const [stage, y] = key.split('|');
          const after = ev.county.find((r) => r.stage === stage && r.year === Number(y))?.demand ?? 0;
          expect(Math.abs(after - before)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 150 },
    );
  });
});
