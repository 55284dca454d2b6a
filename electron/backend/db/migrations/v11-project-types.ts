import type { Migration } from './types';

/**
 * Project types are a registry in code (shared/plan/project-types.ts); v4 also listed them in
 * a CHECK on plan_projects.type, so facilities-only and 寄宿 projects could not be stored.
 * SQLite cannot drop a CHECK, so the table is rebuilt without it, keeping every row and id
 * (a closure's receiver `new:<id>` and the undo snapshots name projects by id), and gains
 * the boarding places a 寄宿 project adds. No table refers to plan_projects by foreign key,
 * so dropping the old one cascades nowhere.
 */
export const v11: Migration = {
  version: 11,
  name: '规划项目类型改由程序校验，增加寄宿床位',
  up(db) {
    db.exec(`
      CREATE TABLE plan_projects_v8 (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        school TEXT,
        kind TEXT,
        ownership TEXT NOT NULL DEFAULT '公办' CHECK (ownership IN ('公办', '普惠性民办', '民办')),
        township TEXT,
        stage TEXT,
        classes INTEGER NOT NULL DEFAULT 0 CHECK (classes >= 0),
        seats INTEGER NOT NULL DEFAULT 0 CHECK (seats >= 0),
        floor_area REAL,
        site_area REAL,
        investment REAL,
        start_year INTEGER NOT NULL,
        completion_year INTEGER NOT NULL,
        funding TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT '拟建' CHECK (status IN ('拟建', '在建', '已建成', '暂缓')),
        receivers TEXT NOT NULL DEFAULT '[]',
        note TEXT NOT NULL DEFAULT '',
        boarding_places INTEGER NOT NULL DEFAULT 0 CHECK (boarding_places >= 0)
      );
      INSERT INTO plan_projects_v8 (id, plan_id, type, name, school, kind, ownership, township, stage, classes, seats,
          floor_area, site_area, investment, start_year, completion_year, funding, status, receivers, note)
        SELECT id, plan_id, type, name, school, kind, ownership, township, stage, classes, seats,
          floor_area, site_area, investment, start_year, completion_year, funding, status, receivers, note FROM plan_projects;
      DROP TABLE plan_projects;
      ALTER TABLE plan_projects_v8 RENAME TO plan_projects;
      CREATE INDEX plan_projects_plan ON plan_projects(plan_id);
    `);
  },
};
