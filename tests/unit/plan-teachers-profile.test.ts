// Retirements from an imported 专任教师 age table and the indicators from an imported 学历
// breakdown, on the hand-made county (tests/fixtures/plan-county.ts), every figure worked by
// hand from the retirement decision of 2024: men 60 and women 55, born from 1965-01 (men) or
// 1970-01 (women) one month later for every four months of birth, at most three years.
import { describe, expect, it } from 'vitest';
import type { CountyData, StaffProfileRecord } from '../../shared/domain';
import { evaluatePlan, newPlan, retiredBy, retirementMonth, retirementSchedule, TARGET_CATALOG, targetFromDef, type Plan, type PlanSettings } from '../../shared/plan';
import { J1, P1, P2, planContext, planCounty } from '../fixtures/plan-county';

const month = (year: number, m: number) => year * 12 + m - 1;

function plan(settings: (s: PlanSettings) => void = () => {}): Plan {
  const p = { ...newPlan(2024, { targetYear: 2029, outlookYear: 2034 }), projects: [], targets: TARGET_CATALOG.map(targetFromDef) };
  settings(p.settings);
  return p;
}

function withProfile(rows: Record<string, Record<string, number>>): CountyData {
  const c = planCounty();
  const profile: StaffProfileRecord[] = [];
  for (const [school, counts] of Object.entries(rows)) {
    for (const [category, count] of Object.entries(counts)) {
      const dimension = category.startsWith('age_') ? 'age' : category.startsWith('key_') ? 'key' : 'degree';
      profile.push({ school, year: 2024, dimension, category, count });
    }
  }
  return { ...c, staffProfile: profile };
}

const row = (ev: ReturnType<typeof evaluatePlan>, code: string, stage: string) => ev.teachers.schools.find((s) => s.code === code && s.stage === stage);

describe('the statutory retirement age', () => {
  it('men born before 1965 at 60; born 1965-01 at 60 and 1 month; born 1965-12 at 60 and 3 months; from 1977 at 63', () => {
    expect(retirementMonth(1964, 12, 'male')).toBe(month(2024, 12));
    expect(retirementMonth(1965, 1, 'male')).toBe(month(2025, 2));
    expect(retirementMonth(1965, 12, 'male')).toBe(month(2026, 3));
    expect(retirementMonth(1977, 1, 'male')).toBe(month(2040, 1));
  });

  it('women (专业技术岗位) born 1970-01 at 55 and 1 month, born 1969 at 55', () => {
    expect(retirementMonth(1970, 1, 'female')).toBe(month(2025, 2));
    expect(retirementMonth(1969, 6, 'female')).toBe(month(2024, 6));
  });

  it('of the men born in 1965, 9 months of births retire in 2025 and 3 in 2026; of 1966, 7 in 2026', () => {
    expect(retiredBy(1965, 2024, 0)).toBe(0);
    expect(retiredBy(1965, 2025, 0)).toBeCloseTo(9 / 12, 12);
    expect(retiredBy(1965, 2026, 0)).toBeCloseTo(1, 12);
    expect(retiredBy(1966, 2026, 0)).toBeCloseTo(7 / 12, 12);
    // Half women: the women born in 1965 reached 55 in 2020.
    expect(retiredBy(1965, 2025, 0.5)).toBeCloseTo(0.5 + 0.5 * (9 / 12), 12);
  });

  it('2 men at each age 55–59 in 2024 (born 1969–1965) leave 1.5, 1.67, 1.5, 1.67, 1.67, 1.5, 0.5 from 2025', () => {
    const years = [2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032];
    const s = retirementSchedule({ age_55_59: 10 }, 2024, years, 0);
    expect(s.total).toBe(10);
    // 1965: 9/12 in 2025, 3/12 in 2026; 1966: 7/12, 5/12; 1967: 4/12, 8/12; 1968: 2/12, 10/12; 1969: 9/12 in 2030, 3/12 in 2031.
    const want = [0, 1.5, 0.5 + 7 / 6, 5 / 6 + 2 / 3, 4 / 3 + 1 / 3, 5 / 3, 1.5, 0.5, 0];
    s.leaving.forEach((x, i) => expect(x, String(years[i])).toBeCloseTo(want[i] as number, 9));
  });

  it('the open bands: 24岁及以下 from 20 (no retirement), 60岁及以上 at 60 leave in the first projected year', () => {
    const s = retirementSchedule({ age_24_below: 5, age_60_plus: 3 }, 2024, [2024, 2025, 2026], 0);
    expect(s.total).toBe(8);
    expect(s.leaving.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([0, 3, 0]);
  });
});

describe('supply from the age table', () => {
  // 城关第一小学's 60 teachers all aged 55–59 in 2024: 12 at each age, born 1969–1965.
  const county = withProfile({ [P1]: { age_55_59: 60 } });

  it('men: 9, 10, 9, 10, 10, 9, 3 leave from 2025, so 60 → 51 → 41 → 32 → 22 → 12 → 3 → 0; other schools keep the exit rate', () => {
    const ev = evaluatePlan(planContext(undefined, county), plan((s) => (s.teachers.femaleShare = 0)));
    expect(row(ev, P1, 'primary')?.supply.slice(0, 9)).toEqual([60, 51, 41, 32, 22, 12, 3, 0, 0]);
    // 青山乡中心小学 has no age table: 20 × 0.975 = 19.5 → 20, × 0.975² = 19.01 → 19.
    expect(row(ev, P2, 'primary')?.supply.slice(0, 3)).toEqual([20, 20, 19]);
    // 小学 retirements in 2025: 9 from the table + (20 + 18 + 3) × 2.5 % = 1.025 → 10.
    expect(ev.teachers.byStage.primary?.retired[1]).toBe(10);
  });

  it('women: born 1965–1969 they reached 55 by 2024, so all 60 leave in 2025', () => {
    const ev = evaluatePlan(planContext(undefined, county), plan((s) => (s.teachers.femaleShare = 1)));
    expect(row(ev, P1, 'primary')?.supply.slice(0, 3)).toEqual([60, 0, 0]);
  });

  it('says per school which was used', () => {
    const ev = evaluatePlan(planContext(undefined, county), plan());
    expect(ev.teachers.retirementBasis.find((b) => b.code === P1)).toMatchObject({ basis: 'age', year: 2024 });
    expect(ev.teachers.retirementBasis.find((b) => b.code === P2)).toMatchObject({ basis: 'rate', year: null });
    const note = ev.teachers.notes.join('');
    expect(note).toContain('1 所学校按导入的专任教师年龄段测算到龄退休（城关第一小学）');
    expect(note).toContain('渐进式延迟法定退休年龄');
    expect(note).toContain('没有年龄段数据，按每年 2.5% 离岗递减');
    expect(note).toContain('此后按年龄结构到龄退休或每年按 2.5% 退休或离岗递减');
  });

  it('without any age table the notes say nothing of it and the exit rate stands', () => {
    const ev = evaluatePlan(planContext(), plan());
    expect(ev.teachers.retirementBasis.every((b) => b.basis === 'rate')).toBe(true);
    expect(ev.teachers.notes.join('')).not.toContain('年龄段');
  });
});

describe('indicators from the 学历 breakdown', () => {
  // 小学 needs 高中阶段 (中师) or more, 初中 专科 or more (教师法 第十一条).
  const county = withProfile({
    [P1]: { degree_postgraduate: 2, degree_bachelor: 30, degree_college: 20, degree_highschool: 6, degree_below: 2 },
    [J1]: { degree_postgraduate: 5, degree_bachelor: 50, degree_college: 10, degree_highschool: 5, degree_below: 0 },
  });
  const ev = evaluatePlan(planContext(undefined, county), plan());
  const target = (key: string) => ev.targets.find((t) => t.key === key);

  it('学历达标率: (60 − 2 + 70 − 5) / (60 + 70) = 123 / 130 = 94.6 %, not met', () => {
    expect(ev.teachers.indicators[0]?.degreeCompliance).toBeCloseTo(123 / 130, 12);
    expect(target('teacher_degree_compliance')).toMatchObject({ base: 94.6, met: false });
  });

  it('高于规定学历 from the breakdown where given: 52 (小学 专科+) + 55 (初中 本科+) + 16 + 15 + 1 recorded = 139 / 171 = 81.3 %', () => {
    expect(ev.teachers.indicators[0]?.qualifiedAbove).toBeCloseTo(139, 9);
    expect(target('teacher_qualified_above_share')?.base).toBe(81.3);
  });

  it('骨干 from the imported levels where given: 城关第一小学 1 + 3 + 6 + 10 = 20 for its recorded 11, so (20 + 2 + 10 + 3) / 2,530 × 100 = 1.38', () => {
    const withKey = withProfile({ [P1]: { key_national: 1, key_province: 3, key_city: 6, key_county: 10 } });
    const e = evaluatePlan(planContext(undefined, withKey), plan());
    expect(e.targets.find((t) => t.key === 'teacher_key_per100')?.base).toBe(1.38);
  });

  it('交流轮岗 stays missing', () => {
    expect(target('teacher_exchange_share')).toMatchObject({ base: null, projected: null, met: null });
  });
});
