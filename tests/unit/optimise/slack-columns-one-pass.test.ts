// A large county's model leaves out its seat-balance rows in the same pass that substitutes
// the slack columns: the result is the very model the two passes (cut, then substitute) give.
import { describe, expect, it } from 'vitest';
import { buildMip } from '../../../shared/optimise/model';
import { dropSlackColumns, withoutRows } from '../../../shared/optimise/slack-columns';
import { syntheticCounty } from '../../fixtures/optimise-county';

describe('the balance rows cut in the slack columns’ pass', () => {
  const inst = syntheticCounty({ schools: 12, villages: 60, sites: 3, years: 3, sideKm: 12 });
  const { mip, layout } = buildMip(inst);
  const one = dropSlackColumns(mip, layout.balance);
  const two = dropSlackColumns(withoutRows(mip, layout.balance.first, layout.balance.count));

  it('gives the two passes’ model, array for array, with the same way back', () => {
    // Rows on both sides of the block, so a misplaced cut would show.
    expect(layout.balance.first).toBeGreaterThan(0);
    expect(layout.balance.first + layout.balance.count).toBeLessThan(mip.numRows);
    expect(one.mip.numRows).toBe(mip.numRows - layout.balance.count);
    expect(one.mip).toEqual(two.mip);
    expect(one.column).toEqual(two.column);
    const v = Float64Array.from({ length: one.mip.numCols }, (_, i) => (i % 7) / 3);
    expect(one.expand(v)).toEqual(two.expand(v));
  });
});
