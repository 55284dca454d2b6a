// 80 % intervals from the engine's own record. The rolling-origin backtest that chooses the
// persistence weights (trust) leaves, for every school-year it re-projected, the figure the
// engine gave and what happened. The 10th and 90th percentiles of actual ÷ projected, per
// level, size class and horizon, are the interval's ends: empirical, so they are as wide as
// the county's own history says, not as a model assumes. Where the history is too short for
// any backtest, last year's value's own error (year-on-year change) stands in, and says so.
import type { CoreCalibration } from './engine';
import type { Section } from './sections';
import { SIZE_CLASSES, sizeClassOf, type SizeClass } from './size-classes';
import type { BacktestCase, TrustCalibration } from './trust';

export type IntervalLevel = 'school' | 'township' | 'county';

export interface IntervalBand {
  /** Years ahead. */
  h: number;
  /** Actual ÷ projected at the 10th and 90th percentile (lo ≤ 1 ≤ hi). */
  lo: number;
  hi: number;
  /** Cases the percentiles rest on. */
  n: number;
}

export interface IntervalTable {
  /** 'backtest': the engine's own errors; 'history': year-on-year changes (too short a record to backtest); 'none'. */
  source: 'backtest' | 'history' | 'none';
  school: Record<SizeClass, IntervalBand[]>;
  township: IntervalBand[];
  county: IntervalBand[];
}

const LOWER = 0.1;
const UPPER = 0.9;
/** Fewer cases than this and a class's percentiles would be guesses: its horizon pools all classes. */
const MIN_CASES = 30;
const MIN_AREA_CASES = 8;

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 1) return sorted[0] as number;
  const pos = q * (sorted.length - 1);
  const i = Math.floor(pos);
  const f = pos - i;
  return (sorted[i] as number) * (1 - f) + ((sorted[i + 1] ?? sorted[i]) as number) * f;
}

function bandOf(h: number, ratios: readonly number[]): IntervalBand {
  const sorted = [...ratios].sort((a, b) => a - b);
  return { h, lo: Math.min(1, quantile(sorted, LOWER)), hi: Math.max(1, quantile(sorted, UPPER)), n: sorted.length };
}

interface Pair {
  h: number;
  forecast: number;
  actual: number;
}

function ratiosAt(pairs: readonly Pair[], h: number): number[] {
  const out: number[] = [];
  for (const p of pairs) if (p.h === h && p.forecast > 0 && p.actual > 0) out.push(p.actual / p.forecast);
  return out;
}

/** Sums of forecast and actual per group (township or county, stage, origin, horizon). */
function aggregate(cases: readonly BacktestCase[], key: (c: BacktestCase) => string): Pair[] {
  const groups = new Map<string, Pair>();
  for (const c of cases) {
    const k = `${key(c)}|${c.stage}|${c.origin}|${c.h}`;
    const g = groups.get(k);
    if (g) {
      g.forecast += c.forecast;
      g.actual += c.actual;
    } else groups.set(k, { h: c.h, forecast: c.forecast, actual: c.actual });
  }
  return [...groups.values()];
}

function horizons(pairs: readonly Pair[]): number {
  return pairs.reduce((m, p) => Math.max(m, p.h), 0);
}

/** Log half-widths scaled by a factor: how a band narrows when errors of many units average out. */
function scaled(b: IntervalBand, factor: number): IntervalBand {
  return { h: b.h, lo: Math.exp(Math.log(b.lo) * factor), hi: Math.exp(Math.log(b.hi) * factor), n: b.n };
}

function meanAbsLog(pairs: readonly Pair[], h: number): number | null {
  const r = ratiosAt(pairs, h);
  return r.length ? r.reduce((sum, x) => sum + Math.abs(Math.log(x)), 0) / r.length : null;
}

/**
 * How much the units' errors cancel when added up to an area, as this county's record shows
 * it: the area's mean absolute log error over the units' at the same horizons. At least the
 * root of the sum of squared shares (errors fully independent), at most 1 (fully shared).
 */
function cancelFactor(area: readonly Pair[], units: readonly Pair[], floor: number): number {
  let a = 0;
  let u = 0;
  for (let h = 1; h <= horizons(area); h++) {
    const ea = meanAbsLog(area, h);
    const eu = meanAbsLog(units, h);
    if (ea === null || eu === null) continue;
    a += ea;
    u += eu;
  }
  return u > 0 ? Math.min(1, Math.max(floor, a / u)) : 1;
}

/** Root of the sum of squared shares of the groups' base-year students: the independent-errors floor. */
function shareFloor(cal: CoreCalibration, key: (s: Section) => string, within: (s: Section) => string): number {
  const parts = new Map<string, { within: string; students: number }>();
  const totals = new Map<string, number>();
  for (const s of cal.index.sections) {
    if (s.stage === 'special') continue;
    const part = parts.get(key(s)) ?? { within: within(s), students: 0 };
    part.students += s.baseTotal;
    parts.set(key(s), part);
    totals.set(part.within, (totals.get(part.within) ?? 0) + s.baseTotal);
  }
  const squares = new Map<string, number>();
  for (const p of parts.values()) {
    const total = totals.get(p.within) ?? 0;
    if (total > 0) squares.set(p.within, (squares.get(p.within) ?? 0) + (p.students / total) ** 2);
  }
  const list = [...squares.values()];
  return list.length ? Math.sqrt(list.reduce((x, y) => x + y, 0) / list.length) : 1;
}

function areaBands(pairs: readonly Pair[], fallback: IntervalBand[], factor: number): IntervalBand[] {
  const out: IntervalBand[] = [];
  const H = Math.max(horizons(pairs), fallback.length);
  for (let h = 1; h <= H; h++) {
    const own = ratiosAt(pairs, h);
    const fb = fallback[h - 1];
    const wide = fb ? scaled(fb, factor) : null;
    if (own.length >= MIN_AREA_CASES) {
      const b = bandOf(h, own);
      // Few areas make narrow percentiles by chance: never narrower than the schools' errors averaged.
      out.push(wide ? { h, lo: Math.min(b.lo, wide.lo), hi: Math.max(b.hi, wide.hi), n: b.n } : b);
    } else if (wide) {
      // The area's own few errors still count: the band reaches at least to the largest of them.
      const lo = Math.min(wide.lo, ...own);
      const hi = Math.max(wide.hi, ...own);
      out.push({ h, lo, hi, n: own.length });
    }
  }
  return out;
}

export function intervalsFromCases(cal: CoreCalibration, cases: readonly BacktestCase[]): IntervalTable {
  const pairs: readonly Pair[] = cases;
  const H = horizons(pairs);
  const pooled: IntervalBand[] = [];
  for (let h = 1; h <= H; h++) {
    const r = ratiosAt(pairs, h);
    if (r.length >= MIN_CASES) pooled.push(bandOf(h, r));
    else break;
  }
  const school = Object.fromEntries(
    SIZE_CLASSES.map((c) => {
      const mine = cases.filter((x) => x.cls === c.key);
      return [c.key, pooled.map((p) => {
        const r = ratiosAt(mine, p.h);
        return r.length >= MIN_CASES ? bandOf(p.h, r) : p;
      })];
    }),
  ) as Record<SizeClass, IntervalBand[]>;
  // Schools' errors partly cancel in their township's total, townships' in the county's: by as
  // much as the record shows, and the area's own errors decide where there are enough of them.
  const townshipPairs = aggregate(cases, (c) => String(c.township));
  const countyPairs = aggregate(cases, () => 'county');
  const tFloor = shareFloor(cal, (s) => String(s.id), (s) => `${s.township}|${s.stage}`);
  const cFloor = shareFloor(cal, (s) => `${s.township}|${s.stage}`, (s) => s.stage);
  const township = areaBands(townshipPairs, pooled, cancelFactor(townshipPairs, pairs, tFloor));
  const county = areaBands(countyPairs, township, cancelFactor(countyPairs, townshipPairs, cFloor));
  const source = pooled.length > 0 ? 'backtest' : 'none';
  return { source, school, township: source === 'none' ? [] : township, county: source === 'none' ? [] : county };
}

/**
 * Too short a record to backtest: last year's value's own one-year error (each school's
 * year-on-year change) is the best the data can say about a year ahead.
 */
function fromHistory(cal: CoreCalibration): BacktestCase[] {
  const { index, baseYear } = cal;
  const out: BacktestCase[] = [];
  for (const s of index.sections) {
    if (s.stage === 'special') continue;
    const g = index.grades[s.stage];
    for (let y = index.firstYear + 1; y <= baseYear; y++) {
      const yi = y - index.firstYear;
      if (!s.present[yi] || !s.present[yi - 1]) continue;
      out.push({ origin: y - 1, h: 1, section: s.id, township: s.township, stage: s.stage, cls: sizeClassOf(total(s, g, yi - 1)), forecast: total(s, g, yi - 1), actual: total(s, g, yi) });
    }
  }
  return out;
}

function total(s: Section, g: number, yi: number): number {
  let sum = 0;
  for (let k = 0; k < g; k++) sum += s.hist[yi * g + k] as number;
  return sum;
}

export function calibrateIntervals(cal: CoreCalibration, trust: TrustCalibration): IntervalTable {
  const own = intervalsFromCases(cal, trust.cases);
  if (own.source === 'backtest') return own;
  const hist = intervalsFromCases(cal, fromHistory(cal));
  return hist.source === 'backtest' ? { ...hist, source: 'history' } : hist;
}

/**
 * The band h years ahead. Past the record's horizons it widens as h^p: p = ½ if each year's
 * error were a fresh, independent shock, 1 if errors simply carried forward; the record's own
 * growth from its first to its last horizon sets p where it has two or more, else the middle.
 */
export function bandAt(bands: readonly IntervalBand[], h: number, defaultGrowth = 0.75): { lo: number; hi: number } | null {
  if (bands.length === 0) return null;
  const exact = bands[h - 1];
  if (exact) return exact;
  const first = bands[0] as IntervalBand;
  const last = bands[bands.length - 1] as IntervalBand;
  const width = (b: IntervalBand) => Math.log(b.hi) - Math.log(b.lo);
  const p = last.h > first.h && width(first) > 0 ? Math.min(1, Math.max(0.5, Math.log(width(last) / width(first)) / Math.log(last.h / first.h))) : defaultGrowth;
  const f = (h / last.h) ** p;
  return { lo: Math.exp(Math.log(last.lo) * f), hi: Math.exp(Math.log(last.hi) * f) };
}

export function bandsFor(table: IntervalTable, level: IntervalLevel, cls: SizeClass | null): readonly IntervalBand[] {
  if (level === 'school') return cls ? table.school[cls] : [];
  return table[level];
}

/** Low and high ends around a projected figure. */
export function rangeOf(table: IntervalTable, level: IntervalLevel, cls: SizeClass | null, h: number, value: number): [number, number] | null {
  // An area's error is mostly the drift of its entrants, which carries forward year after year.
  const b = bandAt(bandsFor(table, level, cls), h, level === 'school' ? 0.75 : 1);
  if (!b) return null;
  return [Math.round(value * b.lo), Math.round(value * b.hi)];
}

