// The county's geography in the project file (schema v7-geography): typed reads and writes
// of the outline, township boundaries, villages, reference layers, per-plan project sites and
// catchment assignments, and the journal of school moves. Geometries are GeoJSON text; what
// does not read back as valid geometry (a file edited elsewhere) is left out, not guessed.
import type Database from 'better-sqlite3';
import {
  multiPolygonSchema,
  referenceFeatureSchema,
  villageChildrenSchema,
  villageGeometrySchema,
  type CountyGeography,
  type CountyOutline,
  type CoverageStage,
  type Position,
  type ReferenceFeature,
  type TownshipBoundary,
  type Village,
} from '../../../shared/geo/model';
import { townshipBoundariesTable as townshipTable, villageRow, villagesTable, type VillageRow } from './county-tables';
import { defineTable, readAll, readOne } from './table';

interface OutlineRow {
  id: number;
  geometry: unknown;
  source: string;
}
const outlineTable = defineTable<OutlineRow>({
  name: 'geo_outline',
  key: ['id'],
  columns: { id: 'id', geometry: { column: 'geometry', json: true }, source: 'source' },
});

interface LayerRow {
  id: number;
  kind: string;
  name: string;
  geometry: unknown;
  source: string;
}
const layersTable = defineTable<LayerRow>({
  name: 'geo_layers',
  key: ['id'],
  columns: { id: { column: 'id', generated: true }, kind: 'kind', name: 'name', geometry: { column: 'geometry', json: true }, source: 'source' },
});

interface SiteRow {
  planId: number;
  projectId: number;
  lng: number;
  lat: number;
}
const sitesTable = defineTable<SiteRow>({
  name: 'plan_project_sites',
  key: ['planId', 'projectId'],
  columns: { planId: 'plan_id', projectId: 'project_id', lng: 'lng', lat: 'lat' },
});

export interface CatchmentRow {
  planId: number;
  stage: CoverageStage;
  village: string;
  school: string;
}
const catchmentsTable = defineTable<CatchmentRow>({
  name: 'plan_catchments',
  key: ['planId', 'stage', 'village'],
  columns: { planId: 'plan_id', stage: 'stage', village: 'village', school: 'school' },
});

export const GEO_TABLES = { outlineTable, townshipTable, villagesTable, layersTable, sitesTable, catchmentsTable };

function villageOf(r: VillageRow): Village | null {
  const geometry = villageGeometrySchema.safeParse(r.geometry);
  if (!geometry.success) return null;
  const children = r.children === null ? null : villageChildrenSchema.safeParse(r.children);
  return {
    id: r.id,
    name: r.name,
    code: r.code,
    townshipId: r.township,
    geometry: geometry.data,
    point: [r.lng, r.lat],
    population: r.population,
    children: children === null ? null : children.success ? children.data : null,
    source: r.source,
  };
}

export function readGeography(db: Database.Database): CountyGeography {
  const outlineRow = readOne(db, outlineTable, 'WHERE id = 1', {});
  const outlineGeometry = outlineRow ? multiPolygonSchema.safeParse(outlineRow.geometry) : null;
  const outline: CountyOutline | null = outlineRow && outlineGeometry?.success ? { geometry: outlineGeometry.data, source: outlineRow.source } : null;
  const townships: TownshipBoundary[] = [];
  for (const r of readAll(db, townshipTable, 'ORDER BY township')) {
    const g = multiPolygonSchema.safeParse(r.geometry);
    if (g.success) townships.push({ township: r.township, name: r.name, geometry: g.data, source: r.source });
  }
  const villages = readAll(db, villagesTable, 'ORDER BY township, id').map(villageOf).filter((v): v is Village => v !== null);
  const layers: ReferenceFeature[] = [];
  for (const r of readAll(db, layersTable, 'ORDER BY id')) {
    const f = referenceFeatureSchema.safeParse({ kind: r.kind, name: r.name, geometry: r.geometry, source: r.source });
    if (f.success) layers.push(f.data);
  }
  return { outline, townships, villages, layers };
}

/** Which parts of a geography a write replaces; absent parts are left as they are. */
export interface GeographyWrite {
  outline?: CountyOutline | null;
  townships?: TownshipBoundary[];
  villages?: Village[];
  layers?: ReferenceFeature[];
}

/** Replaces the given parts (call inside the caller's transaction). */
export function writeGeography(db: Database.Database, g: GeographyWrite): void {
  if (g.outline !== undefined) {
    db.prepare('DELETE FROM geo_outline').run();
    if (g.outline) db.prepare(outlineTable.insert).run(outlineTable.params({ id: 1, geometry: g.outline.geometry, source: g.outline.source }));
  }
  if (g.townships) {
    db.prepare('DELETE FROM geo_townships').run();
    const stmt = db.prepare(townshipTable.insert);
    for (const t of g.townships) stmt.run(townshipTable.params(t));
  }
  if (g.villages) {
    db.prepare('DELETE FROM geo_villages').run();
    const stmt = db.prepare(villagesTable.insert);
    for (const v of g.villages) {
      stmt.run(villagesTable.params(villageRow(v)));
    }
  }
  if (g.layers) {
    db.prepare('DELETE FROM geo_layers').run();
    const stmt = db.prepare(layersTable.insert);
    for (const l of g.layers) stmt.run(layersTable.params({ kind: l.kind, name: l.name, geometry: l.geometry, source: l.source }));
  }
}

export function projectSites(db: Database.Database, planId: number): Map<number, Position> {
  const out = new Map<number, Position>();
  for (const r of readAll(db, sitesTable, 'WHERE plan_id = @planId', { planId })) out.set(r.projectId, [r.lng, r.lat]);
  return out;
}

export function setProjectSite(db: Database.Database, planId: number, projectId: number, position: Position | null): void {
  if (position === null) db.prepare(sitesTable.remove).run({ planId, projectId });
  else db.prepare(sitesTable.upsert).run(sitesTable.params({ planId, projectId, lng: position[0], lat: position[1] }));
}

export function catchmentRows(db: Database.Database, planId: number): CatchmentRow[] {
  return readAll(db, catchmentsTable, 'WHERE plan_id = @planId ORDER BY stage, village', { planId });
}

/** Assigns villages to a school (null: removes the planner's assignment), in one transaction. */
export function assignCatchments(db: Database.Database, planId: number, stage: CoverageStage, villages: readonly string[], school: string | null): void {
  db.transaction(() => {
    const remove = db.prepare(catchmentsTable.remove);
    const upsert = db.prepare(catchmentsTable.upsert);
    for (const village of villages) {
      if (school === null) remove.run({ planId, stage, village });
      else upsert.run(catchmentsTable.params({ planId, stage, village, school }));
    }
  })();
}

/** A plan's sites and drawn catchments, as the plan's undo snapshot keeps them. */
export interface PlanGeoRows {
  sites: { projectId: number; lng: number; lat: number }[];
  catchments: { stage: CoverageStage; village: string; school: string }[];
}

export function planGeoRows(db: Database.Database, planId: number): PlanGeoRows {
  return {
    sites: readAll(db, sitesTable, 'WHERE plan_id = @planId ORDER BY project_id', { planId }).map((r) => ({ projectId: r.projectId, lng: r.lng, lat: r.lat })),
    catchments: catchmentRows(db, planId).map((r) => ({ stage: r.stage, village: r.village, school: r.school })),
  };
}

/** Puts back a plan's sites and drawn catchments (the caller holds the transaction). */
export function restorePlanGeoRows(db: Database.Database, planId: number, rows: PlanGeoRows): void {
  db.prepare('DELETE FROM plan_project_sites WHERE plan_id = @planId').run({ planId });
  db.prepare('DELETE FROM plan_catchments WHERE plan_id = @planId').run({ planId });
  const site = db.prepare(sitesTable.upsert);
  for (const r of rows.sites) site.run(sitesTable.params({ planId, ...r }));
  const catchment = db.prepare(catchmentsTable.upsert);
  for (const r of rows.catchments) catchment.run(catchmentsTable.params({ planId, ...r }));
}

