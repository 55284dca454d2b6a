import type { Migration } from './types';

/**
 * Import records, their row-level issues, saved column mappings (数据导入), and the change
 * journal that lets any import be undone exactly: for every row an import wrote, the row
 * before and after, so undo restores the before-rows when the after-rows are still there.
 * Also the data an import can hold that the v1 tables have no place for: totals of schools
 * whose files give no grades, and a county's births when the file has no townships.
 */
export const v2: Migration = {
  version: 2,
  name: '导入记录与映射模板',
  up(db) {
    db.exec(`
      CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('schools', 'population', 'births')),
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        sheet TEXT NOT NULL DEFAULT '',
        mapping TEXT NOT NULL DEFAULT '{}',
        year INTEGER,
        rows_read INTEGER NOT NULL DEFAULT 0,
        rows_imported INTEGER NOT NULL DEFAULT 0,
        rows_skipped INTEGER NOT NULL DEFAULT 0,
        rows_rejected INTEGER NOT NULL DEFAULT 0,
        changes INTEGER NOT NULL DEFAULT 0,
        summary TEXT NOT NULL DEFAULT '[]',
        backup_file TEXT NOT NULL DEFAULT '',
        imported_at TEXT NOT NULL,
        undone_at TEXT
      );
      CREATE TABLE import_issues (
        import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
        sheet TEXT NOT NULL DEFAULT '',
        row INTEGER,
        col TEXT NOT NULL DEFAULT '',
        value TEXT NOT NULL DEFAULT '',
        code TEXT NOT NULL,
        message TEXT NOT NULL
      );
      CREATE INDEX import_issues_import ON import_issues(import_id);
      -- The journal in chunks: entries is a JSON array of [table, key, before, after] in
      -- write order (key, before and after as JSON arrays of the row's values, before/after
      -- null for an inserted/deleted row). One row per chunk keeps a 30,000-school import
      -- from writing hundreds of thousands of journal rows.
      CREATE TABLE import_changes (
        import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        chunk INTEGER NOT NULL,
        entries TEXT NOT NULL,
        PRIMARY KEY (import_id, chunk)
      ) WITHOUT ROWID;
      CREATE TABLE mapping_templates (
        name TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        header_signature TEXT NOT NULL,
        mapping TEXT NOT NULL,
        saved_at TEXT NOT NULL
      );
      CREATE TABLE school_totals (
        school TEXT NOT NULL REFERENCES schools(code) ON UPDATE CASCADE ON DELETE CASCADE,
        year INTEGER NOT NULL,
        stage TEXT NOT NULL DEFAULT '',
        classes INTEGER CHECK (classes >= 0),
        students INTEGER CHECK (students >= 0),
        PRIMARY KEY (school, year, stage)
      ) WITHOUT ROWID;
      CREATE TABLE county_births (
        year INTEGER PRIMARY KEY,
        count INTEGER NOT NULL CHECK (count >= 0),
        source TEXT NOT NULL DEFAULT ''
      );
    `);
  },
};
