// Every plan target on the hand-made county (tests/fixtures/plan-county.ts), worked by hand.
import { describe, expect, it } from 'vitest';
import { defaultTargets, evaluatePlan, newPlan, TARGET_CATALOG, targetDef, targetFromDef, type Plan, type PlanEvaluation, type PlanProject, type YearFacts } from '../../shared/plan';
import { J1, planContext, T2, T3 } from '../fixtures/plan-county';
import { project } from '../fixtures/plan-projects';

function plan(projects: PlanProject[] = []): Plan {
  return {
    ...newPlan(2024, { targetYear: 2029, outlookYear: 2034 }),
    targets: [
      ...TARGET_CATALOG.map(targetFromDef),
      { key: 'custom_1', name: '课后服务覆盖率', unit: '%', comparator: '>=', target: 100, attribute: '预期性', manualBase: 80, manualProjected: 100 },
    ],
    projects,
  };
}

function target(ev: PlanEvaluation, key: string) {
  const t = ev.targets.find((x) => x.key === key);
  if (!t) throw new Error(`no target ${key}`);
  return t;
}

describe('targets of the county as recorded (2024) and held flat (2029)', () => {
  const ev = evaluatePlan(planContext(), plan());

  it('学前三年毛入园率 = 400 children / 450 aged 3–5', () => {
    expect(target(ev, 'preschool_gross_rate')).toMatchObject({ base: 88.9, projected: 88.9, met: false, comparator: '>', target: 90 });
  });

  it('普惠性幼儿园覆盖率 = (240 公办 + 120 普惠) / 400', () => {
    expect(target(ev, 'inclusive_kindergarten_coverage')).toMatchObject({ base: 90, met: true });
  });

  it('公办园在园幼儿占比 = 240 / 400', () => {
    expect(target(ev, 'public_kindergarten_share')).toMatchObject({ base: 60, met: true });
  });

  it('乡镇公办中心幼儿园覆盖率 = 1 township of 3', () => {
    expect(target(ev, 'township_central_kindergarten')).toMatchObject({ base: 33.3, met: false });
  });

  it('大班额: 11 recorded classes; 2029 estimated 8 from 1,100 pupils in 20 rooms', () => {
    // Average 55, sizes 50–60: share ≥ 56 = (60 − 56) / 10 = 0.4 of 20 classes = 8.
    expect(target(ev, 'large_classes')).toMatchObject({ base: 11, projected: 8, met: false });
    expect(target(ev, 'oversized_classes')).toMatchObject({ base: 0, projected: 0, met: true });
  });

  it('普通高中大班额: 24 classes of 50 in 2024, 1,200 students in 30 rooms later: none', () => {
    expect(target(ev, 'senior_large_classes')).toMatchObject({ base: 0, projected: 0, met: true, stages: ['senior'] });
    expect(target(ev, 'large_classes').stages).toEqual(['primary', 'junior']);
    expect(target(ev, 'custom_1').stages).toBeNull();
  });

  it('九年义务教育巩固率 = 294 in the last junior grade / 300 aged 14', () => {
    expect(target(ev, 'compulsory_retention')).toMatchObject({ base: 98, projected: 98, met: true });
  });

  it('九年义务教育巩固率 in a projected year is the base year’s, whatever the junior students and the population do', () => {
    // Half as many aged 12–14 from 2025 on, the junior pupils unchanged: a rate scaled by
    // pupils per head of population would double (and be capped at 100).
    const ctx = planContext();
    const pop = ctx.population;
    if (!pop) throw new Error('no population');
    ctx.population = { years: pop.years, byAge: pop.byAge.map((row, i) => ((pop.years[i] as number) > 2024 ? row.map((v, a) => (a >= 12 && a <= 14 && v !== null ? v / 2 : v)) : row)) };
    const held = target(evaluatePlan(ctx, plan()), 'compulsory_retention');
    expect(held.series.every((v) => v === 98)).toBe(true);
    expect(held.note).toContain('预测年沿用基准年巩固率（无法由在校生推算）');
  });

  it('高中阶段毛入学率 = 1,200 / 1,260 aged 15–17', () => {
    expect(target(ev, 'senior_gross_rate')).toMatchObject({ base: 95.2, met: true });
  });

  it('优质均衡: 2 of 3 primary schools pass (the 教学点 of 30 is left out), the junior school fails', () => {
    // P1 meets 3 of 7 (teachers only); P2 and the private M1 meet all 7.
    expect(target(ev, 'balance_primary_schools')).toMatchObject({ base: 66.7, met: false });
    expect(target(ev, 'balance_junior_schools')).toMatchObject({ base: 0, met: false });
    expect(ev.balanceBase.primary.excluded).toEqual([{ code: '9909990009', name: '青山乡王庄教学点', students: 30, reason: '教学点在校生不足 50 人' }]);
    expect(ev.balanceBase.primary.schools.map((s) => [s.name, s.passCount])).toEqual([
      ['城关第一小学', 3],
      ['青山乡中心小学', 7],
      ['育英小学', 7],
    ]);
  });

  it('校际差异系数: teaching area 0.862, sports area 0.891 (the largest of the seven)', () => {
    // Teaching m² per pupil 4, 25, 16.67 for 1,100, 200, 300 pupils: X̄ = 9, S = √60.208 = 7.759.
    const teaching = ev.balanceBase.primary.indicators.find((i) => i.key === 'teachingArea');
    expect(teaching?.cv).toBeCloseTo(0.862157, 5);
    // Sports 6, 40, 26.67: X̄ = 14.125, S = √158.568 = 12.592, CV = 0.8915.
    expect(ev.balanceBase.primary.indicators.find((i) => i.key === 'sportsArea')?.cv).toBeCloseTo(0.891495, 5);
    expect(ev.balanceBase.primary.indicators.find((i) => i.key === 'key')?.cv).toBe(0);
    expect(target(ev, 'balance_primary_cv')).toMatchObject({ base: 0.891, target: 0.5, met: false });
    // One junior school: no variation between schools.
    expect(target(ev, 'balance_junior_cv')).toMatchObject({ base: 0, met: true });
  });

  it('超规模学校 none; 特殊教育学校 none', () => {
    expect(target(ev, 'oversize_schools')).toMatchObject({ base: 0, met: true });
    expect(target(ev, 'special_school')).toMatchObject({ base: 0, met: false });
  });

  it('民办义务教育在校生占比 = 300 / 2,530', () => {
    expect(target(ev, 'private_compulsory_share')).toMatchObject({ base: 11.9, met: false });
  });

  it('义务教育学位缺口 = the 城区 primary gap of 50', () => {
    expect(target(ev, 'compulsory_seat_gap')).toMatchObject({ base: 50, projected: 50, met: false });
  });

  it("keeps a planner's own target as typed in", () => {
    expect(target(ev, 'custom_1')).toMatchObject({ base: 80, projected: 100, met: true, custom: true });
  });

  it('proposes the national targets by default', () => {
    expect(defaultTargets().map((t) => t.key)).toEqual([
      'preschool_gross_rate', 'inclusive_kindergarten_coverage', 'public_kindergarten_share', 'township_central_kindergarten',
      'large_classes', 'oversized_classes', 'compulsory_retention', 'senior_gross_rate', 'senior_large_classes', 'balance_primary_schools',
      'balance_junior_schools', 'balance_primary_cv', 'balance_junior_cv', 'oversize_schools', 'special_school',
    ]);
  });
});

describe('targets moved by projects', () => {
  const ev = evaluatePlan(
    planContext(),
    plan([
      project({ id: 1, type: '新建', name: '城关第二小学', kind: 'primary', township: T2, classes: 12, seats: 540, completionYear: 2027 }),
      project({ id: 2, type: '改扩建', school: J1, stage: 'junior', classes: 6, seats: 300, completionYear: 2026 }),
      project({ id: 3, type: '新建', name: '青山乡中心幼儿园', kind: 'kindergarten', township: T3, classes: 6, seats: 180, completionYear: 2028 }),
      project({ id: 4, type: '新建', name: '博文学校', kind: 'primary', ownership: '民办', township: T2, classes: 12, seats: 540, completionYear: 2028 }),
      project({ id: 5, type: '新建', name: '特殊教育学校', kind: 'special', township: T2, classes: 9, seats: 108, completionYear: 2030 }),
    ]),
  );

  it('counts the schools built and the public seats added by each year', () => {
    const built = target(ev, 'new_compulsory_schools');
    // 2026: the extension; 2027: + the new primary; 2028: + the private one (a school, not public seats).
    expect(built.series.slice(0, 6)).toEqual([0, 0, 1, 2, 3, 3]);
    expect(built.projected).toBe(3);
    // 540 + 300 + 180 (kindergarten); the private school's seats are not public.
    expect(target(ev, 'new_public_seats').projected).toBe(1020);
    expect(target(ev, 'new_kindergarten_seats').projected).toBe(180);
  });

  it('closes the 城区 seat gap from 2027 and counts the new 中心幼儿园 from 2028', () => {
    expect(target(ev, 'compulsory_seat_gap').series.slice(0, 4)).toEqual([50, 50, 50, 0]);
    expect(target(ev, 'township_central_kindergarten').series.slice(3, 5)).toEqual([33.3, 66.7]);
  });

  it('counts a special school only once it is built', () => {
    const special = target(ev, 'special_school');
    expect(special.projected).toBe(0); // 2029
    expect(special.series[ev.years.indexOf(2030)]).toBe(1);
  });
});

describe('大班额 targets count their own stages', () => {
  // 小学 3 大班额 (1 超大), 初中 2 (0), 高中 7 (4): the 义务教育 targets 3 + 2 = 5 and 1 + 0 = 1; 高中 7.
  const facts = {
    classes: { primary: { large: 3, oversized: 1 }, junior: { large: 2, oversized: 0 }, senior: { large: 7, oversized: 4 } },
  } as YearFacts;
  const value = (key: string) => targetDef(key)?.value(facts);

  it('义务教育 小学 + 初中, 高中 on its own row', () => {
    expect(value('large_classes')).toBe(5);
    expect(value('oversized_classes')).toBe(1);
    expect(value('senior_large_classes')).toBe(7);
    expect(targetDef('senior_large_classes')).toMatchObject({ group: '高中阶段', target: 0, comparator: '<=', isDefault: true });
  });

  it('names the stages of every catalogue target', () => {
    for (const d of TARGET_CATALOG) expect(d.stages.length).toBeGreaterThan(0);
  });
});
