// Stages split across schools, worked by hand: a middle school teaching 初一–初二 and two
// high schools starting at 初三. The cohort changes school at 初三, and the county keeps it.
import { describe, expect, it } from 'vitest';
import { calibrate, parseParams, recompute, runScenario, type ProjectionData } from '../../../shared/projection';
import { county, grades, plainSettings, school, township } from '../../fixtures/projection-county';

const MID = { name: '中', params: parseParams({}) };
const T1 = '990999001';

function cell(data: ProjectionData, base: number, code: string, year: number, grade: number): number {
  const cal = calibrate(data, base, plainSettings());
  const run = runScenario(cal, MID, [], year);
  const s = cal.core.index.sections.find((x) => x.school.code === code && x.stage === 'junior');
  if (!s) throw new Error(`no section for ${code}`);
  const g = cal.core.index.grades.junior;
  return (run.cells[s.id] as Float64Array)[(year - cal.core.index.firstYear) * g + grade - 1] as number;
}

describe('a cohort that moves to other schools at 初三', () => {
  // A's 初二 goes on to B (60 %) and C (40 %) every year: the county cohort ratio into 初三 is
  // (60 + 40) / 100 = 1. A's leavers are linked to B, the larger receiver, so B's own ratio is
  // 60 / 100 = 0.6; C takes all its 初三 pupils from elsewhere. In 2023 A's 初二 grows to 120.
  const data = county({
    townships: [township(T1, '青山乡')],
    schools: [
      school('A', '青山乡初级中学', 'junior', T1),
      school('B', '青山乡第一完全中学', 'complete_middle', T1),
      school('C', '青山乡第二完全中学', 'complete_middle', T1),
    ],
    enrolment: [
      ...grades('A', 'junior', { 2021: [100, 100], 2022: [100, 100], 2023: [120, 120] }),
      ...grades('B', 'junior', { 2021: [0, 0, 60], 2022: [0, 0, 60], 2023: [0, 0, 60] }),
      ...grades('C', 'junior', { 2021: [0, 0, 40], 2022: [0, 0, 40], 2023: [0, 0, 40] }),
    ],
    baseYear: 2023,
  });

  it('moves the whole county cohort up at the county’s ratio: 120 pupils in 初三', () => {
    expect(cell(data, 2023, 'B', 2024, 3) + cell(data, 2023, 'C', 2024, 3)).toBeCloseTo(120, 6);
  });

  it('gives the school that takes its pupils in at 初三 its part of them, not zero', () => {
    // B by its own ratio 0.6 × 120 = 72, C as many as last year, 40; both scaled by 120 / 112.
    expect(cell(data, 2023, 'B', 2024, 3)).toBeCloseTo((72 * 120) / 112, 6);
    expect(cell(data, 2023, 'C', 2024, 3)).toBeCloseTo((40 * 120) / 112, 6);
  });

  it('counts them in the county total', () => {
    const r = recompute(data, 2023, 2024, plainSettings(), [MID], [], MID.name);
    // Whatever A's 初一 and 初二 come to, the county adds the 120 of 初三 to them.
    const a = r.schools.find((s) => s.code === 'A')?.students[0] as number;
    expect(r.county.junior[0]).toBe(a + 120);
  });
});

describe('a school with no record in the base year', () => {
  // D taught until 2022 and has no record in 2023 (closed or not reporting): it is not carried
  // forward, and its missing 2023 is unknown, not zero: the county cohort ratio stays S's 1,
  // not (100 + 0) / (100 + 30).
  const data = county({
    townships: [township(T1, '青山乡')],
    schools: [school('S', '青山乡初级中学', 'junior', T1), school('D', '青山乡中学教学点', 'junior', T1)],
    enrolment: [
      ...grades('S', 'junior', { 2021: [100, 100, 100], 2022: [100, 100, 100], 2023: [100, 100, 100] }),
      ...grades('D', 'junior', { 2021: [30, 30, 30], 2022: [30, 30, 30] }),
    ],
    baseYear: 2023,
  });

  it('projects no pupils for it, and the county is the schools that ran in the base year', () => {
    const r = recompute(data, 2023, 2025, plainSettings(), [MID], [], MID.name);
    expect(r.schools.map((s) => s.code)).toEqual(['S']);
    expect(r.county.junior).toEqual([300, 300]);
  });
});

describe('a school closing from the bottom', () => {
  // E stopped taking 初一 and 初二 two years ago (it taught them in 2021) and keeps one last
  // 初三 class: it has no cohort to move up, so its 初三 empties, unlike a school that has
  // never taught 初二 and takes its 初三 in from other schools.
  const data = county({
    townships: [township(T1, '青山乡')],
    schools: [school('S', '青山乡初级中学', 'junior', T1), school('E', '青山乡第二初级中学', 'junior', T1)],
    enrolment: [
      ...grades('S', 'junior', { 2021: [100, 100, 100], 2022: [100, 100, 100], 2023: [100, 100, 100] }),
      ...grades('E', 'junior', { 2021: [20, 20, 20], 2022: [0, 0, 20], 2023: [0, 0, 20] }),
    ],
    baseYear: 2023,
  });

  it('projects no 初三 for it, and S keeps the county cohort', () => {
    expect(cell(data, 2023, 'E', 2024, 3)).toBe(0);
    expect(cell(data, 2023, 'S', 2024, 3)).toBeGreaterThan(0);
  });
});
