// Births by township and year. The county series follows China's national curve (peak in
// 2016 after the two-child policy, then a fall by half), which is what makes primary demand
// peak now while junior secondary demand still rises: the story a planner must see.
import { BASE_YEAR, FIRST_BIRTH_YEAR, yearRange } from './calendar';
import type { Rng } from './prng';
import type { TownshipInfo } from './townships';

/** National births relative to 2016 (= 1.0). */
const NATIONAL_SHAPE: Record<number, number> = {
  2002: 0.88, 2003: 0.86, 2004: 0.86, 2005: 0.85, 2006: 0.84, 2007: 0.85, 2008: 0.87,
  2009: 0.88, 2010: 0.89, 2011: 0.9, 2012: 0.92, 2013: 0.92, 2014: 0.94, 2015: 0.93,
  2016: 1.0, 2017: 0.965, 2018: 0.85, 2019: 0.82, 2020: 0.67, 2021: 0.595, 2022: 0.535,
  2023: 0.505, 2024: 0.53, 2025: 0.49,
};
const PEAK_YEAR = 2016;

export interface BirthSeries {
  years: number[];
  /** County births per year (index = year − FIRST_BIRTH_YEAR). */
  county: number[];
  /** Births per township (same order as the frame) and year. */
  byTownship: number[][];
}

export function buildBirths(rng: Rng, townships: readonly TownshipInfo[]): BirthSeries {
  const years = yearRange(FIRST_BIRTH_YEAR, BASE_YEAR);
  // About 4,500–5,500 births at the peak: a county of roughly 400,000 people.
  const peak = rng.int(4500, 5500);
  const county = years.map((y) => {
    const base = NATIONAL_SHAPE[y] ?? 0.85;
    if (y === PEAK_YEAR) return peak;
    // A county's own curve wobbles around the national one but keeps the 2016 peak.
    return Math.round(peak * Math.min(0.985, base * (1 + rng.normal(0.01))));
  });

  // The county town's share of births grows as young couples settle there.
  const urbanShare2016 = rng.float(0.34, 0.37);
  const byTownship = townships.map(() => years.map(() => 0));
  years.forEach((y, yi) => {
    const urbanShare = urbanShare2016 + 0.003 * (y - PEAK_YEAR);
    const raw = townships.map((t) => t.birthWeight * (1 + rng.normal(0.03)));
    const urbanSum = sumWhere(raw, townships, true);
    const ruralSum = sumWhere(raw, townships, false);
    const shares = raw.map((w, i) =>
      townships[i]?.urban ? (urbanShare * w) / urbanSum : ((1 - urbanShare) * w) / ruralSum,
    );
    const counts = splitInteger(county[yi] ?? 0, shares);
    counts.forEach((c, ti) => {
      const row = byTownship[ti];
      if (row) row[yi] = c;
    });
  });
  return { years, county, byTownship };
}

function sumWhere(values: number[], townships: readonly TownshipInfo[], urban: boolean): number {
  return values.reduce((s, v, i) => (townships[i]?.urban === urban ? s + v : s), 0);
}

/**
 * Splits a whole number by shares with the largest-remainder method, so the parts are
 * integers that add up exactly to the total (township births sum to county births).
 */
export function splitInteger(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((s, x) => s + x, 0);
  if (sum <= 0 || total <= 0) return shares.map(() => 0);
  const exact = shares.map((s) => (total * s) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, x) => s + x, 0);
  const order = exact
    .map((x, i) => ({ i, rem: x - Math.floor(x) }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
}
