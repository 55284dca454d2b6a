// The county's stored records, one descriptor per table, their columns taken from the
// record declarations in shared/domain (so a field added there is read, written and
// journalled everywhere without another list).
import {
  BIRTH_FIELDS,
  columnsOf,
  COUNTY_BIRTH_FIELDS,
  ENROLMENT_FIELDS,
  POPULATION_FIELDS,
  SCHOOL_FIELDS,
  SCHOOL_TOTAL_FIELDS,
  STAFF_FIELDS,
  TOWNSHIP_FIELDS,
  type BirthRecord,
  type CountyBirthRecord,
  type EnrolmentRecord,
  type PopulationRecord,
  type School,
  type SchoolTotal,
  type StaffRecord,
  type StaffProfileRecord,
  PROFILE_FIELDS,
  type Township,
  MIGRANT_FIELDS,
  SCHOOL_GROUP_FIELDS,
  SPECIAL_NEEDS_FIELDS,
  type MigrantRecord,
  type SchoolGroup,
  type SpecialNeedsRecord,
} from '../../../shared/domain';
import type { Village } from '../../../shared/geo/model';
import { defineTable } from './table';

export const townshipsTable = defineTable<Township>({ name: 'townships', key: ['code'], columns: columnsOf(TOWNSHIP_FIELDS) });
export const schoolsTable = defineTable<School>({ name: 'schools', key: ['code'], columns: columnsOf(SCHOOL_FIELDS) });
export const enrolmentTable = defineTable<EnrolmentRecord>({
  name: 'enrolment',
  key: ['school', 'year', 'stage', 'grade'],
  columns: columnsOf(ENROLMENT_FIELDS),
});
export const staffTable = defineTable<StaffRecord>({ name: 'staff', key: ['school', 'year'], columns: columnsOf(STAFF_FIELDS) });
export const populationTable = defineTable<PopulationRecord>({
  name: 'population',
  key: ['township', 'year', 'age', 'sex'],
  columns: columnsOf(POPULATION_FIELDS),
});
export const birthsTable = defineTable<BirthRecord>({ name: 'births', key: ['township', 'year'], columns: columnsOf(BIRTH_FIELDS) });
export const schoolTotalsTable = defineTable<SchoolTotal>({
  name: 'school_totals',
  key: ['school', 'year', 'stage'],
  columns: columnsOf(SCHOOL_TOTAL_FIELDS),
});
export const staffProfileTable = defineTable<StaffProfileRecord>({
  name: 'staff_profile',
  key: ['school', 'year', 'dimension', 'category'],
  columns: columnsOf(PROFILE_FIELDS),
});
export const countyBirthsTable = defineTable<CountyBirthRecord>({ name: 'county_births', key: ['year'], columns: columnsOf(COUNTY_BIRTH_FIELDS) });

export const specialNeedsTable = defineTable<SpecialNeedsRecord>({ name: 'special_needs', key: ['school', 'year'], columns: columnsOf(SPECIAL_NEEDS_FIELDS) });
export const migrantPupilsTable = defineTable<MigrantRecord>({ name: 'migrant_pupils', key: ['school', 'year'], columns: columnsOf(MIGRANT_FIELDS) });
export const schoolGroupsTable = defineTable<SchoolGroup>({ name: 'school_groups', key: ['name'], columns: columnsOf(SCHOOL_GROUP_FIELDS) });

/** A village as stored: the township under `township`, so a township code change moves it like any other row naming a township. */
export interface VillageRow {
  id: string;
  name: string;
  code: string | null;
  township: string;
  geometry: unknown;
  lng: number;
  lat: number;
  population: number | null;
  children: unknown;
  source: string;
}
export const villagesTable = defineTable<VillageRow>({
  name: 'geo_villages',
  key: ['id'],
  columns: {
    id: 'id',
    name: 'name',
    code: 'code',
    township: 'township',
    geometry: { column: 'geometry', json: true },
    lng: 'lng',
    lat: 'lat',
    population: 'population',
    children: { column: 'children', json: true },
    source: 'source',
  },
});

export function villageRow(v: Village): VillageRow {
  return { id: v.id, name: v.name, code: v.code, township: v.townshipId, geometry: v.geometry, lng: v.point[0], lat: v.point[1], population: v.population, children: v.children, source: v.source };
}

/**
 * A township's boundary as stored: keyed by the township's code, so a code change moves it
 * (journalled, undoable) like the township's villages.
 */
export interface TownshipBoundaryRow {
  township: string;
  name: string;
  geometry: unknown;
  source: string;
}
export const townshipBoundariesTable = defineTable<TownshipBoundaryRow>({
  name: 'geo_townships',
  key: ['township'],
  columns: { township: 'township', name: 'name', geometry: { column: 'geometry', json: true }, source: 'source' },
});

/** Every county table, by table name (the import journal's table names). */
export const COUNTY_TABLES = {
  townships: townshipsTable,
  schools: schoolsTable,
  enrolment: enrolmentTable,
  staff: staffTable,
  population: populationTable,
  births: birthsTable,
  school_totals: schoolTotalsTable,
  county_births: countyBirthsTable,
  staff_profile: staffProfileTable,
  special_needs: specialNeedsTable,
  migrant_pupils: migrantPupilsTable,
  school_groups: schoolGroupsTable,
  geo_villages: villagesTable,
  geo_townships: townshipBoundariesTable,
} as const;

type CountyTableName = keyof typeof COUNTY_TABLES;

/** The county tables with a column naming a school or township: a code change moves their rows. */
function referringTo(column: 'school' | 'township', owner: CountyTableName): CountyTableName[] {
  return (Object.keys(COUNTY_TABLES) as CountyTableName[]).filter(
    (n) => n !== owner && COUNTY_TABLES[n].columns.some((c) => c.column === column),
  );
}

/** Tables of per-school rows (enrolment, staff, …), moved with a school's code. Groups name schools inside JSON and are renamed apart. */
export const SCHOOL_ROW_TABLES = referringTo('school', 'schools');
/** Tables naming a township (schools, population, births, …), moved with a township's code. */
export const TOWNSHIP_ROW_TABLES = referringTo('township', 'townships');

