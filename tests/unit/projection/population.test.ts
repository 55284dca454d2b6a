import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { birthsPath, calibrateBirths } from '../../../shared/projection/births';
import { parseParams, parseSettings } from '../../../shared/projection';
import { AGES, calibratePopulation, popAt, projectPopulation, SURVIVAL, type PopulationBase } from '../../../shared/projection/population';
import { ages } from '../../fixtures/projection-county';

const T = '990999001';
const index = new Map([[T, 0]]);
const settings = parseSettings({ trendYears: 5, damping: 1 });

function base(population: ReturnType<typeof ages>, births: { township: string; year: number; count: number }[], baseYear: number) {
  const b = calibrateBirths(births, [], index, 1, baseYear, settings);
  const recorded = birthsPath(b, parseParams({}).births, 1, baseYear);
  return { births: b, population: calibratePopulation(population, index, 1, baseYear, recorded, baseYear, settings.trendYears) };
}

describe('population by cohort shift', () => {
  it('a township with known births: each birth year reaches school age with survival alone', () => {
    // One census year, no migration to calibrate; births recorded up to the base year.
    const census = ages(T, { 2020: Array.from({ length: AGES }, () => 100) });
    const births = [2020, 2021, 2022, 2023, 2024].map((year, i) => ({ township: T, year, count: 100 + 10 * i }));
    const { births: b, population } = base(census, births, 2024);
    expect(population.migration[0]).toBeNull();
    const path = birthsPath(b, parseParams({ births: { changePct: 0 } }).births, 1, 2031);
    const table = projectPopulation(population, path, { migrationScale: 1, migrationDefault: 0 }, 2031);
    // Age 0 is the year's births (the census counted 100 at age 0 against 100 born in 2020).
    expect(popAt(table, 0, 2023, 0)).toBeCloseTo(130, 9);
    // Born 2024 (140), six years of survival later: 140 × s(1) × … × s(6) children of 6 in 2030.
    const survive6 = SURVIVAL.slice(1, 7).reduce((p, s) => p * s, 1);
    expect(popAt(table, 0, 2030, 6)).toBeCloseTo(140 * survive6, 9);
    // After the last recorded year births are held (0 % change): 2025 births = fitted level.
    expect(path.recorded.filter(Boolean)).toHaveLength(5);
  });

  it('calibrates net migration from two successive years', () => {
    const y2020 = Array.from({ length: AGES }, () => 200);
    // Every cohort grew 5 % beyond survival between 2020 and 2021.
    const y2021 = y2020.map((_, a) => (a === 0 ? 200 : 200 * (SURVIVAL[a] as number) * 1.05));
    const { population } = base(ages(T, { 2020: y2020, 2021: y2021 }), [], 2021);
    const m = population.migration[0];
    expect(m).not.toBeNull();
    for (let a = 1; a < AGES; a++) expect(m?.[a]).toBeCloseTo(0.05, 9);
  });

  it('a zero-migration cohort with survival 1 reappears one age older, and nobody is lost', () => {
    const counts = fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: AGES, maxLength: AGES });
    const births = fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(counts, births, (start, born) => {
        const population: PopulationBase = {
          firstYear: 2020,
          lastYear: 2020,
          known: [Float64Array.from(start)],
          lastKnown: [2020],
          source: ['recorded'],
          migration: [null],
          ageZeroRatio: [1],
          maleShare: null,
        };
        const path = { firstYear: 2020, lastYear: 2025, county: Float64Array.from(born), byTownship: [Float64Array.from(born)], recorded: born.map(() => true) };
        const table = projectPopulation(population, path, { migrationScale: 0, migrationDefault: 0, survival: new Array<number>(AGES).fill(1) }, 2025);
        for (let y = 2021; y <= 2025; y++) {
          for (let a = 1; a < AGES; a++) expect(popAt(table, 0, y, a)).toBe(popAt(table, 0, y - 1, a - 1));
          let before = 0;
          let after = 0;
          for (let a = 0; a < AGES - 1; a++) before += popAt(table, 0, y - 1, a);
          for (let a = 1; a < AGES; a++) after += popAt(table, 0, y, a);
          expect(after).toBe(before);
        }
      }),
    );
  });
});
