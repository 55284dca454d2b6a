// 预测: the projection engine (shared/projection) over the open project file, with its
// scenarios, developments and settings. The county's records are read once per change of
// the file and shared with the plan context. Calibration is the costly part and depends
// only on the data, the base year and the settings, so it is kept between calls until the
// file changes, and so is each stored scenario's run: moving a scenario slider then costs
// one scenario run, not a recalibration nor a rerun of the other scenarios.
import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../shared/api';
import { compareZh } from '../../../shared/domain';
import {
  RESERVABLE_KINDS,
  type ReservableKind,
  backtest,
  buildResult,
  calibrate,
  DEFAULT_HORIZON_YEARS,
  DEFAULT_SCENARIO,
  DEFAULT_SCENARIOS,
  lastYearOf,
  MAX_HORIZON_YEARS,
  ProjectionError,
  readParams,
  readSettings,
  runScenario,
  withCountySeries,
  type BacktestResult,
  type Calibration,
  type Development,
  type MethodSettings,
  type ProjectionData,
  type ProjectionExport,
  type ProjectionResult,
  type ProjectionSetup,
  type Scenario,
  type ScenarioEntry,
  type ScenarioRun,
} from '../../../shared/projection';
import type { StaffProfileRecord, StaffRecord } from '../../../shared/domain';
import { AppError } from '../errors';
import { readMeta } from '../db/meta';
import type { ProjectFile } from '../db/project-file';
import {
  changeCounter,
  deleteDevelopment,
  developmentRows,
  scenarioRows,
  settingsJson,
  upsertDevelopment,
  writeScenarios,
  writeSettings,
} from '../db/projection-store';
import { countyBirthSeries, readCountyData } from '../db/queries';
import { projectionWorkbook } from './projection-xlsx';

const MAX_SCENARIOS = 12;
const CACHED_CALIBRATIONS = 6;
const BACKTEST_YEARS_BACK = 3;

/** What the engine reads, and the staff the plan context adds: the county's records. */
export type CountyRecords = ProjectionData & { staff: StaffRecord[]; staffProfile: StaffProfileRecord[] };

interface Cache {
  changes: number;
  data: CountyRecords;
  calibrations: Map<string, Calibration>;
  backtests: Map<string, BacktestResult>;
  /** Scenario name → its run as stored (key: calibration, horizon, parameters, developments). */
  runs: Map<string, { key: string; run: ScenarioRun }>;
}

const caches = new WeakMap<Database.Database, Cache>();

function cacheOf(file: ProjectFile): Cache {
  const changes = changeCounter(file.db);
  const cached = caches.get(file.db);
  if (cached && cached.changes === changes) return cached;
  const { townships, schools, enrolment, staff, staffProfile = [], population, births } = readCountyData(file.db);
  const allBirths = withCountySeries(births, countyBirthSeries(file.db), townships, population);
  const fresh: Cache = {
    changes,
    data: { meta: readMeta(file.db), townships, schools, enrolment, staff, staffProfile, population, births: allBirths },
    calibrations: new Map(),
    backtests: new Map(),
    runs: new Map(),
  };
  caches.set(file.db, fresh);
  return fresh;
}

/** The county's records as last read; read again only after the file changed. */
export function countyRecords(file: ProjectFile): CountyRecords {
  return cacheOf(file).data;
}

function remember<V>(map: Map<string, V>, key: string, make: () => V): V {
  const hit = map.get(key);
  if (hit !== undefined) return hit;
  const value = make();
  map.set(key, value);
  if (map.size > CACHED_CALIBRATIONS) map.delete(map.keys().next().value as string);
  return value;
}

function engineError(err: unknown): never {
  if (err instanceof ProjectionError) throw new AppError('INVALID_INPUT', err.message);
  throw err;
}

// ---------------------------------------------------------------------------------------
// Stored inputs

export function listScenarios(db: Database.Database): ScenarioEntry[] {
  const rows = scenarioRows(db);
  const builtIn = new Set(DEFAULT_SCENARIOS.map((s) => s.name));
  if (rows.length === 0) return DEFAULT_SCENARIOS.map((s) => ({ name: s.name, params: s.params, builtIn: true }));
  return rows.map((r) => ({ name: r.name, params: readParams(r.params), builtIn: builtIn.has(r.name) }));
}

function readSettingsOf(db: Database.Database): MethodSettings {
  return readSettings(settingsJson(db));
}

export function listDevelopments(db: Database.Database): Development[] {
  // A value this version does not know reads as no reservation rather than failing the page.
  return developmentRows(db).map((r) => ({
    ...r,
    reserveKind: (RESERVABLE_KINDS as readonly (string | null)[]).includes(r.reserveKind) ? (r.reserveKind as ReservableKind) : null,
    reserveSetting: r.reserveSetting === '城镇' || r.reserveSetting === '农村' ? r.reserveSetting : null,
  }));
}

export function projectionSetup(file: ProjectFile): ProjectionSetup {
  const { data } = cacheOf(file);
  const years = [...new Set(data.enrolment.map((r) => r.year))].sort((a, b) => a - b);
  const base = defaultBaseYear(data);
  return {
    scenarios: listScenarios(file.db),
    settings: readSettingsOf(file.db),
    developments: listDevelopments(file.db),
    townships: [...data.townships]
      .sort((a, b) => urbanOrder(a.urbanRural) - urbanOrder(b.urbanRural) || compareZh(a.name, b.name))
      .map((t) => ({ code: t.code, name: t.name, urbanRural: t.urbanRural })),
    enrolmentYears: years,
    baseYear: base,
    defaultHorizon: base === null ? null : base + DEFAULT_HORIZON_YEARS,
    maxHorizon: base === null ? null : base + MAX_HORIZON_YEARS,
    backtestBaseYear: defaultBacktestYear(years),
  };
}

function urbanOrder(u: string): number {
  return u === '城区' ? 0 : u === '镇区' ? 1 : 2;
}

/** The last recorded year up to the project's base year (or the last recorded year at all). */
export function defaultBaseYear(data: ProjectionData): number | null {
  return lastYearOf(data.enrolment, data.meta.baseYear) ?? lastYearOf(data.enrolment);
}

function defaultBacktestYear(years: readonly number[]): number | null {
  const last = years[years.length - 1];
  const first = years[0];
  if (last === undefined || first === undefined || last - first < 2) return null;
  // Grade progression needs two earlier years; three years back when the record allows.
  return Math.max(first + 2, last - BACKTEST_YEARS_BACK);
}

// ---------------------------------------------------------------------------------------
// Projection and backtest

type RunInput = ParsedInput<'projection.run'>;

function chosenScenario(scenarios: readonly ScenarioEntry[], name: string | undefined): ScenarioEntry {
  const wanted = name ?? DEFAULT_SCENARIO;
  const found = scenarios.find((s) => s.name === wanted) ?? (name === undefined ? scenarios[0] : undefined);
  if (!found) throw new AppError('NOT_FOUND', `没有名为“${wanted}”的预测情景。现有情景：${scenarios.map((s) => s.name).join('、')}。`);
  return found;
}

function calibrationFor(cache: Cache, key: string, baseYear: number, settings: MethodSettings): Calibration {
  return remember(cache.calibrations, key, () => {
    try {
      return calibrate(cache.data, baseYear, settings);
    } catch (err) {
      return engineError(err);
    }
  });
}

interface Prepared {
  cache: Cache;
  cal: Calibration;
  calKey: string;
  horizon: number;
  scenarios: ScenarioEntry[];
  selected: ScenarioEntry;
  developments: Development[];
}

function prepare(file: ProjectFile, input: RunInput): Prepared {
  const cache = cacheOf(file);
  const requested = input.baseYear ?? defaultBaseYear(cache.data);
  if (requested === null) throw new AppError('INVALID_INPUT', '项目中还没有在校生数据，无法预测。请先在“数据导入”中导入教育事业统计数据。');
  const settings = readSettingsOf(file.db);
  const calKey = `${requested}|${JSON.stringify(settings)}`;
  const cal = calibrationFor(cache, calKey, requested, settings);
  const base = cal.core.baseYear;
  const horizon = input.horizon ?? base + DEFAULT_HORIZON_YEARS;
  if (horizon <= base || horizon > base + MAX_HORIZON_YEARS) {
    throw new AppError('INVALID_INPUT', `预测末年应在基准年（${base} 年）之后 1 至 ${MAX_HORIZON_YEARS} 年之间。`);
  }
  const scenarios = listScenarios(file.db);
  return { cache, cal, calKey, horizon, scenarios, selected: chosenScenario(scenarios, input.scenario), developments: listDevelopments(file.db) };
}

/** A stored scenario's run, computed once per calibration, horizon and developments. */
function storedRun(p: Prepared, scenario: ScenarioEntry): ScenarioRun {
  const key = `${p.calKey}|${p.horizon}|${JSON.stringify(scenario.params)}|${JSON.stringify(p.developments)}`;
  const hit = p.cache.runs.get(scenario.name);
  if (hit && hit.key === key) return hit.run;
  const run = runScenario(p.cal, scenario, p.developments, p.horizon);
  p.cache.runs.set(scenario.name, { key, run });
  return run;
}

/** The asked scenario's run: edited parameters (a slider being moved) are run as given, not kept. */
function selectedRun(p: Prepared, params: RunInput['params']): ScenarioRun {
  if (!params) return storedRun(p, p.selected);
  const scenario: Scenario = { name: p.selected.name, params };
  return runScenario(p.cal, scenario, p.developments, p.horizon);
}

/** The projection of one scenario (with every scenario's county figures beside it). */
export function runProjection(file: ProjectFile, input: RunInput): ProjectionResult {
  const p = prepare(file, input);
  const selected = selectedRun(p, input.params);
  const runs = p.scenarios.map((s) => (s.name === p.selected.name ? selected : storedRun(p, s)));
  return buildResult(p.cal, runs, p.selected.name);
}

/** The projection of the asked scenario alone (its `comparison` holds only that scenario). */
export function runOneScenario(file: ProjectFile, input: Omit<RunInput, 'params'>): ProjectionResult {
  const p = prepare(file, input);
  return buildResult(p.cal, [storedRun(p, p.selected)], p.selected.name);
}

export function runBacktest(file: ProjectFile, input: ParsedInput<'projection.backtest'>): BacktestResult {
  const cache = cacheOf(file);
  const years = [...new Set(cache.data.enrolment.map((r) => r.year))].sort((a, b) => a - b);
  const base = input.baseYear ?? defaultBacktestYear(years);
  if (base === null) throw new AppError('INVALID_INPUT', '在校生数据不足三年，无法回测。');
  const settings = readSettingsOf(file.db);
  const scenario = chosenScenario(listScenarios(file.db), input.scenario);
  const key = `${base}|${input.to ?? ''}|${scenario.name}|${JSON.stringify(scenario.params)}|${JSON.stringify(settings)}`;
  return remember(cache.backtests, key, () => {
    try {
      return backtest(cache.data, base, input.to ?? null, settings, scenario);
    } catch (err) {
      return engineError(err);
    }
  });
}

// ---------------------------------------------------------------------------------------
// Edits

export function saveScenario(file: ProjectFile, input: ParsedInput<'projection.saveScenario'>): ScenarioEntry[] {
  const list = listScenarios(file.db);
  const from = input.previousName ?? input.name;
  const at = list.findIndex((s) => s.name === from);
  if (input.previousName !== undefined && at < 0) throw new AppError('NOT_FOUND', `没有名为“${input.previousName}”的预测情景。`);
  if (input.name !== from && list.some((s) => s.name === input.name)) {
    throw new AppError('INVALID_INPUT', `已有名为“${input.name}”的情景，请换一个名称。`);
  }
  if (at < 0 && list.length >= MAX_SCENARIOS) throw new AppError('INVALID_INPUT', `情景最多 ${MAX_SCENARIOS} 个。`);
  const rows = list.map((s) => ({ name: s.name, params: JSON.stringify(s.params) }));
  const entry = { name: input.name, params: JSON.stringify(input.params), previousName: from };
  if (at >= 0) rows[at] = entry;
  else rows.push(entry);
  writeScenarios(file.db, rows);
  return listScenarios(file.db);
}

export function deleteScenario(file: ProjectFile, name: string): ScenarioEntry[] {
  const list = listScenarios(file.db);
  if (!list.some((s) => s.name === name)) throw new AppError('NOT_FOUND', `没有名为“${name}”的预测情景。`);
  if (list.length <= 1) throw new AppError('INVALID_INPUT', '至少要保留一个预测情景。');
  writeScenarios(
    file.db,
    list.filter((s) => s.name !== name).map((s) => ({ name: s.name, params: JSON.stringify(s.params) })),
  );
  return listScenarios(file.db);
}

export function saveSettings(file: ProjectFile, settings: MethodSettings): MethodSettings {
  writeSettings(file.db, JSON.stringify(settings));
  return readSettingsOf(file.db);
}

export function saveDevelopment(file: ProjectFile, input: ParsedInput<'projection.saveDevelopment'>): Development[] {
  const d = input.development;
  const townships = new Set(cacheOf(file).data.townships.map((t) => t.code));
  if (!townships.has(d.township)) throw new AppError('NOT_FOUND', `找不到代码为 ${d.township} 的乡镇（街道）。`);
  const scenarios = listScenarios(file.db);
  if (d.scenario !== null && !scenarios.some((s) => s.name === d.scenario)) throw new AppError('NOT_FOUND', `没有名为“${d.scenario}”的预测情景。`);
  // One transaction: a refused edit must not leave the built-in scenarios stored behind it.
  file.db.transaction(() => {
    // Built-in scenarios live only in the program until first saved: a development tied to
    // one needs its row.
    if (d.scenario !== null && scenarioRows(file.db).length === 0) writeScenarios(file.db, scenarios.map((s) => ({ name: s.name, params: JSON.stringify(s.params) })));
    if (upsertDevelopment(file.db, { ...d, id: input.id }) < 0) throw new AppError('NOT_FOUND', '要修改的新建住宅项目已不存在。');
  })();
  return listDevelopments(file.db);
}

export function removeDevelopment(file: ProjectFile, id: number): Development[] {
  if (!deleteDevelopment(file.db, id)) throw new AppError('NOT_FOUND', '要删除的新建住宅项目已不存在。');
  return listDevelopments(file.db);
}

/** The projection (and, when the history allows, its backtest) as an XLSX workbook. */
export function exportProjection(file: ProjectFile, input: RunInput): ProjectionExport {
  const result = runProjection(file, input);
  let bt: BacktestResult | null = null;
  try {
    bt = runBacktest(file, { scenario: result.scenario });
  } catch (err) {
    // Too little history for a backtest: the workbook simply has no 回测 sheet.
    if (!(err instanceof AppError)) throw err;
  }
  return projectionWorkbook(result, readMeta(file.db).name, bt);
}
