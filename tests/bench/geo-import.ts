// Large boundary files imported through the backend as a planner would: the sample county's
// township boundaries densified to BENCH_GEO_MIB MiB of .shp (default 50: about three million
// vertices, projected CGCS2000 3° Gauss-Krüger with a GBK .dbf), and one county outline of
// 1,000,000 vertices as GeoJSON and as a shapefile. Each import runs in a child process of its
// own, so its peak resident memory is the import's and not the writing of the test file.
// The file is read, checked and thinned in the geo worker thread: the figures give the process's
// peak (both threads) and each thread's V8 heap.
// `BENCH_ONLY=geoimport npm run bench`, or alone: `npx tsx tests/bench/geo-import.ts`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import proj4 from 'proj4';
import type { GeoImportResult, GeoLayer, GeoMap } from '../../shared/geo/api';
import type { Position } from '../../shared/geo/model';
import { generateCounty } from '../../shared/sample';
import { GEO_WORKER_LIMITS, lastGeoRead } from '../../electron/backend/geo/run-geo-worker';
import { openSampleCounty, resultOf } from '../helpers/backend';
import { densify } from '../helpers/densify';
import { tempDir } from '../helpers/temp';
import { PRJ_CGCS2000_GK_CM114, writeShapefile } from '../helpers/shapefile';
import { bigPolygon } from './geo';

type Record = (name: string, runs: number[], note?: string) => void;

const GK = '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
/** BENCH_GEO_MIB: a smaller file to see how the time grows with size. */
const TARGET_MIB = Number(process.env.BENCH_GEO_MIB ?? 50);

interface ImportFigures {
  ms: number;
  /** CPU time of the import (user + system), ms: what it costs on an idle core, whatever the load. */
  cpuMs: number;
  written: boolean;
  joined: number;
  problems: string[];
  notes: string[];
  shown: number;
  rssBefore: number;
  peakRss: number;
  /** V8 heap of the backend's thread (committed) before and after, and of the geo worker when its layer was ready. */
  backendHeapBefore: number;
  backendHeapAfter: number;
  workerHeap: number;
}

/** Child side: open the sample county, import one file, print the figures as JSON. */
async function importOnce(file: string, layer: GeoLayer): Promise<void> {
  // BENCH_GEO_HEAP_MB: the geo worker's heap cap, to find what a file needs.
  if (process.env.BENCH_GEO_HEAP_MB) GEO_WORKER_LIMITS.heapMb = Number(process.env.BENCH_GEO_HEAP_MB);
  const { backend, dir } = await openSampleCounty('csp-bench-geo-import-');
  try {
    const rssBefore = process.memoryUsage.rss();
    const backendHeapBefore = getHeapStatistics().total_heap_size;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const r = await resultOf<GeoImportResult>(backend.dispatch('geo.importLayer', { path: file, layer }));
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const backendHeapAfter = getHeapStatistics().total_heap_size;
    const map = await resultOf<GeoMap>(backend.dispatch('geo.map', {}));
    const count = (g: { coordinates: Position[][][] } | null | undefined) => (g ? g.coordinates.reduce((m, poly) => m + poly.reduce((k, ring) => k + ring.length, 0), 0) : 0);
    const shown = layer === 'outline' ? count(map.outline?.geometry) : map.townships.reduce((n, t) => n + count(t.boundary?.geometry), 0);
    const figures: ImportFigures = { ms, cpuMs, written: r.written, joined: r.joined, problems: r.problems, notes: r.notes, shown, rssBefore, peakRss: process.resourceUsage().maxRSS * 1024, backendHeapBefore, backendHeapAfter, workerHeap: lastGeoRead.heapBytes };
    console.log(JSON.stringify(figures));
  } finally {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function importInChild(file: string, layer: GeoLayer): ImportFigures {
  const out = execFileSync(process.execPath, ['--import', 'tsx', __filename, '--import-one', file, layer], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, env: { ...process.env, BENCH_ONLY: '' } });
  return JSON.parse(out.trim().split('\n').pop()!) as ImportFigures;
}

const mib = (bytes: number) => `${Math.round(bytes / 1048576)} MiB`;

function report(record: Record, name: string, bytes: number, vertices: number, f: ImportFigures): void {
  const note =
    `CPU ${(f.cpuMs / 1000).toFixed(1)} s（后台线程、垃圾回收也计入）；文件 ${(bytes / 1048576).toFixed(1)} MiB，${(vertices / 1e6).toFixed(2)} 百万个顶点；写入 ${f.written ? '是' : '否'}，对应 ${f.joined} 个，问题 ${f.problems.length} 条；` +
    `布局图上的顶点 ${f.shown.toLocaleString('en-US')} 个；常驻内存（进程，含读取线程）导入前 ${mib(f.rssBefore)}，峰值 ${mib(f.peakRss)}；` +
    `V8 堆 后台线程 导入前 ${mib(f.backendHeapBefore)}、导入后 ${mib(f.backendHeapAfter)}，读取线程 ${mib(f.workerHeap)}；负载 ${os.loadavg()[0]!.toFixed(1)}`;
  record(name, [f.ms], note);
  console.log(`  ${name}：${f.ms.toFixed(0)} ms；${note}`);
  if (f.problems.length) console.log(`  问题：${f.problems.slice(0, 3).join('；')}`);
  for (const n of f.notes) console.log(`  说明：${n}`);
}

export async function benchGeoImport(record: Record): Promise<void> {
  const county = generateCounty();
  const boundaries = county.geography!.townships;
  const dir = tempDir('csp-bench-geo-files-');
  try {
    // Township boundaries, densified to the size asked for.
    {
      const projected = boundaries.map((b) => b.geometry.coordinates[0]![0]!.map((p: Position) => proj4('WGS84', GK, p) as [number, number]));
      const edges = projected.reduce((n, r) => n + r.length - 1, 0);
      // A shapefile point is 16 bytes: cut edges until the .shp holds about the size asked for.
      const parts = Math.max(1, Math.ceil((TARGET_MIB * 1048576) / 16 / edges));
      const base = path.join(dir, '乡镇界_高精度');
      writeShapefile(
        base,
        boundaries.map((b, i) => ({ rings: [densify(projected[i]!, parts)], fields: { NAME: b.name, CODE: b.township } })),
        { encoding: 'gbk', prj: PRJ_CGCS2000_GK_CM114 },
      );
      const bytes = fs.statSync(`${base}.shp`).size;
      report(record, `乡镇边界 Shapefile 导入（约 ${TARGET_MIB} MiB）`, bytes, edges * parts + boundaries.length, importInChild(`${base}.shp`, 'townships'));
    }
    // One polygon of a million vertices, as GeoJSON and as a shapefile.
    {
      const b = boundaries[0]!.geometry.coordinates[0]![0]![0]!;
      const ring = bigPolygon(1_000_000, b).coordinates[0]![0]!;
      const json = path.join(dir, '县界_百万顶点.geojson');
      fs.writeFileSync(json, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '县界' }, geometry: { type: 'Polygon', coordinates: [ring] } }] }));
      report(record, '县界 GeoJSON 导入（一个 1,000,000 顶点的面）', fs.statSync(json).size, ring.length, importInChild(json, 'outline'));
      const base = path.join(dir, '县界_百万顶点');
      writeShapefile(base, [{ rings: [ring as [number, number][]], fields: { NAME: '县界' } }], { encoding: 'gbk' });
      report(record, '县界 Shapefile 导入（一个 1,000,000 顶点的面）', fs.statSync(`${base}.shp`).size, ring.length, importInChild(`${base}.shp`, 'outline'));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--import-one') {
  importOnce(process.argv[3]!, process.argv[4] as GeoLayer).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
} else if (process.argv[1]?.endsWith('geo-import.ts') && !process.env.BENCH_ONLY) {
  console.log(`系统负载（1/5/15 分钟）：${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}`);
  benchGeoImport(() => undefined).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
