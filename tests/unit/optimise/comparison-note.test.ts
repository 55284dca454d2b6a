// The sentence that closes every 布局优化 result: what it compares, on which rule, and why seats
// may stay short under that rule.
import { describe, expect, it } from 'vitest';
import { comparisonNote } from '../../../electron/backend/services/optimise';
import type { LayoutTotals } from '../../../shared/optimise/result';

const totals = (over: Partial<LayoutTotals>): LayoutTotals => ({
  cost: 1000, objective: 2000, unmetSeats: 0, uncoveredChildren: 0, bridged: [], travel: { mean: 1, max: 2 }, schoolsClosed: 0, projects: 3, siteUnchecked: 0, landBought: { area: 0, mu: 0, cost: 0, expansions: 0 }, ...over,
});

describe('comparisonNote', () => {
  it('gives the short seats a cause that exists under the rule used', () => {
    const short = totals({ unmetSeats: 59 });
    expect(comparisonNote('distance', short, totals({}), 900)).toContain('仍有 59 个学位缺口（增建的成本高于无学位惩罚，或服务半径内无可建校址）');
    const area = comparisonNote('area', short, totals({}), 900);
    expect(area).toContain('仍有 59 个学位缺口（增建的成本高于无学位惩罚，或本片区内无可建校址）');
    expect(area).not.toContain('服务半径');
  });

  it('under the area rule, compares the cost with the suggestions and the objective with greedy', () => {
    // 1,000 against 1,200: 200 less; objective 2,000 against 2,300: 300 less.
    expect(comparisonNote('area', totals({}), totals({ objective: 2300 }), 1200)).toBe(
      '比较（片区学位平衡口径，需求与“建设需求测算”相同）：优化方案满足全部学位需求，建设投资 1,000 万元，比“建设需求测算”的 1,200 万元少 200 万元；总成本 2,000 万元，比贪心方案低 300 万元。',
    );
  });

  it('says both build from the same year, and which part of a lower cost is seats left short', () => {
    // 1,000 against 1,200 while 59 seats stay short: part of the 200 is building less.
    const note = comparisonNote('area', totals({ unmetSeats: 59 }), totals({ objective: 2300 }), 1200, 2028);
    expect(note).toContain('比较（片区学位平衡口径，需求与“建设需求测算”相同）：两者均 2028 年起建成（此前过渡）、造价按同一规划设置；优化方案仍有 59 个学位缺口');
    expect(note).toContain('比“建设需求测算”的 1,200 万元少 200 万元，其中部分是因为仍缺 59 个学位而少建');
    expect(comparisonNote('area', totals({}), totals({}), 1200, 2028)).not.toContain('仍缺');
  });
});
