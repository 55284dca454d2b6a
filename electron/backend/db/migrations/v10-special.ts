import type { Migration } from './types';

/**
 * Special education, 随迁子女 and school groups (docs/ARCHITECTURE.md, "Special education,
 * migrant children and school groups"). County data,
 * written by imports and edits through the import journal.
 */
export const v10: Migration = {
  version: 10,
  name: '特殊教育、随迁子女与学校集团',
  up(db) {
    db.exec(`
      CREATE TABLE special_needs (
        school TEXT NOT NULL REFERENCES schools(code) ON UPDATE CASCADE ON DELETE CASCADE,
        year INTEGER NOT NULL,
        inclusive INTEGER CHECK (inclusive >= 0),
        special_class INTEGER CHECK (special_class >= 0),
        home_taught INTEGER CHECK (home_taught >= 0),
        resource_rooms INTEGER CHECK (resource_rooms >= 0),
        PRIMARY KEY (school, year)
      ) WITHOUT ROWID;
      CREATE TABLE migrant_pupils (
        school TEXT NOT NULL REFERENCES schools(code) ON UPDATE CASCADE ON DELETE CASCADE,
        year INTEGER NOT NULL,
        pupils INTEGER CHECK (pupils >= 0),
        purchased INTEGER CHECK (purchased >= 0),
        PRIMARY KEY (school, year)
      ) WITHOUT ROWID;
      CREATE TABLE school_groups (
        name TEXT NOT NULL PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('教育集团', '共同体', '学区')),
        core TEXT NOT NULL,
        members TEXT NOT NULL DEFAULT '[]',
        year_formed INTEGER
      ) WITHOUT ROWID;
    `);
  },
};
