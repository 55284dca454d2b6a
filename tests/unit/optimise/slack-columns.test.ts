// The large county's model without its unmet-children columns is the same problem: every
// layout keeps its objective, and HiGHS proves the same optimum with a layout the checker
// accepts.
import { describe, expect, it } from 'vitest';
import { freshHighs, solveWith } from '../../../electron/backend/optimise/highs-run';
import { checkSolution } from '../../../shared/optimise/check';
import { greedySolve } from '../../../shared/optimise/greedy';
import { buildMip, decodeMip, encodeSolution, type SparseMip } from '../../../shared/optimise/model';
import { dropSlackColumns } from '../../../shared/optimise/slack-columns';
import { costOf } from '../../../shared/optimise/solution';
import { syntheticCounty } from '../../fixtures/optimise-county';

const objective = (mip: SparseMip, v: ArrayLike<number>) => {
  let s = mip.offset;
  for (let c = 0; c < mip.numCols; c++) s += (mip.colCost[c] as number) * (v[c] as number);
  return s;
};

describe('a model without its slack columns', () => {
  const inst = syntheticCounty({ schools: 12, villages: 60, sites: 3, years: 3, sideKm: 12 });
  // As a large county's model is built: without the group balance rows, which would hold
  // each unmet column in a second row.
  const { mip, layout } = buildMip(inst, { balanceRowsBelow: 0 });
  const slim = dropSlackColumns(mip);

  it('keeps an unmet column that a balance row also holds', () => {
    const withBalance = buildMip(inst).mip;
    expect(withBalance.numRows).toBeGreaterThan(mip.numRows);
    expect(dropSlackColumns(withBalance).mip.numCols).toBe(withBalance.numCols);
  });

  it('drops one unmet column per demand row and year and nothing else', () => {
    let unmet = 0;
    for (const c of layout.u) if (c >= 0) unmet++;
    expect(unmet).toBeGreaterThan(0);
    expect(slim.mip.numCols).toBe(mip.numCols - unmet);
    expect(slim.mip.numRows).toBe(mip.numRows);
    for (const c of layout.u) if (c >= 0) expect(slim.column[c]).toBe(-1);
  });

  it('prices the greedy layout as the full model does, and reads it back whole', () => {
    const full = encodeSolution(inst, layout, greedySolve(inst), mip.numCols);
    const small = new Float64Array(slim.mip.numCols);
    slim.column.forEach((j, c) => {
      if (j >= 0) small[j] = full[c] as number;
    });
    expect(objective(slim.mip, small)).toBeCloseTo(objective(mip, full), 6);
    const back = slim.expand(small);
    for (let c = 0; c < mip.numCols; c++) expect(back[c]).toBeCloseTo(full[c] as number, 9);
  });

  it('has the same proven optimum, and its layout holds every constraint', async () => {
    const plain = solveWith(await freshHighs(), mip, { timeLimit: 30, mipGap: 0 });
    const small = solveWith(await freshHighs(), slim.mip, { timeLimit: 30, mipGap: 0 });
    expect(plain.status).toBe('optimal');
    expect(small.status).toBe('optimal');
    expect(small.objective).toBeCloseTo(plain.objective as number, 4);
    const sol = decodeMip(inst, layout, slim.expand(small.values as Float64Array), small.status, small.gap, small.objective as number);
    expect(checkSolution(inst, sol)).toEqual([]);
    expect(costOf(inst, sol).objective).toBeCloseTo(plain.objective as number, 3);
  });
});
