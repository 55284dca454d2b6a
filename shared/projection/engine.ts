// The projection proper: calibrate once on the data up to the base year, then run any number
// of scenarios over it. Calibration is what costs; a scenario run is a few array loops, which
// is what lets the UI recompute on every slider move.
import { STAGE_LABEL, type Stage } from '../domain/stages';
import type { ProjectionData } from './data';
import { lastYearOf } from './data';
import { birthsPath, calibrateBirths, type BirthsBase, type BirthsPath } from './births';
import { flag, type Flag } from './flags';
import { calibrateChannel, holdMean, recordedAt, projectChannel, type Channel, type IntakeSource, type SourceAt } from './intake';
import { dampedYears, trendLine } from './math';
import type { MethodSettings, ScenarioParams } from './params';
import { NEUTRAL_PARAMS } from './params';
import { calibratePopulation, popAt, projectPopulation, type PopulationBase, type PopulationTable } from './population';
import { calibrateProgression, PROGRESSION_STAGES, type Progression } from './progression';
import { rateAt, type RateLine } from './rates';
import { buildSections, type Section, type SectionIndex } from './sections';

/** Raised when there is nothing to project from; the message is for the planner. */
export class ProjectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProjectionError';
  }
}

export interface CoreCalibration {
  settings: MethodSettings;
  requestedBaseYear: number;
  baseYear: number;
  index: SectionIndex;
  progression: Progression;
  births: BirthsBase;
  population: PopulationBase;
  channels: Channel[];
  /** 学前三年毛入园率 in the base year and its yearly change. */
  preschoolGross: RateLine;
  /** 初升高: entrants to 普高 + 中职 per junior leaver. */
  seniorTransition: RateLine;
  /** 普高 share of those entrants. */
  generalShare: RateLine;
  /** Special-education sections: trend of their totals. */
  special: Map<number, RateLine>;
  flags: Flag[];
}

/** Section grids: [section][(year − firstYear) × grades + grade − 1], history then projection. */
export interface Grid {
  firstYear: number;
  lastYear: number;
  cells: Float64Array[];
}

export interface CoreProjection {
  grid: Grid;
  population: PopulationTable;
  births: BirthsPath;
}

const MAX_PRESCHOOL_GRADE_RATE = 1.05;
const NO_TARGET = { target: null, year: 0 };

function age0Records(data: ProjectionData): { township: string; year: number; count: number }[] {
  const byKey = new Map<string, { township: string; year: number; count: number; total: boolean }>();
  for (const r of data.population) {
    if (r.age !== 0) continue;
    const key = `${r.township}|${r.year}`;
    const cur = byKey.get(key);
    if (r.sex === 'T') byKey.set(key, { township: r.township, year: r.year, count: r.count, total: true });
    else if (!cur) byKey.set(key, { township: r.township, year: r.year, count: r.count, total: false });
    else if (!cur.total) cur.count += r.count;
  }
  return [...byKey.values()];
}

function channelSpecs(index: SectionIndex): { stage: Stage; grade: number; source: IntakeSource }[] {
  const specs: { stage: Stage; grade: number; source: IntakeSource }[] = [];
  for (let g = 1; g <= index.grades.preschool; g++) specs.push({ stage: 'preschool', grade: g, source: { kind: 'population', age: 2 + g } });
  specs.push({ stage: 'primary', grade: 1, source: { kind: 'population', age: 6 } });
  specs.push({ stage: 'junior', grade: 1, source: { kind: 'leavers', from: 'primary' } });
  specs.push({ stage: 'senior', grade: 1, source: { kind: 'county-leavers', from: 'junior' } });
  specs.push({ stage: 'vocational', grade: 1, source: { kind: 'county-leavers', from: 'junior' } });
  return specs;
}

/** Leavers of a stage by township: its last grade, read through `at` (history or grid). */
function leaversBy(index: SectionIndex, stage: Stage, at: (s: Section, year: number, grade: number) => number): (t: number, year: number) => number {
  const grade = index.grades[stage];
  const byTownship = new Map<number, Section[]>();
  for (const id of index.byStage[stage]) {
    const s = index.sections[id] as Section;
    const list = byTownship.get(s.township);
    if (list) list.push(s);
    else byTownship.set(s.township, [s]);
  }
  return (t, year) => {
    let sum = 0;
    for (const s of byTownship.get(t) ?? []) {
      const v = at(s, year - 1, grade);
      if (Number.isFinite(v)) sum += v;
    }
    return sum;
  };
}

/** Children of one age by township: the source of entrants to pre-school and primary. */
function childrenAged(table: PopulationTable, age: number): SourceAt {
  return (t, year) => popAt(table, t, year, age);
}

function townshipNames(index: SectionIndex, list: readonly number[]): string {
  const names = list.map((t) => index.townships[t]?.name ?? '').filter(Boolean);
  return names.length > 4 ? `${names.slice(0, 4).join('、')}等 ${names.length} 个乡镇（街道）` : names.join('、');
}

export function calibrateCore(data: ProjectionData, requestedBaseYear: number, settings: MethodSettings): CoreCalibration {
  const baseYear = lastYearOf(data.enrolment, requestedBaseYear);
  if (baseYear === null) {
    throw new ProjectionError(`${requestedBaseYear} 年及以前没有在校生数据，无法预测。请先导入教育事业统计数据。`);
  }
  const flags: Flag[] = [];
  if (baseYear !== requestedBaseYear) flags.push(flag.baseYearAdjusted(requestedBaseYear, baseYear));
  const index = buildSections(data.townships, data.schools, data.enrolment, data.meta.schoolSystem, baseYear);
  for (const st of index.gradeMismatch) flags.push(flag.gradesExceedSystem(STAGE_LABEL[st], index.grades[st], data.meta.schoolSystem));
  const nT = index.townships.length;

  const births = calibrateBirths(data.births, age0Records(data), index.townshipIndex, nT, baseYear, settings);
  const recordedBirths = birthsPath(births, NEUTRAL_PARAMS.births, settings.damping, baseYear);
  const population = calibratePopulation(data.population, index.townshipIndex, nT, baseYear, births.source === 'recorded' ? recordedBirths : null, index.firstYear, settings.trendYears);
  const calTable = projectPopulation(population, recordedBirths, { migrationScale: 1, migrationDefault: 0 }, baseYear);

  const histAt = (s: Section, year: number, grade: number) => recordedAt(index, s, year, grade);
  const channels = channelSpecs(index).map((spec) => {
    const src = spec.source.kind === 'population' ? childrenAged(calTable, spec.source.age) : leaversBy(index, spec.source.from, histAt);
    return calibrateChannel(index, spec.stage, spec.grade, spec.source, src, settings);
  });

  const progression = calibrateProgression(index, settings);
  const preschoolGross = grossRateLine(index, channels, calTable, settings);
  const { transition, general } = seniorLines(index, settings, histAt);
  const special = new Map<number, RateLine>();
  for (const id of index.byStage.special) special.set(id, totalTrend(index, index.sections[id] as Section, settings));

  // What had to be assumed, for the planner.
  const popStages = channels.filter((c) => c.source.kind === 'population' && c.members.length > 0);
  const byTrend = popStages.filter((c) => c.mode === 'trend');
  const anyPopulation = population.source.some((s) => s !== 'none');
  if (byTrend.length > 0) {
    const stages = [...new Set(byTrend.map((c) => STAGE_LABEL[c.stage]))].join('、');
    if (!anyPopulation) flags.push(flag.entrantsByTrend(stages));
    else flags.push(flag.populationPartial(townshipNames(index, [...new Set(byTrend.flatMap((c) => c.uncovered))])));
  }
  const fromBirths = population.source.map((s, t) => (s === 'births' ? t : -1)).filter((t) => t >= 0);
  if (fromBirths.length > 0) flags.push(flag.populationFromBirths(townshipNames(index, fromBirths)));
  if (population.source.some((s) => s === 'recorded') && population.migration.every((m) => m === null)) {
    flags.push(flag.migrationNotCalibrated(0));
  }
  if (births.source !== 'recorded' && anyPopulation) flags.push(flag.birthsMissing());
  else if (births.source === 'recorded' && births.missing.length > 0 && births.missing.length < nT) {
    flags.push(flag.birthsPartial(townshipNames(index, births.missing)));
  }
  const ruralPools = channels.flatMap((c) => (c.mode === 'ratio' ? c.pools.filter((p) => p.kind === 'township') : []));
  if (ruralPools.length > 0 && index.urban.some(Boolean) && ruralPools.every((p) => !p.retention.calibrated)) {
    flags.push(flag.urbanisationNotCalibrated(0));
  }
  if (progression.shortHistory > 0) flags.push(flag.shortHistory(progression.shortHistory));
  if (index.byStage.special.length > 0) flags.push(flag.specialByTrend());

  return {
    settings,
    requestedBaseYear,
    baseYear,
    index,
    progression,
    births,
    population,
    channels,
    preschoolGross,
    seniorTransition: transition,
    generalShare: general,
    special,
    flags,
  };
}

function grossRateLine(index: SectionIndex, channels: Channel[], table: PopulationTable, settings: MethodSettings): RateLine {
  const pre = channels.filter((c) => c.stage === 'preschool');
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = Math.max(index.firstYear, index.baseYear - settings.trendYears + 1); y <= index.baseYear; y++) {
    let kids = 0;
    let pop = 0;
    for (const c of pre) {
      for (const id of c.members) {
        const v = recordedAt(index, index.sections[id] as Section, y, c.grade);
        if (Number.isFinite(v)) kids += v;
      }
      for (let t = 0; t < index.townships.length; t++) {
        const p = popAt(table, t, y, c.source.kind === 'population' ? c.source.age : 0);
        if (Number.isFinite(p)) pop += p;
      }
    }
    if (pop > 0) {
      xs.push(y);
      ys.push(kids / pop);
    }
  }
  const line = trendLine(xs, ys, index.baseYear);
  return { level: xs.length ? line.level : 0, slope: line.slope };
}

function seniorLines(index: SectionIndex, settings: MethodSettings, at: (s: Section, y: number, g: number) => number): { transition: RateLine; general: RateLine } {
  const leavers = leaversBy(index, 'junior', at);
  const entrants = (stage: Stage, y: number) =>
    index.byStage[stage].reduce((sum, id) => {
      const v = at(index.sections[id] as Section, y, 1);
      return Number.isFinite(v) ? sum + v : sum;
    }, 0);
  const xs: number[] = [];
  const tau: number[] = [];
  const sigma: number[] = [];
  for (let y = Math.max(index.firstYear + 1, index.baseYear - settings.trendYears + 1); y <= index.baseYear; y++) {
    let l = 0;
    for (let t = 0; t < index.townships.length; t++) l += leavers(t, y);
    const g = entrants('senior', y);
    const v = entrants('vocational', y);
    if (l > 0 && g + v > 0) {
      xs.push(y);
      tau.push((g + v) / l);
      sigma.push(g / (g + v));
    }
  }
  // The 普高/中职 split follows its trend (policy moves it steadily); the total transition
  // holds its recent level, because backtests show its short-run wobbles are noise.
  const s = trendLine(xs, sigma, index.baseYear);
  return {
    transition: { level: xs.length ? holdMean(tau.slice(-settings.progressionYears), settings.weighting) : 0, slope: 0 },
    general: { level: xs.length ? s.level : 1, slope: s.slope },
  };
}

function totalTrend(index: SectionIndex, s: Section, settings: MethodSettings): RateLine {
  const g = index.grades[s.stage];
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = Math.max(index.firstYear, index.baseYear - settings.trendYears + 1); y <= index.baseYear; y++) {
    const yi = y - index.firstYear;
    if (!s.present[yi]) continue;
    let total = 0;
    for (let k = 0; k < g; k++) total += s.hist[yi * g + k] as number;
    xs.push(y);
    ys.push(total);
  }
  const line = trendLine(xs, ys, index.baseYear);
  return { level: Math.max(0, line.level), slope: line.slope };
}

/** The unblended projection: every section's students by year and grade up to `lastYear`. */
export function projectCore(cal: CoreCalibration, params: ScenarioParams, lastYear: number): CoreProjection {
  const { index, settings, baseYear } = cal;
  const births = birthsPath(cal.births, params.births, settings.damping, lastYear);
  const population = projectPopulation(
    cal.population,
    births,
    { migrationScale: params.migrationScale, migrationDefault: params.migrationPct / 100 },
    lastYear,
  );
  const firstYear = index.firstYear;
  const nYears = lastYear - firstYear + 1;
  const cells = index.sections.map((s) => {
    const g = index.grades[s.stage];
    const out = new Float64Array(nYears * g);
    out.set(s.hist.subarray(0, Math.min(s.hist.length, out.length)));
    return out;
  });
  const grid: Grid = { firstYear, lastYear, cells };
  const at = (s: Section, year: number, grade: number): number => {
    const yi = year - firstYear;
    if (yi < 0 || yi >= nYears) return NaN;
    if (year <= baseYear && !s.present[yi]) return NaN;
    return (cells[s.id] as Float64Array)[yi * index.grades[s.stage] + grade - 1] as number;
  };
  const sources: SourceAt[] = cal.channels.map((c) => (c.source.kind === 'population' ? childrenAged(population, c.source.age) : leaversBy(index, c.source.from, at)));
  const intake = new Float64Array(index.sections.length);
  const nT = index.townships.length;

  for (let year = baseYear + 1; year <= lastYear; year++) {
    const yi = year - firstYear;
    for (const stage of PROGRESSION_STAGES) {
      const g = index.grades[stage];
      const countyRatio = cal.progression.county[stage] as Float64Array;
      for (let grade = 2; grade <= g; grade++) {
        // The county's cohort moves up at the county's ratio, wherever its pupils sit: those in
        // a school that does not teach the next grade (a primary school ending at 五年级 whose
        // pupils go on to a middle school) are not lost. Each school teaching the grade then
        // takes its part: one that keeps its own pupils by its own ratio, one that takes its
        // pupils in at this grade from other schools (a high school starting at 初三) as many
        // as last year. Together they are held to the county's total, so that moving pupils
        // between schools (进城就读) does not change how many the county keeps.
        // Every projected section ran in the base year, so last year's cells are all known.
        const prev = (yi - 1) * g + grade - 2;
        let cohort = 0;
        for (const id of index.byStage[stage]) cohort += (cells[id] as Float64Array)[prev] as number;
        let rawSum = 0;
        for (const id of index.byStage[stage]) {
          const s = index.sections[id] as Section;
          if (!s.taught[grade - 1]) continue;
          let b = (cells[id] as Float64Array)[prev] as number;
          for (const f of s.feeders) if (f.grade === grade) b += (cells[f.section] as Float64Array)[prev] as number;
          const row = cells[id] as Float64Array;
          // A school that has never taught the grade below takes its pupils in from other
          // schools; one that did (a closing school, a grade empty last year) has no cohort there.
          const v = s.joinedAt[grade - 1] && b <= 0 ? (row[prev + 1] as number) : ((cal.progression.ratio[id] as Float64Array)[grade - 1] as number) * b;
          row[yi * g + grade - 1] = v;
          rawSum += v;
        }
        if (rawSum <= 0) continue;
        const scale = ((countyRatio[grade - 1] as number) * cohort) / rawSum;
        for (const id of index.byStage[stage]) {
          const row = cells[id] as Float64Array;
          if ((index.sections[id] as Section).taught[grade - 1]) row[yi * g + grade - 1] = (row[yi * g + grade - 1] as number) * scale;
        }
      }
    }
    cal.channels.forEach((c, i) => {
      if (c.members.length === 0) return;
      projectChannel(c, year, baseYear, sources[i] as SourceAt, nT, {
        rate: channelRate(cal, c, params, year),
        urbanisationScale: params.urbanisationScale,
        urbanisationDefault: params.urbanisationPp / 100,
        damping: settings.damping,
      }, intake);
      const g = index.grades[c.stage];
      for (const id of c.members) (cells[id] as Float64Array)[yi * g + c.grade - 1] = intake[id] as number;
    });
    for (const [id, line] of cal.special) {
      const s = index.sections[id] as Section;
      const g = index.grades[s.stage];
      const total = Math.max(0, line.level + line.slope * dampedYears(year - baseYear, settings.damping));
      const row = cells[id] as Float64Array;
      const bi = (baseYear - firstYear) * g;
      let baseSum = 0;
      for (let k = 0; k < g; k++) baseSum += row[bi + k] as number;
      for (let k = 0; k < g; k++) row[yi * g + k] = baseSum > 0 ? (total * (row[bi + k] as number)) / baseSum : total / g;
    }
  }
  return { grid, population, births };
}

function channelRate(cal: CoreCalibration, c: Channel, params: ScenarioParams, year: number): number {
  const { baseYear, settings } = cal;
  const d = settings.damping;
  switch (c.stage) {
    case 'preschool': {
      const g0 = cal.preschoolGross.level;
      const base = c.rateLine.level > 0 ? c.rateLine.level : c.rateHold;
      if (g0 <= 0) return base;
      const gross = rateAt(cal.preschoolGross, params.preschoolRate, baseYear, year, d, 0, 1.2);
      return Math.min(MAX_PRESCHOOL_GRADE_RATE, (base * gross) / g0);
    }
    case 'senior':
    case 'vocational': {
      const tau = rateAt(cal.seniorTransition, params.seniorTransition, baseYear, year, d, 0, 1.2);
      const sigma = rateAt(cal.generalShare, params.generalShare, baseYear, year, d, 0, 1);
      return c.stage === 'senior' ? tau * sigma : tau * (1 - sigma);
    }
    case 'junior':
      // 小升初 moves with policy (fewer drop-outs, fewer pupils leaving the county): follow its trend.
      return c.rateLine.level > 0 ? rateAt(c.rateLine, NO_TARGET, baseYear, year, d, 0, 1.5) : c.rateHold;
    default:
      // Primary entry is near-universal: the recent level holds.
      return c.rateHold;
  }
}

/** Students of a section in a year: the sum over its grades. */
export function sectionTotal(grid: Grid, index: SectionIndex, id: number, year: number): number {
  const s = index.sections[id] as Section;
  const g = index.grades[s.stage];
  const row = grid.cells[id] as Float64Array;
  const yi = year - grid.firstYear;
  let sum = 0;
  for (let k = 0; k < g; k++) sum += row[yi * g + k] as number;
  return sum;
}

