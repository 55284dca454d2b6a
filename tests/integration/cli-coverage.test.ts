// `cli coverage --json` on the sample county: the documented shape, a plan year, and an
// unknown plan refused in Chinese.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, cliRunner } from '../helpers/cli';
import { projectFile } from '../helpers/backend';
import { tempDir } from '../helpers/temp';
import { generateCounty } from '../../shared/sample';

let file: string;
const env = cliEnv(path.join(tempDir('csp-cli-cov-'), 'data'));
const cliRun = cliRunner(env);

beforeAll(async () => {
  file = await projectFile(tempDir('csp-cli-cov-'), '示例县.csplan', generateCounty());
});

describe('cli coverage', () => {
  it('prints {year, stages: {<stage>: {children, covered, share, distance, townships, uncovered}}}', async () => {
    const out = await cliRun(['coverage', file, '--year', '2030', '--json']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const r = JSON.parse(out.stdout) as { year: number; stages: Record<string, Record<string, unknown>> };
    expect(r.year).toBe(2030);
    for (const stage of ['preschool', 'primary', 'junior']) {
      const s = r.stages[stage] as {
        children: number;
        covered: number;
        share: number;
        distance: { mean: number; max: number };
        townships: { name: string; children: number; covered: number; share: number | null }[];
        uncovered: { village: string; township: string; children: number; distance: number; nearest: string }[];
      };
      expect(s.children).toBeGreaterThan(0);
      expect(s.share).toBeGreaterThan(0);
      expect(s.share).toBeLessThanOrEqual(1);
      expect(s.distance.max).toBeGreaterThanOrEqual(s.distance.mean);
      expect(s.townships.length).toBeGreaterThan(10);
      expect(s.uncovered.length).toBeGreaterThan(0);
      expect(Object.keys(s.uncovered[0]!)).toEqual(expect.arrayContaining(['village', 'township', 'children', 'distance', 'nearest']));
    }
  });

  it('--by time decides coverage by minutes and puts minutes beside metres in the JSON', async () => {
    const time = await cliRun(['coverage', file, '--by', 'time', '--json']);
    expect(time.code).toBe(0);
    type Stage = { covered: number; distance: { mean: number; max: number }; minutes: { mean: number; max: number }; travelMinutes: { urban: number; rural: number }; uncovered: { distance: number; minutes: number }[] };
    const t = JSON.parse(time.stdout) as { by: string; speeds: { walk: number }; stages: Record<string, Stage> };
    expect(t.by).toBe('time');
    const s = t.stages['primary']!;
    // Minutes are the travel distance at the walking speed (primary walks by default): m ÷ (km/h × 1000 / 60).
    expect(s.minutes.max).toBeCloseTo(s.distance.max / ((t.speeds.walk * 1000) / 60), 0);
    expect(s.travelMinutes).toEqual({ urban: 10, rural: 30, ruralMode: 'walk' });
    expect(s.uncovered.every((u) => u.minutes > 10)).toBe(true);

    const text = await cliRun(['coverage', file, '--by', 'time']);
    expect(text.stdout).toMatch(/出行时间覆盖（.*步行 4 km\/h、校车 30 km\/h）/);
    const bad = await cliRun(['coverage', file, '--by', 'speed']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--by 应为 distance（按距离）或 time（按出行时间）');
  }, 240_000);

  it('refuses an unknown plan in Chinese with exit 1', async () => {
    const out = await cliRun(['coverage', file, '--plan', '不存在']);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('没有名为“不存在”的规划');
  });
});
