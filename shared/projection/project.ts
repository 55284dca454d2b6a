// The engine's front door: calibrate on the data as of a base year, then project scenarios
// and shape the result the API, the UI and the CLI share.
import { STAGE_LABEL, STAGES, type Stage } from '../domain/stages';
import { STANDARDS } from '../standards';
import type { ProjectionData } from './data';
import { addDevelopments, developmentsFor } from './developments';
import { calibrateCore, projectCore, type CoreCalibration, type CoreProjection } from './engine';
import { flag, type Flag } from './flags';
import { round1, round3 } from './math';
import type { Development, MethodSettings, Scenario } from './params';
import { peakOf, peakSentence } from './peaks';
import { AGES, popAt } from './population';
import type { Section } from './sections';
import { sizeClassLabel, sizeClassOf, SIZE_CLASSES } from './size-classes';
import { calibrateIntervals, rangeOf, type IntervalTable } from './intervals';
import { applyTrust, calibrateTrust, type TrustTable } from './trust';
import type { CalibrationSummary, ProjectionResult, SchoolProjection, StageSeries, TownshipProjection } from './types';

export const DEFAULT_HORIZON_YEARS = 15;
export const MAX_HORIZON_YEARS = 30;

export interface Calibration {
  data: ProjectionData;
  core: CoreCalibration;
  trust: TrustTable;
  /** 80 % intervals per level, size class and horizon, from those errors. */
  intervals: IntervalTable;
}

export function calibrate(data: ProjectionData, baseYear: number, settings: MethodSettings): Calibration {
  const core = calibrateCore(data, baseYear, settings);
  // The trust check re-runs the engine from earlier years: only data up to the base year counts.
  const known = core.baseYear === baseYear ? data : { ...data, enrolment: data.enrolment.filter((r) => r.year <= core.baseYear) };
  // The school-year errors are only needed for the intervals; the calibration keeps the table.
  const own = calibrateTrust(known, core, settings);
  return { data, core, trust: own.table, intervals: calibrateIntervals(core, own) };
}

export interface ScenarioRun {
  scenario: string;
  lastYear: number;
  core: CoreProjection;
  /** Section cells after the trust blend and new housing: what the planner sees. */
  cells: Float64Array[];
  housing: ProjectionResult['housing'];
}

export function runScenario(cal: Calibration, scenario: Scenario, developments: readonly Development[], lastYear: number): ScenarioRun {
  const core = projectCore(cal.core, scenario.params, lastYear);
  const cells = applyTrust(cal.core, core.grid.cells, cal.trust, lastYear);
  const mine = developmentsFor(developments, scenario.name);
  // Blending may have returned the model's own arrays; housing must not write into them.
  const owned = mine.length > 0 ? cells.map((c, i) => (c === core.grid.cells[i] ? c.slice() : c)) : cells;
  const housing = addDevelopments(cal.core, owned, mine, scenario.params, lastYear);
  return { scenario: scenario.name, lastYear, core, cells: owned, housing };
}

function emptySeries(n: number): StageSeries {
  return Object.fromEntries(STAGES.map((s) => [s, new Array<number>(n).fill(0)])) as StageSeries;
}

function classesFor(stage: Stage, grade: number, students: number): number {
  if (students <= 0) return 0;
  const size = (stage === 'preschool' ? STANDARDS.kindergartenClassSize.value[grade - 1] : undefined) ?? STANDARDS.classSize.value[stage];
  return Math.ceil(students / size);
}

/** Rounded students per section, grade and projected year. */
function roundedGrades(cal: CoreCalibration, cells: Float64Array[], lastYear: number): Int32Array[] {
  const { index, baseYear } = cal;
  const n = lastYear - baseYear;
  return cells.map((row, id) => {
    const g = index.grades[(index.sections[id] as Section).stage];
    const out = new Int32Array(n * g);
    for (let y = 0; y < n; y++) {
      const yi = (baseYear + 1 + y - index.firstYear) * g;
      for (let k = 0; k < g; k++) out[y * g + k] = Math.max(0, Math.round(row[yi + k] as number));
    }
    return out;
  });
}

/** County students by stage per projected year (for the scenario band). */
export function countySeries(cal: Calibration, run: ScenarioRun): StageSeries {
  const { index, baseYear } = cal.core;
  const n = run.lastYear - baseYear;
  const out = emptySeries(n);
  const grades = roundedGrades(cal.core, run.cells, run.lastYear);
  grades.forEach((row, id) => {
    const s = index.sections[id] as Section;
    const g = index.grades[s.stage];
    const list = out[s.stage];
    for (let y = 0; y < n; y++) {
      let sum = 0;
      for (let k = 0; k < g; k++) sum += row[y * g + k] as number;
      list[y] = (list[y] as number) + sum;
    }
  });
  return out;
}

export function buildResult(cal: Calibration, runs: readonly ScenarioRun[], selected: string): ProjectionResult {
  const core = cal.core;
  const { index, baseYear } = core;
  const run = runs.find((r) => r.scenario === selected) ?? (runs[0] as ScenarioRun);
  const lastYear = run.lastYear;
  const n = lastYear - baseYear;
  const years = Array.from({ length: n }, (_, i) => baseYear + 1 + i);
  const grades = roundedGrades(core, run.cells, lastYear);
  const county = emptySeries(n);
  const byTownship = index.townships.map(() => emptySeries(n));
  const historyYears = Array.from({ length: baseYear - index.firstYear + 1 }, (_, i) => index.firstYear + i);

  const schools: SchoolProjection[] = index.sections.map((s) => {
    const g = index.grades[s.stage];
    const row = grades[s.id] as Int32Array;
    const students = new Array<number>(n).fill(0);
    const classes = new Array<number>(n).fill(0);
    for (let y = 0; y < n; y++) {
      for (let k = 0; k < g; k++) {
        const v = row[y * g + k] as number;
        students[y] = (students[y] as number) + v;
        classes[y] = (classes[y] as number) + classesFor(s.stage, k + 1, v);
      }
      county[s.stage][y] = (county[s.stage][y] as number) + (students[y] as number);
      const t = byTownship[s.township] as StageSeries;
      t[s.stage][y] = (t[s.stage][y] as number) + (students[y] as number);
    }
    const history = historyYears.map((_, yi) => {
      if (!s.present[yi]) return null;
      let sum = 0;
      for (let k = 0; k < g; k++) sum += s.hist[yi * g + k] as number;
      return sum;
    });
    const cls = sizeClassOf(s.baseTotal);
    const ranges = students.map((v, y) => rangeOf(cal.intervals, 'school', cls, y + 1, v));
    return {
      code: s.school.code,
      name: s.school.name,
      township: s.school.township,
      townshipName: index.townships[s.township]?.name ?? '',
      stage: s.stage,
      base: s.baseTotal,
      sizeClass: cls,
      trust: s.stage === 'special' ? 1 : cal.trust[cls].alpha,
      history,
      students,
      low: ranges.every(Boolean) ? ranges.map((r) => (r as [number, number])[0]) : null,
      high: ranges.every(Boolean) ? ranges.map((r) => (r as [number, number])[1]) : null,
      classes,
    };
  });

  const townships: TownshipProjection[] = index.townships.map((t, i) => ({
    code: t.code,
    name: t.name,
    urbanRural: t.urbanRural,
    ...(byTownship[i] as StageSeries),
    ...seriesRange(cal.intervals, 'township', byTownship[i] as StageSeries),
  }));
  const countyRange = seriesRange(cal.intervals, 'county', county);

  // Recorded students of every school (including those closed before the base year).
  const historyCounty = emptySeries(historyYears.length);
  const running = new Set(cal.data.schools.filter((s) => s.status !== '停办').map((s) => s.code));
  for (const r of cal.data.enrolment) {
    if (r.year < index.firstYear || r.year > baseYear || !running.has(r.school)) continue;
    const list = historyCounty[r.stage];
    list[r.year - index.firstYear] = (list[r.year - index.firstYear] as number) + r.students;
  }

  const peaks = STAGES.flatMap((stage) => {
    const base = historyCounty[stage][historyYears.length - 1] ?? 0;
    const series = [base, ...county[stage]];
    const p = peakOf(baseYear, series);
    return p ? [{ stage, ...p, text: peakSentence(STAGE_LABEL[stage], p, series) }] : [];
  });

  const flags: Flag[] = [...core.flags];
  const distrusted = SIZE_CLASSES.filter((c) => cal.trust[c.key].alpha < 1 || cal.trust[c.key].alphas.some((a) => a < 1)).map((c) => sizeClassLabel(c.key));
  if (distrusted.length > 0) flags.push(flag.schoolTrust(distrusted.join('、')));

  return {
    baseYear,
    requestedBaseYear: core.requestedBaseYear,
    horizon: lastYear,
    years,
    scenario: run.scenario,
    schoolSystem: index.system,
    county,
    countyLow: countyRange.low,
    countyHigh: countyRange.high,
    intervals: { level: 80, source: cal.intervals.source },
    townships,
    schools,
    history: { years: historyYears, county: historyCounty },
    housing: Object.fromEntries(Object.entries(run.housing).map(([k, v]) => [k, v.map((x) => Math.round(x))])) as ProjectionResult['housing'],
    population: populationOut(cal, run),
    births: birthsOut(cal, run),
    peaks,
    comparison: runs.map((r) => ({ scenario: r.scenario, county: r === run ? county : countySeries(cal, r) })),
    calibration: summarize(core),
    trust: SIZE_CLASSES.map((c) => cal.trust[c.key]),
    flags,
  };
}

/** Low and high ends of every stage's series at an area level (null when no interval could be estimated). */
function seriesRange(table: IntervalTable, level: 'township' | 'county', series: StageSeries): { low: StageSeries | null; high: StageSeries | null } {
  if (table.source === 'none') return { low: null, high: null };
  const ends = (i: 0 | 1) =>
    Object.fromEntries(STAGES.map((st) => [st, series[st].map((v, y) => (rangeOf(table, level, null, y + 1, v) ?? [v, v])[i])])) as StageSeries;
  return { low: ends(0), high: ends(1) };
}

function populationOut(cal: Calibration, run: ScenarioRun): ProjectionResult['population'] {
  const table = run.core.population;
  const { index } = cal.core;
  // From the first year anything is known: the table may start earlier for the enrolment's sake.
  let first = table.firstYear;
  while (first < table.lastYear && table.data.every((row) => Number.isNaN(row[(first - table.firstYear) * AGES] as number))) first++;
  const years = Array.from({ length: table.lastYear - first + 1 }, (_, i) => first + i);
  const cell = (v: number) => (Number.isFinite(v) ? Math.round(v) : null);
  const townships = index.townships.map((t, ti) => ({
    code: t.code,
    name: t.name,
    byYear: years.map((y) => Array.from({ length: AGES }, (_, a) => cell(popAt(table, ti, y, a)))),
  }));
  const county = years.map((_, yi) =>
    Array.from({ length: AGES }, (_, a) => {
      let sum = 0;
      let any = false;
      for (const t of townships) {
        const v = t.byYear[yi]?.[a];
        if (v !== null && v !== undefined) {
          sum += v;
          any = true;
        }
      }
      return any ? sum : null;
    }),
  );
  const known = cal.core.population.lastKnown.filter(Number.isFinite);
  return {
    years,
    knownUntil: known.length ? Math.max(...known) : null,
    county,
    townships,
    maleShare: cal.core.population.maleShare,
  };
}

function birthsOut(cal: Calibration, run: ScenarioRun): ProjectionResult['births'] {
  const b = run.core.births;
  const years = Array.from({ length: b.lastYear - b.firstYear + 1 }, (_, i) => b.firstYear + i);
  if (cal.core.births.source === 'none') return { years: [], county: [], recorded: [], townships: [] };
  return {
    years,
    county: Array.from(b.county, (v) => Math.round(v)),
    recorded: b.recorded.slice(0, years.length),
    townships: cal.core.index.townships.map((t, i) => ({ code: t.code, counts: Array.from(b.byTownship[i] ?? [], (v) => Math.round(v)) })),
  };
}

function summarize(core: CoreCalibration): CalibrationSummary {
  const { index } = core;
  const mig = (urban: boolean) => {
    const rates: number[] = [];
    core.population.migration.forEach((m, t) => {
      if (!m || index.urban[t] !== urban) return;
      let s = 0;
      for (let a = 6; a <= 14; a++) s += m[a] as number;
      rates.push(s / 9);
    });
    return rates.length ? round1((100 * rates.reduce((s, x) => s + x, 0)) / rates.length) : null;
  };
  const calibratedMigration = core.population.migration.some((m) => m !== null);
  const urbanisation = core.channels
    .filter((c) => c.mode === 'ratio' && c.grade === 1 && (c.stage === 'preschool' || c.stage === 'primary' || c.stage === 'junior'))
    .map((c) => {
      const rural = c.pools.filter((p) => p.kind === 'township' && p.retention.calibrated);
      const hasTown = c.pools.some((p) => p.kind === 'urban');
      if (!hasTown || rural.length === 0) return { stage: c.stage, ppPerYear: null };
      return { stage: c.stage, ppPerYear: round1((-100 * rural.reduce((s, p) => s + p.retention.slope, 0)) / rural.length) };
    });
  const channel = (stage: Stage) => core.channels.find((c) => c.stage === stage && c.grade === 1 && c.mode === 'ratio' && c.members.length > 0);
  const line = (l: { level: number; slope: number }, present: boolean) =>
    present ? { level: round3(l.level), slopePp: round1(l.slope * 100) } : null;
  const hasStage = (stage: Stage) => index.byStage[stage].length > 0;
  return {
    birthsTrendPct: round1(core.births.rate * 100),
    birthsSource: core.births.source,
    birthsLevel: Math.round(core.births.level),
    birthsLastYear: core.births.lastYear,
    migration: { calibrated: calibratedMigration, ruralPct: mig(false), townPct: mig(true) },
    urbanisation,
    primaryEntry: channel('primary') ? round3((channel('primary') as { rateHold: number }).rateHold) : null,
    juniorTransition: channel('junior') ? round3((channel('junior') as { rateHold: number }).rateHold) : null,
    preschoolRate: line(core.preschoolGross, hasStage('preschool') && core.preschoolGross.level > 0),
    seniorTransition: line(core.seniorTransition, hasStage('senior') || hasStage('vocational')),
    generalShare: line(core.generalShare, hasStage('senior') && hasStage('vocational')),
    progressionYears: core.settings.progressionYears,
    trendYears: core.settings.trendYears,
  };
}

/** Calibrate and run every scenario: the unit the bench times. */
export function recompute(
  data: ProjectionData,
  baseYear: number,
  lastYear: number,
  settings: MethodSettings,
  scenarios: readonly Scenario[],
  developments: readonly Development[],
  selected: string,
): ProjectionResult {
  const cal = calibrate(data, baseYear, settings);
  const runs = scenarios.map((s) => runScenario(cal, s, developments, lastYear));
  return buildResult(cal, runs, selected);
}
