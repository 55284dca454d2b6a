// A large projected township shapefile (about 600 000 vertices, GBK .dbf: large enough to be
// thinned, so that every stage runs) imported as a job: the worker's stages arrive in order with
// fractions that only grow, a cancel asked for once the write has begun is refused and the write
// completes; a cancel mid-way stops the worker, leaves the project file byte for byte as it was,
// and the backend answers the next import. Mid-way is made certain, not hoped for: the worker is
// held at converting coordinates (CSP_TEST_HOLD_GEO_STAGE, geo/worker-progress.ts) until the
// cancel ends it. How often a stage reports part of the way is timing (the worker throttles by
// the clock), so that is the unit tests' (tests/unit/geo/import-progress.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { openProject } from '../../electron/backend/services/project';
import { startGeoImport } from '../../electron/backend/services/geo-import';
import { HOLD_GEO_STAGE_ENV } from '../../electron/backend/geo/worker-progress';
import type { GeoImportJob, GeoImportResult, GeoMap } from '../../shared/geo/api';
import { GEO_IMPORT_STAGES, overallFraction, type GeoStageProgress } from '../../shared/geo/import-progress';
import type { Position } from '../../shared/geo/model';
import { generateCounty } from '../../shared/sample';
import { openSampleCounty, resultOf } from '../helpers/backend';
import { densify } from '../helpers/densify';
import { planFreeSample } from '../helpers/sample';
import { PRJ_CGCS2000_GK_CM114, writeShapefile } from '../helpers/shapefile';
import { sha256, tempDir } from '../helpers/temp';

const GK = '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const VERTICES = 600_000;

let backend: Backend;
let dir: string;
let projectPath: string;
let shp: string;
const boundaries = generateCounty().geography!.townships;
const ok = <T>(method: string, input: unknown): Promise<T> => resultOf<T>(backend.dispatch(method, input));
const noUpload = () => {
  throw new Error('no uploads here');
};

beforeAll(async () => {
  ({ backend, dir, projectPath } = await openSampleCounty('csp-geo-import-progress-'));
  const projected = boundaries.map((b) => b.geometry.coordinates[0]![0]!.map((p: Position) => proj4('WGS84', GK, p) as [number, number]));
  const edges = projected.reduce((n, r) => n + r.length - 1, 0);
  const parts = Math.ceil(VERTICES / edges);
  const base = path.join(dir, '乡镇界_进度');
  writeShapefile(base, boundaries.map((b, i) => ({ rings: [densify(projected[i]!, parts)], fields: { NAME: b.name, CODE: b.township } })), { encoding: 'gbk', prj: PRJ_CGCS2000_GK_CM114, cpg: 'GBK' });
  shp = `${base}.shp`;
});
afterAll(() => backend.close());

/** The project file and its write-ahead log, as bytes on disk. */
function projectBytes(): string[] {
  return [projectPath, `${projectPath}-wal`].map((f) => (fs.existsSync(f) ? sha256(f) : 'absent'));
}

describe('the geography import as a job', () => {
  it('reports every stage in order, fractions that only grow, and refuses a cancel once the write has begun', async () => {
    // A project of its own, opened directly, so that every report is heard (no polling).
    const other = await openProject(await planFreeSample(tempDir('csp-geo-import-stages-')));
    try {
      const heard: GeoStageProgress[] = [];
      const refused: boolean[] = [];
      const run = startGeoImport(other, { path: shp, layer: 'townships' }, noUpload, (p) => {
        heard.push(p);
        if (p.stage === 'writing') refused.push(run.cancel());
      });
      const result = await run.done;
      expect(result.written).toBe(true);
      expect(result.joined).toBe(boundaries.length);
      expect(refused).toEqual([false]);

      const stages = heard.map((p) => p.stage).filter((s, i, all) => i === 0 || all[i - 1] !== s);
      expect(stages).toEqual([...GEO_IMPORT_STAGES]);
      const overall = heard.map(overallFraction);
      for (let i = 1; i < overall.length; i++) expect(overall[i]).toBeGreaterThanOrEqual(overall[i - 1]!);
      for (const stage of GEO_IMPORT_STAGES) {
        const fractions = heard.filter((p) => p.stage === stage && p.fraction !== null).map((p) => p.fraction!);
        for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]!);
        for (const f of fractions) expect(f).toBeLessThanOrEqual(1);
      }
    } finally {
      other.close();
    }
  });

  it('cancelled mid-way stops the worker, writes nothing and leaves the backend answering', async () => {
    const before = { bytes: projectBytes(), map: await ok<GeoMap>('geo.map', {}), backups: await ok<unknown[]>('backups.list', {}) };
    // The worker copies the environment as it starts, within geo.importStart.
    const held = process.env[HOLD_GEO_STAGE_ENV];
    process.env[HOLD_GEO_STAGE_ENV] = 'coordinates';
    let job: GeoImportJob;
    try {
      job = await ok<GeoImportJob>('geo.importStart', { path: shp, layer: 'townships' });
    } finally {
      if (held === undefined) delete process.env[HOLD_GEO_STAGE_ENV];
      else process.env[HOLD_GEO_STAGE_ENV] = held;
    }
    expect(job.state).toBe('running');
    const seen: number[] = [];
    while (job.state === 'running' && job.progress?.stage !== 'coordinates') {
      if (job.progress) seen.push(job.progress.overall);
      await new Promise((r) => setTimeout(r, 20));
      job = await ok<GeoImportJob>('geo.importStatus', { job: job.job });
    }
    expect(job.state).toBe('running');
    expect(job.cancellable).toBe(true);
    seen.push(job.progress!.overall);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]!);

    const cancelled = await ok<GeoImportJob>('geo.importCancel', { job: job.job });
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.cancellable).toBe(false);
    expect(cancelled.result).toBeNull();
    // The worker's end is reported with the file named; the state stays cancelled.
    await expect.poll(async () => (await ok<GeoImportJob>('geo.importStatus', { job: job.job })).error).toBe('已取消导入 乡镇界_进度.shp，未写入任何内容。');
    expect((await ok<GeoImportJob>('geo.importStatus', { job: job.job })).state).toBe('cancelled');

    expect(projectBytes()).toEqual(before.bytes);
    expect(await ok<GeoMap>('geo.map', {})).toEqual(before.map);
    expect(await ok<unknown[]>('backups.list', {})).toEqual(before.backups);

    // The next import runs to the end and writes.
    const r = await ok<GeoImportResult>('geo.importLayer', { path: shp, layer: 'townships' });
    expect(r.written).toBe(true);
    expect(r.joined).toBe(boundaries.length);
    expect(projectBytes()).not.toEqual(before.bytes);
  });

  it('refuses an unknown job in Chinese', async () => {
    const res = await backend.dispatch('geo.importStatus', { job: 'zz9' });
    expect(res).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '没有这个导入任务（可能已被新的导入替换）。' } });
  });
});
