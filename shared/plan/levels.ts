// 学位预警 levels and the seat/class arithmetic every table shares.
import type { PlanSettings } from './settings';
import type { Level } from './types';

export function utilisationOf(demand: number, capacity: number): number | null {
  return capacity > 0 ? demand / capacity : null;
}

/** red above `red` use, orange from `orange` up to `red`, green down to `blue`, blue below it. */
export function levelOf(demand: number, capacity: number, levels: PlanSettings['levels']): Level {
  if (capacity <= 0) return demand > 0 ? 'red' : 'none';
  const u = demand / capacity;
  if (u > levels.red) return 'red';
  if (u >= levels.orange) return 'orange';
  if (u < levels.blue) return 'blue';
  return 'green';
}

/** Classes short (positive) or spare (negative, whole classes only) at the standard size. */
export function classGapOf(gap: number, classSize: number): number {
  if (gap > 0) return Math.ceil(gap / classSize);
  const spare = Math.floor(-gap / classSize);
  // Never −0: it would not survive a round trip through JSON unchanged.
  return spare === 0 ? 0 : -spare;
}

/** Seats to add so that use falls to the red threshold (0 when it already is there). */
export function seatsShort(demand: number, capacity: number, red: number): number {
  return Math.max(0, Math.ceil(demand / red - capacity - 1e-9));
}

export const LEVEL_LABEL: Record<Level, string> = {
  red: '红色（学位不足）',
  orange: '橙色（趋紧）',
  green: '绿色（适度）',
  blue: '蓝色（富余）',
  none: '无',
};
