// Entrants: how many children start a stage, and at which school.
//
// The county's entrants are its source (children at entry age, or last year's leavers of the
// stage below) times a county rate. They are then placed in "pools" of schools:
// - each rural township is a pool that keeps a share of its own children ("retention"); the
//   share falls year by year as families send children to town (进城就读);
// - the county town (all 城区 townships) is one pool that takes every remaining entrant,
//   because town families cross street boundaries freely;
// - county-wide stages (普高, 中职) are a single pool.
// Within a pool, each school keeps its share of entrants, following its own damped trend
// (village schools shrinking, a new town school filling). When the source is unknown (no
// population data) each school's entrants follow their own recent trend instead.
import type { Stage } from '../domain/stages';
import type { MethodSettings } from './params';
import { clamp, dampedYears, MIN_TREND_POINTS, recencyWeights, trendLine } from './math';
import type { Section, SectionIndex } from './sections';

export type IntakeSource = { kind: 'population'; age: number } | { kind: 'leavers'; from: Stage } | { kind: 'county-leavers'; from: Stage };

export interface Line {
  level: number;
  slope: number;
}

export interface Pool {
  kind: 'urban' | 'township' | 'county';
  /** The township of a township pool. */
  township: number | null;
  sections: number[];
  /** Share of the township's entrants kept at home (township pools only). */
  retention: Line & { calibrated: boolean };
  /** Per member section: share of the pool's entrants and its relative yearly change. */
  shares: { level: number; growth: number }[];
}

export interface Channel {
  stage: Stage;
  grade: number;
  source: IntakeSource;
  mode: 'ratio' | 'trend';
  /** County entrants per unit of source: recency-weighted mean (hold) and fitted line. */
  rateHold: number;
  rateLine: Line;
  pools: Pool[];
  /** Per member section, its own entrant trend (used in 'trend' mode). */
  trends: Map<number, Line>;
  members: number[];
  /** Whether the source (population) covers every township that matters. */
  covered: boolean;
  /** Townships whose missing source forced 'trend' mode. */
  uncovered: number[];
}

/** Source per township in a year; NaN when unknown. */
export type SourceAt = (township: number, year: number) => number;

const MAX_RETENTION_SLOPE = 0.1;
const MAX_SHARE_GROWTH = 0.25;

/** Recorded students of a section's grade in a year; NaN when the section has no record that year. */
export function recordedAt(index: SectionIndex, s: Section, year: number, grade: number): number {
  const yi = year - index.firstYear;
  if (yi < 0 || yi >= s.present.length || !s.present[yi]) return NaN;
  return s.hist[yi * index.grades[s.stage] + grade - 1] as number;
}

export function calibrateChannel(
  index: SectionIndex,
  stage: Stage,
  grade: number,
  source: IntakeSource,
  sourceAt: SourceAt,
  settings: MethodSettings,
): Channel {
  const members = index.byStage[stage].filter((id) => (index.sections[id] as Section).taught[grade - 1]);
  const from = Math.max(index.firstYear + (source.kind === 'population' ? 0 : 1), index.baseYear - settings.trendYears + 1);
  const nT = index.townships.length;
  const county = source.kind === 'county-leavers';

  // Pools: one per rural township with members, one for the county town, or one county-wide.
  const pools: Pool[] = [];
  const poolOf = new Map<string, Pool>();
  for (const id of members) {
    const s = index.sections[id] as Section;
    const urban = index.urban[s.township] === true;
    const key = county ? 'county' : urban ? 'urban' : `t${s.township}`;
    let p = poolOf.get(key);
    if (!p) {
      p = {
        kind: county ? 'county' : urban ? 'urban' : 'township',
        township: county || urban ? null : s.township,
        sections: [],
        retention: { level: 1, slope: 0, calibrated: false },
        shares: [],
      };
      poolOf.set(key, p);
      pools.push(p);
    }
    p.sections.push(id);
  }

  // Every number below is read many times: look each up once. Years run from the first one
  // a school's own trend may use; the source-based fits start later (`from`).
  const y0 = Math.max(index.firstYear, index.baseYear - settings.trendYears + 1);
  const nY = index.baseYear - y0 + 1;
  const intake = new Map<number, Float64Array>();
  for (const id of members) {
    const row = new Float64Array(nY);
    for (let i = 0; i < nY; i++) row[i] = recordedAt(index, index.sections[id] as Section, y0 + i, grade);
    intake.set(id, row);
  }
  const sources = Array.from({ length: nT }, (_, t) => {
    const row = new Float64Array(nY).fill(NaN);
    for (let i = from - y0; i < nY; i++) row[i] = sourceAt(t, y0 + i);
    return row;
  });
  const sumOf = (ids: readonly number[], i: number): number => {
    let sum = 0;
    for (const id of ids) {
      const v = (intake.get(id) as Float64Array)[i] as number;
      if (Number.isFinite(v)) sum += v;
    }
    return sum;
  };
  const sourceTotal = new Float64Array(nY);
  const memberTotal = new Float64Array(nY);
  for (let i = 0; i < nY; i++) {
    let sum = 0;
    for (let t = 0; t < nT; t++) {
      const v = (sources[t] as Float64Array)[i] as number;
      if (Number.isFinite(v)) sum += v;
    }
    sourceTotal[i] = sum;
    memberTotal[i] = sumOf(members, i);
  }

  // Which townships' sources are needed: all of them for a county-wide total; a township
  // without population and without schools only matters when there is a town pool to absorb it.
  const uncovered: number[] = [];
  if (!county) {
    for (let t = 0; t < nT; t++) {
      const hasPool = poolOf.has(`t${t}`) || (index.urban[t] === true && poolOf.has('urban'));
      const known = (sources[t] as Float64Array).some((v) => Number.isFinite(v));
      if (hasPool && !known) uncovered.push(t);
    }
  }

  const rateYears: number[] = [];
  const rates: number[] = [];
  for (let i = from - y0; i < nY; i++) {
    if ((sourceTotal[i] as number) > 0) {
      rateYears.push(y0 + i);
      rates.push((memberTotal[i] as number) / (sourceTotal[i] as number));
    }
  }
  const covered = uncovered.length === 0 && rates.length > 0;
  const k = settings.progressionYears;
  const rateHold = holdMean(rates.slice(-k), settings.weighting);
  const fitted = trendLine(rateYears, rates, index.baseYear);
  const rateLine = { level: rates.length ? Math.max(0, fitted.level) : 0, slope: fitted.slope };

  for (const p of pools) {
    const poolTotal = new Float64Array(nY);
    for (let i = 0; i < nY; i++) poolTotal[i] = sumOf(p.sections, i);
    if (p.kind === 'township' && p.township !== null) {
      const src = sources[p.township] as Float64Array;
      const xs: number[] = [];
      const ys: number[] = [];
      for (let i = from - y0; i < nY; i++) {
        const r = (sourceTotal[i] as number) > 0 ? (memberTotal[i] as number) / (sourceTotal[i] as number) : NaN;
        if ((src[i] as number) > 0 && r > 0) {
          xs.push(y0 + i);
          ys.push((poolTotal[i] as number) / (r * (src[i] as number)));
        }
      }
      const line = trendLine(xs, ys, index.baseYear);
      p.retention = xs.length
        ? { level: Math.max(0, line.level), slope: clamp(line.slope, -MAX_RETENTION_SLOPE, MAX_RETENTION_SLOPE), calibrated: line.n >= MIN_TREND_POINTS }
        : { level: 1, slope: 0, calibrated: false };
    }
    p.shares = p.sections.map((id) => shareTrend(intake.get(id) as Float64Array, poolTotal, y0 + (from - y0), y0, index.baseYear, p.sections.length));
  }

  const trends = entrantTrends(index, members, intake, nY, y0, settings, sumOf);

  return {
    stage,
    grade,
    source,
    mode: covered ? 'ratio' : 'trend',
    rateHold,
    rateLine,
    pools,
    trends,
    members,
    covered,
    uncovered,
  };
}

/**
 * Entrants of each school where no population says how many children there are: its township's
 * entrants follow their own (damped) line, and the school keeps its recent share of them
 * (recency-weighted mean, so one odd year does not become the future). A single school's
 * slope over three to five years is mostly noise; its area's is not, and rolling-origin
 * backtests on real school panels bear that out (docs/ARCHITECTURE.md, "Projection accuracy").
 */
function entrantTrends(
  index: SectionIndex,
  members: readonly number[],
  intake: Map<number, Float64Array>,
  nY: number,
  y0: number,
  settings: MethodSettings,
  sumOf: (ids: readonly number[], i: number) => number,
): Map<number, Line> {
  const byTownship = new Map<number, number[]>();
  for (const id of members) {
    const t = (index.sections[id] as Section).township;
    const list = byTownship.get(t);
    if (list) list.push(id);
    else byTownship.set(t, [id]);
  }
  const areaLine = new Map<number, Line>();
  const areaTotal = new Map<number, Float64Array>();
  for (const [t, ids] of byTownship) {
    const xs: number[] = [];
    const ys: number[] = [];
    const totals = new Float64Array(nY);
    for (let i = 0; i < nY; i++) {
      const v = sumOf(ids, i);
      totals[i] = v;
      if (v > 0) {
        xs.push(y0 + i);
        ys.push(v);
      }
    }
    areaTotal.set(t, totals);
    const line = trendLine(xs, ys, index.baseYear);
    areaLine.set(t, { level: xs.length ? Math.max(0, line.level) : 0, slope: line.slope });
  }
  const k = settings.progressionYears;
  const trends = new Map<number, Line>();
  for (const id of members) {
    const t = (index.sections[id] as Section).township;
    const row = intake.get(id) as Float64Array;
    const totals = areaTotal.get(t) as Float64Array;
    const area = areaLine.get(t) as Line;
    const shares: number[] = [];
    for (let i = Math.max(0, nY - k); i < nY; i++) {
      const v = row[i] as number;
      if (Number.isFinite(v) && (totals[i] as number) > 0) shares.push(v / (totals[i] as number));
    }
    const share = holdMean(shares, settings.weighting);
    trends.set(id, { level: share * area.level, slope: share * area.slope });
  }
  return trends;
}

/** A school's share of its pool's entrants: the level in the base year and its relative yearly change. */
function shareTrend(own: Float64Array, poolTotal: Float64Array, from: number, y0: number, baseYear: number, poolSize: number): { level: number; growth: number } {
  if (poolSize === 1) return { level: 1, growth: 0 };
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = from - y0; i < own.length; i++) {
    const v = own[i] as number;
    const total = poolTotal[i] as number;
    if (Number.isFinite(v) && total > 0) {
      xs.push(y0 + i);
      ys.push(v / total);
    }
  }
  if (xs.length === 0) return { level: 0, growth: 0 };
  const line = trendLine(xs, ys, baseYear);
  const level = Math.max(0, line.level);
  const growth = level > 1e-3 ? clamp(line.slope / level, -MAX_SHARE_GROWTH, MAX_SHARE_GROWTH) : 0;
  return { level, growth };
}

export interface ChannelScenario {
  /** County entrants per unit of source this year. */
  rate: number;
  /** Multiplier on the calibrated retention slopes (进城就读 pace). */
  urbanisationScale: number;
  /** Yearly retention loss where none could be calibrated (0.01 = 1 point). */
  urbanisationDefault: number;
  damping: number;
}

/**
 * Entrants per member section in `year`, h = year − base years ahead, written to `out`
 * (indexed by section id).
 */
export function projectChannel(
  ch: Channel,
  year: number,
  baseYear: number,
  sourceAt: SourceAt,
  townships: number,
  sc: ChannelScenario,
  out: Float64Array,
): void {
  const h = year - baseYear;
  const d = dampedYears(h, sc.damping);
  if (ch.mode === 'trend') {
    for (const id of ch.members) {
      const line = ch.trends.get(id) as Line;
      out[id] = Math.max(0, line.level + line.slope * d);
    }
    return;
  }
  let total = 0;
  for (let t = 0; t < townships; t++) {
    const v = sourceAt(t, year);
    if (Number.isFinite(v)) total += v;
  }
  total *= sc.rate;
  const hasTown = ch.pools.some((p) => p.kind === 'urban');
  const poolIntake = new Float64Array(ch.pools.length);
  let rural = 0;
  ch.pools.forEach((p, i) => {
    if (p.kind !== 'township' || p.township === null) return;
    const src = sourceAt(p.township, year);
    const slope = p.retention.calibrated ? p.retention.slope * sc.urbanisationScale : hasTown ? -sc.urbanisationDefault : 0;
    const retention = Math.max(0, p.retention.level + slope * d);
    const v = Number.isFinite(src) ? sc.rate * src * retention : 0;
    poolIntake[i] = v;
    rural += v;
  });
  ch.pools.forEach((p, i) => {
    if (p.kind === 'county') poolIntake[i] = total;
  });
  if (hasTown) {
    // The town takes what rural schools do not; if rural schools would take more than all
    // entrants (ratios drifting apart), they are scaled down to the total.
    const townIdx = ch.pools.findIndex((p) => p.kind === 'urban');
    if (rural > total && rural > 0) {
      for (let i = 0; i < poolIntake.length; i++) poolIntake[i] = ((poolIntake[i] as number) * total) / rural;
      poolIntake[townIdx] = 0;
    } else {
      poolIntake[townIdx] = total - rural;
    }
  } else if (rural > 0 && !ch.pools.some((p) => p.kind === 'county')) {
    // No county town: township pools together take exactly the county's entrants.
    for (let i = 0; i < poolIntake.length; i++) poolIntake[i] = ((poolIntake[i] as number) * total) / rural;
  }
  ch.pools.forEach((p, i) => {
    let norm = 0;
    const raw = p.shares.map((s) => {
      const v = s.level * Math.exp(s.growth * d);
      norm += v;
      return v;
    });
    p.sections.forEach((id, j) => {
      out[id] = norm > 0 ? ((poolIntake[i] as number) * (raw[j] as number)) / norm : (poolIntake[i] as number) / p.sections.length;
    });
  });
}

/** Recency-weighted mean helper for rates outside a channel (transition splits). */
export function holdMean(values: readonly number[], weighting: 'recent' | 'equal'): number {
  if (values.length === 0) return 0;
  const w = recencyWeights(values.length, weighting);
  return values.reduce((s, v, i) => s + v * (w[i] as number), 0) / w.reduce((s, x) => s + x, 0);
}
