// The headline figures: the peak seat gap of the plan period with its years (a gap that
// closes before the target year still counts), the target-year gap, and the counts the
// summary, the projects tab and 全部采纳 quote — worked by hand on the plan fixture.
import { describe, expect, it } from 'vitest';
import { evaluatePlan, flatDemand, newPlan, planHeadline, type Plan } from '../../shared/plan';
import { contextData, P1, planContext } from '../fixtures/plan-county';

const plan: Plan = newPlan(2024, { targetYear: 2029, outlookYear: 2034 });

describe('the plan headline', () => {
  it('shows a shortfall that peaks inside the plan period and is gone by the target year', () => {
    const data = contextData();
    const demand = flatDemand(data, 2024, 2034, '中');
    const p1 = demand.schools.find((x) => x.code === P1 && x.stage === 'primary');
    // 城区片区 primary: 1,350 seats; the base year 2024 is recorded (1,100 + 300 at 城关第二小学 =
    // 1,400, 50 short); the projected 城关第一小学 pupils below are 2025 onwards, plus the 300.
    if (p1) p1.students = [1100, 1300, 1600, 1300, 1000, 1000, 1000, 1000, 1000, 1000];
    const ev = evaluatePlan(planContext(demand), plan);
    const h = planHeadline(ev);
    const byYear = (y: number) => ev.gaps.filter((g) => g.year === y).reduce((s, g) => s + Math.max(0, g.gap), 0);
    // Short: 2024 (base, recorded) 50, 2025 50, 2026 250, 2027 1,900 − 1,350 = 550 (the peak),
    // 2028 250; 2029 (target): 1,300 pupils, none short.
    expect(byYear(2027)).toBe(550);
    expect(h).toMatchObject({ targetYear: 2029, targetGap: 0, baseGap: 50, peakGap: 550, peakYears: [2027], projects: 0, investment: 0 });
    expect(h.shortYears).toEqual([2025, 2026, 2027, 2028]);
    // The tab badge and 全部采纳 count the same proposed projects.
    expect(h.suggestedProjects).toBe(ev.suggestions.flatMap((s) => s.projects).length);
    expect(h.suggestionGroups).toBe(1);
    expect(h.suggestedProjects).toBeGreaterThan(0);
  });

  it('states the base year’s recorded shortfall apart: no project can change it', () => {
    const data = contextData();
    const demand = flatDemand(data, 2024, 2034, '中');
    const p1 = demand.schools.find((x) => x.code === P1 && x.stage === 'primary');
    if (p1) p1.students = p1.students.map(() => 900);
    const h = planHeadline(evaluatePlan(planContext(demand), plan));
    // 2024: 1,400 recorded pupils for 1,350 seats; from 2025 900 + 300 = 1,200.
    expect(h).toMatchObject({ baseGap: 50, targetGap: 0, peakGap: 0, peakYears: [], shortYears: [], suggestedProjects: 0, suggestionGroups: 0 });
  });
});
