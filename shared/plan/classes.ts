// Class sizes in a projected year. A year's students and classrooms are known per school
// and stage, not per class: the school opens the classes it needs at the standard size as
// far as it has rooms, and packs the rest into them; its classes are then taken as spread
// evenly around the average, so that 大班额 counts move smoothly rather than all at once.
import type { PlanSettings } from './settings';

export interface ClassEstimate {
  classes: number;
  average: number | null;
  large: number;
  oversized: number;
}

/** Share of classes at or above `threshold` when sizes spread evenly over average ± spread. */
export function shareAtLeast(average: number, threshold: number, spread: number): number {
  if (spread <= 0) return average >= threshold ? 1 : 0;
  return Math.min(1, Math.max(0, (average + spread - threshold) / (2 * spread)));
}

/**
 * @param rooms classrooms the school has for the stage
 * @param minClasses classes it runs however few its students (one per grade taught)
 */
export function estimateClasses(
  students: number,
  rooms: number,
  minClasses: number,
  classSize: number,
  settings: Pick<PlanSettings, 'largeClass' | 'oversizedClass' | 'classSpread'>,
): ClassEstimate {
  if (students <= 0) return { classes: 0, average: null, large: 0, oversized: 0 };
  const needed = Math.ceil(students / classSize);
  const floor = Math.min(minClasses, students);
  const classes = Math.max(1, Math.max(Math.min(needed, Math.max(rooms, 0)), floor));
  const average = students / classes;
  return {
    classes,
    average,
    large: Math.round(classes * shareAtLeast(average, settings.largeClass, settings.classSpread)),
    oversized: Math.round(classes * shareAtLeast(average, settings.oversizedClass, settings.classSpread)),
  };
}
