// A smaller, equivalent MIP for a large county: a continuous column that appears in one
// equality row only (the unmet children u[p,t] of a demand row Σx + u = d) is that row's
// slack. Substituting it (u = (d − Σx)/a) turns the row into a range and moves its cost onto
// the row's other columns and the offset, so every layout keeps its objective exactly; the
// solver holds one column fewer per demand row and year (25,000 of the 600-school county's
// 141,522). See docs/ARCHITECTURE.md, "A large county's model".
import type { SparseMip } from './model';

export interface SlackFreeMip {
  mip: SparseMip;
  /** Old column → new column, −1 where the column was substituted. */
  column: Int32Array;
  /** A column vector of the smaller model back to one of the original (substituted columns recomputed). */
  expand(values: ArrayLike<number>): Float64Array;
}

interface Slack {
  col: number;
  row: number;
  coef: number;
}

/** A block of rows, first … first + count − 1. */
export interface RowBlock {
  first: number;
  count: number;
}

const NO_ROWS: RowBlock = { first: 0, count: 0 };

const skipped = (r: number, skip: RowBlock) => r >= skip.first && r < skip.first + skip.count;

function slackColumns(mip: SparseMip, skip: RowBlock): Slack[] {
  const count = new Int32Array(mip.numCols);
  const rowOf = new Int32Array(mip.numCols).fill(-1);
  const coefOf = new Float64Array(mip.numCols);
  for (let r = 0; r < mip.numRows; r++) {
    if (skipped(r, skip)) continue;
    for (let k = mip.starts[r] as number; k < (mip.starts[r + 1] as number); k++) {
      const c = mip.indices[k] as number;
      count[c] = (count[c] ?? 0) + 1;
      rowOf[c] = r;
      coefOf[c] = mip.values[k] as number;
    }
  }
  const taken = new Uint8Array(mip.numRows);
  const out: Slack[] = [];
  for (let c = 0; c < mip.numCols; c++) {
    const r = rowOf[c] as number;
    if (count[c] !== 1 || mip.integrality[c] || taken[r] || (coefOf[c] as number) <= 0) continue;
    if (mip.rowLower[r] !== mip.rowUpper[r]) continue;
    taken[r] = 1;
    out.push({ col: c, row: r, coef: coefOf[c] as number });
  }
  return out;
}

/**
 * The smaller model, without the rows of `skip` too (a large county's seat-balance rows,
 * model.ts: they would hold each slack column in a second row), cut in the same pass.
 */
export function dropSlackColumns(mip: SparseMip, skip: RowBlock = NO_ROWS): SlackFreeMip {
  const slacks = slackColumns(mip, skip);
  const slackOfRow = new Map<number, Slack>(slacks.map((s) => [s.row, s]));
  const column = new Int32Array(mip.numCols);
  const dropped = new Uint8Array(mip.numCols);
  for (const s of slacks) dropped[s.col] = 1;
  let n = 0;
  for (let c = 0; c < mip.numCols; c++) column[c] = dropped[c] ? -1 : n++;

  const colCost = new Float64Array(n);
  const colLower = new Float64Array(n);
  const colUpper = new Float64Array(n);
  const integrality = new Int32Array(n);
  for (let c = 0; c < mip.numCols; c++) {
    const j = column[c] as number;
    if (j < 0) continue;
    colCost[j] = mip.colCost[c] as number;
    colLower[j] = mip.colLower[c] as number;
    colUpper[j] = mip.colUpper[c] as number;
    integrality[j] = mip.integrality[c] as number;
  }
  let offset = mip.offset;
  const numRows = mip.numRows - skip.count;
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  const starts = new Int32Array(numRows + 1);
  const cut = (mip.starts[skip.first + skip.count] as number) - (mip.starts[skip.first] as number);
  const indices = new Int32Array(mip.indices.length - cut - slacks.length);
  const values = new Float64Array(mip.indices.length - cut - slacks.length);
  let k2 = 0;
  let r2 = 0;
  for (let r = 0; r < mip.numRows; r++) {
    if (skipped(r, skip)) continue;
    const s = slackOfRow.get(r);
    for (let k = mip.starts[r] as number; k < (mip.starts[r + 1] as number); k++) {
      const c = mip.indices[k] as number;
      if (s && c === s.col) continue;
      indices[k2] = column[c] as number;
      values[k2++] = mip.values[k] as number;
      // cost·u = cost/a·(rhs − Σ a_j x_j)
      if (s) colCost[column[c] as number] = (colCost[column[c] as number] as number) - ((mip.colCost[s.col] as number) * (mip.values[k] as number)) / s.coef;
    }
    starts[r2 + 1] = k2;
    rowLower[r2] = mip.rowLower[r] as number;
    rowUpper[r2] = mip.rowUpper[r] as number;
    if (s) {
      const rhs = mip.rowLower[r] as number;
      offset += ((mip.colCost[s.col] as number) * rhs) / s.coef;
      rowLower[r2] = rhs - s.coef * (mip.colUpper[s.col] as number);
      rowUpper[r2] = rhs - s.coef * (mip.colLower[s.col] as number);
    }
    r2++;
  }

  const expand = (v: ArrayLike<number>): Float64Array => {
    const full = new Float64Array(mip.numCols);
    for (let c = 0; c < mip.numCols; c++) if ((column[c] as number) >= 0) full[c] = v[column[c] as number] ?? 0;
    for (const s of slacks) {
      let rest = mip.rowLower[s.row] as number;
      for (let k = mip.starts[s.row] as number; k < (mip.starts[s.row + 1] as number); k++) {
        const c = mip.indices[k] as number;
        if (c !== s.col) rest -= (mip.values[k] as number) * (full[c] as number);
      }
      full[s.col] = Math.min(mip.colUpper[s.col] as number, Math.max(mip.colLower[s.col] as number, rest / s.coef));
    }
    return full;
  };

  return {
    mip: { numCols: n, numRows, colCost, colLower, colUpper, integrality, rowLower, rowUpper, starts, indices, values, offset },
    column,
    expand,
  };
}
