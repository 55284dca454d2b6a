// What the page shows while the solver runs.
export interface SolveProgressView {
  /** 'greedy' while the greedy layout and the model are built, 'mip' while HiGHS runs. */
  phase: 'greedy' | 'mip';
  seconds: number;
  /** Best layout so far and the proven bound (万元, the whole objective). */
  primal: number | null;
  dual: number | null;
  gap: number | null;
}
