// Plans in the project file (schema v4): typed reads and writes, and whole-plan snapshots
// for undo. Every table is one descriptor over the shared plan records (shared/plan/model.ts). A snapshot
// is the plan's own rows as JSON; restoring one rewrites them with their ids, so references
// between projects (a closure's receiver `new:<id>`) survive.
import type Database from 'better-sqlite3';
import { groupActionSchema, planProjectSchema, readSettings, type GroupAction, targetInputSchema, type Plan, type PlanHeader, type PlanProject, type PlanTarget, type Receiver } from '../../../shared/plan';
import { planGeoRows, restorePlanGeoRows, type PlanGeoRows } from './geo';
import { defineTable, readAll, readOne, snakeColumns, type Table } from './table';

/** The plans row: settings stay JSON text until the plan is read whole (readSettings fills defaults). */
export interface PlanRowDb extends PlanHeader {
  settings: string;
  createdAt: string;
  updatedAt: string;
}

type PlanRowFields = Pick<PlanRowDb, 'name' | 'baseYear' | 'targetYear' | 'outlookYear' | 'scenario' | 'settings'>;

const plans = defineTable<PlanRowDb>({
  name: 'plans',
  key: ['id'],
  columns: {
    id: { column: 'id', generated: true },
    name: 'name',
    baseYear: 'base_year',
    targetYear: 'target_year',
    outlookYear: 'outlook_year',
    scenario: 'scenario',
    settings: 'settings',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
});

type Owned<R> = R & { planId: number };

// Columns follow the record schemas field by field (a new project field is its schema line
// and its migration). The id is inserted too: NULL lets SQLite assign one, a snapshot's id is kept.
const projects = defineTable<Owned<PlanProject>>({
  name: 'plan_projects',
  key: ['planId', 'id'],
  columns: snakeColumns<Owned<PlanProject>>([...Object.keys(planProjectSchema.shape), 'planId'], {
    receivers: { column: 'receivers', json: true, fallback: [] },
    schoolGroup: { column: 'school_group', json: true, fallback: null },
  }),
});

const targets = defineTable<Owned<PlanTarget> & { sort: number }>({
  name: 'plan_targets',
  key: ['planId', 'key'],
  columns: snakeColumns([...Object.keys(targetInputSchema.shape), 'planId', 'sort']),
});

const areas = defineTable<{ planId: number; township: string; area: string }>({
  name: 'plan_areas',
  key: ['planId', 'township'],
  columns: { planId: 'plan_id', township: 'township', area: 'area' },
});

interface HistoryEntry {
  id: number;
  planId: number;
  stack: 'undo' | 'redo';
  label: string;
  snapshot: string;
  at: string;
}

const history = defineTable<HistoryEntry>({
  name: 'plan_history',
  key: ['id'],
  columns: { id: { column: 'id', generated: true }, planId: 'plan_id', stack: 'stack', label: 'label', snapshot: 'snapshot', at: 'at' },
});

function run<R>(db: Database.Database, sql: string, t: Table<R>, record: Partial<R>): Database.RunResult {
  return db.prepare(sql).run(t.params(record));
}

/** A malformed stored receiver is dropped rather than failing the whole plan. */
function validReceivers(v: unknown): Receiver[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((r): r is Receiver => typeof r?.school === 'string' && typeof r?.share === 'number')
    .map((r) => ({ school: r.school, share: r.share }));
}

/** Likewise a malformed stored group reads as none (the project then asks for one). */
function validGroupAction(v: unknown): GroupAction | null {
  const parsed = groupActionSchema.safeParse(v);
  return v !== null && parsed.success ? parsed.data : null;
}

export function planRows(db: Database.Database): PlanRowDb[] {
  return readAll(db, plans, 'ORDER BY id');
}

export function planRow(db: Database.Database, id: number): PlanRowDb | null {
  return readOne(db, plans, 'WHERE id = @id', { id });
}

export function planIdByName(db: Database.Database, name: string): number | null {
  return (db.prepare('SELECT id FROM plans WHERE name = @name').pluck().get({ name }) as number | undefined) ?? null;
}

export function planCounts(db: Database.Database): Map<number, { targets: number; projects: number; investment: number }> {
  const rows = db
    .prepare(`SELECT p.id AS id,
        (SELECT count(*) FROM plan_targets t WHERE t.plan_id = p.id) AS targets,
        (SELECT count(*) FROM plan_projects j WHERE j.plan_id = p.id) AS projects,
        (SELECT coalesce(sum(investment), 0) FROM plan_projects j WHERE j.plan_id = p.id AND j.status <> '暂缓') AS investment
      FROM plans p`)
    .all() as { id: number; targets: number; projects: number; investment: number }[];
  return new Map(rows.map((r) => [r.id, r]));
}

export function readTargets(db: Database.Database, planId: number): PlanTarget[] {
  return readAll(db, targets, 'WHERE plan_id = @planId ORDER BY sort, key', { planId }).map(({ planId: _p, sort: _s, ...t }) => t);
}

export function readProjects(db: Database.Database, planId: number): PlanProject[] {
  return readAll(db, projects, 'WHERE plan_id = @planId ORDER BY id', { planId }).map(({ planId: _p, ...p }) => ({
    ...p,
    receivers: validReceivers(p.receivers),
    schoolGroup: validGroupAction(p.schoolGroup),
  }));
}

export function readAreas(db: Database.Database, planId: number): Record<string, string> {
  return Object.fromEntries(readAll(db, areas, 'WHERE plan_id = @planId', { planId }).map((r) => [r.township, r.area]));
}

export function readPlan(db: Database.Database, id: number): (Plan & { createdAt: string; updatedAt: string }) | null {
  const row = planRow(db, id);
  if (!row) return null;
  return {
    ...row,
    settings: readSettings(row.settings),
    targets: readTargets(db, id),
    projects: readProjects(db, id),
    areas: readAreas(db, id),
  };
}

// ---- Writes -------------------------------------------------------------------------

export function insertPlan(db: Database.Database, plan: Omit<Plan, 'id'>, now: string): number {
  const info = run(db, plans.insert, plans, { ...plan, settings: JSON.stringify(plan.settings), createdAt: now, updatedAt: now });
  const id = Number(info.lastInsertRowid);
  writeTargets(db, id, plan.targets);
  for (const p of plan.projects) insertProject(db, id, p, p.id);
  writeAreas(db, id, plan.areas);
  return id;
}

const UPDATE_PLAN_ROW = plans.updateOf(['name', 'baseYear', 'targetYear', 'outlookYear', 'scenario', 'settings', 'updatedAt']);
const TOUCH_PLAN = plans.updateOf(['updatedAt']);

export function updatePlanRow(db: Database.Database, id: number, fields: PlanRowFields, now: string): void {
  run(db, UPDATE_PLAN_ROW, plans, { ...fields, id, updatedAt: now });
}

export function touchPlan(db: Database.Database, id: number, now: string): void {
  run(db, TOUCH_PLAN, plans, { id, updatedAt: now });
}

export function deletePlanRow(db: Database.Database, id: number): boolean {
  return db.prepare('DELETE FROM plans WHERE id = @id').run({ id }).changes > 0;
}

export function writeTargets(db: Database.Database, planId: number, list: readonly PlanTarget[]): void {
  db.prepare('DELETE FROM plan_targets WHERE plan_id = @planId').run({ planId });
  const insert = db.prepare(targets.insert);
  list.forEach((t, sort) => insert.run(targets.params({ ...t, planId, sort })));
}

/** Inserts with the given id (restoring a snapshot) or a fresh one; returns the id. */
export function insertProject(db: Database.Database, planId: number, p: Omit<PlanProject, 'id'>, id?: number): number {
  return Number(run(db, projects.insert, projects, { ...p, id, planId }).lastInsertRowid);
}

export function updateProject(db: Database.Database, planId: number, id: number, p: Omit<PlanProject, 'id'>): boolean {
  return run(db, projects.update, projects, { ...p, id, planId }).changes > 0;
}

export function deleteProject(db: Database.Database, planId: number, id: number): boolean {
  return db.prepare('DELETE FROM plan_projects WHERE id = @id AND plan_id = @planId').run({ id, planId }).changes > 0;
}

export function writeAreas(db: Database.Database, planId: number, byTownship: Record<string, string>): void {
  db.prepare('DELETE FROM plan_areas WHERE plan_id = @planId').run({ planId });
  const insert = db.prepare(areas.insert);
  for (const [township, area] of Object.entries(byTownship)) if (area) insert.run(areas.params({ planId, township, area }));
}

// ---- Undo history ---------------------------------------------------------------------

/** Edits remembered per plan and stack; older ones are forgotten. */
export const HISTORY_DEPTH = 100;

interface Snapshot {
  row: PlanRowFields;
  targets: PlanTarget[];
  projects: PlanProject[];
  areas: Record<string, string>;
  /** Project sites and drawn catchments (absent in snapshots taken before they were kept). */
  geo?: PlanGeoRows;
}

export function snapshotPlan(db: Database.Database, planId: number): string | null {
  const row = planRow(db, planId);
  if (!row) return null;
  const snap: Snapshot = {
    row: { name: row.name, baseYear: row.baseYear, targetYear: row.targetYear, outlookYear: row.outlookYear, scenario: row.scenario, settings: row.settings },
    targets: readTargets(db, planId),
    projects: readProjects(db, planId),
    areas: readAreas(db, planId),
    geo: planGeoRows(db, planId),
  };
  return JSON.stringify(snap);
}

export function restorePlan(db: Database.Database, planId: number, json: string, now: string): void {
  const snap = JSON.parse(json) as Snapshot;
  updatePlanRow(db, planId, snap.row, now);
  writeTargets(db, planId, snap.targets);
  db.prepare('DELETE FROM plan_projects WHERE plan_id = @planId').run({ planId });
  for (const p of snap.projects) insertProject(db, planId, p, p.id);
  writeAreas(db, planId, snap.areas);
  if (snap.geo) restorePlanGeoRows(db, planId, snap.geo);
}

export function pushHistory(db: Database.Database, planId: number, stack: 'undo' | 'redo', label: string, snapshot: string, now: string): void {
  run(db, history.insert, history, { planId, stack, label, snapshot, at: now });
  db.prepare(`DELETE FROM plan_history WHERE plan_id = @planId AND stack = @stack AND id NOT IN
      (SELECT id FROM plan_history WHERE plan_id = @planId AND stack = @stack ORDER BY id DESC LIMIT @depth)`)
    .run({ planId, stack, depth: HISTORY_DEPTH });
}

export function popHistory(db: Database.Database, planId: number, stack: 'undo' | 'redo'): { label: string; snapshot: string } | null {
  const top = readOne(db, history, 'WHERE plan_id = @planId AND stack = @stack ORDER BY id DESC LIMIT 1', { planId, stack });
  if (!top) return null;
  db.prepare('DELETE FROM plan_history WHERE id = @id').run({ id: top.id });
  return { label: top.label, snapshot: top.snapshot };
}

export function clearHistory(db: Database.Database, planId: number, stack: 'undo' | 'redo'): void {
  db.prepare('DELETE FROM plan_history WHERE plan_id = @planId AND stack = @stack').run({ planId, stack });
}

export function historyTops(db: Database.Database, planId: number): { undo: string | null; redo: string | null; undoCount: number } {
  const top = (stack: string) =>
    (db.prepare('SELECT label FROM plan_history WHERE plan_id = @planId AND stack = @stack ORDER BY id DESC LIMIT 1').pluck().get({ planId, stack }) as
      | string
      | undefined) ?? null;
  const undoCount = db.prepare("SELECT count(*) FROM plan_history WHERE plan_id = @planId AND stack = 'undo'").pluck().get({ planId }) as number;
  return { undo: top('undo'), redo: top('redo'), undoCount };
}
