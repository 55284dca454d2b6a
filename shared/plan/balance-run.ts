// The 优质均衡 indicators of each school in a year of the plan. Recorded years use the
// recorded students and staff. Projected years hold each school's teachers per student
// (setting: or its teacher count) and its buildings, changed by the plan's projects; a new
// school is staffed at the county's ratio and built to the norms.
import type { Stage } from '../domain/stages';
import { assessStage, type BalanceInput } from './balance';
import type { StaffCounts } from './context';
import type { PlanRun, UnitSeries } from './run';
import { recordAt, type Facilities } from './timeline';
import type { BalanceResult, BalanceStageResult, BalanceYear } from './types';

type StaffKey = 'qualifiedAbove' | 'keyTeachers' | 'peArtsTeachers';
const STAFF_KEYS: StaffKey[] = ['qualifiedAbove', 'keyTeachers', 'peArtsTeachers'];
type FacilityKey = keyof Facilities;

function recordedTotal(run: PlanRun, u: UnitSeries, year: number): number {
  const rec = u.unit.school.source ? recordAt(u.unit.school.source.recorded, year) : null;
  return rec ? Object.values(rec).reduce((s, r) => s + (r?.students ?? 0), 0) : 0;
}

/** Teachers per student of each stage over the county's recorded schools (for new schools). */
function countyRatios(run: PlanRun, stage: Stage): Record<StaffKey, number> {
  const year = run.ctx.dataBaseYear;
  const sums = { qualifiedAbove: 0, keyTeachers: 0, peArtsTeachers: 0 };
  let students = 0;
  for (const u of run.units) {
    const src = u.unit.school.source;
    if (u.unit.stage !== stage || !src) continue;
    const staff = recordAt(src.staff, year);
    const rec = recordAt(src.recorded, year);
    const own = rec?.[stage]?.students ?? 0;
    const total = recordedTotal(run, u, year);
    if (!staff || own <= 0 || total <= 0) continue;
    for (const k of STAFF_KEYS) sums[k] += (staff[k] * own) / total;
    students += own;
  }
  return {
    qualifiedAbove: students > 0 ? sums.qualifiedAbove / students : 0,
    keyTeachers: students > 0 ? sums.keyTeachers / students : 0,
    peArtsTeachers: students > 0 ? sums.peArtsTeachers / students : 0,
  };
}

export function balanceAt(
  run: PlanRun,
  yi: number,
  stage: 'primary' | 'junior',
  ratios: Record<StaffKey, number>,
  byRef: ReadonlyMap<string, UnitSeries[]>,
  withSchools = true,
): BalanceStageResult {
  const year = run.years[yi] as number;
  const cfg = run.settings.balance;
  const state = run.states[yi];
  const recordedYear = year <= run.ctx.dataBaseYear;
  const inputs: BalanceInput[] = [];
  const excluded: BalanceStageResult['excluded'] = [];
  const units = run.units.filter((u) => u.unit.stage === stage && u.open[yi]);
  for (const u of units) {
    const info = u.unit.school;
    const students = u.demand[yi] as number;
    const school = state?.schools.get(info.ref);
    if (!school) continue;
    if (students <= 0) continue;
    if (school.kind === 'teaching_point' && students < cfg.minStudents) {
      excluded.push({ code: info.ref, name: info.name, students: Math.round(students), reason: `教学点在校生不足 ${cfg.minStudents} 人` });
      continue;
    }
    const siblings = (byRef.get(info.ref) ?? []).filter((x) => x.open[yi]);
    const schoolTotal = siblings.reduce((s, x) => s + (x.demand[yi] as number), 0);
    const share = cfg.combinedSplit === 'students' && schoolTotal > 0 ? students / schoolTotal : 1;
    const src = info.source;
    let staff: Record<StaffKey, number | null>;
    if (!src) {
      staff = { qualifiedAbove: ratios.qualifiedAbove * students, keyTeachers: ratios.keyTeachers * students, peArtsTeachers: ratios.peArtsTeachers * students };
    } else {
      const rec: StaffCounts | null = recordAt(src.staff, recordedYear ? year : run.ctx.dataBaseYear);
      const baseTotal = recordedTotal(run, u, recordedYear ? year : run.ctx.dataBaseYear);
      const scale = recordedYear || !cfg.staffFollowsStudents ? 1 : baseTotal > 0 ? schoolTotal / baseTotal : 0;
      // A school without a staff record has unknown teachers, not none.
      const scaled = (v: number | undefined) => (rec && v !== undefined ? v * scale * share : null);
      staff = { qualifiedAbove: scaled(rec?.qualifiedAbove), keyTeachers: scaled(rec?.keyTeachers), peArtsTeachers: scaled(rec?.peArtsTeachers) };
    }
    const f = school.facilities;
    // The plan's state holds 0 for a facility the data leaves blank; a school the plan builds has all of them.
    const known = (k: FacilityKey) => (src && (src[k] === null || src[k] === undefined) ? null : f[k] * share);
    inputs.push({
      code: info.ref,
      name: info.name,
      students,
      ...staff,
      teachingArea: known('teachingArea'),
      sportsArea: known('sportsArea'),
      equipmentValue: known('equipmentValue'),
      multimediaRooms: known('multimediaRooms'),
    });
  }
  const result = assessStage(stage, year, inputs, excluded, cfg, withSchools);
  // Students are fractional while the plan moves them; a table shows whole pupils.
  for (const r of result.schools) r.students = Math.round(r.students);
  return result;
}

export interface BalanceRun {
  byYear: BalanceYear[];
  base: BalanceResult;
  target: BalanceResult;
}

export function runBalance(run: PlanRun): BalanceRun {
  const ratios = { primary: countyRatios(run, 'primary'), junior: countyRatios(run, 'junior') };
  const targetIdx = Math.max(0, Math.min(run.years.length - 1, run.plan.targetYear - run.plan.baseYear));
  const byRef = new Map<string, UnitSeries[]>();
  for (const u of run.units) {
    const list = byRef.get(u.unit.ref) ?? [];
    list.push(u);
    byRef.set(u.unit.ref, list);
  }
  // Only the base and target years are shown school by school; the others are counts.
  const full: { primary: BalanceStageResult; junior: BalanceStageResult }[] = run.years.map((_, yi) => {
    const withSchools = yi === 0 || yi === targetIdx;
    return {
      primary: balanceAt(run, yi, 'primary', ratios.primary, byRef, withSchools),
      junior: balanceAt(run, yi, 'junior', ratios.junior, byRef, withSchools),
    };
  });
  const summary = (r: BalanceStageResult) => ({
    passing: r.schoolsPassing,
    total: r.schoolsTotal,
    unknown: r.schoolsUnknown,
    maxCv: r.maxCv,
    cv: Object.fromEntries(r.indicators.map((i) => [i.key, i.cv])) as BalanceYear['primary']['cv'],
  });
  const at = (yi: number): BalanceResult => ({ year: run.years[yi] as number, ...(full[yi] as { primary: BalanceStageResult; junior: BalanceStageResult }) });
  return {
    byYear: full.map((f, yi) => ({ year: run.years[yi] as number, primary: summary(f.primary), junior: summary(f.junior) })),
    base: at(0),
    target: at(targetIdx),
  };
}
