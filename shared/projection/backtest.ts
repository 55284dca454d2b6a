// How far to trust the projection: re-run it as of an earlier year, on the data known then,
// and compare with what happened, next to two simple baselines a planner would otherwise use:
// - persistence: every school keeps its base-year students;
// - trend: every school's students follow a straight line through its recent years.
// Errors are reported per level (county, township, school) and stage, because a method can
// be right for the county and wrong for a village school.
import { STAGES, type Stage } from '../domain/stages';
import type { ProjectionData } from './data';
import { asOf, lastYearOf } from './data';
import { ProjectionError } from './engine';
import { fitLine } from './math';
import type { MethodSettings, Scenario } from './params';
import { calibrate, runScenario } from './project';
import { rangeOf } from './intervals';
import type { Section } from './sections';
import { SIZE_CLASSES, sizeClassLabel, sizeClassOf, type SizeClass } from './size-classes';
import type { BacktestLevel, BacktestMethod, BacktestResult, MethodErrors, StageAccuracy } from './types';

const METHODS: readonly BacktestMethod[] = ['projection', 'persistence', 'trend'];
const LEVELS: readonly BacktestLevel[] = ['county', 'township', 'school'];

export const METHOD_LABEL: Record<BacktestMethod, string> = {
  projection: '本程序预测',
  persistence: '沿用基准年数值',
  trend: '逐校线性趋势',
};
const LEVEL_LABEL: Record<BacktestLevel, string> = { county: '全县', township: '乡镇', school: '学校' };

interface Unit {
  school: string;
  stage: Stage;
  township: string;
  cls: SizeClass | null;
  alpha: number;
  forecast: number[];
  persistence: number;
  trend: number[];
  actual: (number | undefined)[];
}

interface Cell {
  values: Record<BacktestMethod, number>;
  actual: number;
  /** The projection's 80 % interval, when the engine had one. */
  range: [number, number] | null;
}

function coverageOf(cells: readonly Cell[]): number | null {
  const valid = cells.filter((c) => c.actual > 0);
  if (valid.length === 0 || valid.some((c) => c.range === null)) return null;
  const inside = valid.filter((c) => (c.range as [number, number])[0] <= c.actual && c.actual <= (c.range as [number, number])[1]).length;
  return round2((100 * inside) / valid.length);
}

function errorsOf(cells: readonly Cell[], method: BacktestMethod): MethodErrors {
  const valid = cells.filter((c) => c.actual > 0);
  if (valid.length === 0) return { mape: null, bias: null };
  let abs = 0;
  let signed = 0;
  for (const c of valid) {
    const e = (c.values[method] - c.actual) / c.actual;
    abs += Math.abs(e);
    signed += e;
  }
  return { mape: round2((100 * abs) / valid.length), bias: round2((100 * signed) / valid.length) };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function accuracy(cells: readonly Cell[]): StageAccuracy {
  const projection = errorsOf(cells, 'projection');
  const persistence = errorsOf(cells, 'persistence');
  const trend = errorsOf(cells, 'trend');
  let best: BacktestMethod | null = null;
  let bestMape = Infinity;
  // In a tie the projection wins: it is the method that explains itself (cohorts, rates).
  for (const m of METHODS) {
    const e = m === 'projection' ? projection : m === 'persistence' ? persistence : trend;
    if (e.mape !== null && e.mape < bestMape - 1e-9) {
      best = m;
      bestMape = e.mape;
    }
  }
  return { ...projection, n: cells.filter((c) => c.actual > 0).length, coverage: coverageOf(cells), baselines: { persistence, trend }, best };
}

function linearTrend(section: Section, grades: number, firstYear: number, baseYear: number, trendYears: number, years: readonly number[]): number[] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = Math.max(firstYear, baseYear - trendYears + 1); y <= baseYear; y++) {
    const yi = y - firstYear;
    if (!section.present[yi]) continue;
    let sum = 0;
    for (let k = 0; k < grades; k++) sum += section.hist[yi * grades + k] as number;
    xs.push(y);
    ys.push(sum);
  }
  const line = fitLine(xs, ys, baseYear);
  return years.map((y) => Math.max(0, Math.round(line.level + line.slope * (y - baseYear))));
}

export function backtest(data: ProjectionData, baseYear: number, to: number | null, settings: MethodSettings, scenario: Scenario): BacktestResult {
  const lastActual = lastYearOf(data.enrolment);
  if (lastActual === null) throw new ProjectionError('项目中没有在校生数据，无法回测。');
  const end = Math.min(to ?? lastActual, lastActual);
  const cal = calibrate(asOf(data, baseYear), baseYear, settings);
  const base = cal.core.baseYear;
  if (end <= base) {
    throw new ProjectionError(`回测需要基准年（${base} 年）之后的实际数据作比较；项目中最近的在校生数据为 ${lastActual} 年。请选择更早的基准年。`);
  }
  const years = Array.from({ length: end - base }, (_, i) => base + 1 + i);
  // New housing is a plan for the future, not something the past knew: left out here.
  const run = runScenario(cal, scenario, [], end);
  const { index } = cal.core;

  const actual = new Map<string, number>();
  for (const r of data.enrolment) {
    if (r.year <= base || r.year > end) continue;
    const k = `${r.school}|${r.stage}|${r.year}`;
    actual.set(k, (actual.get(k) ?? 0) + r.students);
  }
  const schoolTownship = new Map(data.schools.map((s) => [s.code, s.township]));
  const units = new Map<string, Unit>();
  for (const s of index.sections) {
    const g = index.grades[s.stage];
    const cells = run.cells[s.id] as Float64Array;
    const forecast = years.map((y) => {
      let sum = 0;
      const yi = (y - index.firstYear) * g;
      for (let k = 0; k < g; k++) sum += Math.max(0, Math.round(cells[yi + k] as number));
      return sum;
    });
    const cls = sizeClassOf(s.baseTotal);
    units.set(`${s.school.code}|${s.stage}`, {
      school: s.school.code,
      stage: s.stage,
      township: s.school.township,
      cls,
      alpha: s.stage === 'special' ? 1 : cal.trust[cls].alpha,
      forecast,
      persistence: s.baseTotal,
      trend: linearTrend(s, g, index.firstYear, base, settings.trendYears, years),
      actual: years.map((y) => actual.get(`${s.school.code}|${s.stage}|${y}`)),
    });
  }
  // Schools that opened after the base year: nothing could have foreseen them but the
  // county's totals include them, so they count with a forecast of zero.
  for (const key of actual.keys()) {
    const [school = '', stage = ''] = key.split('|');
    const unitKey = `${school}|${stage}`;
    if (units.has(unitKey)) continue;
    units.set(unitKey, {
      school,
      stage: stage as Stage,
      township: schoolTownship.get(school) ?? '',
      cls: null,
      alpha: 1,
      forecast: years.map(() => 0),
      persistence: 0,
      trend: years.map(() => 0),
      actual: years.map((y) => actual.get(`${school}|${stage}|${y}`)),
    });
  }

  const levelCells = (level: BacktestLevel, stage: Stage | null, only: number | null = null): Cell[] => {
    const groups = new Map<string, Cell[]>();
    for (const u of units.values()) {
      if (stage !== null && u.stage !== stage) continue;
      const key = level === 'county' ? u.stage : level === 'township' ? `${u.township}|${u.stage}` : `${u.school}|${u.stage}`;
      let list = groups.get(key);
      if (!list) {
        list = years.map(() => ({ values: { projection: 0, persistence: 0, trend: 0 }, actual: 0, range: null }));
        groups.set(key, list);
      }
      years.forEach((_, i) => {
        const c = (list as Cell[])[i] as Cell;
        c.values.projection += u.forecast[i] as number;
        c.values.persistence += u.persistence;
        c.values.trend += u.trend[i] as number;
        c.actual += u.actual[i] ?? 0;
      });
    }
    // Intervals belong to the figure at its level: a school's by its size class, an area's by the area's errors.
    for (const list of groups.values()) {
      list.forEach((c, i) => {
        c.range = level === 'school' ? null : rangeOf(cal.intervals, level, null, i + 1, c.values.projection);
      });
    }
    if (level === 'school') {
      for (const u of units.values()) {
        if (stage !== null && u.stage !== stage) continue;
        const list = groups.get(`${u.school}|${u.stage}`) as Cell[];
        list.forEach((c, i) => {
          c.range = u.cls === null ? [0, 0] : rangeOf(cal.intervals, 'school', u.cls, i + 1, c.values.projection);
        });
      }
    }
    const all = [...groups.values()];
    return only === null ? all.flat() : all.map((list) => list[only] as Cell);
  };

  const byLevel = Object.fromEntries(LEVELS.map((l) => [l, {}])) as BacktestResult['byLevel'];
  const overall = {} as BacktestResult['overall'];
  for (const level of LEVELS) {
    for (const stage of STAGES) {
      const cells = levelCells(level, stage);
      if (cells.some((c) => c.actual > 0)) byLevel[level][stage] = accuracy(cells);
    }
    overall[level] = accuracy(levelCells(level, null));
  }

  // Horizon by horizon: the error of projecting from the base year and comparing with year
  // base + h, exactly what one measures afterwards; an average over horizons would hide that
  // year 1 is far easier than year 5.
  const byHorizon = years.map((year, i) => ({
    h: year - base,
    year,
    levels: Object.fromEntries(LEVELS.map((l) => [l, accuracy(levelCells(l, null, i))])) as Record<BacktestLevel, StageAccuracy>,
  }));

  const sizeClasses = SIZE_CLASSES.map((c) => {
    const mine = [...units.values()].filter((u) => u.cls === c.key);
    const cells: Cell[] = mine.flatMap((u) =>
      years.map((_, i) => ({
        values: { projection: u.forecast[i] as number, persistence: u.persistence, trend: u.trend[i] as number },
        actual: u.actual[i] ?? 0,
        range: null,
      })),
    );
    return {
      key: c.key,
      label: sizeClassLabel(c.key),
      schools: mine.length,
      alpha: cal.trust[c.key].alpha,
      projection: errorsOf(cells, 'projection'),
      persistence: errorsOf(cells, 'persistence'),
      trend: errorsOf(cells, 'trend'),
    };
  });

  return {
    baseYear: base,
    to: end,
    years,
    scenario: scenario.name,
    byLevel,
    overall,
    byHorizon,
    sizeClasses,
    verdict: LEVELS.map((l) => verdictOf(l, overall[l])),
    flags: cal.core.flags,
  };
}

function verdictOf(level: BacktestLevel, a: StageAccuracy): string {
  const p = a.mape;
  const per = a.baselines.persistence.mape;
  const tr = a.baselines.trend.mape;
  const name = LEVEL_LABEL[level];
  if (p === null) return `${name}：没有可比较的实际数据。`;
  const fmt = (x: number | null) => (x === null ? '—' : `${x.toFixed(1)}%`);
  const detail = `本程序预测平均误差 ${fmt(p)}，沿用基准年数值 ${fmt(per)}，逐校线性趋势 ${fmt(tr)}`;
  if (a.best === 'projection') return `${name}：${detail}；本程序预测最准确。`;
  return `${name}：${detail}；${METHOD_LABEL[a.best ?? 'persistence']}更准确。`;
}
