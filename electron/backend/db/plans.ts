// Plans in the project file (schema v4): typed reads and writes, and whole-plan snapshots
// for undo. A snapshot is the plan's own rows as JSON; restoring one rewrites them with
// their ids, so references between projects (a closure's receiver `new:<id>`) survive.
import type Database from 'better-sqlite3';
import { readSettings, type Plan, type PlanProject, type PlanTarget, type Receiver } from '../../../shared/plan';

export interface PlanRowDb {
  id: number;
  name: string;
  baseYear: number;
  targetYear: number;
  outlookYear: number;
  scenario: string;
  settings: string;
  createdAt: string;
  updatedAt: string;
}

const PLAN_COLUMNS = `id, name, base_year AS baseYear, target_year AS targetYear, outlook_year AS outlookYear,
  scenario, settings, created_at AS createdAt, updated_at AS updatedAt`;

interface ProjectRowDb {
  id: number;
  type: PlanProject['type'];
  name: string;
  school: string | null;
  kind: PlanProject['kind'];
  ownership: PlanProject['ownership'];
  township: string | null;
  stage: PlanProject['stage'];
  classes: number;
  seats: number;
  floorArea: number | null;
  siteArea: number | null;
  investment: number | null;
  startYear: number;
  completionYear: number;
  funding: string;
  status: PlanProject['status'];
  receivers: string;
  note: string;
}

const PROJECT_COLUMNS = `id, type, name, school, kind, ownership, township, stage, classes, seats,
  floor_area AS floorArea, site_area AS siteArea, investment, start_year AS startYear,
  completion_year AS completionYear, funding, status, receivers, note`;

function parseReceivers(json: string): Receiver[] {
  try {
    const v = JSON.parse(json) as unknown;
    if (!Array.isArray(v)) return [];
    return v
      .filter((r): r is Receiver => typeof r?.school === 'string' && typeof r?.share === 'number')
      .map((r) => ({ school: r.school, share: r.share }));
  } catch {
    return [];
  }
}

export function planRows(db: Database.Database): PlanRowDb[] {
  return db.prepare(`SELECT ${PLAN_COLUMNS} FROM plans ORDER BY id`).all() as PlanRowDb[];
}

export function planRow(db: Database.Database, id: number): PlanRowDb | null {
  return (db.prepare(`SELECT ${PLAN_COLUMNS} FROM plans WHERE id = ?`).get(id) as PlanRowDb | undefined) ?? null;
}

export function planIdByName(db: Database.Database, name: string): number | null {
  return (db.prepare('SELECT id FROM plans WHERE name = ?').pluck().get(name) as number | undefined) ?? null;
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
  return db
    .prepare(`SELECT key, name, unit, comparator, target, attribute, manual_base AS manualBase, manual_projected AS manualProjected
      FROM plan_targets WHERE plan_id = ? ORDER BY sort, key`)
    .all(planId) as PlanTarget[];
}

export function readProjects(db: Database.Database, planId: number): PlanProject[] {
  return (db.prepare(`SELECT ${PROJECT_COLUMNS} FROM plan_projects WHERE plan_id = ? ORDER BY id`).all(planId) as ProjectRowDb[]).map((r) => ({
    ...r,
    receivers: parseReceivers(r.receivers),
  }));
}

export function readAreas(db: Database.Database, planId: number): Record<string, string> {
  const rows = db.prepare('SELECT township, area FROM plan_areas WHERE plan_id = ?').all(planId) as { township: string; area: string }[];
  return Object.fromEntries(rows.map((r) => [r.township, r.area]));
}

export function readPlan(db: Database.Database, id: number): (Plan & { createdAt: string; updatedAt: string }) | null {
  const row = planRow(db, id);
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    baseYear: row.baseYear,
    targetYear: row.targetYear,
    outlookYear: row.outlookYear,
    scenario: row.scenario,
    settings: readSettings(row.settings),
    targets: readTargets(db, id),
    projects: readProjects(db, id),
    areas: readAreas(db, id),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

// ---- Writes -------------------------------------------------------------------------

export function insertPlan(db: Database.Database, plan: Omit<Plan, 'id'>, now: string): number {
  const info = db
    .prepare(`INSERT INTO plans (name, base_year, target_year, outlook_year, scenario, settings, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(plan.name, plan.baseYear, plan.targetYear, plan.outlookYear, plan.scenario, JSON.stringify(plan.settings), now, now);
  const id = Number(info.lastInsertRowid);
  writeTargets(db, id, plan.targets);
  for (const p of plan.projects) insertProject(db, id, p, p.id);
  writeAreas(db, id, plan.areas);
  return id;
}

export function updatePlanRow(
  db: Database.Database,
  id: number,
  fields: Pick<PlanRowDb, 'name' | 'baseYear' | 'targetYear' | 'outlookYear' | 'scenario' | 'settings'>,
  now: string,
): void {
  db.prepare(`UPDATE plans SET name = ?, base_year = ?, target_year = ?, outlook_year = ?, scenario = ?, settings = ?, updated_at = ?
      WHERE id = ?`)
    .run(fields.name, fields.baseYear, fields.targetYear, fields.outlookYear, fields.scenario, fields.settings, now, id);
}

export function touchPlan(db: Database.Database, id: number, now: string): void {
  db.prepare('UPDATE plans SET updated_at = ? WHERE id = ?').run(now, id);
}

export function deletePlanRow(db: Database.Database, id: number): boolean {
  return db.prepare('DELETE FROM plans WHERE id = ?').run(id).changes > 0;
}

export function writeTargets(db: Database.Database, planId: number, targets: readonly PlanTarget[]): void {
  db.prepare('DELETE FROM plan_targets WHERE plan_id = ?').run(planId);
  const insert = db.prepare(`INSERT INTO plan_targets (plan_id, key, sort, name, unit, comparator, target, attribute, manual_base, manual_projected)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  targets.forEach((t, i) => insert.run(planId, t.key, i, t.name, t.unit, t.comparator, t.target, t.attribute, t.manualBase, t.manualProjected));
}

/** Inserts with the given id (restoring a snapshot) or a fresh one; returns the id. */
export function insertProject(db: Database.Database, planId: number, p: Omit<PlanProject, 'id'>, id?: number): number {
  const info = db
    .prepare(`INSERT INTO plan_projects (id, plan_id, type, name, school, kind, ownership, township, stage, classes, seats,
        floor_area, site_area, investment, start_year, completion_year, funding, status, receivers, note)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(id ?? null, planId, p.type, p.name, p.school, p.kind, p.ownership, p.township, p.stage, p.classes, p.seats,
      p.floorArea, p.siteArea, p.investment, p.startYear, p.completionYear, p.funding, p.status, JSON.stringify(p.receivers), p.note);
  return Number(info.lastInsertRowid);
}

export function updateProject(db: Database.Database, planId: number, id: number, p: Omit<PlanProject, 'id'>): boolean {
  return (
    db
      .prepare(`UPDATE plan_projects SET type = ?, name = ?, school = ?, kind = ?, ownership = ?, township = ?, stage = ?,
          classes = ?, seats = ?, floor_area = ?, site_area = ?, investment = ?, start_year = ?, completion_year = ?, funding = ?,
          status = ?, receivers = ?, note = ? WHERE id = ? AND plan_id = ?`)
      .run(p.type, p.name, p.school, p.kind, p.ownership, p.township, p.stage, p.classes, p.seats, p.floorArea, p.siteArea,
        p.investment, p.startYear, p.completionYear, p.funding, p.status, JSON.stringify(p.receivers), p.note, id, planId).changes > 0
  );
}

export function deleteProject(db: Database.Database, planId: number, id: number): boolean {
  return db.prepare('DELETE FROM plan_projects WHERE id = ? AND plan_id = ?').run(id, planId).changes > 0;
}

export function writeAreas(db: Database.Database, planId: number, areas: Record<string, string>): void {
  db.prepare('DELETE FROM plan_areas WHERE plan_id = ?').run(planId);
  const insert = db.prepare('INSERT INTO plan_areas (plan_id, township, area) VALUES (?, ?, ?)');
  for (const [township, area] of Object.entries(areas)) if (area) insert.run(planId, township, area);
}

// ---- Undo history ---------------------------------------------------------------------

/** Edits remembered per plan and stack; older ones are forgotten. */
export const HISTORY_DEPTH = 100;

interface Snapshot {
  row: Pick<PlanRowDb, 'name' | 'baseYear' | 'targetYear' | 'outlookYear' | 'scenario' | 'settings'>;
  targets: PlanTarget[];
  projects: PlanProject[];
  areas: Record<string, string>;
}

export function snapshotPlan(db: Database.Database, planId: number): string | null {
  const row = planRow(db, planId);
  if (!row) return null;
  const snap: Snapshot = {
    row: { name: row.name, baseYear: row.baseYear, targetYear: row.targetYear, outlookYear: row.outlookYear, scenario: row.scenario, settings: row.settings },
    targets: readTargets(db, planId),
    projects: readProjects(db, planId),
    areas: readAreas(db, planId),
  };
  return JSON.stringify(snap);
}

export function restorePlan(db: Database.Database, planId: number, json: string, now: string): void {
  const snap = JSON.parse(json) as Snapshot;
  updatePlanRow(db, planId, snap.row, now);
  writeTargets(db, planId, snap.targets);
  db.prepare('DELETE FROM plan_projects WHERE plan_id = ?').run(planId);
  for (const p of snap.projects) insertProject(db, planId, p, p.id);
  writeAreas(db, planId, snap.areas);
}

export function pushHistory(db: Database.Database, planId: number, stack: 'undo' | 'redo', label: string, snapshot: string, now: string): void {
  db.prepare('INSERT INTO plan_history (plan_id, stack, label, snapshot, at) VALUES (?, ?, ?, ?, ?)').run(planId, stack, label, snapshot, now);
  db.prepare(`DELETE FROM plan_history WHERE plan_id = ? AND stack = ? AND id NOT IN
      (SELECT id FROM plan_history WHERE plan_id = ? AND stack = ? ORDER BY id DESC LIMIT ?)`)
    .run(planId, stack, planId, stack, HISTORY_DEPTH);
}

export function popHistory(db: Database.Database, planId: number, stack: 'undo' | 'redo'): { label: string; snapshot: string } | null {
  const row = db
    .prepare('SELECT id, label, snapshot FROM plan_history WHERE plan_id = ? AND stack = ? ORDER BY id DESC LIMIT 1')
    .get(planId, stack) as { id: number; label: string; snapshot: string } | undefined;
  if (!row) return null;
  db.prepare('DELETE FROM plan_history WHERE id = ?').run(row.id);
  return { label: row.label, snapshot: row.snapshot };
}

export function clearHistory(db: Database.Database, planId: number, stack: 'undo' | 'redo'): void {
  db.prepare('DELETE FROM plan_history WHERE plan_id = ? AND stack = ?').run(planId, stack);
}

export function historyTops(db: Database.Database, planId: number): { undo: string | null; redo: string | null; undoCount: number } {
  const top = (stack: string) =>
    (db.prepare('SELECT label FROM plan_history WHERE plan_id = ? AND stack = ? ORDER BY id DESC LIMIT 1').pluck().get(planId, stack) as string | undefined) ?? null;
  const undoCount = db.prepare("SELECT count(*) FROM plan_history WHERE plan_id = ? AND stack = 'undo'").pluck().get(planId) as number;
  return { undo: top('undo'), redo: top('redo'), undoCount };
}
