// 专任教师 per school and year. Posts follow enrolment slowly (编制 are hard to move), so
// growing county-town schools run short of teachers and shrinking rural schools keep more
// than their pupils need: some schools pass the 优质均衡 teacher indicators, some fail.
import type { StaffRecord } from '../domain/model';
import { KIND_STAGES, type Stage } from '../domain/stages';
import { ENROLMENT_YEARS } from './calendar';
import type { SchoolTotals } from './enrolment';
import type { Rng } from './prng';
import type { SchoolPlan } from './schools';

/** Students per teacher a school is staffed at: [county town, rural]. */
const PUPILS_PER_TEACHER: Record<Stage, { urban: [number, number]; rural: [number, number] }> = {
  preschool: { urban: [13, 15], rural: [12, 14.5] },
  primary: { urban: [17.5, 19.5], rural: [14, 17] },
  junior: { urban: [13, 14.5], rural: [11, 13] },
  senior: { urban: [12.5, 14], rural: [12, 13.5] },
  vocational: { urban: [15, 19], rural: [15, 19] },
  special: { urban: [3, 4.5], rural: [3, 4.5] },
};

/** How much of the gap to the staffing target a year closes. */
const ADJUSTMENT = 0.45;

export function buildStaff(rng: Rng, plans: readonly SchoolPlan[], totals: SchoolTotals): StaffRecord[] {
  const out: StaffRecord[] = [];
  for (const plan of plans) {
    const school = plan.school;
    const urban = school.urbanRural === '城区';
    const small = plan.role === 'share';
    const ratios = KIND_STAGES[school.kind].map((stage) => {
      const range = PUPILS_PER_TEACHER[stage];
      return { stage, ratio: rng.float(...(urban ? range.urban : range.rural)) };
    });
    // Per-school profile: town schools attract graduates and hold the 骨干 titles; village
    // schools lack PE and arts specialists.
    // 高于规定学历 means 专科+ in primary but 本科+ in secondary, so secondary shares are lower.
    const secondary = !KIND_STAGES[school.kind].includes('primary') && !KIND_STAGES[school.kind].includes('preschool');
    const qualified = secondary
      ? urban
        ? rng.float(0.66, 0.86)
        : rng.float(0.6, 0.84)
      : urban
        ? rng.float(0.74, 0.92)
        : small
          ? rng.float(0.55, 0.8)
          : rng.float(0.66, 0.88);
    const key = urban ? rng.float(0.12, 0.24) : small ? rng.float(0, 0.1) : rng.float(0.05, 0.16);
    const peArts = urban ? rng.float(0.09, 0.15) : small ? rng.float(0.05, 0.16) : rng.float(0.1, 0.2);

    let teachers = 0;
    ENROLMENT_YEARS.forEach((year, yi) => {
      const stages = totals.get(school.code)?.get(year);
      let target = 0;
      let students = 0;
      let classes = 0;
      for (const { stage, ratio } of ratios) {
        const cell = stages?.get(stage);
        if (!cell) continue;
        target += cell.students / ratio;
        students += cell.students;
        classes += cell.classes;
      }
      // Small schools need a teacher per class at least, and more for the subjects.
      if (small) target = Math.max(target, classes * (school.kind === 'teaching_point' ? 1 : 1.4));
      teachers = yi === 0 ? Math.round(target * rng.float(0.97, 1.05)) : Math.round(teachers + ADJUSTMENT * (target - teachers));
      if (students > 0) teachers = Math.max(1, teachers);
      if (students === 0 && teachers === 0) return;
      const drift = 0.01 * yi;
      out.push({
        school: school.code,
        year,
        teachers,
        qualifiedAbove: Math.min(teachers, Math.round(teachers * Math.min(0.99, qualified + drift))),
        keyTeachers: Math.min(teachers, Math.round(teachers * key)),
        peArtsTeachers: Math.min(teachers, Math.round(teachers * peArts)),
      });
    });
  }
  return out;
}
