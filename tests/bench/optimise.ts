// Layout optimiser figures: a synthetic 600-school, 5,000-village county (deterministic,
// tests/fixtures/optimise-county.ts) solved with the bench time limit, and the sample county
// through `plan.optimise` — time (wall and CPU: HiGHS's time limit is wall-clock, so on a
// loaded machine it gets less CPU than the limit suggests), status, MIP gap, memory and the
// MIP-vs-greedy cost ratio. Runs alone with `npx tsx tests/bench/optimise.ts`.
import { performance } from 'node:perf_hooks';
import { solveInstance } from '../../electron/backend/optimise/solve';
import { costOf, travelSummary, type OptInstance } from '../../shared/optimise';
import { syntheticCounty } from '../fixtures/optimise-county';

type Measure = (name: string, times: number, fn: (i: number) => Promise<unknown> | unknown, note?: string) => Promise<number>;

const fmt = (x: number | null | undefined, d = 1) => (x === null || x === undefined ? '—' : x.toFixed(d));

export async function benchOptimiseInstance(label: string, inst: OptInstance, timeLimit: number, measure: Measure): Promise<void> {
  let note = '';
  await measure(label, 1, async () => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const out = await solveInstance(inst, { timeLimit, mipGap: 0.005 });
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const g = costOf(inst, out.greedy);
    const m = out.mip ? costOf(inst, out.mip) : null;
    const tm = out.mip ? travelSummary(inst, out.mip) : null;
    const tg = travelSummary(inst, out.greedy);
    const rss = process.memoryUsage().rss / 1048576;
    note =
      `${inst.facilities.length} 校址，${inst.points.length} 村，${inst.years.length} 年；` +
      `模型 ${out.size.columns} 列 ${out.size.rows} 行 ${out.size.binaries} 个 0-1 变量；` +
      `状态 ${out.solverStatus}，间隙 ${out.mip?.gap === null || out.mip?.gap === undefined ? '—' : `${(out.mip.gap * 100).toFixed(2)}%`}，` +
      `墙钟 ${fmt(wall)} s，CPU ${fmt((cpu.user + cpu.system) / 1e6)} s，求解器 ${fmt(out.seconds)} s；常驻内存 ${rss.toFixed(0)} MiB；` +
      `目标值 MIP/贪心 = ${m ? (m.objective / g.objective).toFixed(3) : '—'}（${fmt(m?.objective, 0)} / ${fmt(g.objective, 0)} 万元），` +
      `建设投资 MIP ${fmt(m?.capital, 0)} / 贪心 ${fmt(g.capital, 0)} 万元，缺学位 MIP ${tm?.unmetSeats ?? '—'} / 贪心 ${tg.unmetSeats}；` +
      `约束检查 ${out.violations.mip.length + out.violations.greedy.length === 0 ? '全部满足' : `${out.violations.mip.length + out.violations.greedy.length} 处不满足`}`;
  });
  console.log(`${label}：${note}`);
}

export async function benchOptimise(measure: Measure): Promise<void> {
  const county = syntheticCounty({ schools: 600, villages: 5000, sites: 60, years: 5, sideKm: 60 });
  await benchOptimiseInstance('布局优化：合成县 600 校 5000 村（时限 60 s）', county, 60, measure);
}

if (process.argv[1]?.endsWith('optimise.ts')) {
  const measure: Measure = async (name, times, fn) => {
    const t0 = performance.now();
    for (let i = 0; i < times; i++) await fn(i);
    return performance.now() - t0;
  };
  benchOptimise(measure).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
