// Typed reads of the project file. SQL stays in this folder; services shape the results.
import type Database from 'better-sqlite3';
import type { BirthRecord, CountyData, EnrolmentRecord, PopulationRecord, School, StaffRecord, Township } from '../../../shared/domain';

interface SchoolRowDb {
  code: string; name: string; kind: School['kind']; ownership: School['ownership']; township: string;
  urban_rural: School['urbanRural']; lat: number | null; lng: number | null; site_area: number | null;
  floor_area: number | null; teaching_area: number | null; sports_area: number | null;
  equipment_value: number | null; multimedia_rooms: number | null; boarding_students: number | null;
  design_classes: number | null; design_seats: number | null; status: School['status'];
}

function toSchool(r: SchoolRowDb): School {
  return {
    code: r.code, name: r.name, kind: r.kind, ownership: r.ownership, township: r.township, urbanRural: r.urban_rural,
    lat: r.lat, lng: r.lng, siteArea: r.site_area, floorArea: r.floor_area, teachingArea: r.teaching_area,
    sportsArea: r.sports_area, equipmentValue: r.equipment_value, multimediaRooms: r.multimedia_rooms,
    boardingStudents: r.boarding_students, designClasses: r.design_classes, designSeats: r.design_seats,
    status: r.status,
  };
}

export function allSchools(db: Database.Database): School[] {
  return (db.prepare('SELECT * FROM schools').all() as SchoolRowDb[]).map(toSchool);
}

export function schoolByCode(db: Database.Database, code: string): School | null {
  const r = db.prepare('SELECT * FROM schools WHERE code = ?').get(code) as SchoolRowDb | undefined;
  return r ? toSchool(r) : null;
}

export function allTownships(db: Database.Database): Township[] {
  return db
    .prepare('SELECT code, name, kind, urban_rural AS urbanRural, area FROM townships')
    .all() as Township[];
}

export function allEnrolment(db: Database.Database): EnrolmentRecord[] {
  return db.prepare('SELECT school, year, stage, grade, classes, students FROM enrolment').all() as EnrolmentRecord[];
}

export function enrolmentOfSchool(db: Database.Database, code: string): EnrolmentRecord[] {
  return db
    .prepare('SELECT school, year, stage, grade, classes, students FROM enrolment WHERE school = ? ORDER BY year, stage, grade')
    .all(code) as EnrolmentRecord[];
}

export function staffOfSchool(db: Database.Database, code: string): StaffRecord[] {
  return db
    .prepare(`SELECT school, year, teachers, qualified_above AS qualifiedAbove, key_teachers AS keyTeachers,
      pe_arts_teachers AS peArtsTeachers FROM staff WHERE school = ? ORDER BY year`)
    .all(code) as StaffRecord[];
}

export function teachersByYear(db: Database.Database): { year: number; teachers: number }[] {
  return db.prepare('SELECT year, SUM(teachers) AS teachers FROM staff GROUP BY year ORDER BY year').all() as {
    year: number;
    teachers: number;
  }[];
}

/** Population per township, year and age with sexes combined: 'T' rows win over M + F. */
export function populationByAge(db: Database.Database, township?: string): { township: string; year: number; age: number; count: number }[] {
  const where = township ? 'WHERE township = ?' : '';
  const sql = `
    SELECT township, year, age,
      CASE WHEN SUM(sex = 'T') > 0 THEN SUM(CASE WHEN sex = 'T' THEN count ELSE 0 END) ELSE SUM(count) END AS count
    FROM population ${where}
    GROUP BY township, year, age ORDER BY year, age`;
  const stmt = db.prepare(sql);
  return (township ? stmt.all(township) : stmt.all()) as { township: string; year: number; age: number; count: number }[];
}

export function birthsByYear(db: Database.Database, township?: string): { year: number; count: number }[] {
  if (township) {
    return db.prepare('SELECT year, SUM(count) AS count FROM births WHERE township = ? GROUP BY year ORDER BY year').all(township) as {
      year: number;
      count: number;
    }[];
  }
  // County totals: township records where they exist, else the imported county series.
  return db
    .prepare(`SELECT year, SUM(count) AS count FROM births GROUP BY year
      UNION ALL SELECT year, count FROM county_births WHERE year NOT IN (SELECT year FROM births)
      ORDER BY year`)
    .all() as { year: number; count: number }[];
}

export function distinctYears(db: Database.Database, table: 'enrolment' | 'population' | 'births'): number[] {
  return db.prepare(`SELECT DISTINCT year FROM ${table} ORDER BY year`).pluck().all() as number[];
}

export function counts(db: Database.Database): { townships: number; schools: number } {
  return db.prepare('SELECT (SELECT count(*) FROM townships) AS townships, (SELECT count(*) FROM schools) AS schools').get() as {
    townships: number;
    schools: number;
  };
}

export function readCountyData(db: Database.Database): Omit<CountyData, 'meta'> {
  return {
    townships: allTownships(db),
    schools: allSchools(db),
    enrolment: allEnrolment(db),
    staff: db
      .prepare(`SELECT school, year, teachers, qualified_above AS qualifiedAbove, key_teachers AS keyTeachers,
        pe_arts_teachers AS peArtsTeachers FROM staff`)
      .all() as StaffRecord[],
    population: db.prepare('SELECT township, year, age, sex, count, source FROM population').all() as PopulationRecord[],
    births: db.prepare('SELECT township, year, count, source FROM births').all() as BirthRecord[],
  };
}

/** Births recorded only as a county total (imported without a township column). */
export function countyBirthSeries(db: Database.Database): { year: number; count: number }[] {
  return db.prepare('SELECT year, count FROM county_births ORDER BY year').all() as { year: number; count: number }[];
}
