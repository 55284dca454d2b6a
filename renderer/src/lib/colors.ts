// Colours that carry meaning, kept in one place so that a stage or a warning level looks
// the same on every page and chart.
import { LEVEL_COLOR, PRIMARY_COLOR } from '@shared/domain';
import { NATIONAL_SETTINGS } from '@shared/plan/settings';

export { LEVEL_COLOR, STAGE_COLOR } from '@shared/domain';

export const PRIMARY = PRIMARY_COLOR;
export const BIRTHS_COLOR = '#5b7fa6';
export const NEUTRAL_BAR = '#b8c4d2';

/** Without a plan's settings, the national defaults (the plan settings' defaults) apply. */
export function classSizeColor(avg: number | null | undefined, limits = NATIONAL_SETTINGS): string | undefined {
  if (avg === null || avg === undefined) return undefined;
  if (avg >= limits.oversizedClass) return LEVEL_COLOR.red;
  if (avg >= limits.largeClass) return LEVEL_COLOR.orange;
  return undefined;
}

export function utilisationColor(u: number | null | undefined, levels = NATIONAL_SETTINGS.levels): string | undefined {
  if (u === null || u === undefined) return undefined;
  if (u > levels.red) return LEVEL_COLOR.red;
  if (u >= levels.orange) return LEVEL_COLOR.orange;
  if (u < levels.blue) return LEVEL_COLOR.blue;
  return undefined;
}

/** Rising enrolment shows pressure (red/orange), falling shows emptying schools (blue). */
export function changeColor(pct: number | null | undefined): string | undefined {
  if (pct === null || pct === undefined) return undefined;
  if (pct >= 10) return LEVEL_COLOR.red;
  if (pct > 0.05) return LEVEL_COLOR.orange;
  if (pct < -0.05) return LEVEL_COLOR.blue;
  return undefined;
}
