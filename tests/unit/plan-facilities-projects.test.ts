// Facilities-only projects (提质改造, 改薄, 校舍加固, 运动场) and 寄宿 on the hand-made county
// (tests/fixtures/plan-county.ts): no seat changes, the school's facilities grow by what the
// project records, a 寄宿 project makes its school a 寄宿制 school, and their costs have no
// equipment or land.
import { describe, expect, it } from 'vitest';
import { evaluatePlan, newPlan, projectInvestmentParts, targetDef, targetFromDef, type Plan, type PlanProject } from '../../shared/plan';
import { buildTimeline } from '../../shared/plan/timeline';
import { J1, P1, planContext } from '../fixtures/plan-county';
import { project } from '../fixtures/plan-projects';

function planOf(projects: PlanProject[]): Plan {
  const boarding = targetDef('boarding_schools');
  return {
    ...newPlan(2024, { targetYear: 2029, outlookYear: 2034 }),
    targets: boarding ? [targetFromDef(boarding)] : [],
    projects,
  };
}

const works = [
  project({ id: 1, type: '提质改造', name: '城关第一小学提质改造', school: P1, floorArea: 1200, completionYear: 2027 }),
  project({ id: 2, type: '运动场', name: '城关初级中学运动场', school: J1, siteArea: 8000, completionYear: 2026 }),
  project({ id: 3, type: '校舍加固', name: '城关初级中学校舍加固', school: J1, floorArea: 3000, investment: 150, completionYear: 2026 }),
  project({ id: 4, type: '寄宿', name: '城关初级中学寄宿部', school: J1, boardingPlaces: 200, floorArea: 1100, completionYear: 2028 }),
];

describe('facilities-only and 寄宿 projects', () => {
  const plan = planOf(works);
  const timeline = buildTimeline(planContext(), plan.projects, plan.baseYear, plan.settings);
  const facilities = (ref: string, year: number) => timeline.at(year).schools.get(ref)?.facilities;

  it('add to the school’s facilities from the completion year, never to its seats', () => {
    // 城关第一小学: 4,400 ㎡ 教学及辅助用房; 提质改造 of 1,200 ㎡ counts 60 % → 4,400 + 720 = 5,120 ㎡ from 2027.
    expect(facilities(P1, 2026)?.teachingArea).toBe(4400);
    expect(facilities(P1, 2027)?.teachingArea).toBe(5120);
    // 城关初级中学: 8,000 ㎡ 运动场 + 8,000 ㎡ new ground = 16,000 from 2026; 校舍加固 adds no area.
    expect(facilities(J1, 2025)?.sportsArea).toBe(8000);
    expect(facilities(J1, 2026)?.sportsArea).toBe(16000);
    expect(facilities(J1, 2026)?.teachingArea).toBe(facilities(J1, 2025)?.teachingArea);

    const ev = evaluatePlan(planContext(), plan);
    const without = evaluatePlan(planContext(), planOf([]));
    for (const code of [P1, J1]) {
      expect(ev.schools.find((s) => s.code === code)?.capacity).toEqual(without.schools.find((s) => s.code === code)?.capacity);
    }
    expect(ev.projects.map((p) => p.seats)).toEqual([0, 0, 0, 0]);
  });

  it('make the school a 寄宿制 school once the 寄宿部 is built', () => {
    const ev = evaluatePlan(planContext(), plan);
    // No school of the county boards pupils; 城关初级中学's 寄宿部 opens in 2028.
    expect(ev.targets.find((t) => t.key === 'boarding_schools')?.series.slice(0, 6)).toEqual([0, 0, 0, 0, 1, 1]);
  });

  it('cost the building and the grounds, without equipment or land', () => {
    const settings = { ...plan.settings, landPerMu: 30 };
    // 1,200 ㎡ × 3,000 元/㎡ = 360 万元.
    expect(projectInvestmentParts(works[0] as PlanProject, 'primary', settings)).toEqual({ building: 360, equipment: null, siteWorks: null, land: null, total: 360 });
    // 8,000 ㎡ × 200 元/㎡ = 160 万元 室外工程; the ground is on the school's own site, so no land although a price is set.
    expect(projectInvestmentParts(works[1] as PlanProject, 'junior', settings)).toEqual({ building: null, equipment: null, siteWorks: 160, land: null, total: 160 });
    // 1,100 ㎡ × 3,000 元/㎡ = 330 万元.
    expect(projectInvestmentParts(works[3] as PlanProject, 'junior', settings)?.total).toBe(330);
  });
});
