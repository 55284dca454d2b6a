// Geography bench figures: coverage and capacitated catchments for 600 schools × 5,000
// villages × 3 stages (target ≤ 100 ms), and a 1-million-vertex boundary simplified for
// display. Run alone with `npx tsx tests/bench/geo.ts`.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { catchments } from '../../shared/geo/catchments';
import { coverage, spatialFrame, type SitedSchool } from '../../shared/geo/coverage';
import type { DemandPoint } from '../../shared/geo/demand';
import { localProjection } from '../../shared/geo/geometry';
import type { MultiPolygon, Position } from '../../shared/geo/model';
import { defaultGeoSettings } from '../../shared/geo/settings';
import { simplifyPolygon, vertexCount } from '../../shared/geo/simplify';
import { createRng } from '../../shared/sample/prng';

type Measure = (name: string, times: number, fn: (i: number) => Promise<unknown> | unknown, note?: string) => Promise<number>;

/** A synthetic county 80 km across: villages and schools spread over 30 townships. */
function syntheticCounty(schools: number, villages: number): { points: DemandPoint[]; sited: SitedSchool[]; townships: { code: string; name: string }[] } {
  const rng = createRng(7);
  const proj = localProjection([113.5, 34.5]);
  const at = (): Position => proj.toLngLat(rng.float(-40_000, 40_000), rng.float(-40_000, 40_000));
  const townships = Array.from({ length: 30 }, (_, i) => ({ code: String(i), name: `乡镇${i}` }));
  const points: DemandPoint[] = Array.from({ length: villages }, (_, i) => ({
    id: `v${i}`,
    name: `村${i}`,
    township: String(i % 30),
    townshipName: `乡镇${i % 30}`,
    urbanRural: i % 30 < 3 ? '城区' : '乡村',
    position: at(),
    children: { preschool: rng.int(5, 60), primary: rng.int(10, 150), junior: rng.int(5, 80) },
    basis: 'imported',
  }));
  const stages = ['preschool', 'primary', 'junior'] as const;
  const sited: SitedSchool[] = Array.from({ length: schools }, (_, i) => {
    const stage = stages[i % 3]!;
    return { code: `S${i}`, name: `学校${i}`, position: at(), seats: { [stage]: rng.int(100, 1500) } };
  });
  return { points, sited, townships };
}

/** A wiggly ring of n vertices, about 60 km across. */
export function bigPolygon(n: number, centre: Position = [113.5, 34.5]): MultiPolygon {
  const proj = localProjection(centre);
  const ring: Position[] = [];
  for (let i = 0; i < n - 1; i++) {
    const t = (2 * Math.PI * i) / (n - 1);
    const r = 30_000 * (1 + 0.1 * Math.sin(7 * t) + 0.02 * Math.sin(300 * t) + 0.001 * Math.sin(20_000 * t));
    ring.push(proj.toLngLat(r * Math.cos(t), r * Math.sin(t)));
  }
  ring.push(ring[0]!);
  return { type: 'MultiPolygon', coordinates: [[ring]] };
}

export async function benchGeo(measure: Measure): Promise<void> {
  const { points, sited, townships } = syntheticCounty(600, 5000);
  const settings = defaultGeoSettings();
  await measure('布局图：覆盖 + 有容量划片（600 校 × 5000 村 × 3 学段）', 21, () => {
    const frame = spatialFrame(points, sited);
    coverage({ points, schools: sited, settings, townships, frame });
    catchments({ points, schools: sited, roadFactor: settings.roadFactor, frame });
  }, '目标 ≤ 100 ms');
  const big = bigPolygon(1_000_000);
  let kept = 0;
  await measure('布局图：100 万顶点边界简化（容差 20 米）', 3, () => {
    kept = vertexCount(simplifyPolygon(big, 20));
  });
  console.log(`简化后顶点数：${kept}`);
}

if (process.argv[1]?.endsWith('geo.ts')) {
  const rows: string[] = [];
  // CPU time next to wall time: on a shared machine the wall time mostly measures the others.
  const measure: Measure = async (name, times, fn, note) => {
    const runs: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < times; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await fn(i);
      runs.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const med = median(runs);
    rows.push(`| ${name} | ${med.toFixed(1)} | ${Math.min(...runs).toFixed(1)} | ${median(cpu).toFixed(1)} | ${times} | ${note ?? ''} |`);
    return med;
  };
  void benchGeo(measure).then(() => {
    console.log(['| 项目 | 中位数 (ms) | 最小 (ms) | CPU 中位数 (ms) | 次数 | 说明 |', '|---|---:|---:|---:|---:|---|', ...rows].join('\n'));
    console.log(`负载（1/5/15 分钟）：${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}，CPU ${os.cpus().length} 核`);
  });
}
