// Accuracy on real schools (tests/fixtures/real/nyc-elementary): from every possible base
// year, the engine must do at least as well as "each school keeps last year's students" for
// single schools one and two years ahead, better for the totals, and its 80 % intervals must
// hold about 80 % of what happened.
import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../../shared/projection';
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
