import type { Migration } from './types';

/**
 * A 集团化办学 project names the group it forms or extends and the member schools it adds
 * (shared/plan/model.ts `schoolGroup`), kept as JSON beside the project like its receivers.
 * Earlier projects have none.
 */
export const v12GroupActions: Migration = {
  version: 12,
  name: '规划项目增加集团化办学的集团与成员学校',
  up(db) {
    db.exec(`ALTER TABLE plan_projects ADD COLUMN school_group TEXT`);
  },
};
