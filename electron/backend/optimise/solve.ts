// Greedy first (the fallback, the yardstick and the solver's first incumbent), then the MIP,
// both read back into layouts and held to every constraint by the checker. `solveInstance`
// runs in the calling thread; the API runs it in the optimiser's own worker (run-worker.ts).
import { checkSolution } from '../../../shared/optimise/check';
import { greedySolve, polishLayout } from '../../../shared/optimise/greedy';
import type { OptInstance } from '../../../shared/optimise/instance';
import { buildMip, decodeMip, encodeSolution, type MipLayout, type SparseMip } from '../../../shared/optimise/model';
import { dropSlackColumns } from '../../../shared/optimise/slack-columns';
import type { OptSolution } from '../../../shared/optimise/solution';
import { freshHighs, solveWith, type SolveProgress } from './highs-run';
import { highsOptionsFor, SOLVE_MEMORY_MB } from './limits';

export interface SolveOptions {
  timeLimit: number;
  mipGap: number;
  onProgress?: (p: SolveProgress) => void;
  shouldStop?: () => boolean;
  memoryLimitMb?: number;
}

export interface SolveOutcome {
  greedy: OptSolution;
  /** Null when the solver found no layout in time (the greedy one stands). */
  mip: OptSolution | null;
  solverStatus: string;
  seconds: number;
  stopped: 'time' | 'cancel' | 'memory' | null;
  size: { columns: number; rows: number; binaries: number; nonzeros: number };
  /** Constraint violations found by the checker (empty when the layout holds). */
  violations: { greedy: string[]; mip: string[] };
}

/**
 * The decisions of a layout without its assignment: HiGHS completes the children's
 * assignment optimally for them, a cheaper first incumbent than the nearest-first one.
 */
function binariesOf(v: Float64Array, integrality: Int32Array): { indices: Int32Array; values: Float64Array } {
  let n = 0;
  for (const i of integrality) n += i;
  const indices = new Int32Array(n);
  const values = new Float64Array(n);
  let j = 0;
  for (let c = 0; c < v.length; c++) {
    if (!integrality[c]) continue;
    indices[j] = c;
    values[j++] = v[c] ?? 0;
  }
  return { indices, values };
}

/**
 * The model HiGHS gets: a large county's without its seat-balance rows and slack columns
 * (slack-columns.ts), with the way from the solver's column vector back to the full one and
 * from a full column index to the solver's.
 */
function forSolver(mip: SparseMip, layout: MipLayout): { mip: SparseMip; expand: (v: Float64Array) => Float64Array; column: (c: number) => number } {
  if (!highsOptionsFor(mip.numRows)) return { mip, expand: (v) => v, column: (c) => c };
  const slim = dropSlackColumns(mip, layout.balance);
  return { mip: slim.mip, expand: slim.expand, column: (c) => slim.column[c] as number };
}

export async function solveInstance(inst: OptInstance, o: SolveOptions): Promise<SolveOutcome> {
  const greedy = greedySolve(inst);
  const { mip: full, layout } = buildMip(inst);
  const solver = forSolver(full, layout);
  const mip = solver.mip;
  const h = await freshHighs();
  const start = binariesOf(encodeSolution(inst, layout, polishLayout(inst, greedy), full.numCols), full.integrality);
  start.indices = start.indices.map(solver.column);
  const out = solveWith(h, mip, {
    timeLimit: o.timeLimit,
    mipGap: o.mipGap,
    start,
    onProgress: o.onProgress,
    shouldStop: o.shouldStop,
    memoryLimitMb: o.memoryLimitMb ?? SOLVE_MEMORY_MB,
    extra: highsOptionsFor(mip.numRows),
  });
  const sol = out.values && out.objective !== null ? decodeMip(inst, layout, solver.expand(out.values), out.status, out.gap, out.objective) : null;
  let binaries = 0;
  for (const v of mip.integrality) binaries += v;
  return {
    greedy,
    mip: sol,
    solverStatus: out.solverStatus,
    seconds: out.seconds,
    stopped: out.stopped,
    size: { columns: mip.numCols, rows: mip.numRows, binaries, nonzeros: mip.values.length },
    violations: { greedy: checkSolution(inst, greedy), mip: sol ? checkSolution(inst, sol) : [] },
  };
}
