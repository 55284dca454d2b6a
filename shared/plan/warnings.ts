// The findings a planner must not miss, in words: where and from when seats are short,
// which builds will stand half empty, which schools grow past their size limit, which
// targets the plan misses. Ordered red before orange before blue, larger before smaller.
import { COMPARATOR_LABEL } from './model';
import { PROJECT_TYPE } from './project-types';
import type { PlanRun } from './run';
import { n, pct, stageName, withUnit } from './text';
import type { ClassYear, GapRow, PlanWarning, ProjectResult, SchoolResult, TargetResult } from './types';

const ORDER = { red: 0, orange: 1, blue: 2 } as const;

interface Ranked extends PlanWarning {
  weight: number;
}

/** Runs of consecutive true values: [start index, end index] inclusive. */
function runsOf(flags: readonly boolean[]): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  flags.forEach((f, i) => {
    if (f && start < 0) start = i;
    if (!f && start >= 0) {
      out.push([start, i - 1]);
      start = -1;
    }
  });
  if (start >= 0) out.push([start, flags.length - 1]);
  return out;
}

/**
 * "2027 年起学位缺口 420 个，2029 年达 510 个，2033 年起缓解" for the first shortage, and
 * when it returns. `amount` words a number of seats (with classes where useful).
 */
function shortage(
  years: readonly number[],
  gaps: readonly number[],
  red: readonly boolean[],
  amount: (seats: number) => string = (seats) => `${n(seats)} 个`,
): { text: string; start: number; peak: number } | null {
  const runs = runsOf(red);
  const first = runs[0];
  if (!first) return null;
  const [s, e] = first;
  let peakI = s;
  for (let i = s; i <= e; i++) if ((gaps[i] as number) > (gaps[peakI] as number)) peakI = i;
  let text = `${years[s]} 年起学位缺口 ${amount(gaps[s] as number)}`;
  if (peakI !== s) text += `，${years[peakI]} 年达 ${amount(gaps[peakI] as number)}`;
  if (e < years.length - 1) text += `，${years[e + 1]} 年起缓解`;
  const again = runs[1];
  if (again) text += `，${years[again[0]]} 年起再次缺口 ${amount(gaps[again[0]] as number)}`;
  let peak = gaps[peakI] as number;
  for (const [a, b] of runs.slice(1)) for (let i = a; i <= b; i++) peak = Math.max(peak, gaps[i] as number);
  return { text, start: years[s] as number, peak };
}

function targetWarnings(run: PlanRun, targets: readonly TargetResult[]): Ranked[] {
  const year = run.plan.targetYear;
  return targets
    .filter((t) => t.met === false && t.projected !== null)
    .map((t) => ({
      kind: 'target' as const,
      level: t.attribute === '约束性' ? ('red' as const) : ('orange' as const),
      year,
      stage: null,
      subject: t.key,
      message: `${t.attribute}指标“${t.name}”${year} 年预计 ${withUnit(t.projected as number, t.unit)}，未达到目标 ${COMPARATOR_LABEL[t.comparator]} ${withUnit(t.target, t.unit)}`,
      weight: 1e9,
    }));
}

function areaWarnings(run: PlanRun, gaps: readonly GapRow[]): Ranked[] {
  const out: Ranked[] = [];
  const targetYear = run.plan.targetYear;
  const groups = new Map<string, GapRow[]>();
  for (const g of gaps) {
    const k = `${g.area}|${g.stage}`;
    const list = groups.get(k) ?? [];
    list.push(g);
    groups.set(k, list);
  }
  for (const rows of groups.values()) {
    const first = rows[0] as GapRow;
    const label = `${first.area === '全县' ? '全县' : first.area}${stageName(first.stage)}`;
    const years = rows.map((r) => r.year);
    const size = run.settings.classSize[first.stage];
    const found = shortage(years, rows.map((r) => r.gap), rows.map((r) => r.level === 'red'), (seats) => `${n(seats)} 个（约 ${n(Math.ceil(seats / size))} 个班）`);
    if (found) {
      out.push({
        kind: 'area-gap',
        level: 'red',
        year: found.start,
        stage: first.stage,
        subject: first.area,
        message: `${label} ${found.text}${found.start > targetYear ? '（出现在规划期之后）' : ''}`,
        weight: found.peak * 10,
      });
    }
    const atTarget = rows.find((r) => r.year === targetYear);
    if (atTarget && atTarget.level === 'blue' && atTarget.utilisation !== null) {
      out.push({
        kind: 'under-use',
        level: 'blue',
        year: targetYear,
        stage: first.stage,
        subject: first.area,
        message: `${label} ${targetYear} 年学位利用率 ${pct(atTarget.utilisation)}，富余学位 ${n(-atTarget.gap)} 个`,
        weight: -atTarget.gap,
      });
    }
  }
  return out;
}

function schoolWarnings(run: PlanRun, schools: readonly SchoolResult[]): Ranked[] {
  const out: Ranked[] = [];
  const years = run.years;
  const targetIdx = Math.max(0, Math.min(years.length - 1, run.plan.targetYear - run.plan.baseYear));
  const emptyish: SchoolResult[] = [];
  for (const s of schools) {
    const gaps = s.demand.map((d, i) => d - (s.capacity[i] as number));
    const found = shortage(years, gaps, s.level.map((l) => l === 'red'));
    if (found) {
      out.push({ kind: 'school-gap', level: 'red', year: found.start, stage: s.stages.length === 1 ? (s.stages[0] ?? null) : null, subject: s.code, message: `${s.name} ${found.text}`, weight: found.peak });
    }
    const over = s.overSize.findIndex((v) => v > 0);
    if (over >= 0 && s.sizeLimit !== null) {
      out.push({
        kind: 'school-size',
        level: 'orange',
        year: years[over] as number,
        stage: null,
        subject: s.code,
        message: `${s.name} ${years[over]} 年在校生 ${n(s.demand[over] as number)} 人，超过办学规模上限（${n((s.demand[over] as number) - (s.overSize[over] as number))} 人）`,
        weight: s.overSize[over] as number,
      });
    }
    const u = s.utilisation[targetIdx];
    if (!s.isNew && u !== null && u !== undefined && u < run.settings.levels.blue / 2 && (s.capacity[targetIdx] ?? 0) > 0) emptyish.push(s);
  }
  if (emptyish.length > 0) {
    emptyish.sort((a, b) => (a.utilisation[targetIdx] ?? 0) - (b.utilisation[targetIdx] ?? 0));
    const names = emptyish.slice(0, 6).map((s) => `${s.name}（${pct(s.utilisation[targetIdx] ?? 0)}）`);
    out.push({
      kind: 'under-use',
      level: 'blue',
      year: years[targetIdx] as number,
      stage: null,
      subject: 'schools',
      message: `${emptyish.length} 所学校 ${years[targetIdx]} 年利用率不足 ${pct(run.settings.levels.blue / 2)}：${names.join('、')}${emptyish.length > 6 ? ' 等' : ''}，可研究撤并或转型`,
      weight: emptyish.length,
    });
  }
  return out;
}

function projectWarnings(run: PlanRun, projects: readonly ProjectResult[]): Ranked[] {
  const out: Ranked[] = [];
  const years = run.years;
  for (const p of projects) {
    if (p.issue && p.status !== '暂缓') {
      out.push({ kind: 'project', level: 'orange', year: p.completionYear, stage: null, subject: String(p.id), message: `项目“${p.name}”：${p.issue}`, weight: 0 });
    }
    const spec = PROJECT_TYPE[p.type];
    if (!p.applied || !spec.builds) continue;
    let minI = -1;
    p.utilisation.forEach((u, i) => {
      if (u === null) return;
      if (minI < 0 || u < (p.utilisation[minI] as number)) minI = i;
    });
    const min = minI >= 0 ? (p.utilisation[minI] as number) : null;
    if (min === null || min >= run.settings.levels.blue) continue;
    const what = spec.createsSchool ? (p.name.includes(p.type) ? p.name : `${p.type}${p.name}`) : `${p.schoolName}${p.type}`;
    const done = spec.doneVerb;
    const first = p.utilisation.findIndex((u) => u !== null);
    const message =
      minI === first
        ? `${what} ${p.completionYear} 年${done}后利用率仅 ${pct(min)}`
        : `${what} ${p.completionYear} 年${done}后至 ${years[minI]} 年利用率降至 ${pct(min)}`;
    out.push({ kind: 'surplus-build', level: 'blue', year: years[minI] as number, stage: p.stages[0] ?? null, subject: String(p.id), message, weight: 1 - min });
  }
  // Students a closure leaves without a school.
  for (const u of run.units) {
    const i = u.unassigned.findIndex((v) => v > 0.5);
    if (i < 0) continue;
    const closer = run.states[i]?.units.get(u.unit.key)?.closedBy;
    out.push({
      kind: 'unassigned',
      level: 'red',
      year: years[i] as number,
      stage: u.unit.stage,
      subject: u.unit.ref,
      message: `${closer ? `${closer.type}${u.unit.school.name}` : u.unit.school.name}后，${years[i]} 年有 ${n(u.unassigned[i] as number)} 名${stageName(u.unit.stage)}学生没有接收学校（接收学校尚未建成或不设该学段）`,
      weight: 1e8 + (u.unassigned[i] as number),
    });
  }
  return out;
}

function classWarning(run: PlanRun, classes: readonly ClassYear[], schools: readonly SchoolResult[]): Ranked[] {
  const targetIdx = Math.max(0, Math.min(run.years.length - 1, run.plan.targetYear - run.plan.baseYear));
  const c = classes[targetIdx];
  if (!c || c.large <= 0) return [];
  const worst = schools
    .filter((s) => (s.largeClasses[targetIdx] ?? 0) > 0)
    .sort((a, b) => (b.largeClasses[targetIdx] ?? 0) - (a.largeClasses[targetIdx] ?? 0))
    .slice(0, 4)
    .map((s) => s.name);
  return [
    {
      kind: 'large-class',
      level: 'red',
      year: c.year,
      stage: null,
      subject: 'classes',
      message: `${c.year} 年仍有大班额约 ${n(c.large)} 个${c.oversized > 0 ? `（其中超大班额约 ${n(c.oversized)} 个）` : ''}，主要在${worst.join('、')}`,
      weight: c.large,
    },
  ];
}

export function planWarnings(
  run: PlanRun,
  parts: { gaps: GapRow[]; schools: SchoolResult[]; targets: TargetResult[]; projects: ProjectResult[]; classes: ClassYear[] },
): PlanWarning[] {
  const all: Ranked[] = [
    ...areaWarnings(run, parts.gaps),
    ...targetWarnings(run, parts.targets),
    ...classWarning(run, parts.classes, parts.schools),
    ...schoolWarnings(run, parts.schools),
    ...projectWarnings(run, parts.projects),
  ];
  const kindOrder: Record<PlanWarning['kind'], number> = {
    unassigned: 0, 'area-gap': 1, target: 2, 'large-class': 3, 'school-gap': 4, 'school-size': 5, project: 6, 'surplus-build': 7, 'under-use': 8, estimated: 9,
  };
  return all
    .sort((a, b) => ORDER[a.level] - ORDER[b.level] || kindOrder[a.kind] - kindOrder[b.kind] || b.weight - a.weight)
    .map(({ weight: _w, ...w }) => w);
}
