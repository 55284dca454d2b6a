import type { Migration } from './types';

/**
 * 曾用名: a school renamed under the same 学校标识码 keeps its history under the new name,
 * and the old names are kept here (JSON list of strings). The default lets a row restored
 * from an import journalled before this column existed (a shorter row) be inserted.
 */
export const v6: Migration = {
  version: 6,
  name: '学校曾用名',
  up(db) {
    db.exec(`ALTER TABLE schools ADD COLUMN former_names TEXT NOT NULL DEFAULT '[]'`);
  },
};
