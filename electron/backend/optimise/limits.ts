/**
 * The process's resident memory (MiB) at which the solver stops and returns its best layout:
 * the optimiser is held to 1 GiB, and HiGHS's WebAssembly memory only grows while it searches.
 */
export const SOLVE_MEMORY_MB = 750;
