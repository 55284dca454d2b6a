// 改扩建 before 新建 and completion years that can be met, on the hand-computable county of
// tests/fixtures/plan-county.ts: the 城区片区's one public primary school (城关第一小学, 900
// seats, 20 classes) and one private one (育英小学, 450 seats) against 1,400 pupils.
import { describe, expect, it } from 'vitest';
import { evaluatePlan, flatDemand, newPlan, type Plan } from '../../shared/plan';
import { contextData, P1, planContext, planCounty, T1 } from '../fixtures/plan-county';

function plan(constructionYears = 2): Plan {
  const p = newPlan(2024, { targetYear: 2029, outlookYear: 2034 });
  return { ...p, settings: { ...p.settings, constructionYears } };
}

function county(siteArea: number | null) {
  const c = planCounty();
  c.schools = c.schools.map((s) => (s.code === P1 ? { ...s, siteArea } : s));
  return c;
}

function primarySuggestion(ctx: ReturnType<typeof planContext>, p: Plan = plan()) {
  return evaluatePlan(ctx, p).suggestions.find((x) => x.area === '城区片区' && x.stage === 'primary');
}

describe('a school with room on its site', () => {
  it('takes a whole stream when its site holds one', () => {
    // 24,000 m² ÷ 18 m² = 1,333 seats: 433 beyond the 900 in use = 9 classes of 45; the 50
    // seats short (2 classes) round up to one stream of 6 classes (270 seats).
    const s = primarySuggestion(planContext(undefined, county(24_000)));
    expect(s?.projects.map((p) => [p.type, p.school, p.classes, p.seats])).toEqual([['改扩建', P1, 6, 270]]);
  });

  it('is expanded before a new school is built, and a new school takes only the rest', () => {
    // 2027–2029 short 50 + 45 × 12 = 590 seats (13.1 → 14 classes): 城关第一小学's site
    // (24,000 m²) holds 9 more classes = 405 seats; 590 − 405 = 185 seats = 5 classes left:
    // one new school of the smallest urban standard size, 12 classes.
    const data = contextData(county(24_000));
    const demand = flatDemand(data, 2024, 2034, '中');
    const p1 = demand.schools.find((x) => x.code === P1 && x.stage === 'primary');
    if (p1) p1.students = p1.students.map(() => 1100 + 540);
    const s = primarySuggestion(planContext(demand, county(24_000)));
    expect(s?.peakSeats).toBe(590);
    expect(s?.projects.map((p) => [p.type, p.school ?? p.township, p.classes, p.seats])).toEqual([
      ['改扩建', P1, 9, 405],
      ['新建', T1, 12, 540],
    ]);
    expect(s?.projects.findIndex((p) => p.type === '新建')).toBeGreaterThan(s?.projects.findIndex((p) => p.type === '改扩建') ?? 99);
  });
});

describe('a school in a 镇区/乡村 township', () => {
  it('has its room reckoned with the rural 生均用地, not the urban one', () => {
    // The same 24,000 m² site with 城关镇 marked 乡村: 24,000 ÷ 23 m² = 1,043 seats, 143 beyond the
    // 900 in use = 3 classes of 45 (not the 9 the urban 18 m² would allow); the 50 seats short
    // want a stream of 6, the site holds 3: 3 classes, 135 seats, which covers the gap.
    const c = county(24_000);
    c.townships = c.townships.map((t) => (t.code === T1 ? { ...t, urbanRural: '乡村' as const } : t));
    const s = primarySuggestion(planContext(undefined, c));
    expect(s?.projects.map((p) => [p.type, p.school, p.classes, p.seats])).toEqual([['改扩建', P1, 3, 135]]);
  });
});

describe('a school without room', () => {
  it('is not expanded when its site is full: a new school is proposed instead', () => {
    // 16,200 m² ÷ 18 m² = 900 seats, all in use: no room. The 50 seats short (2 classes) need
    // the smallest urban standard primary school, 12 classes.
    const s = primarySuggestion(planContext(undefined, county(16_200)));
    expect(s?.projects.map((p) => [p.type, p.kind, p.township, p.classes, p.seats])).toEqual([['新建', 'primary', T1, 12, 540]]);
    expect(s?.text).not.toContain('改扩建：');
  });

  it('is not assumed to have room when its site area is unknown, and the proposal says so', () => {
    const s = primarySuggestion(planContext(undefined, county(null)));
    expect(s?.projects.map((p) => p.type)).toEqual(['新建']);
    expect(s?.text).toContain('另有 1 所学校未填占地面积，未计入改扩建。');
  });
});

describe('completion years that can be met', () => {
  it('gives a base-year gap no start year before the year after the base year', () => {
    // Short from the base year 2024 on; 3-year construction: begun 2025, ready 2028.
    const s = primarySuggestion(planContext(), plan(3));
    expect(s?.projects.map((p) => [p.startYear, p.completionYear])).toEqual([[2025, 2028]]);
    expect(s?.text).toContain('按 3 年工期，基准年后开工的项目最早 2028 年建成，2025–2027 年缺口需临时挖潜（大班额/租用/调剂）。');
    expect(s?.text).toContain('2025 年开工、2028 年建成。');
  });

  it('proposes nothing to build for a gap that is gone before anything can be ready', () => {
    // The projected years start at 2025: 1,300 + 300 = 1,600 pupils in 2025 and 2026 (250
    // short), 1,000 from 2027: a project begun in 2025 is ready in 2027, when the seats suffice again.
    const data = contextData();
    const demand = flatDemand(data, 2024, 2034, '中');
    const p1 = demand.schools.find((x) => x.code === P1 && x.stage === 'primary');
    if (p1) p1.students = p1.students.map((_, i) => (i <= 1 ? 1300 : 700));
    const ev = evaluatePlan(planContext(demand), plan());
    const s = ev.suggestions.find((x) => x.area === '城区片区' && x.stage === 'primary');
    expect(s).toMatchObject({ bridgeOnly: true, projects: [], firstYear: 2025 });
    expect(s?.text).toContain('2025–2026 年缺口需临时挖潜（大班额/租用/调剂），缺口 2027 年起消失，不建议为此新建或改扩建。');
    expect(s?.text).not.toContain('可优先考虑挖潜、改扩建');
  });
});
