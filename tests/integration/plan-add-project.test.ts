// `cli plan-add-project` writes all or nothing: a bad entry anywhere leaves the plan tables as
// they were, the same file imported twice leaves one copy of each project, a file larger than
// one UI batch goes in whole, and a kill -9 mid-way leaves the file before or after, never between.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { insertCountyData } from '../../electron/backend/db/county-data';
import { createProjectFile } from '../../electron/backend/db/project-file';
import { planCounty } from '../fixtures/plan-county';
import type { PlanDetail } from '../../shared/plan';
import { resultOf } from '../helpers/backend';
import { tempDir } from '../helpers/temp';

const execRun = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');
const cli = path.resolve('electron/cli/main.ts');
const PLAN_TABLES = ['plans', 'plan_targets', 'plan_projects', 'plan_areas', 'plan_history'] as const;

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = tempDir('csp-plan-add-');
  env = { ...process.env, CSP_DATA_DIR: path.join(dir, 'cli-data') };
});

async function county(name = '小河县.csplan'): Promise<string> {
  const file = await createProjectFile(path.join(dir, name));
  insertCountyData(file.db, planCounty());
  file.close();
  return file.path;
}

/** Every row of the plan tables, and whether SQLite finds the file sound. */
function inspect(file: string): { tables: Record<(typeof PLAN_TABLES)[number], unknown[]>; integrity: unknown; foreignKeys: unknown[] } {
  const db = new Database(file);
  try {
    return {
      tables: Object.fromEntries(PLAN_TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()])) as Record<(typeof PLAN_TABLES)[number], unknown[]>,
      integrity: db.pragma('integrity_check', { simple: true }),
      foreignKeys: db.pragma('foreign_key_check') as unknown[],
    };
  } finally {
    db.close();
  }
}

function writeJson(name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

async function addProjects(file: string, json: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execRun(tsx, [cli, 'plan-add-project', file, json, ...args], { env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const newSchool = { type: '新建', name: '城关第二小学', kind: 'primary', township: '东城街道', classes: 12, seats: 540, completionYear: 2027 };
const closure = { type: '撤并', name: '青山乡中心小学撤并', school: '青山乡中心小学', completionYear: 2028, receivers: [{ school: '城关第一小学', share: 0.75 }, { school: '城关第二小学', share: 0.25 }] };

/** `n` new schools, each followed by an extension of it that names it: entries depend on earlier ones. */
function chain(n: number): object[] {
  return Array.from({ length: n }, (_, i) => [
    { ...newSchool, name: `新城第${i + 1}小学` },
    { type: '改扩建', name: `新城第${i + 1}小学扩建`, school: `新城第${i + 1}小学`, classes: 6, seats: 270, completionYear: 2029 },
  ]).flat();
}

describe('cli plan-add-project', () => {
  it('writes nothing when the third entry is wrong, with or without a plan already there', async () => {
    const file = await county();
    const bad = writeJson('坏.json', [newSchool, closure, { type: '改扩建', name: '不存在小学扩建', school: '不存在小学', classes: 6, completionYear: 2027 }]);
    const before = inspect(file);
    const first = await addProjects(file, bad);
    expect(first.code).not.toBe(0);
    expect(first.stderr).toContain('第 3 个项目“不存在小学扩建”：找不到名为“不存在小学”的学校');
    expect(inspect(file).tables).toEqual(before.tables);

    // A wrong value (not a name) in the third entry: refused before anything too.
    const typo = writeJson('错值.json', [newSchool, closure, { ...newSchool, name: '城关第三小学', seats: -5 }]);
    expect((await addProjects(file, typo)).code).not.toBe(0);
    expect(inspect(file).tables).toEqual(before.tables);

    const good = writeJson('好.json', [newSchool]);
    expect((await addProjects(file, good)).code).toBe(0);
    const withPlan = inspect(file);
    expect((await addProjects(file, bad)).code).not.toBe(0);
    expect(inspect(file).tables).toEqual(withPlan.tables);
  });

  it('updates instead of duplicating when the same file is added twice', async () => {
    const file = await county();
    const json = writeJson('项目.json', { projects: [newSchool, closure] });
    const first = await addProjects(file, json, '--plan', '十五五');
    // No plan of that name yet: refused, nothing created.
    expect(first.code).not.toBe(0);
    expect(inspect(file).tables.plans).toEqual([]);

    expect((await addProjects(file, json)).stdout).toContain('已添加 2 个项目到规划“十五五”：城关第二小学、青山乡中心小学撤并');
    const once = inspect(file).tables.plan_projects;
    const again = await addProjects(file, json, '--plan', '十五五');
    expect(again.stdout).toContain('已添加 0 个、更新 2 个项目到规划“十五五”');
    const twice = inspect(file).tables;
    expect(twice.plans).toHaveLength(1);
    expect(twice.plan_projects).toEqual(once);
  });

  it('adds 120 projects in one go, as one undoable edit', async () => {
    const file = await county();
    const json = writeJson('120.json', chain(60));
    const res = await addProjects(file, json, '--json');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toHaveLength(120);
    const { tables } = inspect(file);
    expect(tables.plans).toHaveLength(1);
    expect(tables.plan_projects).toHaveLength(120);
    expect(tables.plan_history).toHaveLength(1);
  });

  it('refuses more than the limit with nothing written', async () => {
    const file = await county();
    const json = writeJson('太多.json', chain(1001));
    const res = await addProjects(file, json);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain('一次最多导入 2000 个项目');
    expect(inspect(file).tables.plans).toEqual([]);
  });

  it('leaves the file before or after when killed mid-way, never in between', async () => {
    const base = await county('基准.csplan');
    const json = writeJson('大.json', chain(1000));
    const start = Date.now();
    const full = await addProjects(base, json);
    expect(full.code).toBe(0);
    const whole = Date.now() - start;
    const after = inspect(base).tables.plan_projects.length;
    expect(after).toBe(2000);

    const outcomes: string[] = [];
    for (const fraction of [0.5, 0.65, 0.8, 0.9, 1]) {
      const file = await county(`中断-${fraction}.csplan`);
      const child = spawn(tsx, [cli, 'plan-add-project', file, json], { env, stdio: 'ignore', detached: true });
      const exited = new Promise((resolve) => child.once('exit', resolve).once('error', resolve));
      await new Promise((resolve) => setTimeout(resolve, Math.round(whole * fraction)));
      // The whole process group: tsx runs the CLI in a child node process.
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        // Already finished.
      }
      await exited;
      const state = inspect(file);
      expect(state.integrity).toBe('ok');
      expect(state.foreignKeys).toEqual([]);
      const plans = state.tables.plans.length;
      const projects = state.tables.plan_projects.length;
      expect([[0, 0], [1, after]]).toContainEqual([plans, projects]);
      outcomes.push(plans === 0 ? 'before' : 'after');
    }
    expect(outcomes).toHaveLength(5);
  });
});

describe('plan.importProjects', () => {
  it('refuses a file naming the same project twice, and undoes a whole import in one step', async () => {
    const file = await county();
    const backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'cli' });
    try {
      await resultOf(backend.dispatch('project.open', { path: file }));
      const twice = await backend.dispatch('plan.importProjects', { projects: [newSchool, closure, newSchool] });
      expect(twice).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '第 3 个项目“城关第二小学”：与第 1 个项目的类型、名称和学校都相同，同一文件中只能写一次。' } });
      expect(await resultOf(backend.dispatch('plan.list', {}))).toEqual([]);

      const { plan } = await resultOf<{ plan: PlanDetail }>(backend.dispatch('plan.importProjects', { projects: chain(3) }));
      expect(plan.projects).toHaveLength(6);
      expect(plan.projects[1]?.school).toBe(`new:${plan.projects[0]?.id}`);
      expect(plan.history.undo).toBe('导入 6 个项目');
      const undone = await resultOf<PlanDetail>(backend.dispatch('plan.undo', { plan: plan.id }));
      expect(undone.projects).toEqual([]);
    } finally {
      backend.close();
    }
  });
});
