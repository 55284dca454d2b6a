import type { Migration } from './types';

export const v1: Migration = {
  version: 1,
  name: '初始结构',
  up(db) {
    db.exec(`
      CREATE TABLE migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TEXT NOT NULL
      );
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE townships (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('街道', '镇', '乡')),
        urban_rural TEXT NOT NULL CHECK (urban_rural IN ('城区', '镇区', '乡村')),
        area TEXT NOT NULL DEFAULT ''
      );
      CREATE TABLE schools (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        ownership TEXT NOT NULL CHECK (ownership IN ('公办', '普惠性民办', '民办')),
        township TEXT NOT NULL REFERENCES townships(code) ON UPDATE CASCADE,
        urban_rural TEXT NOT NULL CHECK (urban_rural IN ('城区', '镇区', '乡村')),
        lat REAL, lng REAL,
        site_area REAL, floor_area REAL, teaching_area REAL, sports_area REAL,
        equipment_value REAL, multimedia_rooms INTEGER, boarding_students INTEGER,
        design_classes INTEGER, design_seats INTEGER,
        status TEXT NOT NULL DEFAULT '在办' CHECK (status IN ('在办', '停办'))
      );
      CREATE INDEX schools_township ON schools(township);
      CREATE TABLE enrolment (
        school TEXT NOT NULL REFERENCES schools(code) ON UPDATE CASCADE ON DELETE CASCADE,
        year INTEGER NOT NULL,
        stage TEXT NOT NULL,
        grade INTEGER NOT NULL CHECK (grade >= 1),
        classes INTEGER NOT NULL CHECK (classes >= 0),
        students INTEGER NOT NULL CHECK (students >= 0),
        PRIMARY KEY (school, year, stage, grade)
      ) WITHOUT ROWID;
      CREATE INDEX enrolment_year ON enrolment(year, stage);
      CREATE TABLE staff (
        school TEXT NOT NULL REFERENCES schools(code) ON UPDATE CASCADE ON DELETE CASCADE,
        year INTEGER NOT NULL,
        teachers INTEGER NOT NULL CHECK (teachers >= 0),
        qualified_above INTEGER NOT NULL CHECK (qualified_above >= 0),
        key_teachers INTEGER NOT NULL CHECK (key_teachers >= 0),
        pe_arts_teachers INTEGER NOT NULL CHECK (pe_arts_teachers >= 0),
        PRIMARY KEY (school, year)
      ) WITHOUT ROWID;
      CREATE TABLE population (
        township TEXT NOT NULL REFERENCES townships(code) ON UPDATE CASCADE ON DELETE CASCADE,
        year INTEGER NOT NULL,
        age INTEGER NOT NULL CHECK (age BETWEEN 0 AND 120),
        sex TEXT NOT NULL CHECK (sex IN ('T', 'M', 'F')),
        count INTEGER NOT NULL CHECK (count >= 0),
        source TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (township, year, age, sex)
      ) WITHOUT ROWID;
      CREATE TABLE births (
        township TEXT NOT NULL REFERENCES townships(code) ON UPDATE CASCADE ON DELETE CASCADE,
        year INTEGER NOT NULL,
        count INTEGER NOT NULL CHECK (count >= 0),
        source TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (township, year)
      ) WITHOUT ROWID;
    `);
  },
};
