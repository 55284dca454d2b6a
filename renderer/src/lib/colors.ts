// Colours that carry meaning, kept in one place so that a stage or a warning level looks
// the same on every page and chart.
import { LARGE_CLASS, OVERSIZED_CLASS, PRIMARY_COLOR } from '@shared/domain';

export { STAGE_COLOR } from '@shared/domain';

/** Seat-use and class-size warning levels (学位预警). */
export const LEVEL_COLOR = {
  red: '#cf1322',
  orange: '#d46b08',
  green: '#389e0d',
  blue: '#1d63b8',
  muted: '#8c8c8c',
} as const;

export const PRIMARY = PRIMARY_COLOR;
export const BIRTHS_COLOR = '#5b7fa6';
export const NEUTRAL_BAR = '#b8c4d2';

export function classSizeColor(avg: number | null | undefined): string | undefined {
  if (avg === null || avg === undefined) return undefined;
  if (avg >= OVERSIZED_CLASS) return LEVEL_COLOR.red;
  if (avg >= LARGE_CLASS) return LEVEL_COLOR.orange;
  return undefined;
}

export function utilisationColor(u: number | null | undefined): string | undefined {
  if (u === null || u === undefined) return undefined;
  if (u > 1) return LEVEL_COLOR.red;
  if (u >= 0.9) return LEVEL_COLOR.orange;
  if (u < 0.6) return LEVEL_COLOR.blue;
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
