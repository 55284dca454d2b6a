// The solver's first incumbent and the rows that tighten the model: the polish moves a 撤并
// into the years before a build can be ready, as the MIP may (but not a 转型); every row of
// the model, the seat balance of each group included, holds for any layout the polish
// returns (a row that cut off a real layout would hide the optimum); the groups are the
// villages and schools joined by arcs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaArcs } from '../../../shared/optimise/arcs';
import { seatGroups } from '../../../shared/optimise/cover';
import { greedySolve, polishLayout } from '../../../shared/optimise/greedy';
import { buildMip, encodeSolution, type SparseMip } from '../../../shared/optimise/model';
import { instanceArb } from './arbitrary';
import { instance, school } from './tiny';

/** Rows and bounds a column vector breaks, as "row i: value outside [lower, upper]". */
function brokenRows(mip: SparseMip, v: Float64Array): string[] {
  const out: string[] = [];
  const eps = 1e-6;
  for (let i = 0; i < mip.numRows; i++) {
    let s = 0;
    for (let k = mip.starts[i] as number; k < (mip.starts[i + 1] as number); k++) s += (mip.values[k] as number) * (v[mip.indices[k] as number] ?? 0);
    if (s < (mip.rowLower[i] as number) - eps || s > (mip.rowUpper[i] as number) + eps) out.push(`row ${i}: ${s} outside [${mip.rowLower[i]}, ${mip.rowUpper[i]}]`);
  }
  for (let c = 0; c < mip.numCols; c++) {
    const x = v[c] ?? 0;
    if (x < (mip.colLower[c] as number) - eps || x > (mip.colUpper[c] as number) + eps) out.push(`col ${c}: ${x}`);
  }
  return out;
}

describe('the first incumbent', () => {
  // B (30 seats, 20 pupils) can close from 2026: its pupils fit at A, 2 km away. The greedy
  // closes at the first build year (2028); the polish moves the closure to 2026.
  const pts = [{ id: 'P1', x: 0, children: [20, 20, 20, 20] }, { id: 'P2', x: 2000, children: [100, 100, 100, 100] }];

  it('moves a 撤并 into the years before a build can be ready', () => {
    const inst = instance(pts, [school('B', 0, 30, { closable: true, students: 20 }), school('A', 2000, 200)], { firstBuildIndex: 2 });
    const sol = polishLayout(inst, greedySolve(inst));
    expect(sol.closeFrom).toEqual([0, null]);
  });

  it('does not convert (转型) before its refit can be built', () => {
    const B = school('B', 0, 30, { closable: true, students: 20, convertCredit: 50, convertKind: 'kindergarten', convertSeats: 90 });
    const inst = instance(pts, [B, school('A', 2000, 200)], { firstBuildIndex: 2 });
    const sol = polishLayout(inst, greedySolve(inst));
    expect(sol.closeFrom).toEqual([2, null]);
  });
});

describe('rows that tighten the model', () => {
  it('hold for every layout the polish returns', () => {
    fc.assert(
      fc.property(instanceArb, (inst) => {
        const { mip, layout } = buildMip(inst);
        const v = encodeSolution(inst, layout, polishLayout(inst, greedySolve(inst)), mip.numCols);
        expect(brokenRows(mip, v)).toEqual([]);
      }),
      { numRuns: 200, seed: 15 },
    );
  });

  it('balance seats per group of villages and the schools their arcs reach', () => {
    const pts = [{ id: 'W1', x: 0, children: [10] }, { id: 'W2', x: 1000, children: [10] }, { id: 'E1', x: 9000, children: [10] }];
    const facs = [school('SW', 500, 30), school('SE', 9000, 30), school('SX', 20_000, 30)];
    const base = instance(pts, facs);
    const area = (x: number) => (x < 6000 ? 'W' : 'E');
    const inst = { ...base, arcs: areaArcs(base.points, facs, base.points.map((p) => area(p.x)), facs.map((f) => area(f.x)), 1) };
    const groups = seatGroups(inst).map((g) => ({ points: g.points.map((p) => pts[p]?.id), facilities: g.facilities.map((f) => facs[f]?.id) }));
    expect(groups).toEqual([
      { points: ['W1', 'W2'], facilities: ['SW'] },
      { points: ['E1'], facilities: ['SE', 'SX'] },
    ]);
  });
});
