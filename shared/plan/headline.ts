// The figures the 规划 page's summary, its tabs, `evaluate --json` and the annexes' notes all
// quote, computed once from the evaluation so that they cannot disagree: the seat gap in the
// target year and its peak within the plan period (a gap that closes by the target year is
// still a gap the plan must bridge), the projects counted, and the proposals waiting. The
// base year is recorded, no project can change it, so its gap is stated apart from the peak.
import type { PlanEvaluation } from './types';

export interface PlanHeadline {
  targetYear: number;
  /** Seats short in the target year, summed over areas and stages (spare seats do not offset). */
  targetGap: number;
  /** The same sum in the base year (the recorded situation). */
  baseGap: number;
  /** The largest such sum in any year after the base year up to the target year … */
  peakGap: number;
  /** … and the years it is reached (empty when no year is short). */
  peakYears: number[];
  /** Years after the base year up to the target year with any seats short. */
  shortYears: number[];
  /** Projects counted in the results (not 暂缓, school found). */
  projects: number;
  /** Their investment, 万元 (projects without one are left out). */
  investment: number;
  /** Projects the build helper proposes (what 全部采纳 adds) … */
  suggestedProjects: number;
  /** … for this many areas × stages short of seats in years building can reach. */
  suggestionGroups: number;
}

export function planHeadline(ev: PlanEvaluation): PlanHeadline {
  const { baseYear, targetYear } = ev.plan;
  const byYear = new Map<number, number>();
  for (const g of ev.gaps) {
    if (g.year < baseYear || g.year > targetYear) continue;
    byYear.set(g.year, (byYear.get(g.year) ?? 0) + Math.max(0, g.gap));
  }
  const years = [...byYear.keys()].filter((y) => y > baseYear).sort((a, b) => a - b);
  const peakGap = Math.max(0, ...years.map((y) => byYear.get(y) ?? 0));
  const applied = ev.projects.filter((p) => p.applied);
  return {
    targetYear,
    targetGap: byYear.get(targetYear) ?? 0,
    baseGap: byYear.get(baseYear) ?? 0,
    peakGap,
    peakYears: peakGap > 0 ? years.filter((y) => byYear.get(y) === peakGap) : [],
    shortYears: years.filter((y) => (byYear.get(y) ?? 0) > 0),
    projects: applied.length,
    investment: Math.round(applied.reduce((s, p) => s + (p.investment ?? 0), 0) * 10) / 10,
    suggestedProjects: ev.suggestions.reduce((s, x) => s + x.projects.length, 0),
    suggestionGroups: ev.suggestions.filter((x) => x.projects.length > 0).length,
  };
}
