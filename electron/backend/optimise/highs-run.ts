// One MIP solve with HiGHS (WebAssembly), synchronous once the module is loaded: the model
// goes in as the sparse arrays of shared/optimise/model.ts, with a time limit, a gap limit,
// an optional first incumbent (the greedy layout) and a stop flag checked at HiGHS's own
// interrupt points. Runs inside the optimiser's worker (solve-worker.ts).
import loadHighs from 'highs';
import type { SparseMip } from '../../../shared/optimise/model';
import type { OptStatus } from '../../../shared/optimise/solution';

type Highs = Awaited<ReturnType<typeof loadHighs>>;

/**
 * A new HiGHS instance for each solve: its WebAssembly memory grows to the largest search it
 * has run and is never given back, so an instance kept for the life of the process would hold
 * the largest county's memory after it. A dropped instance goes with its memory; loading one
 * costs about 30–200 ms of CPU (the compiled code is cached by V8).
 */
export function freshHighs(): Promise<Highs> {
  return loadHighs();
}

export interface SolveProgress {
  seconds: number;
  /** Best layout found so far (objective, 万元) and the proven lower bound. */
  primal: number | null;
  dual: number | null;
  gap: number | null;
}

export interface HighsOutcome {
  status: OptStatus;
  /** HiGHS's own model status, for the report. */
  solverStatus: string;
  values: Float64Array | null;
  objective: number | null;
  gap: number | null;
  seconds: number;
  /** Stopped by the time limit or the stop flag before proving the optimum. */
  stopped: 'time' | 'cancel' | 'memory' | null;
}

export interface HighsOptions {
  timeLimit: number;
  mipGap: number;
  /** A whole column vector, or the binaries alone (HiGHS then completes the continuous part optimally). */
  start?: Float64Array | { indices: Int32Array; values: Float64Array };
  onProgress?: (p: SolveProgress) => void;
  shouldStop?: () => boolean;
  extra?: Record<string, string | number | boolean>;
  log?: (line: string) => void;
  /**
   * Resident memory (MiB, the whole process) at which the solve stops with its best layout:
   * HiGHS's search tree and cut pool grow for as long as it runs, and WebAssembly memory is
   * never given back, so a large county would otherwise pass the bound given to the app.
   */
  memoryLimitMb?: number;
}

const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) && Math.abs(v) < 1e29 ? v : null);

export function solveWith(h: Highs, mip: SparseMip, o: HighsOptions): HighsOutcome {
  const model = h.createModel({
    numCols: mip.numCols,
    numRows: mip.numRows,
    offset: mip.offset,
    colCost: mip.colCost,
    colLower: mip.colLower,
    colUpper: mip.colUpper,
    rowLower: mip.rowLower.map((v) => (v === -Infinity ? -h.infinity : v)),
    rowUpper: mip.rowUpper.map((v) => (v === Infinity ? h.infinity : v)),
    integrality: mip.integrality,
    matrix: { format: 'csr', numRows: mip.numRows, numCols: mip.numCols, starts: mip.starts, indices: mip.indices, values: mip.values },
  });
  try {
    model.options.set({ output_flag: false, time_limit: o.timeLimit, mip_rel_gap: o.mipGap, random_seed: 1, ...o.extra });
    if (o.start) model.setSolution(o.start instanceof Float64Array ? { colValue: o.start } : o.start);
    let cancelled = false;
    let overMemory = false;
    let lastMemoryCheck = -1;
    let lastReport = 0;
    const cb = h.constants.callbackType;
    // Progress is read at the interrupt checkpoints: HiGHS sends its MIP logging events only
    // while its log output is on, which it is not here.
    const report = (data: { running_time?: number; mip_primal_bound?: number; mip_dual_bound?: number; mip_gap?: number }) => {
      const s = data.running_time ?? 0;
      if (s - lastReport < 0.2) return;
      lastReport = s;
      o.onProgress?.({ seconds: s, primal: finite(data.mip_primal_bound), dual: finite(data.mip_dual_bound), gap: finite(data.mip_gap) });
    };
    model.run({
      [cb.mipInterrupt](event) {
        report(event.data);
        const now = event.data.running_time ?? 0;
        if (o.memoryLimitMb !== undefined && now - lastMemoryCheck >= 0.1) {
          lastMemoryCheck = now;
          if (process.memoryUsage.rss() / 1048576 > o.memoryLimitMb) {
            overMemory = true;
            event.interrupt();
            return;
          }
        }
        if (o.shouldStop?.()) {
          cancelled = true;
          event.interrupt();
        }
      },
      [cb.logging](event) {
        o.log?.(event.message);
      },
    });
    const ms = h.constants.modelStatus;
    const code = model.getModelStatus();
    const solverStatus = Object.entries(ms).find(([, v]) => v === code)?.[0] ?? String(code);
    const seconds = Number(model.getRunTime?.() ?? 0);
    const primalOk = Number(model.info.get('primal_solution_status')) === 2;
    const values = primalOk ? model.getSolution().colValue : null;
    const gapInfo = finite(Number(model.info.get('mip_gap')));
    const objective = primalOk ? model.getObjectiveValue() : null;
    let status: OptStatus;
    if (code === ms.optimal) status = 'optimal';
    else if (code === ms.infeasible) status = 'infeasible';
    else status = values ? 'feasible' : 'infeasible';
    const stopped = overMemory ? 'memory' : cancelled ? 'cancel' : code === ms.timeLimit ? 'time' : null;
    return { status, solverStatus, values, objective, gap: status === 'optimal' ? (gapInfo ?? 0) : gapInfo, seconds, stopped };
  } finally {
    model.dispose();
  }
}
