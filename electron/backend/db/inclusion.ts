// SQL of the special-education, 随迁子女 and school-group records (written through the import
// journal by imports and edits; read here for the export, the plan context and the 学校 page).
import type Database from 'better-sqlite3';
import type { MigrantRecord, SchoolGroup, SpecialNeedsRecord } from '../../../shared/domain';
import { migrantPupilsTable, schoolGroupsTable, specialNeedsTable } from './county-tables';
import { readAll } from './table';

export interface InclusionRecords {
  specialNeeds: SpecialNeedsRecord[];
  migrants: MigrantRecord[];
  groups: SchoolGroup[];
}

export function readInclusion(db: Database.Database): InclusionRecords {
  return {
    specialNeeds: readAll(db, specialNeedsTable, 'ORDER BY year, school'),
    migrants: readAll(db, migrantPupilsTable, 'ORDER BY year, school'),
    groups: readAll(db, schoolGroupsTable, 'ORDER BY name'),
  };
}
