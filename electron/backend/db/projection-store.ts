// Scenarios, developments and projection settings in the project file (schema v3). Rows
// hold JSON that the service parses through the shared zod schemas.
import type Database from 'better-sqlite3';

export interface ScenarioRow {
  name: string;
  params: string;
  sort: number;
}

export interface DevelopmentRow {
  id: number;
  name: string;
  township: string;
  dwellings: number | null;
  residents: number | null;
  completionYear: number;
  scenario: string | null;
  reserveKind: string | null;
  reserveSetting: string | null;
}

export function scenarioRows(db: Database.Database): ScenarioRow[] {
  return db.prepare('SELECT name, params, sort FROM scenarios ORDER BY sort, name').all() as ScenarioRow[];
}

/** Replaces the whole list in one transaction: order, renames and edits land together. */
export function writeScenarios(db: Database.Database, rows: readonly { name: string; params: string; previousName?: string }[]): void {
  const now = new Date().toISOString();
  const existing = new Set(scenarioRows(db).map((r) => r.name));
  const rename = db.prepare('UPDATE scenarios SET name = ? WHERE name = ?');
  const upsert = db.prepare(`INSERT INTO scenarios (name, params, sort, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT(name) DO UPDATE SET params = excluded.params, sort = excluded.sort, updated_at = excluded.updated_at`);
  const remove = db.prepare('DELETE FROM scenarios WHERE name = ?');
  db.transaction(() => {
    for (const r of rows) {
      // Renaming in place keeps the developments tied to the scenario (ON UPDATE CASCADE).
      if (r.previousName && r.previousName !== r.name && existing.has(r.previousName)) {
        rename.run(r.name, r.previousName);
        existing.delete(r.previousName);
        existing.add(r.name);
      }
    }
    const keep = new Set(rows.map((r) => r.name));
    for (const name of existing) if (!keep.has(name)) remove.run(name);
    rows.forEach((r, i) => upsert.run(r.name, r.params, i, now));
  })();
}

export function developmentRows(db: Database.Database): DevelopmentRow[] {
  return db
    .prepare(`SELECT id, name, township, dwellings, residents, completion_year AS completionYear, scenario,
        reserve_kind AS reserveKind, reserve_setting AS reserveSetting
      FROM developments ORDER BY completion_year, id`)
    .all() as DevelopmentRow[];
}

export function upsertDevelopment(db: Database.Database, d: Omit<DevelopmentRow, 'id'> & { id?: number }): number {
  if (d.id !== undefined) {
    const info = db
      .prepare(`UPDATE developments SET name = ?, township = ?, dwellings = ?, residents = ?, completion_year = ?, scenario = ?,
        reserve_kind = ?, reserve_setting = ? WHERE id = ?`)
      .run(d.name, d.township, d.dwellings, d.residents, d.completionYear, d.scenario, d.reserveKind, d.reserveSetting, d.id);
    return info.changes > 0 ? d.id : -1;
  }
  const info = db
    .prepare(`INSERT INTO developments (name, township, dwellings, residents, completion_year, scenario, reserve_kind, reserve_setting)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(d.name, d.township, d.dwellings, d.residents, d.completionYear, d.scenario, d.reserveKind, d.reserveSetting);
  return Number(info.lastInsertRowid);
}

export function deleteDevelopment(db: Database.Database, id: number): boolean {
  return db.prepare('DELETE FROM developments WHERE id = ?').run(id).changes > 0;
}

export function settingsJson(db: Database.Database): string | null {
  return (db.prepare('SELECT params FROM projection_settings WHERE id = 1').pluck().get() as string | undefined) ?? null;
}

export function writeSettings(db: Database.Database, json: string): void {
  db.prepare(`INSERT INTO projection_settings (id, params, updated_at) VALUES (1, ?, ?)
    ON CONFLICT(id) DO UPDATE SET params = excluded.params, updated_at = excluded.updated_at`).run(json, new Date().toISOString());
}

/**
 * Counts every row this connection has written since it opened. The file is opened with an
 * exclusive lock, so no one else writes: an unchanged count means unchanged data, which is
 * what lets the projection keep its calibration between calls.
 */
export function changeCounter(db: Database.Database): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}
