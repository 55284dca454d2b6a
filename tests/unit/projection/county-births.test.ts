import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, COUNTY_SERIES_SOURCE, withCountySeries } from '../../../shared/projection';
import type { BirthRecord, PopulationRecord, Township } from '../../../shared/domain';

const townships: Township[] = [
  { code: '001', name: '城关镇', kind: '镇', urbanRural: '城区', area: '' },
  { code: '002', name: '青山乡', kind: '乡', urbanRural: '乡村', area: '' },
];
const age0 = (township: string, year: number, count: number): PopulationRecord => ({ township, year, age: 0, sex: 'T', count, source: '' });

describe('county birth series', () => {
  it('apportions by weight and keeps the total exactly', () => {
    expect(apportion(10, [3, 1])).toEqual([8, 2]); // 7.5 / 2.5 → the tie goes to the first
    expect(apportion(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(apportion(5, [0, 0])).toEqual([0, 0]);
    fc.assert(
      fc.property(fc.nat(100_000), fc.array(fc.nat(1000), { minLength: 1, maxLength: 20 }), (total, weights) => {
        const out = apportion(total, weights);
        const sum = weights.reduce((s, w) => s + w, 0);
        expect(out.reduce((s, n) => s + n, 0)).toBe(sum > 0 ? total : 0);
        for (const n of out) expect(n).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('fills only the years no township record covers, by age-0 population of the nearest year', () => {
    const births: BirthRecord[] = [
      { township: '001', year: 2023, count: 300, source: '卫健部门' },
      { township: '002', year: 2023, count: 100, source: '卫健部门' },
    ];
    const population = [age0('001', 2024, 270), age0('002', 2024, 90)];
    const out = withCountySeries(births, [{ year: 2023, count: 999 }, { year: 2025, count: 400 }], townships, population);
    // 2023 is recorded by township: the county figure does not double it.
    expect(out.filter((b) => b.year === 2023).map((b) => b.count)).toEqual([300, 100]);
    // 2025 comes from the county series, split 3:1 like age 0 in 2024.
    expect(out.filter((b) => b.year === 2025)).toEqual([
      { township: '001', year: 2025, count: 300, source: COUNTY_SERIES_SOURCE },
      { township: '002', year: 2025, count: 100, source: COUNTY_SERIES_SOURCE },
    ]);
  });

  it('splits evenly when there is no population to weigh by', () => {
    const out = withCountySeries([], [{ year: 2020, count: 7 }], townships, []);
    expect(out.map((b) => b.count)).toEqual([4, 3]);
  });
});
