import type { Migration } from './types';

/**
 * 配套学校: a housing development may reserve a school site (the kind of school and, when it
 * says so, whether the urban or the rural norms size it), and a 新建 project may name the
 * development whose reservation it builds. Earlier rows reserve nothing and build none.
 */
export const v14SchoolReservations: Migration = {
  version: 14,
  name: '新建住宅项目可预留配套学校用地，新建项目可注明建设的预留',
  up(db) {
    db.exec(`
      ALTER TABLE developments ADD COLUMN reserve_kind TEXT;
      ALTER TABLE developments ADD COLUMN reserve_setting TEXT;
      ALTER TABLE plan_projects ADD COLUMN development INTEGER;
    `);
  },
};
