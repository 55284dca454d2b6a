import type { Migration } from './types';

/** Import records, their row-level issues and saved column mappings (数据导入). */
export const v2: Migration = {
  version: 2,
  name: '导入记录与映射模板',
  up(db) {
    db.exec(`
      CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        sheet TEXT NOT NULL DEFAULT '',
        mapping TEXT NOT NULL DEFAULT '{}',
        rows_read INTEGER NOT NULL DEFAULT 0,
        rows_imported INTEGER NOT NULL DEFAULT 0,
        rows_skipped INTEGER NOT NULL DEFAULT 0,
        rows_rejected INTEGER NOT NULL DEFAULT 0,
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
      CREATE TABLE mapping_templates (
        name TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        header_signature TEXT NOT NULL,
        mapping TEXT NOT NULL,
        saved_at TEXT NOT NULL
      );
    `);
  },
};
