// `npm run bench`: speed and memory figures, printed, never asserted in tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../../electron/backend';
import { createProjectWithData } from '../../electron/backend/services/project';
import type { CountyData } from '../../shared/domain';
import { generateCounty, generateProvince } from '../../shared/sample';
import { benchAnnexes } from './annex';
import { benchProjection } from './projection';
import { benchImport } from './import';
import { benchMap, benchMapAnnex } from './map';
import { benchPlan } from './plan';
import { benchGeo } from './geo';
import { benchOptimise } from './optimise';
import { benchInteraction, benchSlider } from './interaction';
import { benchGeoImport } from './geo-import';

interface Figure {
  name: string;
  runs: number[];
  note?: string;
}

const figures: Figure[] = [];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

async function measure(name: string, times: number, fn: (i: number) => Promise<unknown> | unknown, note?: string): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn(i);
    runs.push(performance.now() - t0);
  }
  figures.push({ name, runs, note });
  return median(runs);
}

/** Many counties in one file, as a city bureau planning across counties would hold them. */
function mergeCounties(counties: CountyData[]): CountyData {
  const first = counties[0];
  if (!first) throw new Error('no counties');
  return {
    meta: { ...first.meta, name: `${counties.length}县合并` },
    townships: counties.flatMap((c) => c.townships.map((t) => ({ ...t, name: `${c.meta.name}${t.name}` }))),
    schools: counties.flatMap((c) => c.schools),
    enrolment: counties.flatMap((c) => c.enrolment),
    staff: counties.flatMap((c) => c.staff),
    population: counties.flatMap((c) => c.population),
    births: counties.flatMap((c) => c.births),
  };
}

function record(name: string, runs: number[], note?: string): void {
  figures.push({ name, runs, note });
}

function printFigures(): void {
  console.log('');
  console.log('| 项目 | 中位数 (ms) | 最小 (ms) | 次数 | 说明 |');
  console.log('|---|---:|---:|---:|---|');
  for (const f of figures) {
    console.log(`| ${f.name} | ${median(f.runs).toFixed(1)} | ${Math.min(...f.runs).toFixed(1)} | ${f.runs.length} | ${f.note ?? ''} |`);
  }
}

const printLoad = () => console.log(`系统负载（1/5/15 分钟）：${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}`);

/** The bench's temporary directory, announced as the whole run's first line. */
function benchDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-bench-'));
  console.log(`基准测试（${os.cpus().length} 核，Node ${process.version}），临时目录 ${dir}`);
  return dir;
}

interface BenchPart {
  /** Whether the part writes files: it then gets the bench's temporary directory. */
  files?: boolean;
  /** Whether the machine's load is printed before the part's figures. */
  load?: boolean;
  run(dir: string): Promise<void>;
}

/** BENCH_ONLY=<name>: one part of the bench, with the machine's load (the whole bench takes minutes). */
const PARTS: Record<string, BenchPart> = {
  // The interaction timings in the browser.
  ui: { run: () => benchInteraction(record) },
  // The 预测 slider's recomputes (CSP_RENDERER_DIR=<dir> for another build).
  slider: { run: () => benchSlider(record) },
  // The map annex's prints (PDF with font subsets, the same without, DOCX).
  mapprint: { load: true, run: () => benchMapAnnex(measure) },
  // Large boundary files (BENCH_GEO_MIB MiB of .shp, a 1,000,000-vertex outline).
  geoimport: { load: true, run: () => benchGeoImport(record) },
  // The layout map's figures: coverage and catchments for 600 schools × 5,000 villages belong to them too.
  map: {
    load: true,
    run: async () => {
      await benchGeo(measure);
      await benchMap(measure);
    },
  },
  // The import's speed and memory.
  import: { files: true, load: true, run: (dir) => benchImport(dir, measure) },
};

async function runPart(name: string): Promise<void> {
  const part = Object.hasOwn(PARTS, name) ? PARTS[name] : undefined;
  if (!part) {
    console.error(`未知的 BENCH_ONLY=${name}。可选：${Object.keys(PARTS).join('、')}；不设 BENCH_ONLY 则运行全部。`);
    process.exitCode = 1;
    return;
  }
  const dir = part.files ? benchDir() : null;
  try {
    if (part.load) printLoad();
    await part.run(dir ?? '');
    printFigures();
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.env.BENCH_ONLY) return runPart(process.env.BENCH_ONLY);
  const dir = benchDir();

  await measure('生成示例县数据（内存）', 5, () => generateCounty());
  await measure('创建示例县项目文件（生成 + 写入）', 5, async (i) => {
    const f = await createProjectWithData(path.join(dir, `sample-${i}.csplan`), generateCounty());
    f.close();
  });

  const tGen = performance.now();
  const province = mergeCounties(generateProvince(100));
  const genMs = performance.now() - tGen;
  const bigFile = path.join(dir, 'province.csplan');
  const tWrite = performance.now();
  (await createProjectWithData(bigFile, province)).close();
  const writeMs = performance.now() - tWrite;
  figures.push({ name: '生成 100 县数据', runs: [genMs] });
  figures.push({
    name: '写入 100 县项目文件',
    runs: [writeMs],
    note: `${province.schools.length} 所学校，${province.enrolment.length} 条在校生记录，文件 ${(fs.statSync(bigFile).size / 1048576).toFixed(1)} MiB`,
  });

  let listed = 0;
  await measure('打开 100 县项目文件并列出全部学校', 5, async () => {
    const backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'cli' });
    const opened = await backend.dispatch('project.open', { path: bigFile });
    const list = await backend.dispatch('schools.list', {});
    if (!opened.ok || !list.ok) throw new Error('打开失败');
    listed = (list.result as unknown[]).length;
    backend.close();
  }, '');
  const last = figures[figures.length - 1];
  if (last) last.note = `${listed} 所学校`;

  const sampleBackend = createBackend({ dataDir: path.join(dir, 'data2'), shell: 'cli' });
  await sampleBackend.dispatch('project.open', { path: path.join(dir, 'sample-0.csplan') });
  await measure('示例县：总览', 20, () => sampleBackend.dispatch('overview.get', {}));
  await measure('示例县：学校列表', 20, () => sampleBackend.dispatch('schools.list', {}));
  sampleBackend.close();

  await benchAnnexes(dir, measure, mergeCounties);
  await benchProjection(dir, measure);
  await benchImport(dir, measure);
  await benchPlan(dir, measure);
  await benchGeo(measure);
  await benchMap(measure);
  await benchGeoImport(record);
  await benchOptimise(dir, measure);
  await benchInteraction(record);

  printFigures();
  const mem = process.memoryUsage();
  console.log('');
  console.log(`内存：常驻 ${(mem.rss / 1048576).toFixed(0)} MiB，堆 ${(mem.heapUsed / 1048576).toFixed(0)} MiB`);
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
