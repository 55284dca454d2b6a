import type { Migration } from './types';

/**
 * School moves on the 布局图 become ordinary school edits (lng/lat in the edit journal,
 * undone by edits.undo), so geo_school_moves goes. Every move was written to `schools` in
 * the same transaction as its log row, so the positions it records are already applied and
 * nothing is copied; re-applying them would undo a later import's coordinates. The log
 * itself stays readable in the backup the runner takes before upgrading.
 */
export const v13: Migration = {
  version: 13,
  name: '布局图上的学校移动改记入修改记录',
  up(db) {
    db.exec('DROP TABLE IF EXISTS geo_school_moves');
  },
};
