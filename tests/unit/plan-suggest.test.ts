// The "what needs to be built" helper: what it proposes for a small and for a large shortfall,
// and that adopting its proposals leaves no area red in the plan period.
import { describe, expect, it } from 'vitest';
import { evaluatePlan, flatDemand, newPlan, type Plan, type PlanProject } from '../../shared/plan';
import { contextData, P1, planContext, T1 } from '../fixtures/plan-county';

function plan(projects: PlanProject[] = []): Plan {
  return { ...newPlan(2024, { targetYear: 2029, outlookYear: 2034 }), projects };
}

function adopt(p: Plan, ev: ReturnType<typeof evaluatePlan>): Plan {
  let id = 100;
  return { ...p, projects: [...p.projects, ...ev.suggestions.flatMap((s) => s.projects.map((d) => ({ ...d, id: id++ })))] };
}

describe('a small shortfall', () => {
  const ev = evaluatePlan(planContext(), plan());
  const s = ev.suggestions.find((x) => x.area === '城区片区' && x.stage === 'primary');

  it('states the seats and classes short by year', () => {
    // 1,400 pupils for 1,350 seats in every year of the plan period 2025–2029.
    expect(s?.years.map((y) => [y.year, y.seats, y.classes])).toEqual([
      [2025, 50, 2], [2026, 50, 2], [2027, 50, 2], [2028, 50, 2], [2029, 50, 2],
    ]);
    expect(s).toMatchObject({ firstYear: 2025, peakSeats: 50, peakClasses: 2 });
  });

  it('extends the school with room on its site, as far as the site allows, with floor area and cost from the norms', () => {
    // Room on 城关第一小学's site: 20,000 m² ÷ 18 m² per pupil = 1,111 seats, 900 in use: 211
    // seats = 4 whole classes of 45 (the 2,000-pupil size limit is further off). One stream would
    // be 6 classes; the site allows 4: 180 seats ≥ the 50 short. 24 classes after → the
    // 24-class row, 7.9 m² per pupil: 180 × 7.9 = 1,422 m²; 1,422 × 3,000 元 = 426.6 万元 建安 +
    // equipment 180 × 2,000 元 = 36 万元; an extension on its own site has no site works: 462.6 万元.
    // (Was 6 classes, 270 seats, 2,133 m², 693.9 万元: the old rule added a stream regardless of the site.)
    expect(s?.projects).toHaveLength(1);
    expect(s?.projects[0]).toMatchObject({
      type: '改扩建', school: P1, stage: 'primary', classes: 4, seats: 180, floorArea: 1422, investment: 462.6,
      completionYear: 2027, startYear: 2025, status: '拟建',
    });
    expect(s?.text).toContain(
      '建议先在原校址改扩建：城关第一小学增加 4 个班、180 个学位（占地 20,000 ㎡，按生均用地 18 ㎡ 可容 1,111 个学位，现有 900 个；办学规模不超过 2,000 人），建筑面积约 1,422 ㎡，投资约 462.6 万元，2025 年开工、2027 年建成。',
    );
    expect(s?.bridgeOnly).toBe(false);
  });

  it('starts no project before the base year: the years before one can be ready are bridged, and said so', () => {
    // Base year 2024 is short (recorded); a project begun in 2025 with the 2-year construction
    // period is ready in 2027 at the earliest, so 2025–2026 are bridged without building.
    // (Was: completion 2025, start 2024, and a sentence admitting it should have begun in 2023.)
    expect(s?.text).toMatch(/^城区片区小学自基准年 2024 年起学位不足（基准年现状缺 50 个），规划期内最多缺 50 个（约 2 个班）。/);
    expect(s?.text).toContain('按 2 年工期，基准年后开工的项目最早 2027 年建成，2025–2026 年缺口需临时挖潜（大班额/租用/调剂）。');
    expect(s?.text).not.toContain('早于基准年');
    for (const p of s?.projects ?? []) {
      expect(p.startYear).toBeGreaterThanOrEqual(2025);
      expect(p.completionYear - p.startYear).toBe(2);
    }
  });

  it('has nothing to propose where seats suffice', () => {
    expect(ev.suggestions.map((x) => `${x.area}${x.stage}`)).toEqual(['城区片区primary']);
  });
});

describe('a large shortfall that later falls away', () => {
  const data = contextData();
  const demand = flatDemand(data, 2024, 2034, '中');
  const p1 = demand.schools.find((x) => x.code === P1 && x.stage === 'primary');
  if (p1) p1.students = [1300, 1600, 1900, 2200, 2500, 2000, 1600, 1300, 1100, 1100];
  const ctx = planContext(demand);
  const before = evaluatePlan(ctx, plan());
  const s = before.suggestions.find((x) => x.area === '城区片区' && x.stage === 'primary');

  it('extends the school with room first, then builds new schools of a standard size for the rest', () => {
    // 2029: 2,500 + 300 = 2,800 pupils for 1,350 seats: 1,450 short, 33 classes (the peak of
    // the years 2027–2029 a project begun after the base year can reach).
    expect(s).toMatchObject({ firstYear: 2025, peakYear: 2029, peakSeats: 1450, peakClasses: 33 });
    // 城关第一小学's site takes 4 classes (180 seats, as above); 1,450 − 180 = 1,270 seats =
    // 29 classes left: one school of the smallest standard size holding 29 classes, 30 classes.
    // (Was two new 18-class schools and no extension.)
    expect(s?.projects.map((x) => [x.type, x.name, x.school, x.kind, x.township, x.classes, x.seats])).toEqual([
      ['改扩建', '城关第一小学改扩建工程', P1, null, null, 4, 180],
      ['新建', '城关镇新建小学', null, 'primary', T1, 30, 1350],
    ]);
    // 30 classes: 7.2 m² per pupil → 1,350 × 7.2 = 9,720 m²; site 18 m² per pupil → 24,300 m²;
    // 2,916 万元 建安 + equipment 1,350 × 2,000 元 = 270 万元 + site works 24,300 × 200 元 = 486 万元 = 3,672 万元.
    expect(s?.projects[1]).toMatchObject({ floorArea: 9720, siteArea: 24300, investment: 3672, startYear: 2025, completionYear: 2027 });
    expect(s?.text).toContain('现有校址容纳不下的 1,270 个学位，建议在城关镇新建 30 班小学 1 所，1,350 个学位');
  });

  it('warns that the seats stand empty once demand falls', () => {
    // 2033: 1,400 pupils for 1,350 + 180 + 1,350 = 2,880 seats = 48.6 % (was 47 % of 1,350 + 1,620).
    expect(s?.outlook).toMatch(/^至 2033 年需求回落，城区片区小学学位利用率将降至 49%/);
  });

  it('leaves no area red from the first year a project can be ready once its proposals are adopted', () => {
    const red = (ev: ReturnType<typeof evaluatePlan>, from: number) => ev.gaps.filter((g) => g.level === 'red' && g.year >= from && g.year <= 2029);
    expect(red(before, 2027).length).toBeGreaterThan(0);
    const after = evaluatePlan(ctx, adopt(plan(), before));
    expect(red(after, 2027)).toEqual([]);
    // 2025–2026 stay short (nothing begun after 2024 is ready before 2027): one note, nothing to adopt.
    // (Was: no red year 2025–2029 and no suggestion at all, with builds completed in 2025.)
    expect(red(after, 2025).map((g) => g.year)).toEqual([2025, 2026]);
    expect(after.suggestions.map((x) => [x.area, x.stage, x.bridgeOnly, x.projects.length])).toEqual([['城区片区', 'primary', true, 0]]);
    // And the new school is flagged as standing part empty later: 2033, 1,400 pupils for 2,880
    // seats; its share by seats 1,400 × 1,350 / 2,880 = 656.3 of 1,350 = 49 % (was 47 % for
    // 城关镇新建小学（一） 2025; 25 % when new schools took only the overflow of full schools).
    expect(after.warnings.some((w) => w.kind === 'surplus-build' && /^城关镇新建小学 2027 年建成后至 2033 年利用率降至 49%$/.test(w.message))).toBe(true);
  });
});
