// Typed reads of the project file. SQL stays in this folder; services shape the results.
import type Database from 'better-sqlite3';
import type { CountyData, EnrolmentRecord, School, StaffProfileRecord, StaffRecord, Township } from '../../../shared/domain';
import { birthsTable, countyBirthsTable, enrolmentTable, populationTable, schoolsTable, staffProfileTable, staffTable, townshipsTable } from './county-tables';
import { readAll, readOne } from './table';

export function allSchools(db: Database.Database): School[] {
  return readAll(db, schoolsTable);
}

export function schoolByCode(db: Database.Database, code: string): School | null {
  return readOne(db, schoolsTable, 'WHERE code = @code', { code });
}

export function allTownships(db: Database.Database): Township[] {
  return readAll(db, townshipsTable);
}

export function allEnrolment(db: Database.Database): EnrolmentRecord[] {
  return readAll(db, enrolmentTable);
}

export function enrolmentOfSchool(db: Database.Database, code: string): EnrolmentRecord[] {
  return readAll(db, enrolmentTable, 'WHERE school = @code ORDER BY year, stage, grade', { code });
}

export function allStaff(db: Database.Database): StaffRecord[] {
  return readAll(db, staffTable);
}

export function allStaffProfile(db: Database.Database): StaffProfileRecord[] {
  return readAll(db, staffProfileTable);
}

export function staffProfileOfSchool(db: Database.Database, code: string): StaffProfileRecord[] {
  return readAll(db, staffProfileTable, 'WHERE school = @code ORDER BY year', { code });
}

export function staffOfSchool(db: Database.Database, code: string): StaffRecord[] {
  return readAll(db, staffTable, 'WHERE school = @code ORDER BY year', { code });
}

export function teachersByYear(db: Database.Database): { year: number; teachers: number }[] {
  return db.prepare('SELECT year, SUM(teachers) AS teachers FROM staff GROUP BY year ORDER BY year').all() as {
    year: number;
    teachers: number;
  }[];
}

/** Population per township, year and age with sexes combined: 'T' rows win over M + F. */
export function populationByAge(db: Database.Database, township?: string): { township: string; year: number; age: number; count: number }[] {
  const where = township ? 'WHERE township = @township' : '';
  const sql = `
    SELECT township, year, age,
      CASE WHEN SUM(sex = 'T') > 0 THEN SUM(CASE WHEN sex = 'T' THEN count ELSE 0 END) ELSE SUM(count) END AS count
    FROM population ${where}
    GROUP BY township, year, age ORDER BY year, age`;
  const stmt = db.prepare(sql);
  return (township ? stmt.all({ township }) : stmt.all()) as { township: string; year: number; age: number; count: number }[];
}

export function birthsByYear(db: Database.Database, township?: string): { year: number; count: number }[] {
  if (township) {
    return db.prepare('SELECT year, SUM(count) AS count FROM births WHERE township = @township GROUP BY year ORDER BY year').all({ township }) as {
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
    staff: allStaff(db),
    staffProfile: allStaffProfile(db),
    population: readAll(db, populationTable),
    births: readAll(db, birthsTable),
  };
}

/** Births recorded only as a county total (imported without a township column). */
export function countyBirthSeries(db: Database.Database): { year: number; count: number }[] {
  return readAll(db, countyBirthsTable, 'ORDER BY year').map(({ year, count }) => ({ year, count }));
}
