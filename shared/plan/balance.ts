// 县域义务教育优质均衡 (教督〔2017〕6号): seven resource indicators per school, each school
// meeting at least six with the remaining one at 85 % or more of its threshold, and the
// between-school coefficient of variation of each indicator, weighted by students:
// X̄ = Σ PᵢXᵢ / P,  S = √(Σ (Pᵢ/P)(Xᵢ − X̄)²),  CV = S / X̄.
import type { BalanceThresholds, PlanSettings } from './settings';
import {
  BALANCE_INDICATORS,
  type BalanceIndicator,
  type BalanceIndicatorResult,
  type BalanceSchoolRow,
  type BalanceShortfall,
  type BalanceStageResult,
} from './types';

export const INDICATOR_INFO: Record<BalanceIndicator, { name: string; unit: string }> = {
  qualified: { name: '每百名学生拥有高于规定学历教师数', unit: '人' },
  key: { name: '每百名学生拥有县级以上骨干教师数', unit: '人' },
  peArts: { name: '每百名学生拥有体育、艺术专任教师数', unit: '人' },
  teachingArea: { name: '生均教学及辅助用房面积', unit: 'm²' },
  sportsArea: { name: '生均体育运动场馆面积', unit: 'm²' },
  equipment: { name: '生均教学仪器设备值', unit: '元' },
  multimedia: { name: '每百名学生拥有网络多媒体教室数', unit: '间' },
};

/** What one school (one stage of it) has, shared resources already split to the stage; null: not in the data. */
export interface BalanceInput {
  code: string;
  name: string;
  students: number;
  qualifiedAbove: number | null;
  keyTeachers: number | null;
  peArtsTeachers: number | null;
  /** m². */
  teachingArea: number | null;
  sportsArea: number | null;
  /** 万元. */
  equipmentValue: number | null;
  multimediaRooms: number | null;
}

export function indicatorValues(s: BalanceInput): Record<BalanceIndicator, number | null> {
  const n = s.students;
  if (n <= 0) return { qualified: null, key: null, peArts: null, teachingArea: null, sportsArea: null, equipment: null, multimedia: null };
  const per = (v: number | null, scale: number) => (v === null ? null : (v * scale) / n);
  return {
    qualified: per(s.qualifiedAbove, 100),
    key: per(s.keyTeachers, 100),
    peArts: per(s.peArtsTeachers, 100),
    teachingArea: per(s.teachingArea, 1),
    sportsArea: per(s.sportsArea, 1),
    equipment: per(s.equipmentValue, 10000),
    multimedia: per(s.multimediaRooms, 100),
  };
}

/** Student-weighted coefficient of variation; null without students or with a zero mean. */
export function weightedCv(items: readonly { students: number; value: number }[]): { cv: number | null; mean: number | null } {
  const P = items.reduce((s, i) => s + i.students, 0);
  if (P <= 0) return { cv: null, mean: null };
  const mean = items.reduce((s, i) => s + i.students * i.value, 0) / P;
  if (mean === 0) return { cv: null, mean };
  const variance = items.reduce((s, i) => s + (i.students / P) * (i.value - mean) ** 2, 0);
  return { cv: Math.sqrt(variance) / mean, mean };
}

/** Tolerance so that a value printed as the threshold (4.2) is not failed for 4.19999999. */
const EPS = 1e-9;

function shortfallOf(key: BalanceIndicator, value: number | null, threshold: number, remainderShare: number): BalanceShortfall {
  const share = value === null ? null : threshold > 0 ? value / threshold : 1;
  // Compared as value against share × threshold so that exactly 85 % is not lost to rounding.
  const withinRemainder = value !== null && value >= remainderShare * threshold - EPS;
  return { key, value, threshold, share, withinRemainder };
}

/**
 * A school's overall verdict with some indicators unknown: missed when it misses even if every
 * unknown one were met; met only when nothing is unknown, since an unknown indicator could sit
 * below the remainder floor; otherwise unknown.
 */
export function verdict(passCount: number, unknownCount: number, remaindersReached: boolean, minPass: number): boolean | null {
  if (!remaindersReached || passCount + unknownCount < minPass) return false;
  return unknownCount === 0 ? true : null;
}

export function assessStage(
  stage: 'primary' | 'junior',
  year: number,
  schools: readonly BalanceInput[],
  excluded: BalanceStageResult['excluded'],
  settings: PlanSettings['balance'],
  /** Per-school rows with their shortfalls; a year shown only as a count leaves them out. */
  withSchools = true,
): BalanceStageResult {
  const thresholds: BalanceThresholds = settings[stage];
  const limit = settings.cvLimit[stage];
  const rows: BalanceSchoolRow[] = schools.map((s) => {
    const values = indicatorValues(s);
    const passed = {} as Record<BalanceIndicator, boolean | null>;
    const shortfalls: BalanceShortfall[] = [];
    const unknown: BalanceIndicator[] = [];
    let passCount = 0;
    let remaindersReached = true;
    for (const k of BALANCE_INDICATORS) {
      const value = values[k];
      // Unknown is neither met nor missed: it only decides whether the verdict can be given.
      // (Without students no value exists at all; such a school is missed, as before.)
      if (value === null && s.students > 0) {
        passed[k] = null;
        unknown.push(k);
        continue;
      }
      passed[k] = value !== null && value >= thresholds[k] - EPS;
      if (passed[k]) {
        passCount++;
        continue;
      }
      const f = shortfallOf(k, value, thresholds[k], settings.remainderShare);
      remaindersReached &&= f.withinRemainder;
      if (withSchools) shortfalls.push(f);
    }
    return { code: s.code, name: s.name, students: s.students, values, passed, passCount, unknown, shortfalls, ok: verdict(passCount, unknown.length, remaindersReached, settings.minPass) };
  });
  const indicators: BalanceIndicatorResult[] = BALANCE_INDICATORS.map((key) => {
    const items = rows.filter((r) => r.values[key] !== null).map((r) => ({ students: r.students, value: r.values[key] as number }));
    const { cv, mean } = weightedCv(items);
    return {
      key,
      ...INDICATOR_INFO[key],
      threshold: thresholds[key],
      cv,
      limit,
      met: cv === null ? null : cv <= limit + EPS,
      mean,
      schoolsBelow: rows.filter((r) => r.passed[key] === false).length,
      schoolsUnknown: rows.filter((r) => r.passed[key] === null).length,
    };
  });
  const cvs = indicators.map((i) => i.cv).filter((c): c is number => c !== null);
  return {
    stage,
    year,
    indicators,
    schools: withSchools ? rows : [],
    excluded,
    schoolsPassing: rows.filter((r) => r.ok === true).length,
    schoolsUnknown: rows.filter((r) => r.ok === null).length,
    schoolsTotal: rows.length,
    maxCv: cvs.length ? Math.max(...cvs) : null,
    cvLimit: limit,
    remainderShare: settings.remainderShare,
  };
}
