// An existing school's expansions against its site (占地面积 ÷ 生均用地, the suggestions' rule):
// sizes the site holds are priced as before, larger ones buy the land they need at the plan's
// 地价, and a school without 占地面积 keeps every size, flagged. Hand-solved: school A (12 classes,
// 540 seats, rural primary, 生均用地 23 ㎡) has 18,630 ㎡, which holds 810 seats = 18 classes;
// 1,050 children live at A. 18 classes cost 726.3 万元; 24 classes cost 1,387.8 on an
// unlimited site, and need 1,080 × 23 − 18,630 = 6,210 ㎡ (9.3 亩) more: 124.2 万元 of site
// works plus the land. Site B, 2 km off, can take the other 270 children for 1,200 万元.
//   - land at 10 万元/亩 (93.2): A at 24 classes costs 1,605.2 < 726.3 + 1,200 → A to 24;
//   - land at 1,000 万元/亩 (9,315): A at 24 costs 10,827 → A to 18 and B built.
import { describe, expect, it } from 'vitest';
import { buildOptions, type ExpansionSite } from '../../../shared/optimise/options';
import { landNotes, landTotals, projectLand } from '../../../shared/optimise/site-land';
import { decisionsOf } from '../../../shared/optimise/decisions';
import type { OptInstance } from '../../../shared/optimise/instance';
import type { OptSolution } from '../../../shared/optimise/solution';
import { planSettingsSchema, type PlanSettings } from '../../../shared/plan/settings';
import { instance, option, school, site, solveOptimal } from './tiny';

const base = planSettingsSchema.parse({});
const withLand = (landPerMu: number | null): PlanSettings => ({ ...base, landPerMu });
const SITE: ExpansionSite = { kind: 'primary', siteArea: 18_630, otherSeats: 0 };

function county(settings: PlanSettings, where: ExpansionSite = SITE): OptInstance {
  return instance(
    [{ id: 'P', x: 0, children: [1050, 1050] }],
    [school('A', 0, 540, { options: buildOptions('primary', false, 540, settings, where) }), site('B', 2000, [option(270, 1200)])],
  );
}

function expansions(inst: OptInstance, sol: OptSolution) {
  return decisionsOf(inst, sol).filter((d) => d.type === '改扩建');
}

describe('expansion options against the site', () => {
  it('prices a size the site holds as before and a larger one with the land it needs', () => {
    const unlimited = buildOptions('primary', false, 540, base);
    const checked = buildOptions('primary', false, 540, withLand(10), SITE);
    expect(unlimited.map((o) => [o.classes, o.cost])).toEqual([[18, 726.3], [24, 1387.8]]);
    expect(checked.map((o) => [o.classes, o.cost, o.land?.extra ?? null])).toEqual([
      [18, 726.3, null],
      [24, 1605.2, { area: 6210, mu: 9.3, land: 93.2, siteWorks: 124.2 }],
    ]);
    expect(checked[0]?.land?.site).toEqual({ siteArea: 18_630, sitePerPupil: 23, siteSeats: 810 });
  });

  it('counts the seats of the school’s other stages on the same site', () => {
    const nine = buildOptions('primary', false, 540, withLand(10), { kind: 'nine_year', siteArea: 18_630 + 24 * 270, otherSeats: 270 });
    // 生均用地 of a rural 九年一贯制 is 24 ㎡: 25,110 ㎡ hold 1,046 pupils, 270 of them junior, so
    // 18 primary classes (1,080 pupils in all) need 810 ㎡ more and 24 classes (1,350) 7,290 ㎡.
    expect(nine[0]?.land?.site?.siteSeats).toBe(1046);
    expect(nine.map((o) => [o.classes, o.land?.schoolSeats, o.land?.extra?.area ?? 0])).toEqual([[18, 1080, 810], [24, 1350, 7290]]);
  });

  it('keeps every size of a school without 占地面积, unchecked and flagged', async () => {
    const inst = county(withLand(10), { ...SITE, siteArea: null });
    expect(inst.facilities[0]?.options.map((o) => [o.classes, o.cost, o.land ? o.land.site : 'no check'])).toEqual([[18, 726.3, null], [24, 1387.8, null]]);
    const { mip, out } = await solveOptimal(inst);
    for (const sol of [mip, out.greedy]) {
      const [d] = expansions(inst, sol);
      expect(d?.classes).toBe(24);
      expect(d?.reason).toContain('用地面积未知，未校核');
      const totals = landTotals([projectLand(d?.land)]);
      expect(totals.siteUnchecked).toBe(1);
      expect(landNotes(totals, 10).join('')).toContain('1 项改扩建的学校未填占地面积，用地面积未知，未校核');
    }
  });
});

describe('expand within the site or buy land, by the prices (MIP and greedy)', () => {
  it('buys 9.3 亩 for 24 classes when land is cheap', async () => {
    const inst = county(withLand(10));
    const { mip, out, decisions } = await solveOptimal(inst);
    expect(decisions).toEqual([{ type: '改扩建', id: 'A', year: 2026 }]);
    for (const sol of [mip, out.greedy]) {
      const [d] = expansions(inst, sol);
      expect([d?.classes, d?.cost]).toEqual([24, 1605.2]);
      expect(d?.reason).toContain('可容 810 个学位，扩建后全校 1,080 个学位，需征地 9.3 亩（6,210 ㎡），土地费用 93.2 万元、室外工程 124.2 万元已计入投资');
      expect(landTotals([projectLand(d?.land)]).landBought).toEqual({ area: 6210, mu: 9.3, cost: 93.2, expansions: 1 });
    }
  });

  it('stays within the site at 18 classes and builds at B when land is dear', async () => {
    const inst = county(withLand(1000));
    const { mip, out, decisions } = await solveOptimal(inst);
    expect(decisions).toEqual([{ type: '新建', id: 'B', year: 2026 }, { type: '改扩建', id: 'A', year: 2026 }]);
    for (const sol of [mip, out.greedy]) {
      const [d] = expansions(inst, sol);
      expect(d?.classes).toBe(18);
      expect(d?.reason).toContain('在现有用地内');
      expect(landTotals([projectLand(d?.land)])).toEqual({ siteUnchecked: 0, landBought: { area: 0, mu: 0, cost: 0, expansions: 0 } });
    }
  });

  it('leaves the land out of the cost, and says so, when the plan sets no 地价 (as for new schools)', async () => {
    const inst = county(withLand(null));
    const { mip } = await solveOptimal(inst);
    const [d] = expansions(inst, mip);
    expect([d?.classes, d?.cost]).toEqual([24, 1512]);
    expect(d?.reason).toContain('需征地 9.3 亩（6,210 ㎡），土地费用未计（规划未设置地价）');
    const totals = landTotals([projectLand(d?.land)]);
    expect(totals.landBought).toEqual({ area: 6210, mu: 9.3, cost: null, expansions: 1 });
    expect(landNotes(totals, null)).toEqual(['1 项改扩建超出现有占地（占地面积 ÷ 生均用地），需征地共 9.3 亩（6,210 ㎡），土地费用未计（规划未设置地价，与新建学校相同）。']);
  });
});

describe('the land bought over a layout', () => {
  it('sums each expansion’s 亩 and 万元 exactly and rounds the total once', () => {
    // Three expansions of 827 ㎡ (1.24 亩) at 12.44 万元 each: 3.72 亩 and 37.32 万元, shown as
    // 3.7 and 37.3. Rounded after each one the sums would drift to 3.6 亩 and 37.2 万元.
    const land = { checked: true, siteArea: 18_630, sitePerPupil: 23, siteSeats: 810, schoolSeats: 846, extraArea: 827, extraMu: 1.24, landCost: 12.44, siteWorksCost: 16.5 };
    expect(landTotals([land, null, land, land]).landBought).toEqual({ area: 2481, mu: 3.7, cost: 37.3, expansions: 3 });
  });
});
