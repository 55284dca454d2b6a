// Manhattan's real panel (tests/fixtures/real/nyc-panel) imported year by year, then projected
// as the app does. New York splits its stages across schools (elementary to 五年级, middle
// school 六年级–初二, high school from 初三), so the cohort changes school at those grades.
// The county's figures must follow the cohort, not lose the pupils who move: one year ahead
// within a few percent of what happened, and no worse than "every school keeps last year's
// students" for the county totals.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import type { BacktestResult, ProjectionResult } from '../../shared/projection';
import type { Stage } from '../../shared/domain/stages';
import { tempDir } from '../helpers/temp';

const DIR = path.resolve('tests/fixtures/real/nyc-panel');
const YEARS = [2013, 2014, 2015, 2016, 2017];
const STAGES_TAUGHT: readonly Stage[] = ['primary', 'junior', 'senior'];

let backend: Backend;

async function ok<T>(method: string, input: unknown): Promise<T> {
  const res = await backend.dispatch(method, input);
  if (!res.ok) throw new Error(`${method} → ${res.error.code}: ${res.error.message}`);
  return res.result as T;
}

beforeAll(async () => {
  const dir = tempDir('csp-panel-forecast-');
  backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'browser' });
  await ok('project.create', { path: path.join(dir, '曼哈顿.csplan'), name: '曼哈顿' });
  for (const year of YEARS) {
    await ok('import.run', { path: path.join(DIR, `曼哈顿-${year}.xlsx`), kind: 'schools', createTownships: true, acceptWarnings: true });
  }
}, 300_000);
afterAll(() => backend.close());

describe('projecting a county whose stages are split across schools (Manhattan, 2013–2017)', () => {
  it('projects each stage one year ahead of the latest year within 5 % of that year’s students', async () => {
    const r = await ok<ProjectionResult>('projection.run', { baseYear: 2017, horizon: 2018 });
    expect(r.baseYear).toBe(2017);
    const last = r.history.years.indexOf(2017);
    for (const stage of STAGES_TAUGHT) {
      const actual = r.history.county[stage][last] as number;
      const projected = r.county[stage][0] as number;
      expect(actual, stage).toBeGreaterThan(10_000);
      expect(Math.abs(projected / actual - 1), `${stage}: ${projected} vs ${actual}`).toBeLessThan(0.05);
    }
  }, 120_000);

  it('backtests the county’s 初中, 小学 and total no worse than last year’s value, from every base year to 2017', async () => {
    // The app's backtest (every year from the base year to the latest), pooled over the base
    // years with two or more years of history, weighted by the years compared.
    const pooled = new Map<string, { p: number; per: number; n: number }>();
    const add = (key: string, a: { mape: number | null; n: number; baselines: { persistence: { mape: number | null } } } | undefined) => {
      if (!a || a.mape === null || a.n === 0) throw new Error(`no comparison for ${key}`);
      const cur = pooled.get(key) ?? { p: 0, per: 0, n: 0 };
      cur.p += a.mape * a.n;
      cur.per += (a.baselines.persistence.mape as number) * a.n;
      cur.n += a.n;
      pooled.set(key, cur);
    };
    for (const base of [2014, 2015, 2016]) {
      const bt = await ok<BacktestResult>('projection.backtest', { baseYear: base, to: 2017 });
      expect(bt.years[0]).toBe(base + 1);
      for (const stage of STAGES_TAUGHT) add(stage, bt.byLevel.county[stage]);
      add('all', bt.overall.county);
    }
    expect([...pooled.keys()]).toEqual([...STAGES_TAUGHT, 'all']);
    for (const key of ['junior', 'primary', 'all']) {
      const v = pooled.get(key) as { p: number; per: number; n: number };
      expect(v.p / v.n, `${key}: ${(v.p / v.n).toFixed(2)} % vs ${(v.per / v.n).toFixed(2)} %`).toBeLessThanOrEqual(v.per / v.n);
    }
  }, 300_000);

  it('projects each stage of the county one year ahead within 5 % of what happened, from every base year', async () => {
    for (const base of [2014, 2015, 2016]) {
      const bt = await ok<BacktestResult>('projection.backtest', { baseYear: base, to: base + 1 });
      for (const stage of STAGES_TAUGHT) {
        const a = bt.byLevel.county[stage];
        expect(a?.n, `${base} ${stage}`).toBe(1);
        expect(a?.mape, `${base} ${stage}`).toBeLessThan(5);
      }
    }
  }, 300_000);

  it('keeps the 初中 county projection over the default horizon within a third of the latest year', async () => {
    const r = await ok<ProjectionResult>('projection.run', { baseYear: 2017 });
    const actual = r.history.county.junior[r.history.years.indexOf(2017)] as number;
    expect(r.county.junior.length).toBeGreaterThanOrEqual(10);
    for (const v of r.county.junior) expect(Math.abs(v / actual - 1)).toBeLessThan(1 / 3);
  }, 120_000);
});
