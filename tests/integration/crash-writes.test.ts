// kill -9 during every kind of write: import, import undo, plan edits, project details, backup
// and restore. After each kill the project must open the normal way, pass SQLite's checks,
// hold exactly the data from before or from after the write, and list only whole backups.
// Every other kill waits for the write to begin (the WAL, a backup or a restore copy appearing);
// delays come from a seeded generator (CRASH_SEED), CRASH_TRIES kills per kind (2 by default).
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { backupDir, listBackups } from '../../electron/backend/db/backups';
import { verifyProjectCopy } from '../../electron/backend/db/inspect-file';
import { openProjectFile } from '../../electron/backend/db/project-file';
import { toXlsxBytes } from '../../electron/backend/io/table-writer';
import type { DataTable } from '../../shared/templates/layouts';
import { generateCounty } from '../../shared/sample';
import { openSampleCounty, projectFile, resultOf } from '../helpers/backend';
import { dumpData } from '../helpers/project';
import { tempDir } from '../helpers/temp';

const execRun = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');
const cli = path.resolve('electron/cli/main.ts');
const driver = path.resolve('tests/helpers/crash-driver.ts');
const TRIES = Number(process.env.CRASH_TRIES ?? 2);
const SEED = Number(process.env.CRASH_SEED ?? 20261129);

/** mulberry32: the same delays on every run with the same seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let dir: string;
let env: NodeJS.ProcessEnv;
const summary: { kind: string; tries: number; midWrite: number; before: number; after: number; finished: number; ms: number }[] = [];

/** Times and backup names differ between two runs of the same write; nothing else may. */
function canonical(project: string, backups = false): string {
  return (backups ? `备份 ${listBackups(project).length} 个` : '') + JSON.stringify(dumpData(project)).replace(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?Z?/g, '<时间>').replace(/\d{8}-\d{6}-\d{3}-[^"\\]*?\.csplan/g, '<备份>');
}

function copyProject(from: string, to: string): string {
  for (const side of ['', '-wal']) if (fs.existsSync(from + side)) fs.copyFileSync(from + side, to + side);
  if (fs.existsSync(backupDir(from))) fs.cpSync(backupDir(from), backupDir(to), { recursive: true });
  return to;
}

async function run(args: string[]): Promise<string> {
  const { stdout } = await execRun(tsx, args, { env, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** Opens through the app's own path, then checks the file as SQLite and as the planner sees it. */
async function soundState(project: string, backups = false): Promise<string> {
  (await openProjectFile(project)).close();
  const db = new Database(project, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  } finally {
    db.close();
  }
  for (const b of listBackups(project)) verifyProjectCopy(path.join(backupDir(project), b.file), 'integrity_check');
  return canonical(project, backups);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the project's WAL, a backup being written or a restore copy appears; false if none did in time. */
async function writeBegins(project: string, limit: number, exited: () => boolean): Promise<boolean> {
  const end = Date.now() + limit;
  while (Date.now() < end && !exited()) {
    if ((fs.statSync(`${project}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0) return true;
    if (fs.existsSync(`${project}.restoring`)) return true;
    if (fs.existsSync(backupDir(project)) && fs.readdirSync(backupDir(project)).some((f) => f.endsWith('.part'))) return true;
    await sleep(5);
  }
  return false;
}

/** The tsx wrapper's exit comes before its child node process is gone and the file lock with it. */
async function groupGone(pid: number): Promise<void> {
  for (;;) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Write {
  kind: string;
  /** A project in the state before the write (copied for every try). */
  template: () => Promise<string>;
  args: (project: string) => string[];
  /** The write is a backup: how many are listed is part of the state. */
  backups?: boolean;
  /** Told of the reference run: the project after the write and the command's output. */
  done?: (project: string, stdout: string) => void;
}

async function crash(write: Write, seed: number): Promise<void> {
  const template = await write.template();
  const before = canonical(template, write.backups);
  const reference = copyProject(template, path.join(dir, `${write.kind}-完整.csplan`));
  const start = Date.now();
  const out = await run(write.args(reference));
  write.done?.(reference, out);
  const whole = Date.now() - start;
  const after = await soundState(reference, write.backups);
  expect(after).not.toBe(before);

  const next = random(seed);
  const row = { kind: write.kind, tries: 0, midWrite: 0, before: 0, after: 0, finished: 0, ms: whole };
  summary.push(row);
  for (let i = 0; i < TRIES; i++) {
    const file = copyProject(template, path.join(dir, `${write.kind}-${i}.csplan`));
    const child = spawn(tsx, write.args(file), { env, stdio: 'ignore', detached: true });
    let exited = false;
    const done = new Promise((resolve) => child.once('exit', resolve).once('error', resolve)).then(() => (exited = true));
    if (i % 2 === 0) {
      // Within a few hundred milliseconds of the first byte written: most kills land mid-write.
      if (await writeBegins(file, whole * 2, () => exited)) row.midWrite++;
      await sleep(Math.round(400 * next()));
    } else {
      // Anywhere in the later part of the run (most of a run is starting Node).
      await sleep(Math.round(whole * (0.6 + 0.5 * next())));
    }
    if (exited) row.finished++;
    try {
      // The whole process group: tsx runs the command in a child node process.
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      // Already finished.
    }
    await done;
    await groupGone(child.pid as number);
    const state = await soundState(file, write.backups);
    row.tries++;
    if (state === before) row.before++;
    else if (state === after) row.after++;
    else expect.fail(`${write.kind} 第 ${i + 1} 次中断后的数据既不是写入前也不是写入后`);
  }
}

async function sample(name: string): Promise<string> {
  return projectFile(dir, name, generateCounty());
}

/** The sample county renamed after a manual backup: restoring that backup brings the old name back. */
async function renamedAfterBackup(): Promise<string> {
  const project = await sample('恢复.csplan');
  const backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'cli' });
  try {
    await resultOf(backend.dispatch('project.open', { path: project }));
    await resultOf(backend.dispatch('backups.create', { reason: '手动' }));
    await resultOf(backend.dispatch('project.updateMeta', { name: '改名县' }));
  } finally {
    backend.close();
  }
  return project;
}

const imported: { project?: string; id?: number } = {};

/** The sample county after the import above ran whole (its reference run, when that ran first). */
async function importedSample(): Promise<string> {
  if (imported.project) return imported.project;
  const project = await sample('已导入.csplan');
  imported.id = Number(/导入编号 (\d+)/.exec(await run(importArgs(project)))?.[1]);
  return project;
}

function importArgs(project: string): string[] {
  return [cli, 'import', project, 'schools', path.join(dir, '学校.xlsx'), '--accept-warnings'];
}

beforeAll(async () => {
  dir = tempDir('csp-crash-');
  env = { ...process.env, CSP_DATA_DIR: path.join(dir, 'cli-data') };
  // The sample county's own schools table with every count changed: an import that updates every row.
  const { backend } = await openSampleCounty('csp-crash-source-');
  try {
    const table = await resultOf<DataTable>(backend.dispatch('data.export', { kind: 'schools' }));
    const rows = table.rows.map((r) => r.map((c) => (typeof c === 'number' && Number.isInteger(c) && c > 20 && c < 5000 ? c + 1 : c)));
    fs.writeFileSync(path.join(dir, '学校.xlsx'), toXlsxBytes({ ...table, rows }));
  } finally {
    backend.close();
  }
  const projects = Array.from({ length: 300 }, (_, i) => ({ type: '新建', name: `新城第${i + 1}小学`, kind: 'primary', township: '城关镇', classes: 12, seats: 540, completionYear: 2027 }));
  fs.writeFileSync(path.join(dir, '项目.json'), JSON.stringify(projects));
}, 120_000);

afterAll(() => {
  console.log(
    ['kill -9 中断写入（写入中：见到写入开始后才中断；已结束：中断前已自行结束）：', '类别              次数  写入中  写入前  写入后  已结束  完整耗时ms', ...summary.map((r) => `${r.kind.padEnd(18)}${String(r.tries).padStart(4)}${String(r.midWrite).padStart(8)}${String(r.before).padStart(8)}${String(r.after).padStart(8)}${String(r.finished).padStart(8)}${String(r.ms).padStart(12)}`)].join('\n'),
  );
});

describe('kill -9 during a write leaves the project before or after it', { timeout: 300_000 }, () => {
  const driven = (method: string, input: object) => (p: string) => [driver, p, method, JSON.stringify(input)];
  it('import', () => 
    crash({
      kind: 'import',
      template: () => sample('导入前.csplan'),
      args: importArgs,
      done: (project, out) => {
        imported.id = Number(/导入编号 (\d+)/.exec(out)?.[1]);
        imported.project = copyProject(project, path.join(dir, '已导入.csplan'));
      },
    }, SEED + 1));
  it('import-undo', () => crash({ kind: 'import-undo', template: importedSample, args: (p) => [cli, 'import-undo', p, String(imported.id)] }, SEED + 2));
  it('plan-create', () => crash({ kind: 'plan-create', template: () => sample('规划前.csplan'), args: (p) => [cli, 'plan-create', p, '--name', '十五五'] }, SEED + 3));
  it('plan-add-project', () => crash({ kind: 'plan-add-project', template: () => sample('项目前.csplan'), args: (p) => [cli, 'plan-add-project', p, path.join(dir, '项目.json')] }, SEED + 4));
  it('project.updateMeta', () => crash({ kind: 'project.updateMeta', template: () => sample('改名前.csplan'), args: driven('project.updateMeta', { name: '改名县', baseYear: 2024 }) }, SEED + 5));
  it('schools.update (code change moves its enrolment, staff and totals)', () => {
    const school = generateCounty().schools[0]!;
    const changes = { code: `${school.code.slice(0, -3)}999`, name: `${school.name}（更名）`, designSeats: 1400 };
    return crash({ kind: 'schools.update', template: () => sample('修改学校前.csplan'), args: driven('schools.update', { school: school.code, changes }) }, SEED + 8);
  });
  it('townships.update', () => {
    const township = generateCounty().townships[0]!;
    const changes = { name: `${township.name}新区`, area: '城区片区' };
    return crash({ kind: 'townships.update', template: () => sample('修改乡镇前.csplan'), args: driven('townships.update', { township: township.code, changes }) }, SEED + 9);
  });
  it('townships.update (code change moves its schools, villages and boundary)', () => {
    const township = generateCounty().townships.find((t) => t.urbanRural !== '城区')!;
    const changes = { code: `${township.code.slice(0, -3)}999` };
    return crash({ kind: 'township code', template: () => sample('改乡镇代码前.csplan'), args: driven('townships.update', { township: township.code, changes }) }, SEED + 10);
  });
  it('backups.create', () => crash({ kind: 'backups.create', template: () => sample('备份前.csplan'), args: driven('backups.create', { reason: '手动' }), backups: true }, SEED + 6));
  it('backups.restore', () =>
    crash({ kind: 'backups.restore', template: renamedAfterBackup, args: (p) => driven('backups.restore', { file: listBackups(p)[0]?.file })(p) }, SEED + 7));
});
