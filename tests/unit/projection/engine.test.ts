// Hand-computed cases: each expected number can be worked out on paper from the data here.
import { describe, expect, it } from 'vitest';
import { generateCounty } from '../../../shared/sample';
import {
  asOf,
  calibrate,
  DEFAULT_SCENARIOS,
  parseParams,
  parseSettings,
  recompute,
  runScenario,
  type Development,
  type ProjectionData,
} from '../../../shared/projection';
import { SURVIVAL } from '../../../shared/projection/population';
import { ages, county, grades, plainSettings, school, township } from '../../fixtures/projection-county';

const MID = [{ name: '中', params: parseParams({}) }];
const T1 = '990999001';

function gradeCell(data: ProjectionData, base: number, last: number, code: string, stage: string, year: number, grade: number, settings = plainSettings()): number {
  const cal = calibrate(data, base, settings);
  const run = runScenario(cal, MID[0] as (typeof MID)[number], [], last);
  const s = cal.core.index.sections.find((x) => x.school.code === code && x.stage === stage);
  if (!s) throw new Error('no section');
  const g = cal.core.index.grades[s.stage];
  return (run.cells[s.id] as Float64Array)[(year - cal.core.index.firstYear) * g + grade - 1] as number;
}

describe('a 3-grade school over 3 years', () => {
  // 初一 entrants grow by 10 a year; no primary school and no population: entrants follow
  // their own straight line (flagged), grades 2 and 3 follow the averaged progression ratios.
  const data = county({
    townships: [township(T1, '青山乡')],
    schools: [school('S1', '青山乡初级中学', 'junior', T1)],
    enrolment: grades('S1', 'junior', { 2021: [100, 95, 90], 2022: [110, 98, 94], 2023: [120, 108, 97] }),
    baseYear: 2023,
  });
  const result = recompute(data, 2023, 2025, plainSettings(), MID, [], '中');
  const gpr2 = (98 + 108) / (100 + 110);
  const gpr3 = (94 + 97) / (95 + 98);

  it('moves each cohort up a grade by its average ratio', () => {
    const y2024 = [130, gpr2 * 120, gpr3 * 108].map(Math.round);
    const y2025 = [140, gpr2 * 130, gpr3 * gpr2 * 120].map(Math.round);
    expect(result.years).toEqual([2024, 2025]);
    expect(result.schools[0]?.students).toEqual([y2024.reduce((a, b) => a + b), y2025.reduce((a, b) => a + b)]);
    expect(result.schools[0]?.students).toEqual([355, 384]);
    expect(result.county.junior).toEqual([355, 384]);
    expect(result.townships[0]?.junior).toEqual([355, 384]);
  });

  it('counts the classes needed at 50 pupils a class', () => {
    // 2024: 130, 118, 107 → 3 + 3 + 3.
    expect(result.schools[0]?.classes[0]).toBe(9);
  });

  it('keeps the history for the sparkline and calls the peak', () => {
    expect(result.schools[0]?.history).toEqual([285, 302, 325]);
    expect(result.peaks.find((p) => p.stage === 'junior')?.kind).toBe('rising');
  });
});

describe('a township with known births', () => {
  // Births 1,000 in 2006 rising by 10 a year; children counted every year exactly as the
  // births that survived (no migration); the school enrols 98 % of each age.
  const births = Array.from({ length: 19 }, (_, i) => ({ township: T1, year: 2006 + i, count: 1000 + 10 * i, source: '测试' }));
  const bornIn = (y: number) => 1000 + 10 * (y - 2006);
  const surviving = (a: number) => SURVIVAL.slice(1, a + 1).reduce((p, s) => p * s, 1);
  const pop = (year: number) => Array.from({ length: 18 }, (_, a) => bornIn(year - a) * surviving(a));
  const enrol = (year: number) => Array.from({ length: 6 }, (_, g) => 0.98 * (pop(year)[6 + g] as number));
  const data = county({
    townships: [township(T1, '青山乡')],
    schools: [school('P1', '青山乡中心小学', 'primary', T1)],
    enrolment: grades('P1', 'primary', { 2022: enrol(2022), 2023: enrol(2023), 2024: enrol(2024) }),
    population: ages(T1, { 2022: pop(2022), 2023: pop(2023), 2024: pop(2024) }),
    births,
    baseYear: 2024,
  });

  it('enrols the children born six years earlier at the calibrated entry ratio', () => {
    // Entrants of 2030 were born in 2024 (1,180) and have survived six years.
    const entrants2030 = gradeCell(data, 2024, 2030, 'P1', 'primary', 2030, 1);
    expect(entrants2030).toBeCloseTo(0.98 * 1180 * surviving(6), 6);
  });

  it('follows the scenario’s births beyond the recorded ones', () => {
    // Born 2026 under 2 % a year more than the 2024 level: 1,180 × 1.02² (the level is fitted
    // on the log of the last three years, which for 1,160/1,170/1,180 is 1,180 to a hundredth).
    const settings = plainSettings();
    const cal = calibrate(data, 2024, settings);
    const run = runScenario(cal, { name: '中', params: parseParams({ births: { changePct: 2 } }) }, [], 2032);
    const s = cal.core.index.sections[0];
    if (!s) throw new Error('no section');
    const entrants2032 = (run.cells[s.id] as Float64Array)[(2032 - 2022) * 6] as number;
    expect(entrants2032).toBeCloseTo(0.98 * 1180 * 1.02 ** 2 * surviving(6), 1);
  });

  it('adds new housing by 千人指标', () => {
    const dev: Development = { id: 1, name: '新区', township: T1, dwellings: null, residents: 1000, completionYear: 2025, scenario: null, reserveKind: null, reserveSetting: null };
    const params = parseParams({ rampYears: 1 });
    const without = recompute(data, 2024, 2027, plainSettings(), [{ name: '中', params }], [], '中');
    const withHousing = recompute(data, 2024, 2027, plainSettings(), [{ name: '中', params }], [dev], '中');
    expect(withHousing.housing.primary).toEqual([84, 84, 84]);
    withHousing.county.primary.forEach((v, i) => expect(Math.abs(v - (without.county.primary[i] ?? 0) - 84)).toBeLessThanOrEqual(3));
  });
});

describe('五四制 and 六三制', () => {
  // The same leavers (100, 110, 120) sit in the last primary grade: grade 5 under 五四制,
  // grade 6 under 六三制; junior entrants were 95 % of them.
  function build(system: '五四制' | '六三制') {
    const primaryGrades = system === '五四制' ? 5 : 6;
    const juniorGrades = system === '五四制' ? 4 : 3;
    const last = (n: number) => [...new Array<number>(primaryGrades - 1).fill(100), n];
    return county({
      system,
      townships: [township(T1, '青山乡')],
      schools: [school('P1', '中心小学', 'primary', T1), school('J1', '初级中学', 'junior', T1)],
      enrolment: [
        ...grades('P1', 'primary', { 2021: last(100), 2022: last(110), 2023: last(120) }),
        ...grades('J1', 'junior', {
          2021: new Array<number>(juniorGrades).fill(90),
          2022: [95, ...new Array<number>(juniorGrades - 1).fill(90)],
          2023: [104.5, ...new Array<number>(juniorGrades - 1).fill(90)],
        }),
      ],
      baseYear: 2023,
    });
  }

  it('takes junior entrants from the last primary grade of the school system', () => {
    for (const system of ['五四制', '六三制'] as const) {
      expect(gradeCell(build(system), 2023, 2024, 'J1', 'junior', 2024, 1)).toBeCloseTo(0.95 * 120, 9);
    }
  });

  it('projects four junior grades under 五四制 and three under 六三制', () => {
    const five = calibrate(build('五四制'), 2023, plainSettings());
    const six = calibrate(build('六三制'), 2023, plainSettings());
    expect([five.core.index.grades.primary, five.core.index.grades.junior]).toEqual([5, 4]);
    expect([six.core.index.grades.primary, six.core.index.grades.junior]).toEqual([6, 3]);
    expect(five.core.flags.map((f) => f.code)).not.toContain('grades-exceed-system');
  });

  it('says so when the data has more grades than the school system', () => {
    const mislabelled = { ...build('六三制'), meta: { ...build('六三制').meta, schoolSystem: '五四制' as const } };
    const cal = calibrate(mislabelled, 2023, plainSettings());
    expect(cal.core.flags.map((f) => f.code)).toContain('grades-exceed-system');
    // Leavers still come from the data's last grade (6), not the system's (5).
    expect(gradeCell(mislabelled, 2023, 2024, 'J1', 'junior', 2024, 1)).toBeCloseTo(0.95 * 120, 9);
  });
});

describe('the sample county', () => {
  const sample = generateCounty();
  const settings = parseSettings({});

  it('projects as of a base year from the data known then only', () => {
    const full = recompute(sample, 2022, 2030, settings, DEFAULT_SCENARIOS, [], '中');
    const cut = recompute(asOf(sample, 2022), 2022, 2030, settings, DEFAULT_SCENARIOS, [], '中');
    expect(full).toEqual(cut);
    expect(full.baseYear).toBe(2022);
  });

  it('is deterministic', () => {
    const a = recompute(sample, 2025, 2040, settings, DEFAULT_SCENARIOS, [], '中');
    const b = recompute(sample, 2025, 2040, settings, DEFAULT_SCENARIOS, [], '中');
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('still projects without population data, with entrants by trend and a flag saying so', () => {
    const bare = { ...sample, population: [], births: [] };
    const r = recompute(bare, 2025, 2035, settings, DEFAULT_SCENARIOS, [], '中');
    expect(r.flags.map((f) => f.code)).toContain('entrants-by-trend');
    expect(r.county.primary.every((v) => v > 0)).toBe(true);
    expect(r.population.knownUntil).toBeNull();
  });

  it('moves entrants between townships with 进城就读 but keeps the county total', () => {
    const slow = recompute(sample, 2025, 2035, settings, [{ name: '中', params: parseParams({ urbanisationScale: 0 }) }], [], '中');
    const fast = recompute(sample, 2025, 2035, settings, [{ name: '中', params: parseParams({ urbanisationScale: 3 }) }], [], '中');
    const town = (r: typeof slow) => r.townships.filter((t) => t.urbanRural === '城区').reduce((s, t) => s + (t.primary.at(-1) ?? 0), 0);
    expect(town(fast)).toBeGreaterThan(town(slow) * 1.05);
    const total = (r: typeof slow) => r.county.primary.at(-1) ?? 0;
    expect(Math.abs(total(fast) - total(slow)) / total(slow)).toBeLessThan(0.005);
  });
});
