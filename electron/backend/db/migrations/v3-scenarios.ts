import type { Migration } from './types';

/** Projection scenarios (低/中/高 and the planner's own) and new housing developments. */
export const v3: Migration = {
  version: 3,
  name: '预测情景与新建住宅',
  up(db) {
    db.exec(`
      CREATE TABLE scenarios (
        name TEXT PRIMARY KEY,
        params TEXT NOT NULL,
        sort INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE developments (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        township TEXT NOT NULL REFERENCES townships(code) ON UPDATE CASCADE ON DELETE CASCADE,
        dwellings INTEGER,
        residents INTEGER,
        completion_year INTEGER NOT NULL,
        scenario TEXT
      );
    `);
  },
};
