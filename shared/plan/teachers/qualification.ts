// 学历 of a school's 专任教师 against what the Teachers Law requires of its stage: teachers with
// at least that 学历 (学历达标) and with more (高于规定学历), from the imported 学历 breakdown.
import { STANDARDS } from '../../standards';
import type { TeacherStage } from './norms';

/** 学历 levels of the 教职工结构 categories, lowest first. */
const LEVEL: Readonly<Record<string, number>> = {
  degree_below: 0,
  degree_highschool: 1,
  degree_college: 2,
  degree_bachelor: 3,
  degree_postgraduate: 4,
};

export interface DegreeCounts {
  /** 专任教师 the 学历 breakdown counts. */
  teachers: number;
  /** With the 学历 the stage requires or more. */
  compliant: number;
  /** With more than the stage requires. */
  above: number;
}

/** Null when the table gives no 学历 column (unknown, not zero). */
export function degreeCounts(counts: Readonly<Record<string, number>> | undefined, stage: TeacherStage): DegreeCounts | null {
  if (!counts) return null;
  const required = STANDARDS.teacherQualification.value[stage];
  let given = false;
  const out: DegreeCounts = { teachers: 0, compliant: 0, above: 0 };
  for (const [key, level] of Object.entries(LEVEL)) {
    const n = counts[key];
    if (n === undefined) continue;
    given = true;
    out.teachers += n;
    if (level >= required) out.compliant += n;
    if (level > required) out.above += n;
  }
  return given ? out : null;
}

/** 县级以上骨干教师 from the 骨干 levels the table gives; null when it gives none. */
export function keyTeachersOf(counts: Readonly<Record<string, number>> | undefined): number | null {
  if (!counts) return null;
  const levels = ['key_national', 'key_province', 'key_city', 'key_county'].map((k) => counts[k]).filter((n): n is number => n !== undefined);
  return levels.length ? levels.reduce((a, b) => a + b, 0) : null;
}
