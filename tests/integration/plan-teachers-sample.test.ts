// The sample county's teachers as the CLI and the 规划 page see them: the growing county town
// short of teachers (缺编), the shrinking townships with more than their pupils need (超编).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import type { TownshipRow } from '../../shared/api';
import type { PlanEvaluation } from '../../shared/plan';
import { openSampleCounty, resultOf } from '../helpers/backend';

let backend: Backend;
let ev: PlanEvaluation;
let town: Set<string>;

beforeAll(async () => {
  ({ backend } = await openSampleCounty('csp-teachers-'));
  ev = await resultOf<PlanEvaluation>(backend.dispatch('plan.evaluate', {}));
  const townships = await resultOf<TownshipRow[]>(backend.dispatch('townships.list', {}));
  town = new Set(townships.filter((t) => t.urbanRural === '城区').map((t) => t.code));
}, 120_000);
afterAll(() => backend?.close());

/** Gap over the teacher stages of a set of townships in a year (positive = 缺编). */
function gapOf(codes: (code: string) => boolean, yi: number): number {
  return ev.teachers.byTownship.filter((r) => codes(r.township)).reduce((s, r) => s + (r.gap[yi] as number), 0);
}

describe('sample county teachers', () => {
  it('has staff for its base year and series aligned with the years', () => {
    expect(ev.teachers.staffYear).toBe(ev.plan.baseYear);
    expect(ev.teachers.years).toEqual(ev.years);
    for (const s of ev.teachers.stages) expect(ev.teachers.byStage[s]?.gap).toHaveLength(ev.years.length);
  });

  it('the county town is short of teachers in the base year and in the target year', () => {
    const target = ev.plan.targetYear - ev.plan.baseYear;
    expect(town.size).toBeGreaterThan(0);
    expect(gapOf((c) => town.has(c), 0)).toBeGreaterThan(50);
    expect(gapOf((c) => town.has(c), target)).toBeGreaterThan(100);
  });

  it('every rural township but at most one has a surplus', () => {
    const rural = [...new Set(ev.teachers.byTownship.map((r) => r.township))].filter((c) => !town.has(c));
    const surplus = rural.filter((c) => gapOf((x) => x === c, 0) < 0);
    expect(rural.length).toBeGreaterThan(5);
    expect(surplus.length).toBeGreaterThanOrEqual(rural.length - 1);
  });
});
