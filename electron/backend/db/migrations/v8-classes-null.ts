import type { Migration } from './types';

/**
 * A missing 班级数 is unknown, not zero: `enrolment.classes` becomes nullable. SQLite cannot
 * drop a NOT NULL in place, so the table is rebuilt with its rows (nothing references it).
 * Rows written before this version stored an unknown count as 0 next to pupils — a grade
 * cannot have pupils in no class — so those become NULL; a 0 without pupils stays 0.
 */
export const v8: Migration = {
  version: 8,
  name: '班级数可为未知',
  up(db) {
    db.exec(`
      CREATE TABLE enrolment_v8 (
        school TEXT NOT NULL REFERENCES schools(code) ON UPDATE CASCADE ON DELETE CASCADE,
        year INTEGER NOT NULL,
        stage TEXT NOT NULL,
        grade INTEGER NOT NULL CHECK (grade >= 1),
        classes INTEGER CHECK (classes >= 0),
        students INTEGER NOT NULL CHECK (students >= 0),
        PRIMARY KEY (school, year, stage, grade)
      ) WITHOUT ROWID;
      INSERT INTO enrolment_v8 (school, year, stage, grade, classes, students)
        SELECT school, year, stage, grade, CASE WHEN classes = 0 AND students > 0 THEN NULL ELSE classes END, students FROM enrolment;
      DROP TABLE enrolment;
      ALTER TABLE enrolment_v8 RENAME TO enrolment;
      CREATE INDEX enrolment_year ON enrolment(year, stage);
    `);
  },
};
