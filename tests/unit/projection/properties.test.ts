// Invariants over random small counties: whatever the data, the engine answers, never with a
// negative or fractional pupil, and its county, township and school figures add up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradesOf, KIND_STAGES, SCHOOL_SYSTEMS, STAGES, type SchoolKind } from '../../../shared/domain';
import { parseSettings, recompute, DEFAULT_SCENARIOS, type ProjectionData } from '../../../shared/projection';
import { ages, county, school, township } from '../../fixtures/projection-county';

const KINDS: SchoolKind[] = ['primary', 'teaching_point', 'junior', 'nine_year', 'kindergarten', 'complete_middle'];

const countyArb = fc
  .record({
    system: fc.constantFrom(...SCHOOL_SYSTEMS),
    townships: fc.integer({ min: 1, max: 3 }),
    urban: fc.boolean(),
    years: fc.integer({ min: 1, max: 5 }),
    schools: fc.array(fc.record({ kind: fc.constantFrom(...KINDS), township: fc.nat(2) }), { minLength: 1, maxLength: 5 }),
    withPopulation: fc.boolean(),
    withBirths: fc.boolean(),
    seed: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 64, maxLength: 64 }),
  })
  .map((c): ProjectionData => {
    let k = 0;
    const next = () => c.seed[k++ % c.seed.length] as number;
    const codes = Array.from({ length: c.townships }, (_, i) => `99099900${i + 1}`);
    const years = Array.from({ length: c.years }, (_, i) => 2024 - c.years + 1 + i);
    const schools = c.schools.map((s, i) => school(`S${i}`, `学校${i}`, s.kind, codes[s.township % c.townships] as string));
    const enrolment = schools.flatMap((s) =>
      KIND_STAGES[s.kind].flatMap((stage) => {
        const n = s.kind === 'teaching_point' ? 3 : gradesOf(stage, c.system);
        return years.flatMap((year) =>
          Array.from({ length: n }, (_, g) => ({ school: s.code, year, stage, grade: g + 1, classes: 1, students: next() % 7 === 0 ? 0 : next() })),
        );
      }),
    );
    return county({
      system: c.system,
      baseYear: 2024,
      townships: codes.map((code, i) => township(code, `乡镇${i}`, c.urban && i === 0 ? '城区' : '乡村')),
      schools,
      enrolment,
      population: c.withPopulation ? codes.flatMap((code) => ages(code, Object.fromEntries(years.map((y) => [y, Array.from({ length: 18 }, () => next() + 1)])))) : [],
      births: c.withBirths ? codes.flatMap((code) => years.map((year) => ({ township: code, year, count: next() + 1, source: '测试' }))) : [],
    });
  });

describe('projection invariants', () => {
  it('never yields negative or fractional students, and the levels add up', () => {
    fc.assert(
      fc.property(countyArb, fc.integer({ min: 1, max: 12 }), (data, ahead) => {
        const r = recompute(data, 2024, 2024 + ahead, parseSettings({}), DEFAULT_SCENARIOS, [], '中');
        expect(r.years).toHaveLength(ahead);
        for (const s of r.schools) {
          for (const v of [...s.students, ...s.classes]) {
            expect(Number.isInteger(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(0);
          }
        }
        for (const stage of STAGES) {
          r.years.forEach((_, i) => {
            const fromSchools = r.schools.filter((s) => s.stage === stage).reduce((sum, s) => sum + (s.students[i] ?? 0), 0);
            const fromTownships = r.townships.reduce((sum, t) => sum + (t[stage][i] ?? 0), 0);
            expect(r.county[stage][i]).toBe(fromSchools);
            expect(r.county[stage][i]).toBe(fromTownships);
          });
        }
        for (const row of r.population.county) for (const v of row) if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
        for (const c of r.comparison) for (const stage of STAGES) for (const v of c.county[stage]) expect(v).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same answer for the same data, whatever order the records come in', () => {
    fc.assert(
      fc.property(countyArb, (data) => {
        const shuffled = { ...data, enrolment: [...data.enrolment].reverse(), population: [...data.population].reverse() };
        const a = recompute(data, 2024, 2030, parseSettings({}), DEFAULT_SCENARIOS, [], '中');
        const b = recompute(shuffled, 2024, 2030, parseSettings({}), DEFAULT_SCENARIOS, [], '中');
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 60 },
    );
  });
});
