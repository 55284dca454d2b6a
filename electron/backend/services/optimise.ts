// 布局优化: builds the instance of a plan, scenario and stage, solves it in the optimiser's
// worker (greedy, then the MIP), and reads the layout back as plan projects with their
// reasons and totals beside the greedy layout, the current plan and the plan's suggestions.
import type { Stage } from '../../../shared/domain';
import { decisionsOf, type OptDecision } from '../../../shared/optimise/decisions';
import type { OptInstance } from '../../../shared/optimise/instance';
import type { OptimisedProject, OptimiseResult, LayoutTotals } from '../../../shared/optimise/result';
import type { SolveProgressView } from '../../../shared/optimise/progress';
import { OPTIMISE_SOURCES } from '../../../shared/optimise/settings';
import { costOf, travelSummary, type OptSolution } from '../../../shared/optimise/solution';
import { landNotes, landTotals, projectLand } from '../../../shared/optimise/site-land';
import type { PlanEvaluation, ProjectInput } from '../../../shared/plan';
import { bridgeSentence, earliestCompletion } from '../../../shared/plan/build-years';
import { n } from '../../../shared/plan/text';
import type { ProjectFile } from '../db/project-file';
import { startSolve, type SolveJob } from '../optimise/run-worker';
import { SOLVE_MEMORY_MB } from '../optimise/limits';
import { buildProjectInstance, type OptimiseQuery, type ProjectInstance } from './optimise-instance';

function receiversFor(d: OptDecision, inst: OptInstance): { school: string; share: number }[] {
  const existing = d.receivers.filter((r) => inst.facilities[r.facility]?.existing);
  const total = existing.reduce((a, r) => a + r.share, 0);
  if (total <= 0) return [];
  let left = 1000;
  return existing.map((r, i) => {
    const share = i === existing.length - 1 ? left : Math.round((r.share / total) * 1000);
    left -= share;
    return { school: r.id, share: share / 1000 };
  }).filter((r) => r.share > 0);
}

function projectOf(d: OptDecision, p: ProjectInstance, stage: Stage): ProjectInput | null {
  const inst = p.instance;
  const fac = inst.facilities[d.facility];
  if (!fac) return null;
  const note = d.reason.slice(0, 300);
  const short = (s: string) => s.slice(0, 60);
  switch (d.type) {
    case '新建':
      return { type: '新建', name: short(d.name), kind: d.kind, township: fac.township, classes: d.classes, seats: d.seats, floorArea: d.floorArea, siteArea: d.siteArea, investment: d.cost, completionYear: d.year, note };
    case '改扩建':
      return { type: '改扩建', name: short(`${d.name}改扩建工程`), school: d.id, stage, classes: Math.max(0, d.classes - fac.classes), seats: d.seatChange, floorArea: d.floorArea, investment: d.cost, completionYear: d.year, note };
    case '撤并': {
      const receivers = receiversFor(d, inst);
      return receivers.length ? { type: '撤并', name: short(`${d.name}撤并`), school: d.id, receivers, completionYear: d.year, note } : null;
    }
    case '转型': {
      const receivers = receiversFor(d, inst);
      return receivers.length
        ? { type: '转型', name: short(`${d.name}转型`), school: d.id, kind: d.kind, classes: 6, seats: d.seats, receivers, completionYear: d.year, note }
        : null;
    }
    case '寄宿':
      return boardingProject(d);
  }
}

/** A proposed boarding section (寄宿部) becomes a 寄宿 project: its places are the most boarders in any year; the plan estimates its floor area from its places. */
function boardingProject(d: OptDecision): ProjectInput {
  return { type: '寄宿', name: `${d.name}寄宿部`.slice(0, 60), school: d.id, boardingPlaces: d.seats, investment: d.cost, completionYear: d.year, note: d.reason.slice(0, 300) };
}

/** A closure whose receivers include proposed new schools, completed by the page once those are adopted. */
function pendingOf(d: OptDecision, p: ProjectInstance): OptimisedProject['pending'] {
  if (d.type !== '撤并' && d.type !== '转型') return null;
  const inst = p.instance;
  const sites = d.receivers.filter((r) => !inst.facilities[r.facility]?.existing).map((r) => ({ site: r.id, share: r.share }));
  if (sites.length === 0) return null;
  const receivers = d.receivers.filter((r) => inst.facilities[r.facility]?.existing).map((r) => ({ school: r.id, share: r.share }));
  const note = d.reason.slice(0, 300);
  const name = `${d.name}${d.type}`.slice(0, 60);
  const project: ProjectInput =
    d.type === '撤并'
      ? { type: '撤并', name, school: d.id, receivers, completionYear: d.year, note }
      : { type: '转型', name, school: d.id, kind: d.kind, classes: 6, seats: d.seats, receivers, completionYear: d.year, note };
  return { project, sites };
}

function projectsOf(p: ProjectInstance, sol: OptSolution, stage: Stage): OptimisedProject[] {
  return decisionsOf(p.instance, sol).map((d) => ({
    type: d.type,
    school: p.instance.facilities[d.facility]?.existing ? d.id : null,
    schoolName: d.name,
    site: p.instance.facilities[d.facility]?.existing ? null : d.id,
    position: p.positions[d.facility] ?? null,
    stage,
    year: d.year,
    seats: d.type === '撤并' ? d.seatChange : d.type === '改扩建' ? d.seats : d.seats,
    classes: d.classes,
    cost: Math.round(d.cost * 10) / 10,
    receivers: d.receivers.map((r) => ({ school: r.id, name: r.name, share: r.share, km: Math.round(r.km * 10) / 10 })),
    reason: d.reason,
    project: projectOf(d, p, stage),
    pending: pendingOf(d, p),
    land: d.type === '改扩建' ? projectLand(d.land) : null,
  }));
}

function totalsOf(inst: OptInstance, sol: OptSolution, projects: OptimisedProject[]): LayoutTotals {
  const c = costOf(inst, sol);
  const t = travelSummary(inst, sol);
  const round = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
  return {
    cost: Math.round(c.capital * 10) / 10,
    objective: Math.round(c.objective * 10) / 10,
    unmetSeats: t.unmetSeats,
    uncoveredChildren: t.uncoveredChildren,
    bridged: t.bridged,
    travel: { mean: round(t.mean), max: round(t.max) },
    schoolsClosed: projects.filter((p) => p.type === '撤并' || p.type === '转型').length,
    projects: projects.length,
    ...landTotals(projects.map((x) => x.land)),
  };
}

/** Seats short in the plan years, summed over the schools of the stage that are short (the evaluation's own figures). */
function shortfall(e: PlanEvaluation, stage: Stage, years: number[]): number {
  let worst = 0;
  for (const y of years) {
    const yi = e.years.indexOf(y);
    let s = 0;
    for (const school of e.schools) {
      const b = school.byStage[stage];
      if (b) s += Math.max(0, (b.demand[yi] ?? 0) - (b.capacity[yi] ?? 0));
    }
    worst = Math.max(worst, s);
  }
  return Math.round(worst);
}

function settingsRows(p: ProjectInstance): OptimiseResult['settings'] {
  const s = p.settings;
  const geo = p.plan.settings.geo;
  return [
    { key: 'travelWeight', label: '出行成本', value: s.travelWeight, unit: '万元/（人·km·年）', source: OPTIMISE_SOURCES.travelWeight },
    { key: 'boardingPenalty', label: '寄宿成本', value: s.boardingPenalty, unit: '万元/（人·年）', source: OPTIMISE_SOURCES.boardingPenalty },
    { key: 'unmetPenalty', label: '无学位惩罚', value: s.unmetPenalty, unit: '万元/（人·年）', source: OPTIMISE_SOURCES.unmetPenalty },
    { key: 'operatingPerSchool', label: '学校固定运行成本', value: s.operatingPerSchool, unit: '万元/（校·年）', source: OPTIMISE_SOURCES.operatingPerSchool },
    { key: 'boardingSectionCost', label: '寄宿部建设成本', value: s.boardingSectionCost, unit: '万元/个', source: OPTIMISE_SOURCES.boardingSectionCost },
    { key: 'holding', label: '资金占用成本', value: s.holding, unit: '/年', source: OPTIMISE_SOURCES.holding },
    { key: 'boardingKm', label: '寄宿生最远距离', value: s.boardingKm, unit: 'km', source: OPTIMISE_SOURCES.boardingKm },
    { key: 'roadFactor', label: '路网系数', value: geo.roadFactor, unit: '', source: '规划设置（布局图）' },
    { key: 'serviceKm', label: '服务半径（乡村）', value: p.instance.serviceKm, unit: 'km', source: '规划设置（布局图）' },
    { key: 'costPerM2', label: '建安造价', value: p.plan.settings.costPerM2, unit: '元/㎡', source: '规划设置' },
  ];
}

const wanText = (x: number) => `${(Math.round(x * 10) / 10).toLocaleString('zh-CN')} 万元`;

/**
 * One sentence comparing the layout with the greedy one and with the plan's suggestions, on
 * the terms that make the comparison fair: the suggestions balance seats by area and ignore
 * distance, so only the area rule weighs the same demand against the same seats.
 */
export function comparisonNote(rule: 'distance' | 'area', shown: LayoutTotals, greedy: LayoutTotals, suggested: number, firstBuildYear?: number): string {
  // Under the area rule distance does not count, so a missing site can only be missing in the area.
  const noSite = rule === 'area' ? '本片区内无可建校址' : '服务半径内无可建校址';
  const seats = shown.unmetSeats === 0 ? '满足全部学位需求' : `仍有 ${shown.unmetSeats} 个学位缺口（增建的成本高于无学位惩罚，或${noSite}）`;
  const vsGreedy =
    shown.objective < greedy.objective - 0.05
      ? `总成本 ${wanText(shown.objective)}，比贪心方案低 ${wanText(greedy.objective - shown.objective)}`
      : `总成本 ${wanText(shown.objective)}，与贪心方案相同（求解器在时限内未找到更好的方案）`;
  if (rule === 'area') {
    // Cheaper while seats stay short is not a saving on the same work: say which part it is.
    const shortPart = shown.unmetSeats > 0 ? `，其中部分是因为仍缺 ${shown.unmetSeats} 个学位而少建` : '';
    const vsSuggested =
      shown.cost <= suggested
        ? `建设投资 ${wanText(shown.cost)}，比“建设需求测算”的 ${wanText(suggested)}少 ${wanText(suggested - shown.cost)}${shortPart}`
        : `建设投资 ${wanText(shown.cost)}，比“建设需求测算”的 ${wanText(suggested)}多 ${wanText(shown.cost - suggested)}：${shown.schoolsClosed > 0 ? `优化方案同时撤并 ${shown.schoolsClosed} 所学校以节省运行费用，需为其学生增建学位` : '优化方案按标准规模在各校实际位置增建，测算按片区缺口取整'}`;
    const same = firstBuildYear === undefined ? '' : `两者均 ${firstBuildYear} 年起建成（此前过渡）、造价按同一规划设置；`;
    return `比较（片区学位平衡口径，需求与“建设需求测算”相同）：${same}优化方案${seats}，${vsSuggested}；${vsGreedy}。`;
  }
  return `比较（服务半径口径）：优化方案${seats}，建设投资 ${wanText(shown.cost)}，${vsGreedy}。“建设需求测算”（${wanText(suggested)}）只按片区平衡学位、不考虑上学距离，与本方案不可直接比较；请用“片区学位平衡”规则比较。`;
}

/**
 * The years before a build can be ready, worded as the suggestions word them: their seats
 * short are bridged (过渡期缺口), not counted as unmet, and no layout builds for them.
 */
export function bridgedNote(constructionYears: number, firstBuildYear: number, targetYear: number, bridged: LayoutTotals['bridged']): string {
  const from = bridged[0]?.year;
  const to = bridged[bridged.length - 1]?.year;
  const lead = `按 ${constructionYears} 年工期，基准年后开工的项目最早 ${firstBuildYear} 年建成`;
  if (from === undefined || to === undefined) return `${lead}，规划期各年均可安排建设。`;
  const years = bridged.some((b) => b.seats > 0)
    ? `${bridgeSentence(constructionYears, firstBuildYear, from, to)}：${bridged.map((b) => `${b.year} 年 ${n(b.seats)} 个`).join('、')}（过渡期缺口，不计入缺学位）`
    : `${lead}，${from === to ? from : `${from}–${to}`} 年现有学位足够，无过渡期缺口`;
  const none = firstBuildYear > targetYear ? `${firstBuildYear} 年晚于规划目标年 ${targetYear} 年，规划期内不安排` : `${firstBuildYear} 年前不安排`;
  return `${years}；${none}新建、改扩建、寄宿部或转型，撤并可在各年进行（只用其他学校的富余学位）。`;
}

export interface OptimiseRun {
  done: Promise<OptimiseResult>;
  cancel(): void;
}

export function startOptimise(file: ProjectFile, q: OptimiseQuery, onProgress: (p: SolveProgressView) => void = () => undefined): OptimiseRun {
  onProgress({ phase: 'greedy', seconds: 0, primal: null, dual: null, gap: null });
  const p = buildProjectInstance(file, q);
  const stage = q.stage as Stage;
  const job: SolveJob = startSolve(p.instance, { timeLimit: p.settings.timeLimit, mipGap: p.settings.mipGap }, (x) => onProgress({ phase: 'mip', ...x }));
  const done = job.done.then((out): OptimiseResult => {
    const inst = p.instance;
    const chosen = out.mip ?? out.greedy;
    const projects = projectsOf(p, chosen, stage);
    const greedyProjects = projectsOf(p, out.greedy, stage);
    const mipTotals = out.mip ? totalsOf(inst, out.mip, projects) : null;
    const greedyTotals = totalsOf(inst, out.greedy, greedyProjects);
    const shown = mipTotals ?? greedyTotals;
    const notes = [...p.notes];
    if (!out.mip) notes.push('求解器在时限内未找到方案，以下为贪心方案。');
    if ((out.stopped === 'time' || out.stopped === 'memory') && out.mip) {
      // At 100 % or more the bound is still the trivial one (negative once the bridged floor is off the objective).
      const gap = out.mip.gap === null || out.mip.gap >= 1 ? '与最优的差距未知（求解器尚未得到下界）' : `与最优的差距不超过 ${(out.mip.gap * 100).toFixed(1)}%`;
      const why = out.stopped === 'time' ? `求解达到时限 ${p.settings.timeLimit} 秒` : `求解占用内存接近上限（约 ${SOLVE_MEMORY_MB} MiB），已提前停止`;
      notes.push(`${why}，所示为当前最好方案，${gap}。`);
    }
    if (out.stopped === 'cancel') notes.push('已取消求解，所示为取消时的最好方案。');
    const violations = [...out.violations.mip, ...out.violations.greedy];
    if (violations.length) notes.push(`方案检查发现问题：${violations.slice(0, 3).join('；')}`);
    const current = p.full.projects.filter((x) => x.status === '拟建' && x.stages.includes(stage));
    const suggestions = p.committed.suggestions.filter((s) => s.stage === stage).flatMap((s) => s.projects);
    const suggestedCost = Math.round(suggestions.reduce((a, x) => a + (x.investment ?? 0), 0) * 10) / 10;
    const firstBuildYear = earliestCompletion(p.plan.baseYear, p.plan.settings.constructionYears);
    notes.push(bridgedNote(p.plan.settings.constructionYears, firstBuildYear, p.plan.targetYear, shown.bridged));
    notes.push(...landNotes(shown, p.plan.settings.landPerMu));
    notes.push(comparisonNote(q.rule ?? 'distance', shown, greedyTotals, suggestedCost, firstBuildYear));
    return {
      status: out.mip ? out.mip.status : 'feasible',
      gap: out.mip ? out.mip.gap : null,
      cost: shown.cost,
      greedyCost: greedyTotals.cost,
      projects,
      unmetSeats: shown.unmetSeats,
      uncoveredChildren: shown.uncoveredChildren,
      travel: shown.travel,
      siteUnchecked: shown.siteUnchecked,
      firstBuildYear,
      bridged: shown.bridged,
      plan: { id: p.plan.id > 0 ? p.plan.id : null, name: p.plan.name },
      scenario: p.scenario,
      stage,
      years: inst.years,
      totals: { mip: mipTotals, greedy: greedyTotals },
      greedyProjects,
      current: {
        cost: Math.round(current.reduce((a, x) => a + (x.investment ?? 0), 0) * 10) / 10,
        projects: current.length,
        unmetSeats: shortfall(p.full, stage, inst.years.slice(inst.firstBuildIndex)),
      },
      suggestions: { cost: suggestedCost, projects: suggestions.length },
      rule: q.rule ?? 'distance',
      solver: { status: out.solverStatus, seconds: Math.round(out.seconds * 10) / 10, stopped: out.stopped, columns: out.size.columns, rows: out.size.rows, binaries: out.size.binaries },
      settings: settingsRows(p),
      notes,
    };
  });
  return { done, cancel: () => job.cancel() };
}
