// Projection bench figures: a full recompute (calibration, population and enrolment
// for every scenario) of the sample county and of a 100-county province; the recompute a
// slider move costs once calibration is cached; the backtest; and the memory the engine keeps,
// which should grow with the data, not faster. Targets: county ≤ 20 ms, province ≤ 2 s.
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createBackend } from '../../electron/backend';
import { createProjectWithData } from '../../electron/backend/services/project';
import {
  backtest,
  buildResult,
  calibrate,
  DEFAULT_SCENARIOS,
  parseSettings,
  recompute,
  runScenario,
  type Calibration,
} from '../../shared/projection';
import { generateCounty, generateProvince } from '../../shared/sample';
import { nycElementary } from '../fixtures/real/nyc-elementary';
import { benchProjectionAccuracy } from './projection-accuracy';

type Measure = (name: string, times: number, fn: (i: number) => Promise<unknown> | unknown, note?: string) => Promise<number>;

const settings = parseSettings({});
const MiB = 1024 * 1024;

/** A forced collection, so heap figures are what is retained rather than garbage not yet swept. */
function collector(): () => void {
  v8.setFlagsFromString('--expose_gc');
  return vm.runInNewContext('gc') as () => void;
}

function heapAfter(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

export async function benchProjection(dir: string, measure: Measure): Promise<void> {
  const gc = collector();
  const sample = generateCounty();
  const horizon = sample.meta.baseYear + 15;
  const full = () => recompute(sample, sample.meta.baseYear, horizon, settings, DEFAULT_SCENARIOS, [], '中');
  // JIT warm-up: the first runs measure the compiler, not the engine.
  for (let i = 0; i < 10; i++) full();

  const note = `${sample.schools.length} 所学校，${sample.townships.length} 个乡镇，${sample.enrolment.length} 条在校生记录，至 ${horizon} 年`;
  await measure('预测：示例县完整重算（校准 + 低中高 3 个情景）', 40, full, `${note}；目标 ≤ 20 ms`);

  const cal = calibrate(sample, sample.meta.baseYear, settings);
  await measure(
    '预测：示例县调整参数后重算（校准已缓存）',
    60,
    () => buildResult(cal, DEFAULT_SCENARIOS.map((s) => runScenario(cal, s, [], horizon)), '中'),
    '情景编辑器每次改动的计算量：3 个情景 + 结果',
  );
  await measure('预测：示例县回测（2022 年为基准年，至 2025 年）', 20, () => backtest(sample, 2022, 2025, settings, DEFAULT_SCENARIOS[1] ?? DEFAULT_SCENARIOS[0]!));

  // Through the API as the UI calls it: the file's data and calibration are cached.
  const file = path.join(dir, 'projection-sample.csplan');
  (await createProjectWithData(file, sample)).close();
  const backend = createBackend({ dataDir: path.join(dir, 'projection-data'), shell: 'cli' });
  try {
    const opened = await backend.dispatch('project.open', { path: file });
    if (!opened.ok) throw new Error(opened.error.message);
    const first = performance.now();
    await backend.dispatch('projection.run', {});
    const cold = performance.now() - first;
    await measure(
      '预测：示例县经接口 projection.run（缓存命中）',
      40,
      async (i) => {
        const res = await backend.dispatch('projection.run', { params: { births: { shiftPct: (i % 10) - 5 } } });
        if (!res.ok) throw new Error(res.error.message);
      },
      `首次调用（读文件 + 校准）${cold.toFixed(1)} ms`,
    );
  } finally {
    backend.close();
  }

  const before = heapAfter(gc);
  const province = generateProvince(100);
  const withData = heapAfter(gc);
  const records = province.reduce((s, c) => s + c.enrolment.length + c.population.length + c.births.length, 0);
  const perCounty: number[] = [];
  await measure(
    '预测：100 县完整重算（逐县校准 + 3 个情景）',
    3,
    () => {
      for (const county of province) {
        const t0 = performance.now();
        recompute(county, county.meta.baseYear, county.meta.baseYear + 15, settings, DEFAULT_SCENARIOS, [], '中');
        perCounty.push(performance.now() - t0);
      }
    },
    `${province.reduce((s, c) => s + c.schools.length, 0)} 所学校；目标 ≤ 2 s`,
  );
  perCounty.sort((a, b) => a - b);
  console.log(`  100 县逐县重算：中位数 ${(perCounty[perCounty.length >> 1] ?? 0).toFixed(1)} ms，最慢 ${(perCounty.at(-1) ?? 0).toFixed(1)} ms`);

  // What the engine keeps per county: its calibration (the part a running app caches).
  const one: Calibration[] = [calibrate(province[0] ?? sample, sample.meta.baseYear, settings)];
  const afterOne = heapAfter(gc);
  const all: Calibration[] = province.map((c) => calibrate(c, c.meta.baseYear, settings));
  const afterAll = heapAfter(gc);
  console.log(
    `  内存：100 县数据 ${((withData - before) / MiB).toFixed(1)} MiB（${records} 条记录，每条约 ${((withData - before) / records).toFixed(0)} 字节）；` +
      `100 份校准结果 ${((afterAll - afterOne) / MiB).toFixed(1)} MiB（每县约 ${((afterAll - afterOne) / 100 / 1024).toFixed(0)} KiB，` +
      `约为该县数据的 ${((afterAll - afterOne) / (withData - before)).toFixed(2)} 倍）`,
  );
  // Keep the objects alive until measured.
  if (one.length + all.length === 0) console.log('');

  const real = nycElementary();
  await measure(
    '预测：真实面板完整重算（纽约市小学样本，校准 + 3 个情景）',
    5,
    () => recompute(real, real.meta.baseYear, real.meta.baseYear + 15, settings, DEFAULT_SCENARIOS, [], '中'),
    `${real.schools.length} 所学校，${real.townships.length} 个学区，无人口数据`,
  );
  benchProjectionAccuracy();
}
