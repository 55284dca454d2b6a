import type { Migration } from './types';

/**
 * 教职工 by 岗位, 年龄段, 学历, 职称 and 骨干 level (the teacher import). Keyed by 学校标识码
 * without a foreign key: a teacher table may name a school the project does not hold yet,
 * and its rows wait for it (the import says so).
 */
export const v9: Migration = {
  version: 9,
  name: '教职工结构',
  up(db) {
    db.exec(`
      CREATE TABLE staff_profile (
        school TEXT NOT NULL,
        year INTEGER NOT NULL,
        dimension TEXT NOT NULL,
        category TEXT NOT NULL,
        count INTEGER NOT NULL CHECK (count >= 0),
        PRIMARY KEY (school, year, dimension, category)
      ) WITHOUT ROWID;
    `);
  },
};
