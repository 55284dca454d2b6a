// A township code change on the sample county, which has township boundaries and villages:
// the boundary moves to the new code with the township (journalled), the map and coverage
// still find it, and the edit's undo puts every row back as it was.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import type { EditResult } from '../../shared/domain/edits';
import type { CoverageResult, GeoImportResult, GeoMap } from '../../shared/geo/api';
import { openSampleCounty, resultOf } from '../helpers/backend';

let backend: Backend;
let dir: string;
const ok = <T>(method: string, input: unknown): Promise<T> => resultOf<T>(backend.dispatch(method, input));

beforeAll(async () => {
  ({ backend, dir } = await openSampleCounty('csp-township-boundary-'));
}, 120_000);
afterAll(() => backend.close());

/** The stored boundaries as the 布局图 reads them (the open project holds the file exclusively). */
async function boundaryRows() {
  const map = await ok<GeoMap>('geo.map', {});
  return map.townships.flatMap((t) => (t.boundary ? [t.boundary] : [])).sort((x, y) => x.township.localeCompare(y.township));
}

describe('a township code change with boundaries', () => {
  it('moves the boundary to the new code, and undo puts it back', async () => {
    const before = await ok<GeoMap>('geo.map', {});
    const rowsBefore = await boundaryRows();
    const township = before.townships.find((t) => t.boundary !== null && t.urbanRural !== '城区')!;
    const villages = before.villages.filter((v) => v.townshipId === township.code).length;
    expect(villages).toBeGreaterThan(0);
    const coverageBefore = await ok<CoverageResult>('geo.coverage', {});
    const newCode = `${township.code.slice(0, -3)}990`;

    const edit = await ok<EditResult>('townships.update', { township: township.code, changes: { code: newCode } });
    const after = await ok<GeoMap>('geo.map', {});
    const moved = after.townships.find((t) => t.code === newCode)!;
    expect(moved.boundary?.township).toBe(newCode);
    expect(moved.boundary?.geometry).toEqual(township.boundary!.geometry);
    expect(after.townships.some((t) => t.code === township.code)).toBe(false);
    expect(after.villages.filter((v) => v.townshipId === newCode)).toHaveLength(villages);
    expect((await boundaryRows()).map((r) => r.township)).toContain(newCode);
    expect((await boundaryRows()).map((r) => r.township)).not.toContain(township.code);
    // Same places, same children: the coverage does not depend on the code.
    const coverageAfter = await ok<CoverageResult>('geo.coverage', {});
    expect(coverageAfter.stages.primary.covered).toBeCloseTo(coverageBefore.stages.primary.covered!, 6);
    expect(coverageAfter.stages.primary.townships.find((t) => t.code === newCode)?.children).toBeCloseTo(
      coverageBefore.stages.primary.townships.find((t) => t.code === township.code)!.children!,
      6,
    );

    await ok('edits.undo', { editId: edit.editId });
    expect((await boundaryRows())).toEqual(rowsBefore);
    const back = await ok<GeoMap>('geo.map', {});
    expect(back.townships.find((t) => t.code === township.code)?.boundary?.geometry).toEqual(township.boundary!.geometry);
    expect(back.villages.filter((v) => v.townshipId === township.code)).toHaveLength(villages);
  }, 120_000);

  it('refuses the undo, in Chinese, when a boundary file replaced the moved boundary since', async () => {
    const map = await ok<GeoMap>('geo.map', {});
    const township = map.townships.find((t) => t.boundary !== null && t.urbanRural !== '城区')!;
    const newCode = `${township.code.slice(0, -3)}991`;
    const edit = await ok<EditResult>('townships.update', { township: township.code, changes: { code: newCode } });
    const now = await ok<GeoMap>('geo.map', {});
    const features = now.townships
      .filter((t) => t.boundary)
      .map((t) => ({ type: 'Feature', properties: { name: t.name, code: t.code }, geometry: { type: 'Polygon', coordinates: t.boundary!.geometry.coordinates[0] } }));
    const file = path.join(dir, '乡镇界（重新导入）.geojson');
    fs.writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
    const imported = await ok<GeoImportResult>('geo.importLayer', { path: file, layer: 'townships' });
    expect(imported.written).toBe(true);
    const res = await backend.dispatch('edits.undo', { editId: edit.editId });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/乡镇边界数据在导入后又被修改过/);
    expect((await boundaryRows()).map((r) => r.township)).toContain(newCode);
  }, 120_000);
});
