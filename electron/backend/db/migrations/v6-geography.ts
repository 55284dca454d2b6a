import type { Migration } from './types';

/**
 * The county's geography (shared/geo/model.ts): the outline, township boundaries, villages
 * and reference layers, geometries as GeoJSON text in WGS-84 lng/lat. Per plan: where a
 * 新建/迁建 project builds (no foreign key to the project: plan undo rewrites projects with
 * their ids, and a site must survive that), and the villages the planner assigned to a
 * school (划片). School
 * moves on the map are journalled so the last one can be taken back.
 */
export const v6: Migration = {
  version: 6,
  name: '地理数据',
  up(db) {
    db.exec(`
      CREATE TABLE geo_outline (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        geometry TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT ''
      );
      CREATE TABLE geo_townships (
        township TEXT PRIMARY KEY REFERENCES townships(code) ON UPDATE CASCADE ON DELETE CASCADE,
        name TEXT NOT NULL,
        geometry TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT ''
      );
      CREATE TABLE geo_villages (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        code TEXT,
        township TEXT NOT NULL REFERENCES townships(code) ON UPDATE CASCADE ON DELETE CASCADE,
        geometry TEXT NOT NULL,
        lng REAL NOT NULL,
        lat REAL NOT NULL,
        population INTEGER,
        children TEXT,
        source TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX geo_villages_township ON geo_villages(township);
      CREATE TABLE geo_layers (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('road', 'river', 'town')),
        name TEXT NOT NULL DEFAULT '',
        geometry TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT ''
      );
      CREATE TABLE plan_project_sites (
        plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        project_id INTEGER NOT NULL,
        lng REAL NOT NULL,
        lat REAL NOT NULL,
        PRIMARY KEY (plan_id, project_id)
      ) WITHOUT ROWID;
      CREATE TABLE plan_catchments (
        plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        stage TEXT NOT NULL CHECK (stage IN ('preschool', 'primary', 'junior')),
        village TEXT NOT NULL,
        school TEXT NOT NULL,
        PRIMARY KEY (plan_id, stage, village)
      ) WITHOUT ROWID;
      CREATE TABLE geo_school_moves (
        id INTEGER PRIMARY KEY,
        school TEXT NOT NULL,
        before_lng REAL,
        before_lat REAL,
        after_lng REAL,
        after_lat REAL,
        at TEXT NOT NULL
      );
    `);
  },
};
