// The plan's seats for a school with some grades' class counts unknown: the known classes stand,
// each unknown grade is estimated from its pupils at the standard class size (45 for 小学), and
// the school is listed among the estimates — never the known classes alone, as if the rest were 0.
import { describe, expect, it } from 'vitest';
import { evaluatePlan, newPlan, TARGET_CATALOG, targetFromDef } from '../../shared/plan';
import { P1, planContext, planCounty } from '../fixtures/plan-county';

describe('a school with some grades’ classes unknown, in the plan', () => {
  const county = planCounty();
  // 城关第一小学 without design seats; grades 4–6 (160, 150, 150 pupils) without a class count.
  county.schools = county.schools.map((s) => (s.code === P1 ? { ...s, designSeats: null, designClasses: null } : s));
  county.enrolment = county.enrolment.map((e) => (e.school === P1 && e.grade >= 4 ? { ...e, classes: null } : e));
  const plan = { ...newPlan(2024, { targetYear: 2029, outlookYear: 2034 }), targets: TARGET_CATALOG.map(targetFromDef) };
  const ev = evaluatePlan(planContext(undefined, county), plan);

  it('counts 4 + 4 + 3 known classes and ⌈160/45⌉ + ⌈150/45⌉ + ⌈150/45⌉ = 4 + 4 + 4 estimated: 23 classes, 1,035 seats', () => {
    expect(ev.capacityEstimates.find((e) => e.code === P1)).toMatchObject({ classes: 23, seats: 1035, method: expect.stringContaining('班级数未知的年级按在校生') });
    const row = ev.schools.find((s) => s.code === P1);
    expect(row?.capacity[0]).toBe(1035);
  });

  it('says so in the estimates warning', () => {
    expect(ev.warnings[0]?.message).toContain('没有设计学位数，班级数缺全部或部分年级');
  });
});
