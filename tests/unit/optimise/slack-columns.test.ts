// The large county's model without its unmet-children columns is the same problem: every
// layout keeps its objective, and HiGHS proves the same optimum with a layout the checker
// accepts.
import { describe, expect, it } from 'vitest';
import { freshHighs, solveWith } from '../../../electron/backend/optimise/highs-run';
import { checkSolution } from '../../../shared/optimise/check';
import { greedySolve } from '../../../shared/optimise/greedy';
import { buildMip, decodeMip, encodeSolution, type SparseMip } from '../../../shared/optimise/model';
import { dropSlackColumns, withoutRows } from '../../../shared/optimise/slack-columns';
import { costOf } from '../../../shared/optimise/solution';
import { syntheticCounty } from '../../fixtures/optimise-county';

const objective = (mip: SparseMip, v: ArrayLike<number>) => {
  let s = mip.offset;
  for (let c = 0; c < mip.numCols; c++) s += (mip.colCost[c] as number) * (v[c] as number);
  return s;
};

describe('a model without its slack columns', () => {
  const inst = syntheticCounty({ schools: 12, villages: 60, sites: 3, years: 3, sideKm: 12 });
  // As a large county's model goes to the solver: without the group balance rows, which hold
  // each unmet column in a second row.
  const built = buildMip(inst);
  const { layout } = built;
  const mip = withoutRows(built.mip, layout.balance.first, layout.balance.count);
  const slim = dropSlackColumns(mip);

  it('leaves out exactly the balance rows, and with them kept substitutes nothing', () => {
    expect(layout.balance.count).toBeGreaterThan(0);
    expect(mip.numRows).toBe(built.mip.numRows - layout.balance.count);
    expect(mip.values.length).toBeLessThan(built.mip.values.length);
    for (const r of [0, layout.balance.first - 1, layout.balance.first, mip.numRows - 1]) {
      const old = r < layout.balance.first ? r : r + layout.balance.count;
      expect(Array.from(mip.indices.subarray(mip.starts[r], mip.starts[r + 1]))).toEqual(Array.from(built.mip.indices.subarray(built.mip.starts[old], built.mip.starts[old + 1])));
      expect(mip.rowLower[r]).toBe(built.mip.rowLower[old]);
      expect(mip.rowUpper[r]).toBe(built.mip.rowUpper[old]);
    }
    expect(dropSlackColumns(built.mip).mip.numCols).toBe(built.mip.numCols);
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
