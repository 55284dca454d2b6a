// Small numeric helpers the engine shares. Everything here is deterministic and allocation-light,
// because a county recompute runs them tens of thousands of times.

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * Weights for n observations ordered oldest → newest. 'recent' lets the latest year count
 * most (n, n − 1, …, 1 from newest back), because ratios drift with policy and migration.
 */
const weightCache = new Map<string, readonly number[]>();

export function recencyWeights(n: number, weighting: 'recent' | 'equal'): readonly number[] {
  const key = `${weighting}${n}`;
  let w = weightCache.get(key);
  if (!w) {
    w = Object.freeze(Array.from({ length: n }, (_, i) => (weighting === 'recent' ? i + 1 : 1)));
    weightCache.set(key, w);
  }
  return w;
}

export interface Line {
  /** Fitted value at the reference x. */
  level: number;
  /** Change per unit of x. */
  slope: number;
  n: number;
}

/**
 * Least-squares line through (x, y), reported as its value at `at` and its slope. With one
 * point the slope is 0: a single year shows a level, not a trend.
 */
export function fitLine(xs: readonly number[], ys: readonly number[], at: number): Line {
  const n = Math.min(xs.length, ys.length);
  if (n === 0) return { level: NaN, slope: 0, n: 0 };
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i] as number;
    sy += ys[i] as number;
  }
  const mx = sx / n;
  const my = sy / n;
  if (n === 1) return { level: my, slope: 0, n };
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    sxx += dx * dx;
    sxy += dx * ((ys[i] as number) - my);
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { level: my + slope * (at - mx), slope, n };
}

/** Fewer points than this show a level, not a trend: two noisy years make any slope at all. */
export const MIN_TREND_POINTS = 3;

/** A line for extrapolation: like fitLine, but flat when there are too few points for a trend. */
export function trendLine(xs: readonly number[], ys: readonly number[], at: number): Line {
  const line = fitLine(xs, ys, at);
  if (line.n >= MIN_TREND_POINTS) return line;
  const n = line.n;
  let sy = 0;
  for (let i = 0; i < n; i++) sy += ys[i] as number;
  return { level: n ? sy / n : NaN, slope: 0, n };
}

/**
 * How many years' worth of a yearly trend have accumulated after h years when each year
 * keeps only `damping` of the previous year's change: 1 + φ + … + φ^(h−1). Trends that run
 * on undamped for 15 years are what make long projections absurd.
 */
export function dampedYears(h: number, damping: number): number {
  if (h <= 0) return 0;
  if (damping >= 1) return h;
  return (1 - damping ** h) / (1 - damping);
}

export function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] as number;
  return s;
}

/** Largest-remainder rounding: integer parts that add up to the rounded total exactly. */
export function roundPreservingTotal(values: readonly number[]): number[] {
  const total = Math.round(sum(values));
  const floors = values.map((v) => Math.floor(Math.max(0, v)));
  let left = total - sum(floors);
  const order = values
    .map((v, i) => ({ i, rem: Math.max(0, v) - Math.floor(Math.max(0, v)) }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (let k = 0; left > 0 && k < order.length; k++, left--) {
    const i = (order[k] as { i: number }).i;
    floors[i] = (floors[i] as number) + 1;
  }
  return floors;
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
