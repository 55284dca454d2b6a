// Grade progression ratios, the method NCES and English local authorities use:
//   GPR(g) = E(g, t) / E(g − 1, t − 1)
// per school, averaged over the last k years (recent years weigh more), with single years
// bounded around the window's median. A school's ratio is pulled toward its township's (and
// the township's toward the county's) in proportion to how few pupils it rests on: a grade of
// five children says little. Leavers of a partial school count in the base of the school that
// receives them, so the receiver's ratio stays near 1 instead of jumping.
// The county's ratio is the cohort's: all pupils of grade g in year t over all pupils of grade
// g − 1 in t − 1, whichever school they sit in. Where schools split a stage (a middle school
// teaching only 六年级, a high school only 初三), the cohort changes school at that grade;
// the school pairs above cannot see that move, the county cohort can.
import type { MethodSettings } from './params';
import { clamp, median, recencyWeights } from './math';
import type { Section, SectionIndex } from './sections';
import type { Stage } from '../domain/stages';

const MIN_GPR = 0.2;
const MAX_GPR = 3;

/** Stages whose upper grades come from the grade below (pre-school comes from population). */
export const PROGRESSION_STAGES: readonly Stage[] = ['primary', 'junior', 'senior', 'vocational'];

export interface Progression {
  /** [section][grade − 1]: the ratio into that grade (index 0 unused). */
  ratio: Float64Array[];
  /** [stage][grade − 1]: the county cohort's ratio, which the schools' projections are held to. */
  county: Partial<Record<Stage, Float64Array>>;
  /** Sections that rest on their township's or county's ratios for lack of history. */
  shortHistory: number;
}

interface Pair {
  e: number;
  b: number;
  /** Position in the window, 0 = oldest. */
  age: number;
}

/**
 * Pairs of the window (students entering grade g in year t, and their base: grade g − 1 of
 * the school and of its feeders in t − 1), by position in the window (0 = oldest).
 */
function pairsOf(index: SectionIndex, s: Section, grade: number, k: number): Pair[] {
  const g = index.grades[s.stage];
  const out: Pair[] = [];
  const oldest = Math.max(index.firstYear + 1, index.baseYear - k + 1);
  for (let year = oldest; year <= index.baseYear; year++) {
    const yi = year - index.firstYear;
    if (!s.present[yi] || !s.present[yi - 1]) continue;
    const prev = (yi - 1) * g + grade - 2;
    let b = s.hist[prev] as number;
    for (const f of s.feeders) if (f.grade === grade) b += (index.sections[f.section] as Section).hist[prev] as number;
    if (b > 0) out.push({ e: s.hist[yi * g + grade - 1] as number, b, age: year - oldest });
  }
  return out;
}

/** The county cohort's pairs: grade g in year t over grade g − 1 in t − 1 (see SectionIndex.cohort). */
function cohortPairs(index: SectionIndex, stage: Stage, grade: number, k: number): Pair[] {
  const g = index.grades[stage];
  const { in: e, from: b } = index.cohort[stage];
  const out: Pair[] = [];
  const oldest = Math.max(index.firstYear + 1, index.baseYear - k + 1);
  for (let year = oldest; year <= index.baseYear; year++) {
    const i = (year - index.firstYear) * g + grade - 1;
    if ((b[i] as number) > 0) out.push({ e: e[i] as number, b: b[i] as number, age: year - oldest });
  }
  return out;
}

/** Weighted ratio of sums after bounding each year's ratio around the window median. */
function boundedRatio(pairs: readonly Pair[], k: number, settings: MethodSettings): { ratio: number; evidence: number } | null {
  if (pairs.length === 0) return null;
  const ratios = pairs.map((p) => p.e / p.b);
  const m = median(ratios);
  const weights = recencyWeights(k, settings.weighting);
  const lo = m * (1 - settings.outlierBound);
  const hi = m * (1 + settings.outlierBound);
  let num = 0;
  let den = 0;
  let evidence = 0;
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i] as Pair;
    const r = clamp(ratios[i] as number, lo, hi);
    const w = weights[p.age] ?? 1;
    num += w * r * p.b;
    den += w * p.b;
    evidence += p.b;
  }
  return den > 0 ? { ratio: num / den, evidence } : null;
}

/** Pools several sections' pairs year by year, so a township ratio weighs schools by size. */
function pooled(list: readonly Pair[][], k: number, settings: MethodSettings): { ratio: number; evidence: number } | null {
  const e = new Float64Array(k);
  const b = new Float64Array(k);
  for (const pairs of list) {
    for (const p of pairs) {
      e[p.age] = (e[p.age] as number) + p.e;
      b[p.age] = (b[p.age] as number) + p.b;
    }
  }
  const out: Pair[] = [];
  for (let age = 0; age < k; age++) if ((b[age] as number) > 0) out.push({ e: e[age] as number, b: b[age] as number, age });
  return boundedRatio(out, k, settings);
}

function shrink(own: { ratio: number; evidence: number } | null, toward: number, kappa: number): number {
  if (!own) return toward;
  return (own.evidence * own.ratio + kappa * toward) / (own.evidence + kappa);
}

export function calibrateProgression(index: SectionIndex, settings: MethodSettings): Progression {
  const k = settings.progressionYears;
  const kappa = settings.shrinkStudents;
  const ratio = index.sections.map((s) => new Float64Array(index.grades[s.stage]).fill(1));
  let shortHistory = 0;
  const countyRatios: Progression['county'] = {};
  for (const stage of PROGRESSION_STAGES) {
    const ids = index.byStage[stage];
    const perGrade = new Float64Array(index.grades[stage]).fill(1);
    countyRatios[stage] = perGrade;
    for (let grade = 2; grade <= index.grades[stage]; grade++) {
      const pairs = new Map<number, Pair[]>();
      for (const id of ids) {
        const s = index.sections[id] as Section;
        if (s.taught[grade - 1]) pairs.set(id, pairsOf(index, s, grade, k));
      }
      const countyRatio = pooled([...pairs.values()], k, settings)?.ratio ?? 1;
      perGrade[grade - 1] = clamp(boundedRatio(cohortPairs(index, stage, grade, k), k, settings)?.ratio ?? countyRatio, MIN_GPR, MAX_GPR);
      const byTownship = new Map<number, Pair[][]>();
      for (const [id, p] of pairs) {
        const t = (index.sections[id] as Section).township;
        const list = byTownship.get(t);
        if (list) list.push(p);
        else byTownship.set(t, [p]);
      }
      const townshipRatio = new Map<number, number>();
      for (const [t, list] of byTownship) townshipRatio.set(t, shrink(pooled(list, k, settings), countyRatio, kappa));
      for (const [id, p] of pairs) {
        const s = index.sections[id] as Section;
        const fallback = townshipRatio.get(s.township) ?? countyRatio;
        (ratio[id] as Float64Array)[grade - 1] = clamp(shrink(boundedRatio(p, k, settings), fallback, kappa), MIN_GPR, MAX_GPR);
      }
    }
  }
  for (const s of index.sections) if (s.yearsRecorded < 2 && s.stage !== 'preschool' && s.stage !== 'special') shortHistory++;
  return { ratio, county: countyRatios, shortHistory };
}
