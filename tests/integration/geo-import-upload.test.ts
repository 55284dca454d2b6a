// geo.importLayer from a browser upload (import.upload's store) instead of a path: the same
// check and write, the upload used once, and a call naming both or neither refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import type { GeoImportResult, GeoMap } from '../../shared/geo/api';
import { generateCounty } from '../../shared/sample';
import { openSampleCounty, resultOf } from '../helpers/backend';

let backend: Backend;
const boundaries = generateCounty().geography!.townships;
const ok = <T>(method: string, input: unknown): Promise<T> => resultOf<T>(backend.dispatch(method, input));

beforeAll(async () => {
  ({ backend } = await openSampleCounty('csp-geo-upload-'));
});
afterAll(() => backend.close());

async function upload(fileName: string, value: unknown): Promise<string> {
  const bytes = Buffer.from(JSON.stringify(value));
  const half = Math.floor(bytes.length / 2);
  const first = await ok<{ uploadId: string; complete: boolean }>('import.upload', { fileName, size: bytes.length, offset: 0, data: bytes.subarray(0, half).toString('base64') });
  const last = await ok<{ complete: boolean }>('import.upload', { uploadId: first.uploadId, fileName, size: bytes.length, offset: half, data: bytes.subarray(half).toString('base64') });
  expect(last.complete).toBe(true);
  return first.uploadId;
}

const townships = (list: typeof boundaries) => ({
  type: 'FeatureCollection',
  features: list.map((b) => ({ type: 'Feature', properties: { name: b.name }, geometry: { type: 'Polygon', coordinates: b.geometry.coordinates[0] } })),
});

describe('geo.importLayer from an upload', () => {
  it('checks and writes an uploaded GeoJSON under its own file name', async () => {
    const kept = boundaries.slice(0, 3);
    const uploadId = await upload('上传的乡镇.geojson', townships(kept));
    const r = await ok<GeoImportResult>('geo.importLayer', { source: { uploadId }, layer: 'townships' });
    expect(r).toMatchObject({ ok: true, written: true, fileName: '上传的乡镇.geojson', features: 3, joined: 3 });
    expect(r.backup).toMatch(/\.csplan$/);
    expect((await ok<GeoMap>('geo.map', {})).townships.filter((t) => t.boundary).length).toBe(3);
  });

  it('uses an upload once: the same id again is refused in Chinese', async () => {
    const uploadId = await upload('一次.geojson', townships(boundaries.slice(0, 1)));
    await ok('geo.importLayer', { source: { uploadId }, layer: 'townships', dryRun: true });
    const again = await backend.dispatch('geo.importLayer', { source: { uploadId }, layer: 'townships', dryRun: true });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toContain('找不到上传的文件');
  });

  it('refuses a call with both a path and an upload, or with neither', async () => {
    for (const input of [{ layer: 'townships' }, { path: '/tmp/x.geojson', source: { uploadId: 'abcdefgh12' }, layer: 'townships' }]) {
      const res = await backend.dispatch('geo.importLayer', input);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.message).toContain('请选择一个要导入的文件（路径或上传，二者选一）');
    }
  });
});
