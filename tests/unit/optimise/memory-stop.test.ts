// The solver stops at its memory bound with the best layout it has, and says why: a bound
// below what the process already holds must stop it at its first checkpoint.
import { describe, expect, it } from 'vitest';
import { freshHighs, solveWith } from '../../../electron/backend/optimise/highs-run';
import { highsOptionsFor, LARGE_MODEL_ROWS } from '../../../electron/backend/optimise/limits';
import { solveInstance } from '../../../electron/backend/optimise/solve';
import { buildMip } from '../../../shared/optimise/model';
import { syntheticCounty } from '../../fixtures/optimise-county';

describe('memory bound of the solver', () => {
  it('stops with the layout found so far when the process passes the bound', async () => {
    const inst = syntheticCounty({ schools: 40, villages: 400, sites: 8, years: 3, sideKm: 25 });
    const out = await solveInstance(inst, { timeLimit: 30, mipGap: 0, memoryLimitMb: 1 });
    expect(out.stopped).toBe('memory');
    expect(out.violations.greedy).toEqual([]);
    expect(out.violations.mip).toEqual([]);
  });

  it('runs to its own end under the default bound', async () => {
    const inst = syntheticCounty({ schools: 12, villages: 60, sites: 3, years: 3, sideKm: 12 });
    const out = await solveInstance(inst, { timeLimit: 30, mipGap: 0.005 });
    expect(out.stopped).toBeNull();
    expect(out.mip?.status).toBe('optimal');
  });
});

describe('HiGHS options of a large county', () => {
  it('leaves the sample-sized models to HiGHS defaults and solves the large ones root LP without a second presolve', () => {
    expect(highsOptionsFor(LARGE_MODEL_ROWS - 1)).toBeUndefined();
    expect(highsOptionsFor(LARGE_MODEL_ROWS)).toEqual({ mip_root_presolve_only: true });
  });

  it('reaches the same proven optimum with them', async () => {
    const inst = syntheticCounty({ schools: 12, villages: 60, sites: 3, years: 3, sideKm: 12 });
    const { mip } = buildMip(inst);
    const solve = async (extra?: Record<string, string | number | boolean>) => solveWith(await freshHighs(), mip, { timeLimit: 30, mipGap: 0, extra });
    const plain = await solve();
    const large = await solve(highsOptionsFor(LARGE_MODEL_ROWS) as Record<string, string | number | boolean>);
    expect(plain.status).toBe('optimal');
    expect(large.status).toBe('optimal');
    expect(large.objective).toBeCloseTo(plain.objective as number, 6);
  });
});
