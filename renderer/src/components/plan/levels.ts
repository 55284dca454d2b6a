// How warning levels and targets look on the 规划 page: one place, so the matrix, the
// tables, the chart and the warning list agree.
import type { Level, PlanWarning } from '@shared/plan';
import { LEVEL_COLOR } from '../../lib/colors';

/** Cell backgrounds of the gap matrix: light enough for dark text, distinct when printed. */
export const LEVEL_BG: Record<Level, string> = {
  red: '#ffccc7',
  orange: '#ffe7ba',
  green: '#d9f7be',
  blue: '#d6e8fc',
  none: '#f5f5f5',
};

export const LEVEL_FG: Record<Level, string> = {
  red: LEVEL_COLOR.red,
  orange: LEVEL_COLOR.orange,
  green: LEVEL_COLOR.green,
  blue: LEVEL_COLOR.blue,
  none: LEVEL_COLOR.muted,
};

export const WARNING_COLOR: Record<PlanWarning['level'], string> = {
  red: LEVEL_COLOR.red,
  orange: LEVEL_COLOR.orange,
  blue: LEVEL_COLOR.blue,
};

export function metColor(met: boolean | null): 'success' | 'error' | 'default' {
  return met === null ? 'default' : met ? 'success' : 'error';
}
