// `cli import-geo`: township boundaries from a GeoJSON written here into a project without
// geography — a dry run writes nothing, a real run writes and names its backup, a file that
// joins no township and a wrong layer are refused in Chinese with a non-zero exit code.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import type { GeoImportResult, GeoMap } from '../../shared/geo/api';
import { generateCounty } from '../../shared/sample';
import { cliEnv, cliRunner } from '../helpers/cli';
import { projectFile, resultOf } from '../helpers/backend';
import { tempDir } from '../helpers/temp';

const dir = tempDir('csp-cli-geo-');
const env = cliEnv(path.join(dir, 'data'));
const cliRun = cliRunner(env);

const county = generateCounty();
const boundaries = county.geography!.townships;
const kept = boundaries.slice(0, -1);
let project: string;
let geojson: string;

const feature = (name: string, rings: unknown) => ({ type: 'Feature', properties: { name }, geometry: { type: 'Polygon', coordinates: rings } });
const writeJson = (name: string, value: unknown) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, JSON.stringify(value));
  return p;
};

async function drawnBoundaries(): Promise<number> {
  const backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'cli' });
  try {
    await resultOf(backend.dispatch('project.open', { path: project }));
    return (await resultOf<GeoMap>(backend.dispatch('geo.map', {}))).townships.filter((t) => t.boundary).length;
  } finally {
    backend.close();
  }
}

beforeAll(async () => {
  project = await projectFile(dir, '无边界县.csplan', { ...county, geography: undefined });
  geojson = writeJson('乡镇边界.geojson', {
    type: 'FeatureCollection',
    features: [...kept.map((b) => feature(b.name, b.geometry.coordinates[0])), feature('不存在乡', [[[113, 34], [113.01, 34], [113.01, 34.01], [113, 34]]])],
  });
});

describe('cli import-geo', () => {
  it('--dry-run reports the join and writes nothing', async () => {
    expect(await drawnBoundaries()).toBe(0);
    const out = await cliRun(['import-geo', project, 'townships', geojson, '--dry-run', '--json']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const r = JSON.parse(out.stdout) as GeoImportResult;
    expect(r).toMatchObject({ ok: true, written: false, layer: 'townships', fileName: '乡镇边界.geojson', features: kept.length + 1, joined: kept.length, backup: null });
    expect(r.unmatched).toEqual([{ feature: kept.length + 1, name: '不存在乡', code: '' }]);
    expect(r.missing).toEqual([boundaries[boundaries.length - 1]!.name]);
    expect(await drawnBoundaries()).toBe(0);
  });

  it('imports under the Chinese layer name, names the backup, and the map draws the boundaries', async () => {
    const out = await cliRun(['import-geo', project, '乡镇边界', geojson]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('已导入乡镇边界：乡镇边界.geojson（导入前已备份：');
    expect(out.stdout).toContain(`要素 ${kept.length + 1} 个，对应上 ${kept.length} 个`);
    expect(out.stdout).toContain('第 ' + String(kept.length + 1) + ' 个要素：不存在乡');
    expect(out.stdout).toContain(`没有边界的乡镇（街道）1 个：${boundaries[boundaries.length - 1]!.name}`);
    expect(await drawnBoundaries()).toBe(kept.length);
  });

  it('refuses a file that joins no township: Chinese message naming the file, exit 1, nothing changed', async () => {
    const stranger = writeJson('外县.geojson', { type: 'FeatureCollection', features: [feature('外县乡', [[[100, 30], [100.01, 30], [100.01, 30.01], [100, 30]]])] });
    const out = await cliRun(['import-geo', project, 'townships', stranger]);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('未导入：外县.geojson 有问题，项目中的乡镇边界未改动');
    expect(out.stderr).toMatch(/^错误：外县\.geojson 未导入：外县\.geojson 的要素没有一个能按代码或名称对应到项目中的乡镇/);
    expect(await drawnBoundaries()).toBe(kept.length);
  });

  it('answers an unknown layer or coordinate system with the usage line, exit 2', async () => {
    const layer = await cliRun(['import-geo', project, 'roads', geojson]);
    expect(layer.code).toBe(2);
    expect(layer.stdout).toBe('');
    expect(layer.stderr).toContain('未知的图层“roads”，可选：outline（县界）、townships（乡镇边界）');
    expect(layer.stderr).toContain('用法：npm run cli -- import-geo <文件.csplan> <outline|townships|villages|road|river|town> <数据文件> [--coordinates wgs84|gcj02|bd09|EPSG:代码] [--encoding auto|utf-8|gbk] [--dry-run] [--json]');
    const coords = await cliRun(['import-geo', project, 'townships', geojson, '--coordinates', 'wgs-84']);
    expect(coords.code).toBe(2);
    expect(coords.stderr).toContain('--coordinates 可选 wgs84、gcj02、bd09 或 EPSG:代码');
  });
});
