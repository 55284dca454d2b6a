// 配套学校 through the backend: a file from before the migration keeps its development and
// project; a development saved with a reservation reads back with it; the reserved site is
// 预留 in 规划学校一览表 (XLSX) until a 新建 that names the development is added.
import path from 'node:path';
import Database from 'better-sqlite3';
import * as XLSX from 'xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { insertCountyData } from '../../electron/backend/db/county-data';
import { APPLICATION_ID, MIGRATIONS } from '../../electron/backend/db/migrations/index';
import { v14SchoolReservations } from '../../electron/backend/db/migrations/v14-school-reservations';
import { openProjectFile } from '../../electron/backend/db/project-file';
import type { AnnexExportResult } from '../../shared/annex';
import type { PlanDetail } from '../../shared/plan';
import type { Development } from '../../shared/projection';
import { planCounty, T1 } from '../fixtures/plan-county';
import { resultOf } from '../helpers/backend';
import { tempDir } from '../helpers/temp';

const dir = tempDir('csp-reserve-');
const backend: Backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'browser' });
afterAll(() => backend.close());
const ok = <T>(method: string, input: unknown) => resultOf<T>(backend.dispatch(method, input));

/** A file as the version before the reservations: one development, one plan with a 新建. */
async function fileBefore(): Promise<string> {
  const file = path.join(dir, '旧版.csplan');
  const empty = new Database(file);
  empty.pragma(`application_id = ${APPLICATION_ID}`);
  empty.close();
  const before = MIGRATIONS.indexOf(v14SchoolReservations);
  const old = await openProjectFile(file, { migrations: MIGRATIONS.slice(0, before) });
  insertCountyData(old.db, planCounty());
  old.db.prepare(`INSERT INTO developments (name, township, dwellings, residents, completion_year, scenario) VALUES ('滨河新城', ?, NULL, 10000, 2027, NULL)`).run(T1);
  expect(old.db.pragma('user_version', { simple: true })).toBe(before);
  old.close();
  return file;
}

/** Rows of 规划学校一览表 in the workbook, as arrays of cell values. */
async function plannedRows(plan: number): Promise<unknown[][]> {
  const out = await ok<AnnexExportResult>('annex.export', { plan, format: 'xlsx', annexes: [{ kind: 'planned-schools' }] });
  const book = XLSX.read(Buffer.from(out.base64 ?? '', 'base64'));
  const sheet = book.Sheets[book.SheetNames[0] as string] ?? {};
  return XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
}

describe('配套学校 (school reservations of developments)', () => {
  it('opens an older file with its development reserving nothing, then keeps a reservation and its 新建', async () => {
    await ok('project.open', { path: await fileBefore() });
    const setup = await ok<{ developments: Development[] }>('projection.setup', {});
    expect(setup.developments).toMatchObject([{ name: '滨河新城', reserveKind: null, reserveSetting: null }]);
    const id = setup.developments[0]?.id as number;

    const saved = await ok<Development[]>('projection.saveDevelopment', {
      id,
      development: { name: '滨河新城', township: T1, residents: 10000, completionYear: 2027, reserveKind: 'primary', reserveSetting: '城镇' },
    });
    expect(saved[0]).toMatchObject({ reserveKind: 'primary', reserveSetting: '城镇' });
    const bad = await backend.dispatch('projection.saveDevelopment', { development: { name: 'x', township: T1, residents: 10, completionYear: 2027, reserveKind: 'senior' } });
    expect(bad).toMatchObject({ ok: false });

    const plan = await ok<PlanDetail>('plan.create', { name: '十五五', baseYear: 2024, targetYear: 2029, outlookYear: 2034 });
    // 10,000 × 84 ÷ 1,000 = 840 pupils → 19 classes, 855 seats, 855 × 18 ㎡ = 15,390 ㎡ (城镇).
    const reserved = (await plannedRows(plan.id)).find((r) => r[3] === '预留');
    expect(reserved?.slice(1, 12)).toEqual(['滨河新城配套小学', '小学', '预留', undefined, 19, undefined, 855, undefined, 15390, 7097, undefined]);

    const withBuild = await ok<PlanDetail>('plan.addProjects', {
      plan: plan.id,
      projects: [{ type: '新建', name: '滨河小学', kind: 'primary', township: T1, classes: 18, seats: 810, completionYear: 2027, development: id }],
    });
    expect(withBuild.projects[0]).toMatchObject({ development: id });
    const unknown = await backend.dispatch('plan.addProjects', {
      plan: plan.id,
      projects: [{ type: '新建', name: '错号小学', kind: 'primary', township: T1, seats: 450, completionYear: 2027, development: id + 99 }],
    });
    expect(JSON.stringify(unknown)).toContain('预留了配套学校用地的新建住宅项目');
    const rows = await plannedRows(plan.id);
    expect(rows.some((r) => r[3] === '预留')).toBe(false);
    expect(rows.find((r) => r[1] === '滨河小学')?.at(-1)).toBe('建于滨河新城配套预留用地');
  });
});
