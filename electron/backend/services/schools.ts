import type { NamedSchool, SchoolDetail, SchoolRow } from '../../../shared/api/types';
import { byYearAndStage, capacityOf, classesForStudents, latestYearSummary, roundTo, sumStages } from '../../../shared/analysis/enrolment';
import { groupBy } from '../../../shared/analysis/group';
import { compareZh, gradeLabel, KIND_LABEL, KIND_STAGES, STAGES, type ByStage, type School, type Stage } from '../../../shared/domain';
import { seatsFromFloorArea } from '../../../shared/plan/norms';
import { NATIONAL_SETTINGS } from '../../../shared/plan/settings';
import { AppError } from '../errors';
import type { ProjectFile } from '../db/project-file';
import { allEnrolment, allSchools, allTownships, enrolmentOfSchool, schoolByCode, staffOfSchool, staffProfileOfSchool } from '../db/queries';

function named(s: School, townships: ReadonlyMap<string, string>): NamedSchool {
  return { ...s, kindLabel: KIND_LABEL[s.kind], stages: [...KIND_STAGES[s.kind]], townshipName: townships.get(s.township) ?? s.township };
}

function townshipNames(file: ProjectFile): Map<string, string> {
  return new Map(allTownships(file.db).map((t) => [t.code, t.name]));
}

function estimatedClasses(students: Partial<ByStage>): Partial<ByStage> {
  return Object.fromEntries(Object.entries(students).map(([st, n]) => [st, classesForStudents(n, NATIONAL_SETTINGS.classSize[st as Stage])]));
}

export function listSchools(file: ProjectFile): SchoolRow[] {
  const townships = townshipNames(file);
  const bySchool = groupBy(allEnrolment(file.db), (r) => r.school);
  return allSchools(file.db)
    .map((s): SchoolRow => {
      // No plan here: the national defaults apply.
      const latest = latestYearSummary(bySchool.get(s.code) ?? [], NATIONAL_SETTINGS);
      // The norm's row depends on the school's size: its classes, or those its pupils need.
      const size = latest.classes > 0 ? latest.classes : sumStages(estimatedClasses(latest.byStage), KIND_STAGES[s.kind]);
      const floorSeats = seatsFromFloorArea(s.kind, s.floorArea ?? null, size, NATIONAL_SETTINGS.floorAreaBasis);
      const cap = capacityOf(s, latest.classesByStage, NATIONAL_SETTINGS.classSize, latest.byStage, floorSeats, latest.estimatedClassesByStage);
      return {
        ...named(s, townships),
        year: latest.year,
        students: latest.students,
        classes: latest.classes,
        avgClassSize: latest.classes > 0 ? roundTo(latest.students / latest.classes, 1) : null,
        largeClasses: latest.largeClasses,
        capacity: cap.seats,
        capacitySource: cap.source,
        utilisation: cap.seats > 0 ? roundTo(latest.students / cap.seats, 3) : null,
      };
    })
    .sort((a, b) => compareZh(a.townshipName, b.townshipName) || compareZh(a.name, b.name));
}

export function schoolDetail(file: ProjectFile, code: string): SchoolDetail {
  const school = schoolByCode(file.db, code);
  if (!school) throw new AppError('NOT_FOUND', `找不到学校标识码为 ${code} 的学校。`);
  const records = enrolmentOfSchool(file.db, code);
  const years = [...new Set(records.map((r) => r.year))].sort((a, b) => a - b);
  const latestYear = years[years.length - 1];
  return {
    school: named(school, townshipNames(file)),
    years,
    studentsByYear: byYearAndStage(records, 'students'),
    classesByYear: byYearAndStage(records, 'classes'),
    latestGrades: records
      .filter((r) => r.year === latestYear)
      .sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) || a.grade - b.grade)
      .map((r) => ({ stage: r.stage, grade: r.grade, label: gradeLabel(r.stage, r.grade), students: r.students, classes: r.classes })),
    staff: staffOfSchool(file.db, code),
    staffProfile: staffProfileOfSchool(file.db, code),
  };
}
