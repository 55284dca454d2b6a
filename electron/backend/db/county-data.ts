// Writes a whole county (the sample, or a county assembled elsewhere) in one transaction.
import type Database from 'better-sqlite3';
import type { CountyData } from '../../../shared/domain';
import { birthsTable, enrolmentTable, populationTable, schoolsTable, staffTable, townshipsTable } from './county-tables';
import { insertInclusion } from './inclusion';
import { writeMeta } from './meta';
import { writeGeography } from './geo';
import type { Table } from './table';

export function insertCountyData(db: Database.Database, data: CountyData): void {
  const insertAll = <R>(table: Table<R>, records: readonly R[]) => {
    const stmt = db.prepare(table.insert);
    for (const r of records) stmt.run(table.params(r));
  };
  db.transaction(() => {
    writeMeta(db, data.meta);
    insertAll(townshipsTable, data.townships);
    insertAll(schoolsTable, data.schools);
    insertAll(enrolmentTable, data.enrolment);
    insertAll(staffTable, data.staff);
    insertAll(populationTable, data.population);
    insertAll(birthsTable, data.births);
    if (data.geography) writeGeography(db, data.geography);
    if (data.inclusion) insertInclusion(db, data.inclusion);
  })();
}
