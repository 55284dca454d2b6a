// How far to trust grade progression school by school (issue item 6). A teaching point with
// five pupils a grade is noisy: one family moving changes a grade by 20 %. Last year's value
// is then a strong baseline. The engine re-runs itself from each of the last few years, on
// the data known then, and for each school size class picks the mix of
//   α × grade progression + (1 − α) × last year's value
// with the smallest school-level error over the years that followed. Aggregates are sums of
// the schools, so they carry the same choice.
import type { ProjectionData } from './data';
import { asOf } from './data';
import { calibrateCore, projectCore, sectionTotal, type CoreCalibration } from './engine';
import type { MethodSettings } from './params';
import { NEUTRAL_PARAMS } from './params';
import type { Section } from './sections';
import { SIZE_CLASSES, sizeClassOf, type SizeClass } from './size-classes';

const ALPHAS = [0, 0.25, 0.5, 0.75, 1];
const ORIGINS = 3;
const HORIZON = 3;
/** Too few school-years, or too small a gain, and the choice would be chasing noise. */
const MIN_EVIDENCE = 30;
const MIN_GAIN = 0.1;

/**
 * The backtest speaks for the first few years only; beyond them last year's value says
 * nothing, so its weight fades to zero: full in year 1, two thirds in year 2, one third in 3.
 */
export function persistenceFade(h: number): number {
  return Math.max(0, 1 - (h - 1) / HORIZON);
}

export interface TrustClass {
  key: SizeClass;
  /** Weight of grade progression in school-level figures (1 = the model alone). */
  alpha: number;
  /** School-years the choice rests on. */
  evidence: number;
  /** School-level MAPE (%) of the model alone, of last year's value, and of the chosen mix. */
  mapeModel: number | null;
  mapePersistence: number | null;
  mapeChosen: number | null;
}

export type TrustTable = Record<SizeClass, TrustClass>;

export function fullTrust(): TrustTable {
  return Object.fromEntries(
    SIZE_CLASSES.map((c) => [c.key, { key: c.key, alpha: 1, evidence: 0, mapeModel: null, mapePersistence: null, mapeChosen: null }]),
  ) as TrustTable;
}

/** Section totals recorded in the data, by school, stage and year. */
function actualTotals(data: ProjectionData): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of data.enrolment) {
    const k = `${r.school}|${r.stage}|${r.year}`;
    out.set(k, (out.get(k) ?? 0) + r.students);
  }
  return out;
}

/** One school-year of the engine's own backtest. */
export interface TrustCase {
  cls: SizeClass;
  /** Years ahead of the origin. */
  h: number;
  model: number;
  persistence: number;
  actual: number;
}

/**
 * The α with the smallest error over the cases, kept at 1 (the model alone) unless the
 * record clearly says otherwise: the model follows cohorts and explains itself, last year's
 * value does neither.
 */
export function chooseTrust(cases: readonly TrustCase[]): Omit<TrustClass, 'key'> {
  const valid = cases.filter((x) => x.actual > 0);
  if (valid.length === 0) return { alpha: 1, evidence: 0, mapeModel: null, mapePersistence: null, mapeChosen: null };
  const blend = (x: TrustCase, alpha: number) => x.model + (1 - alpha) * persistenceFade(x.h) * (x.persistence - x.model);
  const mape = (alpha: number) => (100 * valid.reduce((s, x) => s + Math.abs(blend(x, alpha) - x.actual) / x.actual, 0)) / valid.length;
  const model = mape(1);
  let best = 1;
  let bestErr = model;
  for (const alpha of ALPHAS) {
    const err = mape(alpha);
    if (err < bestErr - 1e-9) {
      best = alpha;
      bestErr = err;
    }
  }
  if (valid.length < MIN_EVIDENCE || bestErr > (1 - MIN_GAIN) * model) {
    best = 1;
    bestErr = model;
  }
  const persistence = (100 * valid.reduce((s, x) => s + Math.abs(x.persistence - x.actual) / x.actual, 0)) / valid.length;
  return { alpha: best, evidence: valid.length, mapeModel: model, mapePersistence: persistence, mapeChosen: bestErr };
}

export function calibrateTrust(data: ProjectionData, cal: CoreCalibration, settings: MethodSettings): TrustTable {
  const table = fullTrust();
  if (settings.schoolTrust === 'model') return table;
  const actual = actualTotals(data);
  const cases: TrustCase[] = [];
  const params = NEUTRAL_PARAMS;
  for (let o = cal.baseYear - 1; o >= cal.baseYear - ORIGINS; o--) {
    // Grade progression needs two earlier years to have a ratio worth testing.
    if (o - cal.index.firstYear < 2) break;
    let past: CoreCalibration;
    try {
      past = calibrateCore(asOf(data, o), o, settings);
    } catch {
      break;
    }
    if (past.baseYear !== o) continue;
    const to = Math.min(o + HORIZON, cal.baseYear);
    const run = projectCore(past, params, to);
    for (const s of past.index.sections) {
      if (s.stage === 'special') continue;
      const cls = sizeClassOf(s.baseTotal);
      for (let y = o + 1; y <= to; y++) {
        const a = actual.get(`${s.school.code}|${s.stage}|${y}`);
        if (a === undefined || a <= 0) continue;
        cases.push({ cls, h: y - o, model: sectionTotal(run.grid, past.index, s.id, y), persistence: s.baseTotal, actual: a });
      }
    }
  }
  for (const c of SIZE_CLASSES) {
    const mine = cases.filter((x) => x.cls === c.key);
    if (mine.length > 0) table[c.key] = { key: c.key, ...chooseTrust(mine) };
  }
  return table;
}

/** Blends each section's projected grades with its base-year grades by its class's α. */
export function applyTrust(cal: CoreCalibration, cells: Float64Array[], trust: TrustTable, lastYear: number): Float64Array[] {
  const { index, baseYear } = cal;
  return cells.map((row, id) => {
    const s = index.sections[id] as Section;
    const alpha = s.stage === 'special' ? 1 : trust[sizeClassOf(s.baseTotal)].alpha;
    if (alpha >= 1) return row;
    const g = index.grades[s.stage];
    const out = row.slice();
    const bi = (baseYear - index.firstYear) * g;
    for (let year = baseYear + 1; year <= lastYear; year++) {
      const w = (1 - alpha) * persistenceFade(year - baseYear);
      if (w <= 0) break;
      const yi = (year - index.firstYear) * g;
      for (let k = 0; k < g; k++) out[yi + k] = (row[yi + k] as number) + w * ((row[bi + k] as number) - (row[yi + k] as number));
    }
    return out;
  });
}
