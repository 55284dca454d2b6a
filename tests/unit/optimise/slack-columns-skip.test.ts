// The rows of `skip` (a large county's seat-balance block) are left out in the same pass that
// substitutes the slack columns, on a model small enough to write the answer by hand: a block
// with rows on both sides, so a misplaced cut would show, and an unmet column that is a slack
// only once the block is left out.
import { describe, expect, it } from 'vitest';
import type { SparseMip } from '../../../shared/optimise/model';
import { dropSlackColumns } from '../../../shared/optimise/slack-columns';

// Columns: x0 (binary, cost 1), x1 (continuous 0…10, cost 2), u (unmet, 0…5, cost 100).
//   r0   x0 + x1       ≤ 4
//   r1        x1 + u   ≥ 3     the block to skip (u's second row)
//   r2        x1 + 2u  = 6     the demand row: u is its slack once r1 is gone
//   r3   x0 − x1       ∈ [−1, 1]
const mip: SparseMip = {
  numCols: 3,
  numRows: 4,
  colCost: Float64Array.of(1, 2, 100),
  colLower: Float64Array.of(0, 0, 0),
  colUpper: Float64Array.of(1, 10, 5),
  integrality: Int32Array.of(1, 0, 0),
  rowLower: Float64Array.of(-Infinity, 3, 6, -1),
  rowUpper: Float64Array.of(4, Infinity, 6, 1),
  starts: Int32Array.of(0, 2, 4, 6, 8),
  indices: Int32Array.of(0, 1, 1, 2, 1, 2, 0, 1),
  values: Float64Array.of(1, 1, 1, 1, 1, 2, 1, -1),
  offset: 0,
};
const objective = (m: SparseMip, v: readonly number[]) => v.reduce((s, x, c) => s + (m.colCost[c] as number) * x, m.offset);

describe('dropSlackColumns with a block of rows to skip', () => {
  const slim = dropSlackColumns(mip, { first: 1, count: 1 });

  it('leaves out the block and the slack column, moving the slack’s cost onto the row’s other column and the offset', () => {
    expect(Array.from(slim.column)).toEqual([0, 1, -1]);
    expect(slim.mip).toEqual({
      numCols: 2,
      numRows: 3,
      // u = (6 − x1)/2: 100·u = 300 − 50·x1
      colCost: Float64Array.of(1, -48),
      colLower: Float64Array.of(0, 0),
      colUpper: Float64Array.of(1, 10),
      integrality: Int32Array.of(1, 0),
      // r0, r2 as 6 − 2·5 ≤ x1 ≤ 6 − 2·0, r3
      rowLower: Float64Array.of(-Infinity, -4, -1),
      rowUpper: Float64Array.of(4, 6, 1),
      starts: Int32Array.of(0, 2, 3, 5),
      indices: Int32Array.of(0, 1, 1, 0, 1),
      values: Float64Array.of(1, 1, 1, 1, -1),
      offset: 300,
    });
  });

  it('prices a layout as the full model does and reads it back whole, the slack within its bounds', () => {
    expect(Array.from(slim.expand([1, 2]))).toEqual([1, 2, 2]);
    expect(objective(slim.mip, [1, 2])).toBe(objective(mip, [1, 2, 2]));
    // x1 = 8 would need u = −1: the way back keeps u at its lower bound.
    expect(Array.from(slim.expand([0, 8]))).toEqual([0, 8, 0]);
  });

  it('substitutes nothing while the block is kept, where the unmet column sits in two rows', () => {
    expect(dropSlackColumns(mip).mip).toEqual(mip);
  });
});
