import type { Overview, PopulationView, TownshipOverview, TownshipRow } from '../../../shared/api/types';
import { byYearAndStage, largeClassCounts, largeClassCountsByLevel, roundTo, schoolsWithoutClasses } from '../../../shared/analysis/enrolment';
import { compareZh, emptyByStage, KIND_STAGES, type EnrolmentRecord } from '../../../shared/domain';
import { groupBy } from '../../../shared/analysis/group';
import { NATIONAL_SETTINGS } from '../../../shared/plan/settings';
import { AppError } from '../errors';
import { readMeta } from '../db/meta';
import { countyFields } from './project';
import type { ProjectFile } from '../db/project-file';
import { allEnrolment, allSchools, allTownships, birthsByYear, populationByAge, teachersByYear } from '../db/queries';
import { DataVersionCache } from './data-version-cache';

const URBAN_ORDER = { 城区: 0, 镇区: 1, 乡村: 2 } as const;

function sortedYears(records: readonly { year: number }[]): number[] {
  return [...new Set(records.map((r) => r.year))].sort((a, b) => a - b);
}

function compulsory(records: readonly EnrolmentRecord[], year: number | undefined): number {
  return records.filter((r) => r.year === year && (r.stage === 'primary' || r.stage === 'junior')).reduce((s, r) => s + r.students, 0);
}

/** The 总览 is read on every visit; it changes only when the data do. */
const overviews = new DataVersionCache<Overview>(1);

export function overview(file: ProjectFile): Overview {
  return overviews.get(file, '', () => buildOverview(file));
}

function buildOverview(file: ProjectFile): Overview {
  const meta = readMeta(file.db);
  const schools = allSchools(file.db);
  const enrolment = allEnrolment(file.db);
  const years = sortedYears(enrolment);
  const first = years[0];
  const latest = years[years.length - 1];
  const latestRecords = enrolment.filter((r) => r.year === latest);
  const schoolsByStage = emptyByStage();
  for (const s of schools) for (const st of KIND_STAGES[s.kind]) schoolsByStage[st] += 1;
  const studentsByYear = byYearAndStage(enrolment, 'students');
  const classesByYear = byYearAndStage(enrolment, 'classes');
  // No plan on the 总览 page: 大班额 by the national defaults.
  const { large, oversized } = largeClassCounts(latestRecords, NATIONAL_SETTINGS);

  const compulsoryByUrbanRural = { 城区: { first: 0, latest: 0 }, 镇区: { first: 0, latest: 0 }, 乡村: { first: 0, latest: 0 } };
  const schoolTownship = new Map(schools.map((s) => [s.code, s.township]));
  const byTownship = groupBy(enrolment, (r) => schoolTownship.get(r.school) ?? '');
  const schoolCount = new Map<string, number>();
  for (const s of schools) schoolCount.set(s.township, (schoolCount.get(s.township) ?? 0) + 1);
  const townships: TownshipOverview[] = allTownships(file.db)
    .map((t) => {
      const own = byTownship.get(t.code) ?? [];
      const students = emptyByStage();
      for (const r of own) if (r.year === latest) students[r.stage] += r.students;
      const before = compulsory(own, first);
      const now = compulsory(own, latest);
      compulsoryByUrbanRural[t.urbanRural].first += before;
      compulsoryByUrbanRural[t.urbanRural].latest += now;
      return {
        code: t.code,
        name: t.name,
        urbanRural: t.urbanRural,
        schools: schoolCount.get(t.code) ?? 0,
        students,
        compulsoryChangePct: before > 0 && first !== latest ? roundTo(((now - before) / before) * 100, 1) : null,
        largeClasses: largeOrUnknown(own.filter((r) => r.year === latest)),
      };
    })
    .sort((a, b) => URBAN_ORDER[a.urbanRural] - URBAN_ORDER[b.urbanRural] || compareZh(a.name, b.name));

  const latestStudents = latest !== undefined ? Object.values(studentsByYear[latest] ?? {}).reduce((s, n) => s + n, 0) : 0;
  const latestClasses = latest !== undefined ? Object.values(classesByYear[latest] ?? {}).reduce((s, n) => s + n, 0) : 0;
  // A sum over class counts none of which is known is unknown, not 0 (an import without class columns).
  const classesKnown = latestRecords.some((r) => r.classes !== null) || latestStudents === 0;
  const teachers = teachersByYear(file.db);
  return {
    ...countyFields(meta),
    years,
    firstYear: first ?? null,
    latestYear: latest ?? null,
    studentsByYear,
    compulsoryByUrbanRural,
    classesByYear,
    schoolsByStage,
    totals: {
      schools: schools.length,
      students: latestStudents,
      classes: classesKnown ? latestClasses : null,
      townships: townships.length,
      teachers: teachers.find((t) => t.year === latest)?.teachers ?? teachers[teachers.length - 1]?.teachers ?? null,
    },
    largeClasses: large,
    oversizedClasses: oversized,
    largeClassesByLevel: largeClassCountsByLevel(latestRecords, NATIONAL_SETTINGS),
    schoolsWithoutClasses: schoolsWithoutClasses(latestRecords),
    births: birthsByYear(file.db),
    townships,
  };
}

/** A township's 义务教育 大班额: none found while some of its schools have no class counts reads as unknown. */
function largeOrUnknown(latestRecords: readonly EnrolmentRecord[]): number | null {
  const compulsory = latestRecords.filter((r) => r.stage === 'primary' || r.stage === 'junior');
  const { large } = largeClassCountsByLevel(compulsory, NATIONAL_SETTINGS).compulsory;
  return large === 0 && schoolsWithoutClasses(compulsory) > 0 ? null : large;
}

export function listTownships(file: ProjectFile): TownshipRow[] {
  return allTownships(file.db)
    .map((t) => ({ code: t.code, name: t.name, kind: t.kind, urbanRural: t.urbanRural, area: t.area }))
    .sort((a, b) => URBAN_ORDER[a.urbanRural] - URBAN_ORDER[b.urbanRural] || compareZh(a.name, b.name));
}

export function populationView(file: ProjectFile, township: string | undefined): PopulationView {
  const all = allTownships(file.db);
  const t = township ? all.find((x) => x.code === township) : undefined;
  if (township && !t) throw new AppError('NOT_FOUND', `找不到代码为 ${township} 的乡镇（街道）。`);
  const rows = populationByAge(file.db, township);
  const byYear: Record<string, number[]> = {};
  for (const r of rows) {
    if (r.age > 17) continue;
    const ages = (byYear[r.year] ??= new Array<number>(18).fill(0));
    ages[r.age] = (ages[r.age] ?? 0) + r.count;
  }
  return {
    township: t?.code ?? null,
    townshipName: t?.name ?? '全县',
    years: sortedYears(rows),
    byYear,
    births: birthsByYear(file.db, township),
    townships: listTownships(file).map((x) => ({ code: x.code, name: x.name })),
  };
}
