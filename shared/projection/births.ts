// Births per township and year: the recorded series up to the base year, then the
// scenario's path. The county trend is fitted on the log of recorded births (a yearly % change),
// damped so that it fades; townships keep their recent shares of the county's births.
import type { MethodSettings, ScenarioParams } from './params';
import { clamp, dampedYears, trendLine } from './math';

/** Bounds on the calibrated yearly change: beyond them a short series is more noise than trend. */
const MIN_RATE = -0.12;
const MAX_RATE = 0.06;
const SHARE_YEARS = 3;

export interface BirthsBase {
  /** Year of index 0 in every series. */
  firstYear: number;
  /** Last year with recorded (or, without births data, population-derived) births. */
  lastYear: number;
  /** Recorded births per township; NaN where not recorded. */
  byTownship: Float64Array[];
  /** County series, recorded years only (townships without records estimated). */
  county: Float64Array;
  /** Fitted county level in lastYear: the start of the projected path. */
  level: number;
  /** Calibrated yearly change (0.03 = +3 %). */
  rate: number;
  /** Each township's share of county births in the last recorded years. */
  shares: number[];
  /** 'recorded' births, or 'age0' when the county has no births and age-0 population stands in. */
  source: 'recorded' | 'age0' | 'none';
  /** Townships without birth records. */
  missing: number[];
}

export interface BirthsPath {
  firstYear: number;
  lastYear: number;
  county: Float64Array;
  byTownship: Float64Array[];
  /** True for recorded years. */
  recorded: boolean[];
}

interface BirthInput {
  township: string;
  year: number;
  count: number;
}

/**
 * Age-0 population stands in for births where a county has none recorded (an import of a
 * census only): children counted at age 0 are, give or take a few, the year's births.
 */
export function calibrateBirths(
  records: readonly BirthInput[],
  age0: readonly BirthInput[],
  townshipIndex: ReadonlyMap<string, number>,
  townships: number,
  baseYear: number,
  settings: MethodSettings,
): BirthsBase {
  const usable = records.filter((r) => r.year <= baseYear && townshipIndex.has(r.township));
  const source: BirthsBase['source'] = usable.length > 0 ? 'recorded' : age0.length > 0 ? 'age0' : 'none';
  const series = source === 'recorded' ? usable : age0.filter((r) => r.year <= baseYear && townshipIndex.has(r.township));
  if (series.length === 0) {
    return {
      firstYear: baseYear,
      lastYear: baseYear,
      byTownship: Array.from({ length: townships }, () => new Float64Array(1).fill(NaN)),
      county: new Float64Array(1),
      level: 0,
      rate: 0,
      shares: new Array<number>(townships).fill(0),
      source: 'none',
      missing: Array.from({ length: townships }, (_, i) => i),
    };
  }
  let firstYear = Infinity;
  let lastYear = -Infinity;
  for (const r of series) {
    firstYear = Math.min(firstYear, r.year);
    lastYear = Math.max(lastYear, r.year);
  }
  const n = lastYear - firstYear + 1;
  const byTownship = Array.from({ length: townships }, () => new Float64Array(n).fill(NaN));
  for (const r of series) {
    const t = townshipIndex.get(r.township) as number;
    const row = byTownship[t] as Float64Array;
    const i = r.year - firstYear;
    row[i] = (Number.isNaN(row[i] as number) ? 0 : (row[i] as number)) + r.count;
  }

  // Townships without records take their share from age-0 population, else nothing.
  const age0Last = new Map<number, number>();
  for (const r of age0) {
    const t = townshipIndex.get(r.township);
    if (t !== undefined && r.year <= baseYear) age0Last.set(t, r.count);
  }
  const missing: number[] = [];
  const recent = byTownship.map((row, t) => {
    const vals: number[] = [];
    for (let i = n - 1; i >= 0 && vals.length < SHARE_YEARS; i--) if (!Number.isNaN(row[i] as number)) vals.push(row[i] as number);
    if (vals.length === 0) {
      missing.push(t);
      return null;
    }
    return vals.reduce((s, x) => s + x, 0) / vals.length;
  });
  const recordedTotal = recent.reduce<number>((s, x) => s + (x ?? 0), 0);
  const estimates = recent.map((x, t) => x ?? age0Last.get(t) ?? 0);
  const estimateTotal = estimates.reduce((s, x) => s + x, 0);
  const shares = estimates.map((x) => (estimateTotal > 0 ? x / estimateTotal : 0));
  // County births in recorded years, scaled up for townships that have no records.
  const scaleUp = recordedTotal > 0 ? estimateTotal / recordedTotal : 1;
  const county = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (const row of byTownship) if (!Number.isNaN(row[i] as number)) s += row[i] as number;
    county[i] = s * scaleUp;
  }

  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = Math.max(0, n - settings.trendYears); i < n; i++) {
    if ((county[i] as number) > 0) {
      xs.push(firstYear + i);
      ys.push(Math.log(county[i] as number));
    }
  }
  const line = trendLine(xs, ys, lastYear);
  const level = xs.length > 0 ? Math.exp(line.level) : 0;
  const rate = clamp(Math.exp(line.slope) - 1, MIN_RATE, MAX_RATE);
  return { firstYear, lastYear, byTownship, county, level, rate, shares, source, missing };
}

/** Births from base.firstYear to lastYear: recorded where known, then the scenario's path. */
export function birthsPath(
  base: BirthsBase,
  params: ScenarioParams['births'],
  damping: number,
  lastYear: number,
): BirthsPath {
  const firstYear = base.firstYear;
  const n = Math.max(0, lastYear - firstYear + 1);
  const county = new Float64Array(n);
  const recorded: boolean[] = new Array<boolean>(n).fill(false);
  const future = futureCounty(base, params, damping);
  for (let i = 0; i < n; i++) {
    const year = firstYear + i;
    if (year <= base.lastYear) {
      county[i] = base.county[i] ?? 0;
      recorded[i] = true;
    } else {
      county[i] = future(year);
    }
  }
  const byTownship = base.byTownship.map((row, t) => {
    const out = new Float64Array(n);
    const share = base.shares[t] ?? 0;
    for (let i = 0; i < n; i++) {
      const rec = i < row.length ? (row[i] as number) : NaN;
      out[i] = recorded[i] && !Number.isNaN(rec) ? rec : (county[i] as number) * share;
    }
    return out;
  });
  return { firstYear, lastYear, county, byTownship, recorded };
}

function futureCounty(base: BirthsBase, params: ScenarioParams['births'], damping: number): (year: number) => number {
  const path = params.path.filter((p) => p.year > base.lastYear).sort((a, b) => a.year - b.year);
  if (path.length > 0) {
    // Straight lines from the fitted base level through the planner's points, then held.
    const points = [{ year: base.lastYear, count: base.level }, ...path];
    return (year) => {
      const last = points[points.length - 1] as { year: number; count: number };
      if (year >= last.year) return last.count;
      for (let k = 1; k < points.length; k++) {
        const a = points[k - 1] as { year: number; count: number };
        const b = points[k] as { year: number; count: number };
        if (year <= b.year) return a.count + ((b.count - a.count) * (year - a.year)) / (b.year - a.year);
      }
      return last.count;
    };
  }
  const yearly = (params.changePct ?? base.rate * 100) / 100 + params.shiftPct / 100;
  const logRate = Math.log(Math.max(0.01, 1 + yearly));
  return (year) => base.level * Math.exp(logRate * dampedYears(year - base.lastYear, damping));
}
