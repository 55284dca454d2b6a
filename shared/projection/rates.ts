// Rates that move over the projection years: toward a planner's target (reached in the target
// year, then held), or along the calibrated trend, damped so it fades.
import { clamp, dampedYears } from './math';

export interface RateLine {
  /** Value in the base year. */
  level: number;
  /** Change per year in the base year. */
  slope: number;
}

export interface RateTarget {
  target: number | null;
  year: number;
}

export function rateAt(line: RateLine, path: RateTarget, baseYear: number, year: number, damping: number, lo: number, hi: number): number {
  const h = year - baseYear;
  if (path.target !== null) {
    if (year >= path.year || path.year <= baseYear) return clamp(path.target, lo, hi);
    return clamp(line.level + ((path.target - line.level) * h) / (path.year - baseYear), lo, hi);
  }
  return clamp(line.level + line.slope * dampedYears(h, damping), lo, hi);
}
