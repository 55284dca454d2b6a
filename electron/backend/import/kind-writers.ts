// The backend's half of each import kind (the pure half is shared/import/kinds/registry.ts):
// the stored rows its checks compare the file against, the tables its plans write through
// the import journal, and the name of the backup taken before it.
import type Database from 'better-sqlite3';
import type { ImportKind, ValidateContext } from '../../../shared/import';
import type { TableName } from '../db/import-journal';
import { allStaff, enrolmentTotals } from '../db/imports';
import { readGeography } from '../db/geo';
import { allSchools } from '../db/queries';

type StoredRows = Pick<ValidateContext, 'schools' | 'staff' | 'enrolmentTotals' | 'villages'>;

export interface ImportKindWriter {
  /** Ends the backup's name: 导入前-学校. */
  backupLabel: string;
  /** Every table an import of this kind may change (the registry test holds the journal to it). */
  writes: readonly TableName[];
  stored(db: Database.Database): StoredRows;
}

const NOTHING_STORED = (): StoredRows => ({ schools: [], staff: [], enrolmentTotals: new Map() });
// Rows of these kinds name schools the project already holds.
const SCHOOLS_ONLY = (db: Database.Database): StoredRows => ({ schools: allSchools(db), staff: [], enrolmentTotals: new Map() });

export const IMPORT_KIND_WRITERS: Readonly<Record<ImportKind, ImportKindWriter>> = {
  schools: {
    backupLabel: '学校',
    writes: ['townships', 'schools', 'enrolment', 'staff', 'school_totals'],
    stored: (db) => ({ schools: allSchools(db), staff: allStaff(db), enrolmentTotals: enrolmentTotals(db) }),
  },
  population: { backupLabel: '人口', writes: ['townships', 'population'], stored: NOTHING_STORED },
  births: { backupLabel: '出生', writes: ['townships', 'births', 'county_births'], stored: NOTHING_STORED },
  teachers: {
    backupLabel: '教职工',
    writes: ['staff', 'staff_profile'],
    stored: (db) => ({ schools: allSchools(db), staff: allStaff(db), enrolmentTotals: new Map() }),
  },
  special_needs: { backupLabel: '残疾学生', writes: ['special_needs'], stored: SCHOOLS_ONLY },
  migrants: { backupLabel: '随迁子女', writes: ['migrant_pupils'], stored: SCHOOLS_ONLY },
  school_groups: { backupLabel: '学校集团', writes: ['school_groups'], stored: SCHOOLS_ONLY },
  // Schools and stored villages locate the county, so a point far outside it is flagged.
  villages: {
    backupLabel: '村（社区）',
    writes: ['townships', 'geo_villages'],
    stored: (db) => ({ schools: allSchools(db), staff: [], enrolmentTotals: new Map(), villages: readGeography(db).villages }),
  },
};
