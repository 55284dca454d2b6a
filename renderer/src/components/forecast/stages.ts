// Stage order and helpers for the 预测 page: 中职 sits next to 高中 (both follow junior
// leavers), special education last.
import type { ProjectionResult } from '@shared/projection';
import type { Stage } from '@shared/domain';

export const DISPLAY_STAGES: readonly Stage[] = ['preschool', 'primary', 'junior', 'senior', 'vocational', 'special'];

/** Stages the county has students in (recorded or projected). */
export function stagesIn(r: ProjectionResult): Stage[] {
  return DISPLAY_STAGES.filter((s) => r.county[s].some((v) => v > 0) || (r.history.county[s].at(-1) ?? 0) > 0);
}

export function baseValue(r: ProjectionResult, stage: Stage): number {
  return r.history.county[stage].at(-1) ?? 0;
}

/** Lowest and highest value over all scenarios, per projected year. */
export function scenarioRange(r: ProjectionResult, stage: Stage): { low: number[]; high: number[] } {
  const low = r.years.map((_, i) => Math.min(...r.comparison.map((c) => c.county[stage][i] ?? 0)));
  const high = r.years.map((_, i) => Math.max(...r.comparison.map((c) => c.county[stage][i] ?? 0)));
  return { low, high };
}

export function changePct(from: number, to: number): number | null {
  return from > 0 ? ((to - from) / from) * 100 : null;
}
