// Buildings, grounds and equipment, sized the way the schools were once built: rural schools
// for the larger cohorts of the past (now half empty, generous per pupil), county-town
// schools for fewer pupils than they now hold (short of space, fail the 优质均衡 area norms).
import type { School } from '../domain/model';
import { KIND_STAGES, type Stage } from '../domain/stages';
import { STANDARDS } from '../standards';
import { BASE_YEAR, ENROLMENT_YEARS } from './calendar';
import type { SchoolTotals } from './enrolment';
import type { Rng } from './prng';
import type { SchoolPlan } from './schools';

const GRADES: Record<Stage, number> = { preschool: 3, primary: 6, junior: 3, senior: 3, vocational: 3, special: 3 };

/** 教学及辅助用房 per design seat, m² (norms: higher for older pupils and special schools). */
const TEACHING_PER_SEAT: Record<Stage, [number, number]> = {
  preschool: [5, 7],
  primary: [4.4, 5.6],
  junior: [5.6, 7.2],
  senior: [6, 7.5],
  vocational: [7, 9],
  special: [14, 20],
};
/** 体育运动场馆 per design seat, m²: town schools sit on cramped plots. */
const SPORTS_PER_SEAT: Record<Stage, { urban: [number, number]; rural: [number, number] }> = {
  preschool: { urban: [2.5, 4], rural: [4, 6] },
  primary: { urban: [4.5, 7], rural: [7, 12] },
  junior: { urban: [6, 9], rural: [9, 14] },
  senior: { urban: [8, 12], rural: [12, 18] },
  vocational: { urban: [8, 12], rural: [10, 15] },
  special: { urban: [5, 8], rural: [5, 8] },
};

export function withFacilities(rng: Rng, plan: SchoolPlan, totals: SchoolTotals): School {
  const school = plan.school;
  const years = totals.get(school.code);
  const at = (year: number, stage: Stage): { students: number; classes: number } =>
    years?.get(year)?.get(stage) ?? { students: 0, classes: 0 };
  const urban = school.urbanRural === '城区';
  const crowded = plan.crowdTarget !== null;

  let designClasses = 0;
  let designSeats = 0;
  let teachingArea = 0;
  let sportsArea = 0;
  let students = 0;
  let classes = 0;
  let boarding = 0;
  for (const stage of KIND_STAGES[school.kind]) {
    const now = at(BASE_YEAR, stage);
    const peak = Math.max(...ENROLMENT_YEARS.map((y) => at(y, stage).students));
    students += now.students;
    classes += now.classes;
    const size = STANDARDS.classSize.value[stage];
    const step = school.kind === 'teaching_point' ? 1 : (GRADES[stage] ?? 3);
    // Crowded schools were designed for fewer pupils than they hold today; the others for more.
    const need = crowded ? (now.students / size) * rng.float(0.7, 0.85) : (peak / size) * (urban ? rng.float(1.0, 1.2) : rng.float(1.2, 1.6));
    const minimum = school.kind === 'teaching_point' ? plan.maxGrade : step;
    const part = Math.max(minimum, crowded ? Math.floor(need / step) * step : Math.ceil(need / step) * step);
    designClasses += part;
    designSeats += part * size;
    teachingArea += part * size * rng.float(...TEACHING_PER_SEAT[stage]);
    const sports = SPORTS_PER_SEAT[stage];
    sportsArea += part * size * rng.float(...(urban ? sports.urban : sports.rural));
    boarding += now.students * boardingShare(rng, plan, stage);
  }
  const floorArea = teachingArea / rng.float(0.58, 0.68);
  const storeys = urban ? rng.float(3.5, 5) : rng.float(2, 3);
  const siteArea = (sportsArea + floorArea / storeys) * rng.float(1.3, 1.6);
  // Equipment follows the school's size, with a floor for tiny schools (a lab is a lab).
  const perStudentYuan = school.kind === 'vocational' ? rng.float(3000, 5000) : urban ? rng.float(1500, 2600) : rng.float(2100, 3500);
  const equipment = (Math.max(students, designSeats * 0.3) * perStudentYuan) / 10000;

  return {
    ...school,
    siteArea: Math.round(siteArea),
    floorArea: Math.round(floorArea),
    teachingArea: Math.round(teachingArea),
    sportsArea: Math.round(sportsArea),
    equipmentValue: Math.round(equipment * 10) / 10,
    multimediaRooms: Math.max(1, Math.round(classes * (school.kind === 'kindergarten' ? rng.float(0.3, 0.6) : rng.float(0.85, 1.1)))),
    boardingStudents: Math.round(boarding),
    designClasses,
    designSeats,
  };
}

/** Rural secondary pupils board; county-town primary pupils go home. */
function boardingShare(rng: Rng, plan: SchoolPlan, stage: Stage): number {
  const rural = plan.school.urbanRural !== '城区';
  switch (stage) {
    case 'junior':
      return rural ? rng.float(0.3, 0.6) : rng.float(0, 0.1);
    case 'primary':
      return rural && plan.role === 'central' ? rng.float(0.05, 0.15) : 0;
    case 'senior':
      return rng.float(0.6, 0.9);
    case 'vocational':
      return rng.float(0.5, 0.8);
    case 'special':
      return rng.float(0.3, 0.5);
    case 'preschool':
      return 0;
  }
}
