// Accuracy on real schools (tests/fixtures/real/nyc-elementary): from every possible base
// year, the engine must do at least as well as "each school keeps last year's students" for
// single schools one and two years ahead, better for the totals, and its 80 % intervals must
// hold about 80 % of what happened.
import { describe, expect, it } from 'vitest';
import { asOf, backtest, DEFAULT_SCENARIOS, parseSettings, recompute } from '../../../shared/projection';
import { nycElementary } from '../../fixtures/real/nyc-elementary';
import { rollingAccuracy, type AccuracyRow } from '../../helpers/rolling-accuracy';

describe('projection on a real school panel (NYC elementary, Manhattan and the Bronx)', () => {
  const rows = rollingAccuracy(nycElementary(), parseSettings({}));
  const row = (h: number, level: AccuracyRow['level']) => {
    const r = rows.find((x) => x.h === h && x.level === level);
    if (!r) throw new Error(`no row for h=${h} ${level}`);
    return r;
  };

  it('backtests from every base year with two or more years of history', () => {
    expect(row(1, 'school').origins).toBe(3);
    expect(row(2, 'school').origins).toBe(2);
    expect(row(1, 'school').n).toBe(3 * 313);
  });

  it('is at least as accurate as last year’s value for single schools, one and two years ahead', () => {
    for (const h of [1, 2]) expect(row(h, 'school').projection).toBeLessThanOrEqual(row(h, 'school').persistence);
  });

  it('beats last year’s value and the straight line for township and county totals one year ahead', () => {
    for (const level of ['township', 'county'] as const) {
      expect(row(1, level).projection).toBeLessThan(row(1, level).persistence);
      expect(row(1, level).projection).toBeLessThan(row(1, level).trend);
    }
  });

  it('holds between 70 % and 90 % of actual school figures inside the 80 % intervals', () => {
    let inside = 0;
    let n = 0;
    for (const r of rows.filter((x) => x.level === 'school')) {
      expect(r.coverage).not.toBeNull();
      inside += (r.coverage ?? 0) * r.n;
      n += r.n;
    }
    const pooled = inside / n;
    expect(pooled).toBeGreaterThanOrEqual(70);
    expect(pooled).toBeLessThanOrEqual(90);
    for (const h of [1, 2]) {
      expect(row(h, 'school').coverage).toBeGreaterThanOrEqual(70);
      expect(row(h, 'school').coverage).toBeLessThanOrEqual(90);
    }
  });
});

describe('the backtest is the error measured afterwards', () => {
  const data = nycElementary();
  const settings = parseSettings({});
  const mid = DEFAULT_SCENARIOS[1] ?? (DEFAULT_SCENARIOS[0] as (typeof DEFAULT_SCENARIOS)[number]);

  it('reports, per horizon, exactly the school MAPE of projecting from the base year and comparing with that year', () => {
    const bt = backtest(data, 2015, 2017, settings, mid);
    expect(bt.byHorizon.map((x) => x.h)).toEqual([1, 2]);
    const projected = recompute(asOf(data, 2015), 2015, 2017, settings, [mid], [], mid.name);
    const actual = new Map<string, number>();
    for (const r of data.enrolment) actual.set(`${r.school}|${r.year}`, (actual.get(`${r.school}|${r.year}`) ?? 0) + r.students);
    for (const hz of bt.byHorizon) {
      let sum = 0;
      let n = 0;
      for (const s of projected.schools) {
        const a = actual.get(`${s.code}|${hz.year}`) ?? 0;
        if (a <= 0) continue;
        sum += Math.abs((s.students[hz.h - 1] as number) - a) / a;
        n++;
      }
      expect(hz.levels.school.n).toBe(n);
      expect(hz.levels.school.mape).toBe(Math.round((10000 * sum) / n) / 100);
    }
  });

  it('gives every school, township and county figure an interval around it', () => {
    const r = recompute(data, 2017, 2020, settings, [mid], [], mid.name);
    expect(r.intervals.source).toBe('backtest');
    for (const s of r.schools) {
      s.students.forEach((v, i) => {
        expect(s.low?.[i]).toBeLessThanOrEqual(v);
        expect(s.high?.[i]).toBeGreaterThanOrEqual(v);
      });
      // Further ahead, wider.
      expect((s.high?.[2] ?? 0) - (s.low?.[2] ?? 0)).toBeGreaterThanOrEqual((s.high?.[0] ?? 0) - (s.low?.[0] ?? 0));
    }
    for (const t of r.townships) t.primary.forEach((v, i) => expect(t.low?.primary[i]).toBeLessThanOrEqual(v));
    r.county.primary.forEach((v, i) => {
      expect(r.countyLow?.primary[i]).toBeLessThan(v);
      expect(r.countyHigh?.primary[i]).toBeGreaterThan(v);
    });
  });

  it('falls back to year-on-year changes when the record is too short to backtest, and says where the interval comes from', () => {
    const r = recompute(asOf(data, 2014), 2014, 2016, settings, [mid], [], mid.name);
    expect(r.intervals.source).toBe('history');
    expect(r.schools.every((s) => s.low !== null && s.high !== null)).toBe(true);
    const one = recompute(asOf(data, 2013), 2013, 2015, settings, [mid], [], mid.name);
    expect(one.intervals.source).toBe('none');
    expect(one.countyLow).toBeNull();
    expect(one.schools[0]?.low).toBeNull();
  });
});
