// One year of the county as the targets read it (see targets.ts).
import { entryAge, gradesOf, KIND_STAGES } from '../domain/stages';
import type { BalanceRun } from './balance-run';
import type { PlanProject } from './model';
import { PROJECT_TYPE } from './project-types';
import type { PlanRun } from './run';
import { groupsInYear } from './group-actions';
import { inclusionFacts, type InclusionSchool } from './inclusion';
import { SMALL_SCHOOL_PUPILS } from './layout-suggest';
import { compare, roundTo, targetDef, type ClassStage, type YearFacts } from './targets';
import type { TeacherPlan } from './teachers/types';
import type { ClassYear, GapRow, SchoolResult, TargetResult } from './types';

function populationAt(run: PlanRun, year: number): (number | null)[] | null {
  const p = run.ctx.population;
  if (!p || p.years.length === 0) return null;
  const i = p.years.indexOf(year);
  if (i >= 0) return p.byAge[i] ?? null;
  const last = p.years[p.years.length - 1] as number;
  return year > last ? (p.byAge[p.years.length - 1] ?? null) : null;
}

/** Seats a project adds, as a plan document counts 新增学位. */
function seatsAdded(run: PlanRun, p: PlanProject): number {
  switch (PROJECT_TYPE[p.type].capacity) {
    case 'open':
    case 'convert':
      return p.seats;
    case 'extend':
      return p.seats > 0 ? p.seats : p.classes * run.settings.classSize[p.stage ?? 'primary'];
    case 'move': {
      const before = run.timeline.at(p.completionYear - 1);
      let cap = 0;
      for (const u of run.timeline.units) if (u.ref === p.school) cap += before.units.get(u.key)?.capacity ?? 0;
      return Math.max(0, p.seats - cap);
    }
    case 'close':
    case 'improve':
    case 'board':
    case 'group':
      return 0;
  }
}

function kindOfProject(run: PlanRun, p: PlanProject) {
  if (PROJECT_TYPE[p.type].ownKind) return p.kind;
  return run.timeline.schools.find((s) => s.ref === p.school)?.kind ?? null;
}

function ownershipOfProject(run: PlanRun, p: PlanProject) {
  if (PROJECT_TYPE[p.type].createsSchool) return p.ownership;
  return run.timeline.schools.find((s) => s.ref === p.school)?.ownership ?? '公办';
}

/** County 巩固率 in a recorded year: last junior grade over the same cohort's first primary grade. */
function recordedRetention(run: PlanRun, year: number): number | null {
  const system = run.ctx.county.schoolSystem;
  const span = gradesOf('primary', system) + gradesOf('junior', system) - 1;
  let last = 0;
  let first = 0;
  let firstKnown = false;
  for (const s of run.ctx.schools) {
    last += s.recorded[year]?.junior?.lastGrade ?? 0;
    const rec = s.recorded[year - span];
    if (rec) firstKnown = true;
    first += rec?.primary?.firstGrade ?? 0;
  }
  if (last <= 0) return null;
  if (firstKnown && first > 0) return (last / first) * 100;
  const pop = populationAt(run, year);
  const age = entryAge('primary', system) + span;
  const cohort = pop?.[age];
  return cohort ? (last / cohort) * 100 : null;
}

function classesByStage(cls: ClassYear | undefined): YearFacts['classes'] {
  const of = (st: ClassStage) => ({ large: cls?.byStage[st]?.large ?? 0, oversized: cls?.byStage[st]?.oversized ?? 0, unknown: cls?.byStage[st]?.unknown ?? 0 });
  return { primary: of('primary'), junior: of('junior'), senior: of('senior') };
}

export function yearFacts(
  run: PlanRun,
  schools: readonly SchoolResult[],
  gaps: readonly GapRow[],
  classes: readonly ClassYear[],
  balance: BalanceRun,
  teachers?: TeacherPlan,
): YearFacts[] {
  const { ctx, plan } = run;
  const dataBase = ctx.dataBaseYear;
  // Projected students say nothing about who drops out: a projected year holds the base rate.
  const retentionBase = recordedRetention(run, Math.min(dataBase, plan.baseYear));
  const applied = run.timeline.active.filter((p) => !run.timeline.blocked.has(p.id));
  const rural = new Set(ctx.townships.filter((t) => t.urbanRural === '乡村').map((t) => t.code));
  const boarders = new Map(ctx.schools.map((s) => [s.code, s.boardingStudents ?? 0]));
  const pupilsOf = new Map(schools.map((s) => [s.code, s.demand]));
  const ctxSchool = new Map(ctx.schools.map((s) => [s.code, s]));
  const townshipRural = new Map(ctx.townships.map((t) => [t.code, t.urbanRural]));
  const boardingFrom = new Map<string, number>();
  for (const p of applied) {
    if (PROJECT_TYPE[p.type].boarding && p.school) boardingFrom.set(p.school, Math.min(boardingFrom.get(p.school) ?? Infinity, p.completionYear));
  }
  const boardingBuilt = (ref: string, year: number) => (boardingFrom.get(ref) ?? Infinity) <= year;
  const roomFrom = new Map<string, number>();
  for (const p of applied) {
    if (PROJECT_TYPE[p.type].improves === 'resourceRoom' && p.school) roomFrom.set(p.school, Math.min(roomFrom.get(p.school) ?? Infinity, p.completionYear));
  }

  // Kindergartens the planner recorded, not only ones the plan builds: coverage needs the county's own.
  const kindergartensKnown = run.ctx.schools.some((s) => s.kind === 'kindergarten');
  return run.years.map((year, yi) => {
    const students = { preschool: 0, primary: 0, junior: 0, senior: 0, vocational: 0, special: 0 };
    const kindergarten = { all: 0, public: 0, inclusive: 0 };
    let compulsoryPrivate = 0;
    for (const u of run.units) {
      const d = u.demand[yi] as number;
      students[u.unit.stage] += d;
      if (u.unit.stage === 'preschool') {
        kindergarten.all += d;
        if (u.unit.school.ownership === '公办') kindergarten.public += d;
        if (u.unit.school.ownership !== '民办') kindergarten.inclusive += d;
      }
      if ((u.unit.stage === 'primary' || u.unit.stage === 'junior') && u.unit.school.ownership === '民办') compulsoryPrivate += d;
    }
    const state = run.states[yi];
    let specialSchools = 0;
    let smallRuralSchools = 0;
    let teachingPoints = 0;
    let boardingSchools = 0;
    const withCentral = new Set<string>();
    const openSchools: InclusionSchool[] = [];
    for (const info of run.timeline.schools) {
      const st = state?.schools.get(info.ref);
      if (!st?.open) continue;
      const known = ctxSchool.get(info.ref);
      openSchools.push({
        code: info.ref, kind: st.kind, ownership: info.ownership, urbanRural: known?.urbanRural ?? townshipRural.get(st.township) ?? '乡村', recorded: known?.recorded,
      });
      if (st.kind === 'special') specialSchools++;
      if (st.kind === 'teaching_point') teachingPoints++;
      if ((boarders.get(info.ref) ?? 0) > 0 || boardingBuilt(info.ref, year)) boardingSchools++;
      const pupils = pupilsOf.get(info.ref)?.[yi] ?? 0;
      if ((st.kind === 'primary' || st.kind === 'teaching_point') && rural.has(st.township) && pupils > 0 && pupils < SMALL_SCHOOL_PUPILS) smallRuralSchools++;
      if (st.kind === 'kindergarten' && info.ownership === '公办' && info.name.includes('中心幼儿园')) withCentral.add(st.township);
    }
    const built = { compulsorySchools: 0, publicSeats: 0, kindergartenSeats: 0 };
    for (const p of applied) {
      const spec = PROJECT_TYPE[p.type];
      if (p.completionYear <= plan.baseYear || p.completionYear > year || !spec.builds) continue;
      const kind = kindOfProject(run, p);
      const stages = kind ? KIND_STAGES[kind] : [];
      if (spec.construction && (stages.includes('primary') || stages.includes('junior'))) built.compulsorySchools++;
      if (ownershipOfProject(run, p) === '公办') {
        const added = seatsAdded(run, p);
        built.publicSeats += added;
        if (kind === 'kindergarten') built.kindergartenSeats += added;
      }
    }
    let compulsoryAreaGap = 0;
    for (const g of gaps) if (g.year === year && (g.stage === 'primary' || g.stage === 'junior') && g.gap > 0) compulsoryAreaGap += g.gap;

    const retention = year <= dataBase ? recordedRetention(run, year) : retentionBase;
    const bal = balance.byYear[yi];
    const cls = classes[yi];
    return {
      year,
      recorded: year <= dataBase,
      students,
      kindergarten,
      compulsoryPrivate,
      population: populationAt(run, year),
      classes: classesByStage(cls),
      balance: {
        primary: { passing: bal?.primary.passing ?? 0, total: bal?.primary.total ?? 0, unknown: bal?.primary.unknown ?? 0, maxCv: bal?.primary.maxCv ?? null },
        junior: { passing: bal?.junior.passing ?? 0, total: bal?.junior.total ?? 0, unknown: bal?.junior.unknown ?? 0, maxCv: bal?.junior.maxCv ?? null },
      },
      overSizeSchools: schools.filter((s) => (s.overSize[yi] ?? 0) > 0).length,
      specialSchools,
      townships: ctx.townships.length,
      townshipsWithCentralKindergarten: ctx.townships.filter((t) => withCentral.has(t.code)).length,
      kindergartensKnown,
      built,
      compulsoryAreaGap,
      retention,
      teachers: teachers?.indicators[yi] ?? null,
      smallRuralSchools,
      teachingPoints,
      boardingSchools,
      inclusion: inclusionFacts(
        { ...(ctx.inclusion ?? { specialNeeds: [], migrants: [] }), groups: groupsInYear(ctx.inclusion?.groups ?? [], applied, year) },
        openSchools, year, dataBase, run.settings.inclusion, (code) => (roomFrom.get(code) ?? Infinity) <= year,
      ),
    };
  });
}

export function targetResults(run: PlanRun, facts: readonly YearFacts[]): TargetResult[] {
  const targetIdx = Math.max(0, Math.min(run.years.length - 1, run.plan.targetYear - run.plan.baseYear));
  return run.plan.targets.map((t) => {
    const def = targetDef(t.key);
    if (!def) {
      const projected = t.manualProjected;
      return {
        key: t.key, name: t.name, unit: t.unit, comparator: t.comparator, attribute: t.attribute, target: t.target,
        base: t.manualBase, projected, met: projected === null ? null : compare(projected, t.comparator, t.target),
        series: run.years.map((_, i) => (i === 0 ? t.manualBase : i === targetIdx ? projected : null)),
        note: '自定义指标：基准值与预计值由规划编制人员填写', custom: true, stages: null,
      };
    }
    const series = facts.map((f) => {
      const v = def.value(f);
      return v === null || !Number.isFinite(v) ? null : roundTo(v, def.decimals);
    });
    const base = series[0] ?? null;
    const projected = series[targetIdx] ?? null;
    const missing = projected === null ? def.missing ?? (t.key.endsWith('_rate') || t.key === 'compulsory_retention' ? '缺少分年龄人口数据，无法计算' : '无可计算的学校') : null;
    return {
      key: t.key, name: t.name, unit: t.unit, comparator: t.comparator, attribute: t.attribute, target: t.target,
      base, projected, met: projected === null ? null : compare(projected, t.comparator, t.target),
      series, note: missing ? `${def.basis}。${missing}。` : def.basis, custom: false, stages: [...def.stages],
      ...(missing ? { missing } : {}),
    };
  });
}

