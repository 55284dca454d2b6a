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

  it('proposes one more stream at the fullest school, with floor area and cost from the norms', () => {
    // 6 classes (one per grade) × 45 = 270 seats; 26 classes → the 24-class row, 7.9 m² per
    // pupil: 2,133 m²; at 3,000 元/m²: 639.9 万元 建安, plus equipment 270 × 2,000 元 = 54 万元; an
    // extension on its own site has no site works: 693.9 万元 (639.9 when investment was 建安 only).
    expect(s?.projects).toHaveLength(1);
    expect(s?.projects[0]).toMatchObject({
      type: '改扩建', school: P1, stage: 'primary', classes: 6, seats: 270, floorArea: 2133, investment: 693.9,
      completionYear: 2025, startYear: 2024, status: '拟建',
    });
    expect(s?.text).toMatch(/^城区片区小学 2025 年起学位不足，缺 50 个（约 2 个班）。建议对城关第一小学改扩建，增加 6 个班、270 个学位，建筑面积约 2,133 ㎡，投资约 693.9 万元，2025 年完成。/);
  });

  it('says when the completion year leaves less than the construction period, with the dates the project carries', () => {
    // Short from 2025, the year after the base year 2024: a 2-year build would start in 2023.
    expect(s?.text).toContain(
      '按 2 年工期应在 2023 年开工，早于基准年；项目按 2024 年开工、2025 年建成计（工期仅 1 年），按正常工期最早 2026 年建成，此前需挖潜或使用临时校舍过渡。',
    );
    expect(s?.projects[0]).toMatchObject({ startYear: 2024, completionYear: 2025 });
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

  it('proposes standard-size new schools for the peak of the plan period', () => {
    // 2029: 2,500 + 300 = 2,800 pupils for 1,350 seats: 1,450 short, 33 classes. More than
    // one 30-class school: two of the smallest size that holds 33 classes, 18 classes each.
    expect(s).toMatchObject({ firstYear: 2025, peakYear: 2029, peakSeats: 1450, peakClasses: 33 });
    expect(s?.projects.map((x) => [x.type, x.name, x.kind, x.township, x.classes, x.seats])).toEqual([
      ['新建', '城关镇新建小学（一）', 'primary', T1, 18, 810],
      ['新建', '城关镇新建小学（二）', 'primary', T1, 18, 810],
    ]);
    // 18 classes: 8.3 m² per pupil → 6,723 m²; site 18 m² per pupil → 14,580 m²; 2,016.9 万元 建安
    // + equipment 810 × 2,000 元 = 162 万元 + site works 14,580 × 200 元 = 291.6 万元 = 2,470.5 万元
    // (2,016.9 when investment was 建安 only).
    expect(s?.projects[0]).toMatchObject({ floorArea: 6723, siteArea: 14580, investment: 2470.5, completionYear: 2025 });
  });

  it('warns that the seats stand empty once demand falls', () => {
    // 2033: 1,400 pupils for 1,350 + 1,620 seats = 47 %.
    expect(s?.outlook).toMatch(/^至 2033 年需求回落，城区片区小学学位利用率将降至 47%/);
  });

  it('leaves no area red in the plan period once its proposals are adopted', () => {
    const redBefore = before.gaps.filter((g) => g.level === 'red' && g.year > 2024 && g.year <= 2029);
    expect(redBefore.length).toBeGreaterThan(0);
    const after = evaluatePlan(ctx, adopt(plan(), before));
    expect(after.gaps.filter((g) => g.level === 'red' && g.year > 2024 && g.year <= 2029)).toEqual([]);
    expect(after.suggestions).toEqual([]);
    // And the helper's builds are flagged as standing part empty later: 2033, 1,100 + 300 pupils
    // for 900 + 450 + 810 + 810 seats; each new school's share by seats 1,400 × 810 / 2,970 =
    // 381.8 of 810 = 47 % (25 % when new schools took only the overflow of full schools).
    expect(after.warnings.some((w) => w.kind === 'surplus-build' && /^城关镇新建小学（一） 2025 年建成后至 2033 年利用率降至 47%$/.test(w.message))).toBe(true);
  });
});
