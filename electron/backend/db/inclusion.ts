// SQL of the special-education, 随迁子女 and school-group records (written through the import
// journal by imports and edits; read here for the export, the plan context and the 学校 page).
import type Database from 'better-sqlite3';
import type { InclusionData } from '../../../shared/domain';
import { migrantPupilsTable, schoolGroupsTable, specialNeedsTable } from './county-tables';
import { readAll, type Table } from './table';

/** The county's registered disabled children are one number, kept in `meta` beside the county's other facts. */
const REGISTERED_KEY = 'registeredDisabledChildren';

export function readInclusion(db: Database.Database): InclusionData {
  const registered = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(REGISTERED_KEY) as string | undefined;
  const n = registered === undefined ? NaN : Number(registered);
  return {
    specialNeeds: readAll(db, specialNeedsTable, 'ORDER BY year, school'),
    migrants: readAll(db, migrantPupilsTable, 'ORDER BY year, school'),
    groups: readAll(db, schoolGroupsTable, 'ORDER BY name'),
    registeredDisabledChildren: Number.isInteger(n) && n >= 0 ? n : null,
  };
}

/** Writes a whole county's records (a new project from the sample or assembled data). */
export function insertInclusion(db: Database.Database, data: InclusionData): void {
  const insertAll = <R>(table: Table<R>, records: readonly R[]) => {
    const stmt = db.prepare(table.insert);
    for (const r of records) stmt.run(table.params(r));
  };
  insertAll(specialNeedsTable, data.specialNeeds);
  insertAll(migrantPupilsTable, data.migrants);
  insertAll(schoolGroupsTable, data.groups);
  if (data.registeredDisabledChildren !== undefined && data.registeredDisabledChildren !== null) {
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(REGISTERED_KEY, String(data.registeredDisabledChildren));
  }
}

/** How many records of each kind the project holds (which targets a new plan proposes). */
export function inclusionPresence(db: Database.Database): { specialNeeds: number; migrants: number; groups: number } {
  return db
    .prepare('SELECT (SELECT count(*) FROM special_needs) AS specialNeeds, (SELECT count(*) FROM migrant_pupils) AS migrants, (SELECT count(*) FROM school_groups) AS groups')
    .get() as { specialNeeds: number; migrants: number; groups: number };
}
