import { describe, expect, it } from 'vitest';
import { backtest, parseParams, peakOf } from '../../../shared/projection';
import { chooseTrust, type TrustCase } from '../../../shared/projection/trust';
import { county, grades, plainSettings, school, township } from '../../fixtures/projection-county';

const T1 = '990999001';
const MID = { name: '中', params: parseParams({}) };

describe('backtest errors', () => {
  // A 3-grade school growing 10 % a year in every grade: persistence is off by 10 % after one
  // year and 21 % after two; a straight line through three years is off by less.
  const byYear: Record<number, number[]> = {};
  for (let y = 2019; y <= 2024; y++) byYear[y] = [100, 100, 100].map((v) => Math.round(v * 1.1 ** (y - 2019)));
  const data = county({
    townships: [township(T1, '青山乡')],
    schools: [school('S1', '青山乡初级中学', 'junior', T1)],
    enrolment: grades('S1', 'junior', byYear),
    baseYear: 2024,
  });
  const bt = backtest(data, 2022, 2024, plainSettings(), MID);

  it('compares the years after the base year with what happened', () => {
    expect(bt.baseYear).toBe(2022);
    expect(bt.years).toEqual([2023, 2024]);
  });

  it('computes the baselines’ errors as a planner would by hand', () => {
    const total = (y: number) => (byYear[y] ?? []).reduce((a, b) => a + b, 0);
    const persistence = ((Math.abs(total(2022) - total(2023)) / total(2023) + Math.abs(total(2022) - total(2024)) / total(2024)) / 2) * 100;
    const a = bt.byLevel.county.junior;
    expect(a?.baselines.persistence.mape).toBeCloseTo(persistence, 2);
    expect(a?.baselines.persistence.bias).toBeCloseTo(-persistence, 2);
    expect(a?.n).toBe(2);
    // One school: the county, township and school levels see the same numbers.
    expect(bt.byLevel.school.junior).toEqual(a);
    expect(bt.byLevel.township.junior).toEqual(a);
  });

  it('names the method with the smallest error', () => {
    const a = bt.byLevel.county.junior;
    if (!a) throw new Error('no junior');
    const errors = { projection: a.mape ?? Infinity, persistence: a.baselines.persistence.mape ?? Infinity, trend: a.baselines.trend.mape ?? Infinity };
    const lowest = Math.min(...Object.values(errors));
    expect(errors[a.best ?? 'projection']).toBe(lowest);
    expect(a.best).not.toBe('persistence');
    expect(bt.verdict[0]).toMatch(/^全县：/);
  });

  it('refuses a base year with nothing after it to compare', () => {
    expect(() => backtest(data, 2024, null, plainSettings(), MID)).toThrow(/基准年/);
  });
});

describe('trust in grade progression by school size', () => {
  const cases = (n: number, model: number, persistence: number, actual = 100): TrustCase[] =>
    Array.from({ length: n }, (_, i) => ({ cls: 'tiny', h: 1 + (i % 3), model, persistence, actual }));

  it('keeps the model when it is the better method', () => {
    expect(chooseTrust(cases(60, 101, 120)).alpha).toBe(1);
  });

  it('leans on last year’s value when the record shows it is clearly better', () => {
    const t = chooseTrust(cases(60, 130, 100));
    expect(t.alpha).toBe(0);
    expect(t.mapeChosen).toBeLessThan(t.mapeModel ?? 0);
  });

  it('does not chase noise: too few cases or too small a gain keep the model', () => {
    expect(chooseTrust(cases(10, 130, 100)).alpha).toBe(1);
    // Half the schools are met exactly by last year's value, half by the model: mixing the two
    // gains only 6 % here, not enough to give up the model.
    const mixed = [...cases(30, 104.4, 100), ...cases(30, 100, 96)];
    const t = chooseTrust(mixed);
    expect(t.alpha).toBe(1);
    expect(t.mapeModel).toBeCloseTo(2.2, 9);
  });
});

describe('peaks', () => {
  it('finds a peak inside the projection and calls falling and rising series', () => {
    expect(peakOf(2025, [100, 110, 120, 115, 90])).toMatchObject({ kind: 'peak', peakYear: 2027, peakValue: 120, endValue: 90 });
    expect(peakOf(2025, [100, 95, 80])).toMatchObject({ kind: 'falling', peakYear: 2025, lowYear: 2027 });
    expect(peakOf(2025, [100, 105, 130])).toMatchObject({ kind: 'rising', peakYear: 2027 });
    expect(peakOf(2025, [100, 101, 99])).toMatchObject({ kind: 'flat' });
  });
});
