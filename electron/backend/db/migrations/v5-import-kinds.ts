import type { Migration } from './types';

/**
 * The kinds of import are a registry in code (shared/import/kinds/registry.ts); v2 also
 * listed them in a CHECK on imports.kind, so every new kind needed a migration. SQLite
 * cannot drop a CHECK, so imports is rebuilt without it, keeping every row and id. Its
 * children (issues and the undo journal) are rebuilt with it: dropping imports while they
 * still pointed at it would cascade-delete them, and renaming it away would carry their
 * foreign keys along. After the renames the foreign keys name "imports" again.
 */
export const v5: Migration = {
  version: 5,
  name: '导入类别改由程序校验',
  up(db) {
    db.exec(`
      CREATE TABLE imports_v5 (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
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
      INSERT INTO imports_v5 (id, kind, file_name, sha256, sheet, mapping, year, rows_read, rows_imported, rows_skipped,
          rows_rejected, changes, summary, backup_file, imported_at, undone_at)
        SELECT id, kind, file_name, sha256, sheet, mapping, year, rows_read, rows_imported, rows_skipped,
          rows_rejected, changes, summary, backup_file, imported_at, undone_at FROM imports;
      CREATE TABLE import_issues_v5 (
        import_id INTEGER NOT NULL REFERENCES imports_v5(id) ON DELETE CASCADE,
        severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
        sheet TEXT NOT NULL DEFAULT '',
        row INTEGER,
        col TEXT NOT NULL DEFAULT '',
        value TEXT NOT NULL DEFAULT '',
        code TEXT NOT NULL,
        message TEXT NOT NULL
      );
      -- Issues are listed in rowid order (the order they were found): keep the rowids.
      INSERT INTO import_issues_v5 (rowid, import_id, severity, sheet, row, col, value, code, message)
        SELECT rowid, import_id, severity, sheet, row, col, value, code, message FROM import_issues;
      CREATE TABLE import_changes_v5 (
        import_id INTEGER NOT NULL REFERENCES imports_v5(id) ON DELETE CASCADE,
        chunk INTEGER NOT NULL,
        entries TEXT NOT NULL,
        PRIMARY KEY (import_id, chunk)
      ) WITHOUT ROWID;
      INSERT INTO import_changes_v5 (import_id, chunk, entries) SELECT import_id, chunk, entries FROM import_changes;
      DROP TABLE import_changes;
      DROP TABLE import_issues;
      DROP TABLE imports;
      ALTER TABLE imports_v5 RENAME TO imports;
      ALTER TABLE import_issues_v5 RENAME TO import_issues;
      ALTER TABLE import_changes_v5 RENAME TO import_changes;
      CREATE INDEX import_issues_import ON import_issues(import_id);
    `);
  },
};
