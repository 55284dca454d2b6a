// Building norms row by row against the standards' tables, where each figure comes from, and
// the parts of a project's investment computed by hand.
import { describe, expect, it } from 'vitest';
import {
  defaultProject,
  defaultSettings,
  estimateFacilities,
  evaluatePlan,
  floorAreaPerStudent,
  floorNormSource,
  investmentBasis,
  investmentParts,
  newPlan,
  projectInvestmentParts,
  readSettings,
  seatsByStage,
  siteAreaBasis,
  siteAreaPerStudent,
  type Plan,
  type PlanProject,
} from '../../shared/plan';
import { P1, planContext, T1 } from '../fixtures/plan-county';

describe('floor area per student', () => {
  it('gives 完全中学 its own column of 建标〔2002〕102号 表4-1, not the 高级中学 one', () => {
    // 表4-1(1) 基本指标 and 表4-1(2) 规划指标, 完全中学 18/24/30/36 班.
    const basic = [18, 24, 30, 36].map((c) => floorAreaPerStudent('complete_middle', c, 'basic'));
    const planning = [18, 24, 30, 36].map((c) => floorAreaPerStudent('complete_middle', c, 'planning'));
    expect(basic).toEqual([7.3, 6.8, 6.5, 6.3]);
    expect(planning).toEqual([10.3, 9.9, 9.1, 8.8]);
    // The 高级中学 column differs: 7.4 / 10.4 at 18 班.
    expect([floorAreaPerStudent('senior', 18, 'basic'), floorAreaPerStudent('senior', 18, 'planning')]).toEqual([7.4, 10.4]);
  });

  it('keeps the other rows of 表4-1', () => {
    expect([12, 18, 24, 30].map((c) => floorAreaPerStudent('primary', c, 'planning'))).toEqual([10.0, 8.3, 7.9, 7.2]);
    expect([12, 18, 24, 30].map((c) => floorAreaPerStudent('junior', c, 'basic'))).toEqual([7.9, 7.1, 6.7, 6.4]);
    expect([18, 27, 36, 45].map((c) => floorAreaPerStudent('nine_year', c, 'planning'))).toEqual([9.3, 7.9, 8.0, 7.8]);
  });

  it('names the standard each estimate rests on, and says which tables could not be checked', () => {
    expect(floorNormSource('junior', true)).toContain('建标〔2002〕102号');
    expect(floorNormSource('junior', true)).not.toContain('建标109');
    // A 乡村 school falls under 建标109-2008, whose table is not confirmed: it says so.
    expect(floorNormSource('primary', false)).toMatch(/建标109-2008.*未能核对原文.*参考值/);
    expect(floorNormSource('kindergarten', true)).toMatch(/建标175-2016.*未能核对原文/);
    expect(floorNormSource('special', false)).toMatch(/建标156-2011/);
    const rural = estimateFacilities('primary', 12, 540, defaultSettings(), { urban: false });
    expect(rural?.normSource).toContain('建标109-2008');
    expect(rural?.floorArea).toBe(5400);
  });
});

describe('investment parts', () => {
  const settings = defaultSettings();

  it('adds building, equipment and site works, and leaves land out until a price is set', () => {
    // 1,000 m² × 3,000 元 = 300 万元; 100 × 2,000 + 50 × 2,500 元 = 32.5 万元;
    // 2,000 m² × 200 元 = 40 万元; no land price: 372.5 万元.
    const parts = investmentParts({ floorArea: 1000, siteArea: 2000, seats: { primary: 100, junior: 50 } }, settings);
    expect(parts).toEqual({ building: 300, equipment: 32.5, siteWorks: 40, land: null, total: 372.5 });
    expect(investmentBasis(settings)).toContain('土地费用未计');
    // 2,000 m² = 3 亩 at 30 万元/亩 = 90 万元: 462.5 万元.
    const priced = { ...settings, landPerMu: 30 };
    expect(investmentParts({ floorArea: 1000, siteArea: 2000, seats: { primary: 100, junior: 50 } }, priced)).toMatchObject({ land: 90, total: 462.5 });
    expect(investmentBasis(priced)).toContain('30 万元/亩');
  });

  it('splits a combined school’s seats by its grades', () => {
    // 九年一贯制, 六三制: 6 of 9 grades primary.
    expect(seatsByStage('nine_year', 900)).toEqual({ primary: 600, junior: 300 });
    expect(seatsByStage('nine_year', 900, '五四制')).toEqual({ primary: 500, junior: 400 });
  });

  it('prices a project from what it records: an extension has no site of its own, a closure builds nothing', () => {
    const ext = { ...defaultProject('改扩建', 2027), seats: 270, floorArea: 2133, siteArea: 5000, stage: 'junior' as const };
    // 2,133 × 3,000 = 639.9 万元; 270 × 2,500 元 = 67.5 万元; no site works: 707.4 万元.
    expect(projectInvestmentParts(ext, 'nine_year', settings)).toEqual({ building: 639.9, equipment: 67.5, siteWorks: null, land: null, total: 707.4 });
    expect(projectInvestmentParts(defaultProject('撤并', 2027), 'primary', settings)).toBeNull();
  });

  it('reach the evaluation of every building project', () => {
    const project: PlanProject = {
      ...defaultProject('新建', 2027),
      id: 1, startYear: 2025, name: '城关第三小学', kind: 'primary', township: T1, classes: 12, seats: 540, floorArea: 5400, siteArea: 9720, investment: 1922.4,
    };
    const closure: PlanProject = { ...defaultProject('撤并', 2028), id: 2, startYear: 2028, name: '撤并', school: P1, receivers: [{ school: 'new:1', share: 1 }] };
    const plan: Plan = { ...newPlan(2024, { targetYear: 2029, outlookYear: 2034 }), projects: [project, closure] };
    const ev = evaluatePlan(planContext(), plan);
    expect(ev.projects[0]?.investmentParts).toEqual({ building: 1620, equipment: 108, siteWorks: 194.4, land: null, total: 1922.4 });
    expect(ev.projects[1]?.investmentParts).toBeNull();
  });
});

describe('site area per student', () => {
  it('takes the urban series in 城区 and the rural one elsewhere, each a plan setting', () => {
    const settings = defaultSettings();
    // 540 小学 seats: 540 × 18 = 9,720 ㎡ in 城区, 540 × 23 = 12,420 ㎡ in 镇区/乡村 (both 参考值).
    expect(siteAreaPerStudent('primary', settings, true)).toBe(18);
    expect(siteAreaPerStudent('primary', settings, false)).toBe(23);
    expect(estimateFacilities('primary', 12, 540, settings, { urban: true })?.siteArea).toBe(9720);
    const rural = estimateFacilities('primary', 12, 540, settings, { urban: false });
    expect(rural?.siteArea).toBe(12420);
    // 室外工程 follows the site: 12,420 × 200 元 = 248.4 万元.
    expect(rural?.parts.siteWorks).toBe(248.4);
    // A plan's own figure replaces the default, and the note says the figure is the plan's.
    const own = { ...settings, siteAreaPerStudent: { ...settings.siteAreaPerStudent, rural: { ...settings.siteAreaPerStudent.rural, primary: 30 } } };
    expect(estimateFacilities('primary', 12, 540, own, { urban: false })?.siteArea).toBe(16200);
    expect(siteAreaBasis(own)).toContain('小学 18/30');
    expect(siteAreaBasis(own)).toContain('规划设置');
    expect(siteAreaBasis(settings)).not.toContain('规划设置');
    // An extension builds on its own site: no site area is estimated for it in either series.
    expect(estimateFacilities('primary', 30, 270, settings, { urban: false, added: { stage: 'primary' } })?.parts.siteWorks).toBeNull();
  });

  it('names the standards that set land and says their tables are unconfirmed', () => {
    expect(siteAreaBasis(defaultSettings())).toMatch(/建标109-2008.*第十条.*建标175-2016.*建标156-2011.*未能核对原文.*参考值/);
  });

  it('reads an older plan without the setting with the defaults', () => {
    const old = readSettings(JSON.stringify({ costPerM2: 3500 }));
    expect(old.siteAreaPerStudent.urban.junior).toBe(20);
    expect(old.siteAreaPerStudent.rural.junior).toBe(25);
  });

  it('keeps a plan\'s other settings when one stored value is outside today\'s bounds', () => {
    const stored = readSettings(
      JSON.stringify({ costPerM2: 3500, geo: { roadFactor: 1.5, travel: { walkKmh: 12, busKmh: 30 } }, inclusion: { resourceRoomMinPupils: 'x' } }),
    );
    expect(stored.costPerM2).toBe(3500);
    expect(stored.geo.roadFactor).toBe(1.5);
    expect(stored.geo.travel.busKmh).toBe(30);
    expect(stored.geo.travel.walkKmh).toBe(defaultSettings().geo.travel.walkKmh);
    expect(stored.inclusion.resourceRoomMinPupils).toBe(defaultSettings().inclusion.resourceRoomMinPupils);
    expect(readSettings('{not json')).toEqual(defaultSettings());
    expect(readSettings('[1,2]')).toEqual(defaultSettings());
  });
});
