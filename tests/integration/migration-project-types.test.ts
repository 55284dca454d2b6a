// Migration v11 rebuilds plan_projects without the CHECK on the type: a version-7 file with a plan keeps
// every project (ids included, so a closure's receiver `new:<id>` still resolves), ends with
// the same table as a new file, and then takes the facilities-only and 寄宿 types.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { insertCountyData } from '../../electron/backend/db/county-data';
import { APPLICATION_ID, MIGRATIONS } from '../../electron/backend/db/migrations/index';
import { createProjectFile, openProjectFile } from '../../electron/backend/db/project-file';
import type { PlanDetail } from '../../shared/plan';
import { J1, P1, P2, planCounty, T2 } from '../fixtures/plan-county';
import { withBackend } from '../helpers/with-backend';

const session = withBackend('csp-v11-');
const { ok } = session;

const COLUMNS = 'id, plan_id, type, name, school, kind, township, classes, seats, start_year, completion_year, receivers';

/** A project file as version 7 left it: a plan with a 新建 (id 5) and a 撤并 into it (id 9). */
async function version7File(): Promise<string> {
  const file = path.join(session.dir, '旧版.csplan');
  const empty = new Database(file);
  empty.pragma(`application_id = ${APPLICATION_ID}`);
  empty.close();
  const old = await openProjectFile(file, { migrations: MIGRATIONS.slice(0, 7) });
  insertCountyData(old.db, planCounty());
  old.db.exec(`
    INSERT INTO plans (id, name, base_year, target_year, outlook_year, created_at, updated_at)
      VALUES (1, '十五五', 2024, 2029, 2034, '2025-01-01', '2025-01-01');
    INSERT INTO plan_projects (${COLUMNS}) VALUES
      (5, 1, '新建', '城关第二小学', NULL, 'primary', '${T2}', 12, 540, 2025, 2027, '[]'),
      (9, 1, '撤并', '青山乡中心小学撤并', '${P2}', NULL, NULL, 0, 0, 2026, 2027, '[{"school":"new:5","share":1}]');
  `);
  expect(old.db.pragma('user_version', { simple: true })).toBe(7);
  old.close();
  return file;
}

function projectRows(file: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT ${COLUMNS} FROM plan_projects ORDER BY id`).raw().all();
  } finally {
    db.close();
  }
}

function tableShape(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return {
      columns: db.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)').all('plan_projects'),
      keys: db.prepare('SELECT "table", "from", "to", on_delete FROM pragma_foreign_key_list(?)').all('plan_projects'),
      indexes: db.prepare("SELECT name FROM pragma_index_list(?) WHERE origin = 'c'").all('plan_projects'),
    };
  } finally {
    db.close();
  }
}

describe('migration v11 (project types checked in code)', () => {
  it('keeps every project and id of a version-7 file and then stores the new types', async () => {
    const file = await version7File();
    const before = projectRows(file);
    expect(before).toHaveLength(2);

    await ok('project.open', { path: file });
    const plan = await ok<PlanDetail>('plan.get', { plan: 1 });
    expect(plan.projects.map((p) => [p.id, p.type, p.boardingPlaces])).toEqual([[5, '新建', 0], [9, '撤并', 0]]);
    expect(plan.projects[1]?.receivers).toEqual([{ school: 'new:5', share: 1 }]);
    session.backend.close();
    expect(projectRows(file)).toEqual(before);
    const fresh = await createProjectFile(path.join(session.dir, '新建.csplan'));
    fresh.close();
    expect(tableShape(file)).toEqual(tableShape(fresh.path));
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'plan_projects'").pluck().get()).not.toMatch(/type IN/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    session.restart();
    await ok('project.open', { path: file });
    const after = await ok<PlanDetail>('plan.addProjects', {
      plan: 1,
      projects: [
        { type: '运动场', name: '城关第一小学运动场改造', school: P1, siteArea: 6000, completionYear: 2026 },
        { type: '寄宿', name: '城关初级中学寄宿部', school: J1, boardingPlaces: 300, completionYear: 2027 },
      ],
    });
    const added = after.projects.filter((p) => p.id !== 5 && p.id !== 9);
    expect(added.map((p) => [p.type, p.seats, p.boardingPlaces])).toEqual([['运动场', 0, 0], ['寄宿', 0, 300]]);
    // 运动场: 6,000 ㎡ × 200 元/㎡ 室外工程 = 120 万元, no land on the school's own site.
    // 寄宿: 300 places × (4.0 ㎡ dormitory + 1.5 ㎡ canteen) = 1,650 ㎡; × 3,000 元/㎡ = 495 万元.
    expect(added.map((p) => [p.floorArea, p.investment])).toEqual([[null, 120], [1650, 495]]);
  });
});
