// 总览's 大班额 against the plan's targets (and so 附件1): a count labelled 义务教育 is the same
// number on both pages, and 普通高中's is shown apart, never folded into it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import type { Overview } from '../../shared/api';
import type { PlanEvaluation } from '../../shared/plan';
import { openSampleCounty, resultOf } from '../helpers/backend';

let backend: Backend;
let overview: Overview;
let ev: PlanEvaluation;

beforeAll(async () => {
  ({ backend } = await openSampleCounty('csp-overview-large-'));
  overview = await resultOf<Overview>(backend.dispatch('overview.get', {}));
  ev = await resultOf<PlanEvaluation>(backend.dispatch('plan.evaluate', {}));
}, 120_000);
afterAll(() => backend.close());

describe('大班额 on 总览 and in the plan', () => {
  const base = (key: string) => ev.targets.find((t) => t.key === key)?.base;

  it('counts 义务教育 as the 大班额 and 超大班额 targets do, and 普通高中 as its own target does', () => {
    expect(ev.plan.baseYear).toBe(overview.latestYear);
    expect(overview.largeClassesByLevel.compulsory).toEqual({ large: base('large_classes'), oversized: base('oversized_classes') });
    expect(overview.largeClassesByLevel.senior.large).toBe(base('senior_large_classes'));
    expect(overview.largeClassesByLevel.compulsory.large).toBe(287);
    expect(overview.largeClassesByLevel.senior.large).toBe(101);
  });

  it('keeps the all-stage total, which is the two levels together', () => {
    const { compulsory, senior } = overview.largeClassesByLevel;
    expect(overview.largeClasses).toBe(compulsory.large + senior.large);
    expect(overview.oversizedClasses).toBe(compulsory.oversized + senior.oversized);
  });

  it('gives each township its 义务教育 count, adding up to the county figure', () => {
    expect(overview.townships.reduce((a, t) => a + (t.largeClasses ?? Number.NaN), 0)).toBe(overview.largeClassesByLevel.compulsory.large);
  });
});
