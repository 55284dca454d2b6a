// The boundary file is read in the geo worker: a file past the worker's heap cap or its time
// limit (both lowered here) is refused in Chinese naming the file, nothing is written (no
// boundary, no backup), and the same open project then imports the same file at the usual limits.
// A shapefile is stopped by the cap while it is read; a GeoJSON whose parse could pass the cap is
// refused before it is parsed (electron/backend/geo/json-heap.ts says why). The time limit's
// read is held at converting coordinates (CSP_TEST_HOLD_GEO_STAGE, geo/worker-progress.ts), so
// it outlasts the limit however fast the machine reads.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { GEO_WORKER_LIMITS } from '../../electron/backend/geo/run-geo-worker';
import { HOLD_GEO_STAGE_ENV } from '../../electron/backend/geo/worker-progress';
import type { GeoImportResult, GeoMap } from '../../shared/geo/api';
import { generateCounty } from '../../shared/sample';
import { openSampleCounty, resultOf } from '../helpers/backend';
import { densify } from '../helpers/densify';
import { writeShapefile } from '../helpers/shapefile';

let backend: Backend;
let dir: string;
const usual = { ...GEO_WORKER_LIMITS };
const boundaries = generateCounty().geography!.townships;
const ok = <T>(method: string, input: unknown): Promise<T> => resultOf<T>(backend.dispatch(method, input));

beforeAll(async () => {
  ({ backend, dir } = await openSampleCounty('csp-geo-import-worker-'));
});
afterEach(() => Object.assign(GEO_WORKER_LIMITS, usual));
afterAll(() => backend.close());

/** The townships with each edge cut into `parts` pieces. */
const densified = (parts: number) => boundaries.map((b) => densify(b.geometry.coordinates[0]![0]!, parts));

const edges = boundaries.reduce((n, b) => n + b.geometry.coordinates[0]![0]!.length - 1, 0);
const importedSources = async () => (await ok<GeoMap>('geo.map', {})).townships.filter((t) => t.boundary?.source.startsWith('导入')).length;
const backupCount = async () => (await ok<unknown[]>('backups.list', {})).length;

/** `holdAt`: the stage the refused read's worker stops at (it copies the environment as it starts). */
async function refusedThenImported(file: string, refusal: RegExp, holdAt?: string): Promise<void> {
  const backups = await backupCount();
  const held = process.env[HOLD_GEO_STAGE_ENV];
  if (holdAt !== undefined) process.env[HOLD_GEO_STAGE_ENV] = holdAt;
  let refused;
  try {
    refused = await backend.dispatch('geo.importLayer', { path: file, layer: 'townships' });
  } finally {
    if (held === undefined) delete process.env[HOLD_GEO_STAGE_ENV];
    else process.env[HOLD_GEO_STAGE_ENV] = held;
  }
  expect(refused.ok).toBe(false);
  if (!refused.ok) expect(refused.error.message).toMatch(refusal);
  expect(await importedSources()).toBe(0);
  expect(await backupCount()).toBe(backups);

  Object.assign(GEO_WORKER_LIMITS, usual);
  const r = await ok<GeoImportResult>('geo.importLayer', { path: file, layer: 'townships', dryRun: true });
  expect(r.ok).toBe(true);
  expect(r.joined).toBe(boundaries.length);
  expect(r.notes.some((n) => n.includes('已按'))).toBe(true);
}

const rings = () => densified(Math.ceil(300_000 / edges));
/** 11 MB of GeoJSON. */
function geojson(): string {
  const features = rings().map((ring, i) => ({ type: 'Feature', properties: { name: boundaries[i]!.name }, geometry: { type: 'Polygon', coordinates: [ring] } }));
  const file = path.join(dir, '乡镇界_加密.geojson');
  fs.writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
  return file;
}
/** 4.6 MB of .shp, GBK .dbf. */
function shapefile(): string {
  const base = path.join(dir, '乡镇界_加密');
  writeShapefile(base, rings().map((ring, i) => ({ rings: [ring], fields: { NAME: boundaries[i]!.name } })), { encoding: 'gbk', cpg: 'GBK' });
  return `${base}.shp`;
}

describe('the geo worker', () => {
  it('stops reading a shapefile past the heap cap, writing nothing, and the next import of it answers', async () => {
    GEO_WORKER_LIMITS.heapMb = 32;
    await refusedThenImported(shapefile(), /^读取 乡镇界_加密\.shp 时超出了内存上限（32 MB），已停止，未写入任何内容。/);
  });

  it('refuses unparsed a GeoJSON whose parse could pass the heap cap, and the next import of it answers', async () => {
    GEO_WORKER_LIMITS.heapMb = 32;
    await refusedThenImported(geojson(), /^乡镇界_加密\.geojson 读入后约需 \d+ MB 内存，超过读取上限 24 MB，未读取、未写入任何内容。/);
  });

  it('stops a read past the time limit, writing nothing, and the next import of it answers', async () => {
    GEO_WORKER_LIMITS.timeoutMs = 200;
    await refusedThenImported(shapefile(), /^读取 乡镇界_加密\.shp 超过 0\.2 秒仍未完成，已停止，未写入任何内容。/, 'coordinates');
  });

  it('writes the layer in the backend after the worker read it', async () => {
    const backups = await backupCount();
    const r = await ok<GeoImportResult>('geo.importLayer', { path: geojson(), layer: 'townships' });
    expect(r.written).toBe(true);
    expect(await importedSources()).toBe(boundaries.length);
    expect(await backupCount()).toBe(backups + 1);
  });
});
