import type { Migration } from './types';

/**
 * Projection scenarios (低/中/高 and the planner's own), new housing developments and the
 * county's projection method settings. Scenario and settings parameters are JSON read back
 * through the zod schemas in shared/projection/params.ts, so fields added later take their
 * defaults; a development tied to one scenario follows its renames and goes with it.
 */
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
        dwellings INTEGER CHECK (dwellings IS NULL OR dwellings >= 0),
        residents INTEGER CHECK (residents IS NULL OR residents >= 0),
        completion_year INTEGER NOT NULL,
        scenario TEXT REFERENCES scenarios(name) ON UPDATE CASCADE ON DELETE CASCADE
      );
      CREATE TABLE projection_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        params TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `);
  },
};
