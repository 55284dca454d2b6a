import type { Migration } from './types';

/**
 * Plans (规划): their targets, projects and planning areas, and an edit history for undo.
 * Projects name schools by 学校标识码 without a foreign key: a re-import may replace a
 * school's row, and the evaluation reports a project whose school is gone instead of
 * losing the project.
 */
export const v4: Migration = {
  version: 4,
  name: '规划、指标与建设项目',
  up(db) {
    db.exec(`
      CREATE TABLE plans (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        base_year INTEGER NOT NULL,
        target_year INTEGER NOT NULL,
        outlook_year INTEGER NOT NULL,
        scenario TEXT NOT NULL DEFAULT '中',
        settings TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (target_year > base_year AND outlook_year >= target_year)
      );
      CREATE TABLE plan_targets (
        plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        sort INTEGER NOT NULL,
        name TEXT NOT NULL,
        unit TEXT NOT NULL DEFAULT '',
        comparator TEXT NOT NULL CHECK (comparator IN ('>', '>=', '<', '<=', '=')),
        target REAL NOT NULL,
        attribute TEXT NOT NULL CHECK (attribute IN ('预期性', '约束性')),
        manual_base REAL,
        manual_projected REAL,
        PRIMARY KEY (plan_id, key)
      ) WITHOUT ROWID;
      CREATE TABLE plan_projects (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        type TEXT NOT NULL CHECK (type IN ('新建', '改扩建', '迁建', '撤并', '转型')),
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
        note TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX plan_projects_plan ON plan_projects(plan_id);
      CREATE TABLE plan_areas (
        plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        township TEXT NOT NULL,
        area TEXT NOT NULL,
        PRIMARY KEY (plan_id, township)
      ) WITHOUT ROWID;
      CREATE TABLE plan_history (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        stack TEXT NOT NULL CHECK (stack IN ('undo', 'redo')),
        label TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX plan_history_plan ON plan_history(plan_id, stack, id);
    `);
  },
};
