// Teachers under the plan, year by year: posts needed per school stage (norms.ts) against the
// teachers there. Supply starts from the 专任教师 recorded in the plan's base year (a combined
// school's split over its stages by students), loses those reaching the retirement age where
// the school's age table was imported (retirement.ts), else the yearly exit rate, gains the plan's
// recruits (first to the schools most short of teachers), and follows pupils when a school
// closes: its teachers go to the receiving schools in the same shares. A school the plan
// builds starts without teachers, so its posts show as needed by 新建 until recruits fill them.
import { STAGE_LABEL, type UrbanRural } from '../../domain/stages';
import { STANDARDS } from '../../standards';
import type { ContextSchool, StaffCounts } from '../context';
import type { PlanRun } from '../run';
import { recordAt, unitKey, type YearState } from '../timeline';
import { isTeacherStage, postsNeeded, TEACHER_STAGES, type StaffingRule, type TeacherStage } from './norms';
import { degreeCounts, keyTeachersOf, type DegreeCounts } from './qualification';
import { hasAgeTable, retirementSchedule } from './retirement';
import type { RetirementBasis, TeacherIndicatorYear, TeacherPlan, TeacherSchoolRow, TeacherSeries, TeacherStageResult, TeacherTownshipRow } from './types';

interface TeacherUnit {
  index: number;
  key: string;
  stage: TeacherStage;
  posts: number[];
  rule: StaffingRule[];
  supply: number[];
  /**
   * Whether the unit's teachers are known in the year: an existing school without a staff record
   * is not (its supply is not 0, it is unknown), nor is a receiver once it takes such a school's pupils.
   */
  known: boolean[];
  /** Base-year staff of the unit (its share of the school's), for the indicators. */
  base: StaffCounts | null;
  /** The unit's share of the school's 学历 breakdown, where one was imported. */
  degree: DegreeCounts | null;
  /** Teachers reaching the retirement age each year, from the age table; null: the exit rate applies. */
  leaving: number[] | null;
}

interface UnitBase {
  staff: StaffCounts;
  degree: DegreeCounts | null;
  /** The school's age table (and its year), shared by its stages in proportion to their teachers. */
  ages: { year: number; counts: Record<string, number> } | null;
}

/** The latest 教职工结构 of the school up to the year, with its year. */
function profileAt(school: ContextSchool | null | undefined, year: number): { year: number; counts: Record<string, number> } | null {
  let best: number | null = null;
  for (const k of Object.keys(school?.profile ?? {})) if (Number(k) <= year && (best === null || Number(k) > best)) best = Number(k);
  return best === null ? null : { year: best, counts: school?.profile?.[best] ?? {} };
}

const scaled = (d: DegreeCounts | null, share: number): DegreeCounts | null =>
  d && { teachers: d.teachers * share, compliant: d.compliant * share, above: d.above * share };

const zeros = (n: number) => new Array<number>(n).fill(0);
const add = (a: number[], i: number, v: number) => {
  a[i] = (a[i] ?? 0) + v;
};

function urbanRuralOf(run: PlanRun, unit: PlanRun['units'][number]['unit'], township: string): UrbanRural {
  return unit.school.source?.urbanRural ?? run.ctx.townships.find((t) => t.code === township)?.urbanRural ?? '乡村';
}

/**
 * The school's base-year staff split over its stages by students (by count of stages without
 * any); where a 学历 breakdown was imported, 高于规定学历 is counted from it by each stage's rule,
 * and 县级以上骨干 from the 骨干 levels where those were.
 */
function baseStaff(run: PlanRun): Map<string, UnitBase> {
  const out = new Map<string, UnitBase>();
  const byRef = new Map<string, number[]>();
  run.units.forEach((u, i) => {
    if (!isTeacherStage(u.unit.stage) || !u.unit.school.source) return;
    const list = byRef.get(u.unit.ref) ?? [];
    list.push(i);
    byRef.set(u.unit.ref, list);
  });
  for (const [, indices] of byRef) {
    const first = run.units[indices[0] as number] as PlanRun['units'][number];
    const staff = recordAt(first.unit.school.source?.staff ?? {}, run.plan.baseYear);
    if (!staff) continue;
    const profile = profileAt(first.unit.school.source, run.plan.baseYear);
    const students = indices.map((i) => run.units[i]?.demand[0] ?? 0);
    const total = students.reduce((a, b) => a + b, 0);
    indices.forEach((i, k) => {
      const share = total > 0 ? (students[k] as number) / total : 1 / indices.length;
      const u = run.units[i] as PlanRun['units'][number];
      const degree = scaled(degreeCounts(profile?.counts, u.unit.stage as TeacherStage), share);
      const key = keyTeachersOf(profile?.counts);
      out.set(u.unit.key, {
        staff: {
          teachers: staff.teachers * share,
          qualifiedAbove: degree ? degree.above : staff.qualifiedAbove * share,
          keyTeachers: (key ?? staff.keyTeachers) * share,
          peArtsTeachers: staff.peArtsTeachers * share,
        },
        degree,
        ages: profile && hasAgeTable(profile.counts) ? profile : null,
      });
    });
  }
  return out;
}

/** Recruits of one stage and year: gaps filled first, in proportion to each; the rest by posts. */
function hire(units: readonly TeacherUnit[], yi: number, count: number): void {
  if (count <= 0 || units.length === 0) return;
  const gaps = units.map((u) => Math.max(0, (u.posts[yi] as number) - (u.supply[yi] as number)));
  const totalGap = gaps.reduce((a, b) => a + b, 0);
  const toGaps = Math.min(count, totalGap);
  units.forEach((u, k) => {
    if (totalGap > 0) u.supply[yi] = (u.supply[yi] as number) + (toGaps * (gaps[k] as number)) / totalGap;
  });
  const rest = count - toGaps;
  const posts = units.reduce((a, u) => a + (u.posts[yi] as number), 0);
  if (rest <= 0) return;
  for (const u of units) {
    const w = posts > 0 ? (u.posts[yi] as number) / posts : 1 / units.length;
    u.supply[yi] = (u.supply[yi] as number) + rest * w;
  }
}

export function runTeachers(run: PlanRun): TeacherPlan {
  const { years, settings } = run;
  const t = settings.teachers;
  const n = years.length;
  const base = baseStaff(run);
  const units: TeacherUnit[] = [];
  run.units.forEach((u, index) => {
    const stage = u.unit.stage;
    if (!isTeacherStage(stage)) return;
    const posts = zeros(n);
    const rule = new Array<StaffingRule>(n).fill('students');
    years.forEach((_, yi) => {
      const state = run.states[yi] as YearState;
      const kind = state.schools.get(u.unit.ref)?.kind ?? u.unit.school.kind;
      const need = postsNeeded(
        { stage, kind, urbanRural: urbanRuralOf(run, u.unit, u.township[yi] as string), students: u.demand[yi] as number, classes: u.classes[yi] as number },
        t,
      );
      posts[yi] = need.posts;
      rule[yi] = need.rule;
    });
    const b = base.get(u.unit.key) ?? null;
    const supply = zeros(n);
    supply[0] = b?.staff.teachers ?? 0;
    const known = new Array<boolean>(n).fill(b !== null || u.unit.school.isNew);
    units.push({ index, key: u.unit.key, stage, posts, rule, supply, known, base: b?.staff ?? null, degree: b?.degree ?? null, leaving: leavingOf(b, years, t.femaleShare) });
  });
  const byKey = new Map(units.map((u) => [u.key, u]));

  const stageResult = (): TeacherStageResult => ({
    demand: zeros(n), supply: zeros(n), gap: zeros(n), unknownPosts: zeros(n), retired: zeros(n), hired: zeros(n), freedByClosure: zeros(n), neededByNew: zeros(n),
  });
  const byStage: Partial<Record<TeacherStage, TeacherStageResult>> = {};
  for (const u of units) byStage[u.stage] ??= stageResult();

  for (let yi = 1; yi < n; yi++) {
    const state = run.states[yi] as YearState;
    for (const u of units) {
      const prev = u.supply[yi - 1] as number;
      const left = u.leaving ? prev - Math.min(prev, u.leaving[yi] as number) : prev * (1 - t.attrition);
      add((byStage[u.stage] as TeacherStageResult).retired, yi, prev - left);
      u.supply[yi] = left;
    }
    // Teachers of a closed school follow its pupils to the receivers.
    for (const u of units) {
      const st = state.units.get(u.key);
      const have = u.supply[yi] as number;
      if (st?.open || !st?.closedBy || (have <= 0 && u.known[yi])) continue;
      const receivers = st.closedBy.receivers
        .map((r) => ({ unit: byKey.get(unitKey(r.school, u.stage)), share: r.share }))
        .filter((r) => r.unit && r.unit.key !== u.key && state.units.get(r.unit.key)?.open);
      const total = receivers.reduce((a, r) => a + r.share, 0);
      if (total <= 0) continue;
      if (!u.known[yi]) {
        // Unknown teachers arrive with the pupils: the receivers' teachers are unknown from then on.
        for (const r of receivers) (r.unit as TeacherUnit).known.fill(false, yi);
        continue;
      }
      for (const r of receivers) (r.unit as TeacherUnit).supply[yi] = ((r.unit as TeacherUnit).supply[yi] as number) + (have * r.share) / total;
      moveLeavers(u, receivers as { unit: TeacherUnit; share: number }[], total, yi);
      u.supply[yi] = 0;
      add((byStage[u.stage] as TeacherStageResult).freedByClosure, yi, have);
    }
    for (const stage of TEACHER_STAGES) {
      const count = t.hiring[stage];
      const open = units.filter((u) => u.stage === stage && u.known[yi] && state.units.get(u.key)?.open);
      if (count > 0 && open.length > 0) {
        hire(open, yi, count);
        add((byStage[stage] as TeacherStageResult).hired, yi, count);
      }
    }
  }

  const schools: TeacherSchoolRow[] = [];
  const stageSums = new Map<TeacherStage, Sums>();
  const townships = new Map<string, { township: string; stage: TeacherStage; sums: Sums }>();
  for (const u of units) {
    const series = run.units[u.index] as PlanRun['units'][number];
    const sr = byStage[u.stage] as TeacherStageResult;
    if (!stageSums.has(u.stage)) stageSums.set(u.stage, emptySums(n));
    years.forEach((_, yi) => {
      addUnit(stageSums.get(u.stage) as Sums, u, yi);
      if (series.unit.school.isNew && series.open[yi]) add(sr.neededByNew, yi, u.posts[yi] as number);
      const code = series.township[yi] as string;
      const k = `${code}|${u.stage}`;
      if (!townships.has(k)) townships.set(k, { township: code, stage: u.stage, sums: emptySums(n) });
      addUnit((townships.get(k) as { sums: Sums }).sums, u, yi);
    });
    if (u.posts.every((p) => p === 0) && u.supply.every((s, yi) => u.known[yi] && s < 0.5)) continue;
    const supply = u.supply.map((s, yi) => (u.known[yi] ? Math.round(s) : null));
    const township = series.township[series.township.length - 1] as string;
    schools.push({
      code: series.unit.ref, name: series.unit.school.name, township, townshipName: run.townshipName(township), stage: u.stage,
      isNew: series.unit.school.isNew, rule: u.rule, demand: u.posts, supply, gap: u.posts.map((p, i) => (supply[i] == null ? null : p - supply[i])),
      unknownPosts: u.posts.map((p, i) => (u.known[i] ? 0 : p)),
    });
  }
  for (const [stage, sums] of stageSums) Object.assign(byStage[stage] as TeacherStageResult, seriesOf(sums));
  for (const sr of Object.values(byStage)) {
    sr.retired = sr.retired.map(Math.round);
    sr.freedByClosure = sr.freedByClosure.map(Math.round);
  }
  const stageOrder = (s: TeacherStage) => TEACHER_STAGES.indexOf(s);
  const byTownship: TeacherTownshipRow[] = [...townships.values()]
    .filter((r) => r.sums.demand.some((d) => d > 0) || r.sums.supply.some((s) => s >= 0.5))
    .map((r) => ({ township: r.township, townshipName: run.townshipName(r.township), stage: r.stage, ...seriesOf(r.sums) }))
    .sort((a, b) => a.township.localeCompare(b.township) || stageOrder(a.stage) - stageOrder(b.stage));

  const missingStaff = missingStaffOf(run, units);
  const retirementBasis = retirementBasisOf(run, units);
  const staffYears = run.ctx.schools.flatMap((s) => Object.keys(s.staff).map(Number)).filter((y) => y <= run.plan.baseYear);
  const staffYear = staffYears.length ? Math.max(...staffYears) : null;
  return {
    years,
    stages: TEACHER_STAGES.filter((s) => byStage[s]),
    byStage,
    byTownship,
    schools,
    staffYear,
    indicators: indicatorYears(run, units, byTownship),
    missingStaff,
    retirementBasis,
    notes: teacherNotes(run, staffYear, missingStaff, retirementBasis),
  };
}

/** Running sums of units for one series: posts, known teachers, and posts of units whose teachers are unknown. */
interface Sums {
  demand: number[];
  supply: number[];
  unknownPosts: number[];
  /** Units with known teachers counted in the year. */
  known: number[];
}

const emptySums = (n: number): Sums => ({ demand: zeros(n), supply: zeros(n), unknownPosts: zeros(n), known: zeros(n) });

function addUnit(s: Sums, u: TeacherUnit, yi: number): void {
  add(s.demand, yi, u.posts[yi] as number);
  if (u.known[yi]) {
    add(s.supply, yi, u.supply[yi] as number);
    add(s.known, yi, 1);
  } else {
    add(s.unknownPosts, yi, u.posts[yi] as number);
  }
}

/**
 * Whole teachers; the gap counts only the posts of schools whose teachers are known, and a
 * series with no such school in a year has no supply or gap that year (unknown, not 0).
 */
function seriesOf(s: Sums): TeacherSeries {
  const supply = s.supply.map((v, yi) => (s.known[yi] === 0 && (s.unknownPosts[yi] as number) > 0 ? null : Math.round(v)));
  return {
    demand: s.demand,
    supply,
    gap: s.demand.map((d, yi) => {
      const v = supply[yi];
      return v == null ? null : d - (s.unknownPosts[yi] as number) - v;
    }),
    unknownPosts: s.unknownPosts,
  };
}

/** The unit's share of its school's retirements, scaled to its base-year teachers. */
function leavingOf(b: UnitBase | null, years: readonly number[], femaleShare: number): number[] | null {
  if (!b?.ages) return null;
  const s = retirementSchedule(b.ages.counts, b.ages.year, years, femaleShare);
  return s.total > 0 ? s.leaving.map((x) => (x * b.staff.teachers) / s.total) : null;
}

/**
 * A closed school's teachers still due to retire go with it to the receivers that count by
 * age; at a receiver without an age table they fall under its exit rate.
 */
function moveLeavers(u: TeacherUnit, receivers: readonly { unit: TeacherUnit; share: number }[], total: number, yi: number): void {
  if (!u.leaving) return;
  for (let yj = yi + 1; yj < u.leaving.length; yj++) {
    for (const r of receivers) if (r.unit.leaving) r.unit.leaving[yj] = (r.unit.leaving[yj] as number) + ((u.leaving[yj] as number) * r.share) / total;
    u.leaving[yj] = 0;
  }
}

/** Per existing school with teachers: whether its retirements come from its age table or the exit rate. */
function retirementBasisOf(run: PlanRun, units: readonly TeacherUnit[]): RetirementBasis[] {
  const out = new Map<string, RetirementBasis>();
  for (const u of units) {
    const school = run.units[u.index]?.unit.school;
    if (!school?.source || !u.base) continue;
    const year = u.leaving ? profileAt(school.source, run.plan.baseYear)?.year ?? null : null;
    const prev = out.get(school.ref);
    if (!prev || (prev.basis === 'rate' && u.leaving)) out.set(school.ref, { code: school.ref, name: school.name, basis: u.leaving ? 'age' : 'rate', year });
  }
  return [...out.values()];
}

function missingStaffOf(run: PlanRun, units: readonly TeacherUnit[]): TeacherPlan['missingStaff'] {
  const out = new Map<string, string>();
  for (const u of units) {
    const school = run.units[u.index]?.unit.school;
    if (school?.source && !u.base && u.posts.some((p) => p > 0)) out.set(school.ref, school.name);
  }
  return [...out].map(([code, name]) => ({ code, name }));
}

/** 义务教育 staff per year: recorded composition (骨干, 学历, 体育艺术) held over the projected teachers. */
function indicatorYears(run: PlanRun, units: readonly TeacherUnit[], byTownship: readonly TeacherTownshipRow[]): TeacherIndicatorYear[] {
  const compulsory = units.filter((u) => u.stage === 'primary' || u.stage === 'junior');
  const baseTotal = { teachers: 0, key: 0, qualified: 0, peArts: 0 };
  const degree = { teachers: 0, compliant: 0 };
  for (const u of compulsory) {
    if (u.degree) {
      degree.teachers += u.degree.teachers;
      degree.compliant += u.degree.compliant;
    }
    if (!u.base) continue;
    baseTotal.teachers += u.base.teachers;
    baseTotal.key += u.base.keyTeachers;
    baseTotal.qualified += u.base.qualifiedAbove;
    baseTotal.peArts += u.base.peArtsTeachers;
  }
  const share = (x: number) => (baseTotal.teachers > 0 ? x / baseTotal.teachers : 0);
  return run.years.map((year, yi) => {
    let students = 0;
    let teachers = 0;
    for (const u of compulsory) {
      if (!u.known[yi]) continue;
      students += run.units[u.index]?.demand[yi] ?? 0;
      teachers += u.supply[yi] as number;
    }
    let shortage = 0;
    for (const r of byTownship) if ((r.stage === 'primary' || r.stage === 'junior') && (r.gap[yi] ?? 0) > 0) shortage += r.gap[yi] as number;
    return {
      year, students, teachers, shortage,
      keyTeachers: teachers * share(baseTotal.key),
      qualifiedAbove: teachers * share(baseTotal.qualified),
      peArtsTeachers: teachers * share(baseTotal.peArts),
      degreeCompliance: degree.teachers > 0 ? degree.compliant / degree.teachers : null,
    };
  });
}

function teacherNotes(run: PlanRun, staffYear: number | null, missing: TeacherPlan['missingStaff'], basis: readonly RetirementBasis[]): string[] {
  const t = run.settings.teachers;
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  const hiring = TEACHER_STAGES.filter((s) => t.hiring[s] > 0).map((s) => `${STAGE_LABEL[s]} ${t.hiring[s]} 人`);
  return [
    `编制需求：小学 1:${t.studentsPerTeacher.primary}、初中 1:${t.studentsPerTeacher.junior}、高中 1:${t.studentsPerTeacher.senior}（生师比）；` +
      `村小、教学点另按班师比 1:${t.perClass.villagePrimary}、1:${t.perClass.teachingPoint} 测算，取两者较大值；幼儿园每班 ${t.kindergartenPerClass} 名专任教师。`,
    staffYear === null
      ? '未录入专任教师数据，现有教师未知，缺编无法测算；只列编制需求。'
      : `在岗教师（预计）：${staffYear} 年专任教师（九年一贯制等学校按各学段在校生分摊），此后${basis.some((b) => b.basis === 'age') ? '按年龄结构到龄退休或' : ''}每年按 ${pct(t.attrition)} 退休或离岗递减` +
        `${hiring.length ? `，每年补充${hiring.join('、')}` : '，规划未设补充计划'}；撤并学校的教师随学生到接收学校，新建学校的教师由补充计划配备。`,
    ...retirementNotes(basis, t.femaleShare, t.attrition),
    ...(missing.length
      ? [`${missing.length} 所学校没有专任教师记录（${missing.slice(0, 5).map((m) => m.name).join('、')}${missing.length > 5 ? ' 等' : ''}），其现有教师未知：这些学校的编制需求单列为“教师未知的编制”，不计入现有教师和缺编；撤并到其他学校后，接收学校的教师也记为未知。`]
      : []),
  ];
}

function retirementNotes(basis: readonly RetirementBasis[], femaleShare: number, attrition: number): string[] {
  const byAge = basis.filter((b) => b.basis === 'age');
  if (byAge.length === 0) return [];
  const byRate = basis.filter((b) => b.basis === 'rate');
  const names = (list: readonly RetirementBasis[]) => `${list.slice(0, 5).map((b) => b.name).join('、')}${list.length > 5 ? ' 等' : ''}`;
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  return [
    `退休测算：${byAge.length} 所学校按导入的专任教师年龄段测算到龄退休（${names(byAge)}），` +
      `法定退休年龄按 ${STANDARDS.retirementAge.source}；年龄段不分性别，女教师按 ${pct(femaleShare)} 计，` +
      '各年龄段内年龄均匀分布，表中已超过退休年龄的教师在第一个预测年退休；按年龄测算时不再计其他离岗。' +
      (byRate.length ? `其余 ${byRate.length} 所学校没有年龄段数据，按每年 ${pct(attrition)} 离岗递减（${names(byRate)}）。` : ''),
  ];
}
