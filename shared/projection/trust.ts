// How far to trust grade progression school by school (issue item 6). A teaching point with
// five pupils a grade is noisy: one family moving changes a grade by 20 %. Last year's value
// is then a strong baseline. The engine re-runs itself from each of the last few years, on
// the data known then, and for each school size class picks the mix of
//   α × grade progression + (1 − α) × last year's value
// with the smallest school-level error over the years that followed, horizon by horizon (one
// year ahead last year's value is hard to beat; three years ahead much less so). The blend
// then hands back to grade progression the township totals it moved: schools are reconciled
// to the model's township figure, where grade progression is clearly the better method.
import type { ProjectionData } from './data';
import { asOf } from './data';
import { calibrateCore, projectCore, sectionTotal, type CoreCalibration } from './engine';
import type { MethodSettings } from './params';
import { NEUTRAL_PARAMS } from './params';
import type { Section } from './sections';
import type { Stage } from '../domain/stages';
import { SIZE_CLASSES, sizeClassOf, type SizeClass } from './size-classes';

const ALPHAS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
const ORIGINS = 3;
export const HORIZON = 3;
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
  /** Weight of grade progression in school-level figures one year ahead (1 = the model alone). */
  alpha: number;
  /** The same weight per horizon h = 1 … (index h − 1), where the record allowed a choice. */
  alphas: number[];
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
    SIZE_CLASSES.map((c) => [c.key, { key: c.key, alpha: 1, alphas: [], evidence: 0, mapeModel: null, mapePersistence: null, mapeChosen: null }]),
  ) as unknown as TrustTable;
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
export function chooseTrust(cases: readonly TrustCase[], fade = true): Omit<TrustClass, 'key' | 'alphas'> {
  const valid = cases.filter((x) => x.actual > 0);
  if (valid.length === 0) return { alpha: 1, evidence: 0, mapeModel: null, mapePersistence: null, mapeChosen: null };
  const blend = (x: TrustCase, alpha: number) => x.model + (1 - alpha) * (fade ? persistenceFade(x.h) : 1) * (x.persistence - x.model);
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

/** One school-year of the backtest with its place, for the errors of the blended figures. */
export interface BacktestCase {
  origin: number;
  h: number;
  section: number;
  township: number;
  stage: Stage;
  cls: SizeClass;
  forecast: number;
  actual: number;
}

export interface TrustCalibration {
  table: TrustTable;
  /** The engine's own errors, as projected (blend and reconciliation included), per school-year. */
  cases: BacktestCase[];
  /** Origins the cases come from. */
  origins: number;
}

/** Weight of last year's value h years ahead for a size class: chosen per horizon, fading past the record. */
export function persistenceWeight(t: TrustClass, h: number): number {
  if (t.alphas.length === 0) return (1 - t.alpha) * persistenceFade(h);
  if (h <= t.alphas.length) return 1 - (t.alphas[h - 1] as number);
  const last = 1 - (t.alphas[t.alphas.length - 1] as number);
  return last * Math.max(0, 1 - (h - t.alphas.length) / HORIZON);
}

function chooseByHorizon(cases: readonly TrustCase[]): TrustClass['alphas'] {
  const alphas: number[] = [];
  for (let h = 1; h <= HORIZON; h++) {
    const mine = cases.filter((x) => x.h === h && x.actual > 0);
    if (mine.length < MIN_EVIDENCE) break;
    alphas.push(chooseTrust(mine, false).alpha);
  }
  return alphas;
}

export function calibrateTrust(data: ProjectionData, cal: CoreCalibration, settings: MethodSettings): TrustCalibration {
  const table = fullTrust();
  const actual = actualTotals(data);
  const cases: TrustCase[] = [];
  const params = NEUTRAL_PARAMS;
  const runs: { past: CoreCalibration; cells: Float64Array[]; to: number }[] = [];
  for (let o = cal.baseYear - 1; o >= cal.baseYear - ORIGINS; o--) {
    // Grade progression needs one earlier year to have a ratio worth testing.
    if (o - cal.index.firstYear < 1) break;
    let past: CoreCalibration;
    try {
      past = calibrateCore(asOf(data, o), o, settings);
    } catch {
      break;
    }
    if (past.baseYear !== o) continue;
    const to = Math.min(o + HORIZON, cal.baseYear);
    const run = projectCore(past, params, to);
    runs.push({ past, cells: run.grid.cells, to });
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
  if (settings.schoolTrust !== 'model') {
    for (const c of SIZE_CLASSES) {
      const mine = cases.filter((x) => x.cls === c.key);
      if (mine.length > 0) table[c.key] = { key: c.key, ...chooseTrust(mine), alphas: chooseByHorizon(mine) };
      const alphas = table[c.key].alphas;
      if (alphas.length > 0) table[c.key].alpha = alphas[0] as number;
    }
  }
  // The same runs, now blended and reconciled as the engine will do: the errors the intervals rest on.
  const errors: BacktestCase[] = [];
  for (const { past, cells, to } of runs) {
    const final = applyTrust(past, cells, table, to);
    for (const s of past.index.sections) {
      if (s.stage === 'special') continue;
      for (let y = past.baseYear + 1; y <= to; y++) {
        const a = actual.get(`${s.school.code}|${s.stage}|${y}`);
        if (a === undefined) continue;
        errors.push({
          origin: past.baseYear,
          h: y - past.baseYear,
          section: s.id,
          township: s.township,
          stage: s.stage,
          cls: sizeClassOf(s.baseTotal),
          forecast: totalOf(past, final, s, y),
          actual: a,
        });
      }
    }
  }
  return { table, cases: errors, origins: runs.length };
}

function totalOf(cal: CoreCalibration, cells: Float64Array[], s: Section, year: number): number {
  const g = cal.index.grades[s.stage];
  const row = cells[s.id] as Float64Array;
  const yi = (year - cal.index.firstYear) * g;
  let sum = 0;
  for (let k = 0; k < g; k++) sum += Math.max(0, Math.round(row[yi + k] as number));
  return sum;
}

/**
 * Blends each section's projected grades with its base-year grades by its class's weight for
 * that horizon, then scales the schools of each township and stage back to the model's
 * township total: the blend is for where pupils are, not how many there are.
 */
export function applyTrust(cal: CoreCalibration, cells: Float64Array[], trust: TrustTable, lastYear: number): Float64Array[] {
  const { index, baseYear } = cal;
  const blended = cells.map((row, id) => {
    const s = index.sections[id] as Section;
    if (s.stage === 'special') return row;
    const t = trust[sizeClassOf(s.baseTotal)];
    if (persistenceWeight(t, 1) <= 0 && t.alphas.every((a) => a >= 1)) return row;
    const g = index.grades[s.stage];
    const out = row.slice();
    const bi = (baseYear - index.firstYear) * g;
    for (let year = baseYear + 1; year <= lastYear; year++) {
      const w = persistenceWeight(t, year - baseYear);
      if (w <= 0) continue;
      const yi = (year - index.firstYear) * g;
      for (let k = 0; k < g; k++) out[yi + k] = (row[yi + k] as number) + w * ((row[bi + k] as number) - (row[yi + k] as number));
    }
    return out;
  });
  return reconcile(cal, cells, blended, lastYear);
}

function reconcile(cal: CoreCalibration, model: Float64Array[], blended: Float64Array[], lastYear: number): Float64Array[] {
  const { index, baseYear } = cal;
  const groups = new Map<string, number[]>();
  for (const s of index.sections) {
    if (s.stage === 'special' || blended[s.id] === model[s.id]) continue;
    const key = `${s.township}|${s.stage}`;
    const list = groups.get(key);
    if (list) list.push(s.id);
    else groups.set(key, [s.id]);
  }
  if (groups.size === 0) return blended;
  const out = blended.slice();
  for (const list of groups.values()) {
    // Every school of the township and stage takes part, blended or not, so the sum is the model's.
    const stage = (index.sections[list[0] as number] as Section).stage;
    const township = (index.sections[list[0] as number] as Section).township;
    const ids = index.byStage[stage].filter((id) => (index.sections[id] as Section).township === township);
    const g = index.grades[stage];
    for (const id of ids) if (out[id] === model[id]) out[id] = (model[id] as Float64Array).slice();
    for (let year = baseYear + 1; year <= lastYear; year++) {
      const yi = (year - index.firstYear) * g;
      let m = 0;
      let b = 0;
      for (const id of ids) {
        for (let k = 0; k < g; k++) {
          m += (model[id] as Float64Array)[yi + k] as number;
          b += (out[id] as Float64Array)[yi + k] as number;
        }
      }
      if (b <= 0) continue;
      const f = m / b;
      for (const id of ids) {
        const row = out[id] as Float64Array;
        for (let k = 0; k < g; k++) row[yi + k] = (row[yi + k] as number) * f;
      }
    }
  }
  return out;
}
