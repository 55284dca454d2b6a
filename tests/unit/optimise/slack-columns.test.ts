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
  // As a large county's model goes to the solver: without the group balance rows, which hold
  // each unmet column in a second row (implied by the capacity rows, so the problem is the same).
  const built = buildMip(inst);
  const { layout, mip } = built;
  const slim = dropSlackColumns(mip, layout.balance);
  const { first, count } = layout.balance;

  it('leaves out exactly the balance rows, keeping every other row’s entries but the unmet column, and with them kept substitutes nothing', () => {
    expect(count).toBeGreaterThan(0);
    // Rows on both sides of the block, so a misplaced cut would show.
    expect(first).toBeGreaterThan(0);
    expect(first + count).toBeLessThan(mip.numRows);
    expect(slim.mip.numRows).toBe(mip.numRows - count);
    const original = new Int32Array(slim.mip.numCols);
    slim.column.forEach((j, c) => {
      if (j >= 0) original[j] = c;
    });
    for (let r = 0; r < slim.mip.numRows; r++) {
      const old = r < first ? r : r + count;
      const entries = (m: SparseMip, row: number, col: (c: number) => number) =>
        Array.from(m.indices.subarray(m.starts[row], m.starts[row + 1]), (c, k) => [col(c), m.values[(m.starts[row] as number) + k]]);
      const kept = entries(mip, old, (c) => c).filter(([c]) => (slim.column[c as number] as number) >= 0);
      expect(entries(slim.mip, r, (j) => original[j] as number)).toEqual(kept);
      // A row that lost its unmet column is a range around the demand; any other keeps its bounds.
      if (kept.length === (mip.starts[old + 1] as number) - (mip.starts[old] as number)) {
        expect([slim.mip.rowLower[r], slim.mip.rowUpper[r]]).toEqual([mip.rowLower[old], mip.rowUpper[old]]);
      } else {
        expect(slim.mip.rowUpper[r]).toBe(mip.rowLower[old]);
      }
    }
    expect(dropSlackColumns(mip).mip.numCols).toBe(mip.numCols);
  });

  it('drops one unmet column per demand row and year and nothing else', () => {
    let unmet = 0;
    for (const c of layout.u) if (c >= 0) unmet++;
    expect(unmet).toBeGreaterThan(0);
    expect(slim.mip.numCols).toBe(mip.numCols - unmet);
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
