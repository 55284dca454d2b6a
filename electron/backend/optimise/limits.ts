/**
 * The process's resident memory (MiB) at which the solver stops and returns its best layout:
 * the optimiser is held to 1 GiB, and HiGHS's WebAssembly memory only grows while it searches.
 */
export const SOLVE_MEMORY_MB = 750;

/**
 * Rows from which a model is a large county's: the sample county's largest (primary stage,
 * area rule) has 15,258, the bench's 600-school, 5,000-village county 121,019
 * (docs/ARCHITECTURE.md, "Layout optimiser", memory bound). The sample keeps HiGHS's defaults.
 */
export const LARGE_MODEL_ROWS = 60_000;

/**
 * HiGHS options for a large model. The memory stop can act only at HiGHS's interrupt
 * checkpoints, and the root node has none between its first LP and its first cut round:
 * on the 600-school county that stretch alone added 430 MiB. Presolving the root LP again (a
 * model HiGHS has already presolved as a MIP) took 130 MiB of the process's peak (1,070 →
 * 941 MiB through the worker, same layout and gap); without it the root LP starts from the
 * MIP-presolved model as it stands.
 */
export const LARGE_MODEL_OPTIONS: Readonly<Record<string, string | number | boolean>> = {
  mip_root_presolve_only: true,
};

/** The HiGHS options a model of `rows` rows gets beyond the defaults (none for the sample county's). */
export function highsOptionsFor(rows: number): Readonly<Record<string, string | number | boolean>> | undefined {
  return rows >= LARGE_MODEL_ROWS ? LARGE_MODEL_OPTIONS : undefined;
}
