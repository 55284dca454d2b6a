// Layout optimiser figures: a synthetic 600-school, 5,000-village county (deterministic,
// tests/fixtures/optimise-county.ts) solved with the bench time limit, and the sample county
// through `plan.optimise` — time (wall and CPU: HiGHS's time limit is wall-clock, so on a
// loaded machine it gets less CPU than the limit suggests), status, MIP gap, memory and the
// MIP-vs-greedy cost ratio. Every solve runs in a worker of its own, as in the app, and the
// process's resident memory is printed after each one (what a long-lived process keeps).
// Runs alone with `npx tsx tests/bench/optimise.ts`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../../electron/backend';
import { createProjectWithData } from '../../electron/backend/services/project';
import type { OptimiseResult } from '../../shared/optimise/result';
import type { PlanDetail } from '../../shared/plan';
import { generateCounty } from '../../shared/sample';
import { startSolve } from '../../electron/backend/optimise/run-worker';
import { costOf, travelSummary, type OptInstance } from '../../shared/optimise';
import { syntheticCounty } from '../fixtures/optimise-county';
import { resultOf } from '../helpers/backend';

type Measure = (name: string, times: number, fn: (i: number) => Promise<unknown> | unknown, note?: string) => Promise<number>;

/** Peak resident memory of the process (Linux), MiB; null elsewhere. */
function peakRssMb(): number | null {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

const rssMb = () => process.memoryUsage().rss / 1048576;
/** Resident memory now and the process's peak so far, for the line after each solve. */
const memoryLine = () => `进程常驻内存 ${rssMb().toFixed(0)} MiB（峰值 ${fmt(peakRssMb(), 0)} MiB）`;

const fmt = (x: number | null | undefined, d = 1) => (x === null || x === undefined ? '—' : x.toFixed(d));

export async function benchOptimiseInstance(label: string, inst: OptInstance, timeLimit: number, measure: Measure): Promise<void> {
  let note = '';
  await measure(label, 1, async () => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const out = await startSolve(inst, { timeLimit, mipGap: 0.005 }, () => undefined).done;
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const g = costOf(inst, out.greedy);
    const m = out.mip ? costOf(inst, out.mip) : null;
    const tm = out.mip ? travelSummary(inst, out.mip) : null;
    const tg = travelSummary(inst, out.greedy);
    note =
      `${inst.facilities.length} 校址，${inst.points.length} 村，${inst.years.length} 年；` +
      `模型 ${out.size.columns} 列 ${out.size.rows} 行 ${out.size.binaries} 个 0-1 变量；` +
      `状态 ${out.solverStatus}，间隙 ${out.mip?.gap === null || out.mip?.gap === undefined ? '—' : `${(out.mip.gap * 100).toFixed(2)}%`}，` +
      `墙钟 ${fmt(wall)} s，CPU ${fmt((cpu.user + cpu.system) / 1e6)} s，求解器 ${fmt(out.seconds)} s；${memoryLine()}，${out.stopped === 'memory' ? '达到内存上限提前停止' : '未触及内存上限'}；` +
      `目标值 MIP/贪心 = ${m ? (m.objective / g.objective).toFixed(3) : '—'}（${fmt(m?.objective, 0)} / ${fmt(g.objective, 0)} 万元），` +
      `建设投资 MIP ${fmt(m?.capital, 0)} / 贪心 ${fmt(g.capital, 0)} 万元，缺学位 MIP ${tm?.unmetSeats ?? '—'} / 贪心 ${tg.unmetSeats}；` +
      `约束检查 ${out.violations.mip.length + out.violations.greedy.length === 0 ? '全部满足' : `${out.violations.mip.length + out.violations.greedy.length} 处不满足`}`;
  });
  console.log(`${label}：${note}`);
}

/** The sample county through the API, as the CLI and the page run it (10 s limit). */
async function benchSample(dir: string, measure: Measure): Promise<void> {
  const file = path.join(dir, 'optimise-sample.csplan');
  (await createProjectWithData(file, generateCounty())).close();
  const backend = createBackend({ dataDir: path.join(dir, 'optimise-data'), shell: 'cli' });
  const call = <T>(method: string, input: unknown): Promise<T> => resultOf<T>(backend.dispatch(method, input));
  try {
    await call('project.open', { path: file });
    const plan = await call<PlanDetail>('plan.create', {});
    for (const [stage, rule] of [['primary', 'distance'], ['junior', 'distance'], ['primary', 'area'], ['junior', 'area']] as const) {
      let r: OptimiseResult | undefined;
      const cpu0 = process.cpuUsage();
      const ruleName = rule === 'area' ? '片区学位平衡' : '服务半径';
      await measure(`布局优化：示例县${stage === 'primary' ? '小学' : '初中'}，${ruleName}（plan.optimise，时限 10 s）`, 1, async () => {
        r = await call<OptimiseResult>('plan.optimise', { plan: plan.id, stage, rule, timeLimit: 10 });
      });
      if (!r) continue;
      const cpu = process.cpuUsage(cpu0);
      const m = r.totals.mip;
      const g = r.totals.greedy;
      console.log(
        `示例县${stage}：状态 ${r.status}（${r.solver.status}），间隙 ${r.gap === null ? '—' : `${(r.gap * 100).toFixed(2)}%`}，求解器 ${r.solver.seconds} s，进程 CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s，` +
          `模型 ${r.solver.columns} 列 ${r.solver.rows} 行；建设投资 MIP ${r.cost} / 贪心 ${r.greedyCost} / 建设需求测算 ${r.suggestions.cost} 万元；` +
          `目标值 MIP/贪心 = ${m ? (m.objective / g.objective).toFixed(3) : '—'}；缺学位 MIP ${r.unmetSeats} / 贪心 ${g.unmetSeats} / 现规划 ${r.current.unmetSeats}；` +
          `服务半径外 ${r.uncoveredChildren} 人；平均 ${r.travel.mean} km，最远 ${r.travel.max} km；求解后${memoryLine()}`,
      );
      console.log(`  ${ruleName}：${r.notes[r.notes.length - 1] ?? ''}`);
    }
  } finally {
    backend.close();
  }
}

export async function benchOptimise(dir: string, measure: Measure): Promise<void> {
  await benchSample(dir, measure);
  const county = syntheticCounty({ schools: 600, villages: 5000, sites: 60, years: 5, sideKm: 60 });
  await benchOptimiseInstance('布局优化：合成县 600 校 5000 村（时限 60 s）', county, 60, measure);
}

if (process.argv[1]?.endsWith('optimise.ts')) {
  const measure: Measure = async (name, times, fn) => {
    const t0 = performance.now();
    for (let i = 0; i < times; i++) await fn(i);
    return performance.now() - t0;
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-bench-opt-'));
  benchOptimise(dir, measure)
    .finally(() => fs.rmSync(dir, { recursive: true, force: true }))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
