// The projection through the real backend and project files: the sample county's backtest
// from 2022, the pattern a planner must see (primary falling, junior rising then falling),
// scenarios and developments stored in the file, and the CLI's JSON.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { STAGES } from '../../shared/domain';
import { asOf, type BacktestResult, type Development, type ProjectionResult, type ProjectionSetup, type ScenarioEntry } from '../../shared/projection';
import { generateCounty } from '../../shared/sample';
import { openSampleCounty, projectFile, resultOf } from '../helpers/backend';
import { tempDir } from '../helpers/temp';

const run = promisify(execFile);
const sample = generateCounty();
let dir: string;
let samplePath: string;
let backend: Backend;

beforeAll(async () => {
  ({ dir, projectPath: samplePath, backend } = await openSampleCounty('csp-projection-'));
});
afterAll(() => backend?.close());

describe('backtest of the sample county from 2022', () => {
  let bt: BacktestResult;
  beforeAll(async () => {
    bt = await resultOf<BacktestResult>(backend.dispatch('projection.backtest', { baseYear: 2022 }));
  });

  it('compares 2023–2025 with what happened', () => {
    expect(bt.baseYear).toBe(2022);
    expect(bt.years).toEqual([2023, 2024, 2025]);
  });

  it('beats persistence at county, township and school level', () => {
    for (const level of ['county', 'township', 'school'] as const) {
      const o = bt.overall[level];
      expect(o.mape).not.toBeNull();
      expect(o.mape ?? Infinity).toBeLessThan(o.baselines.persistence.mape ?? 0);
      expect(o.best).toBe('projection');
    }
    expect(bt.verdict[0]).toContain('本程序预测最准确');
  });

  it('beats persistence for each main stage in the county and township totals', () => {
    for (const level of ['county', 'township'] as const) {
      for (const stage of ['preschool', 'primary', 'junior', 'senior'] as const) {
        const a = bt.byLevel[level][stage];
        expect(a?.mape ?? Infinity, `${level} ${stage}`).toBeLessThan(a?.baselines.persistence.mape ?? 0);
      }
    }
  });

  it('beats persistence for small schools too, so grade progression is trusted in every size class', () => {
    for (const c of bt.sizeClasses.filter((x) => x.schools > 0)) {
      expect(c.projection.mape ?? Infinity, c.label).toBeLessThan(c.persistence.mape ?? 0);
      expect(c.alpha, c.label).toBe(1);
    }
  });

  it('says honestly which method was best, stage by stage', () => {
    for (const level of ['county', 'township', 'school'] as const) {
      for (const a of Object.values(bt.byLevel[level])) {
        const errors = { projection: a.mape, persistence: a.baselines.persistence.mape, trend: a.baselines.trend.mape };
        const lowest = Math.min(...Object.values(errors).map((x) => x ?? Infinity));
        expect(errors[a.best ?? 'projection']).toBe(lowest);
      }
    }
  });
});

describe('projection of the sample county', () => {
  let r: ProjectionResult;
  beforeAll(async () => {
    r = await resultOf<ProjectionResult>(backend.dispatch('projection.run', {}));
  });

  it('runs from the project’s base year fifteen years ahead under 中', () => {
    expect(r.baseYear).toBe(2025);
    expect(r.years[0]).toBe(2026);
    expect(r.horizon).toBe(2040);
    expect(r.scenario).toBe('中');
    expect(r.comparison.map((c) => c.scenario)).toEqual(['低', '中', '高']);
  });

  it('shows primary falling year after year', () => {
    const series = [r.history.county.primary.at(-1) ?? 0, ...r.county.primary];
    series.slice(1).forEach((v, i) => expect(v).toBeLessThan(series[i] ?? 0));
    expect(r.peaks.find((p) => p.stage === 'primary')?.kind).toBe('falling');
  });

  it('shows junior rising to a peak, then falling below today', () => {
    const junior = r.peaks.find((p) => p.stage === 'junior');
    expect(junior?.kind).toBe('peak');
    expect(junior?.peakYear).toBeGreaterThan(2026);
    expect(junior?.peakYear).toBeLessThan(2035);
    expect(junior?.peakValue).toBeGreaterThan((junior?.baseValue ?? 0) * 1.03);
    expect(junior?.endValue).toBeLessThan(junior?.baseValue ?? 0);
    expect(junior?.text).toMatch(/^初中在校生预计 \d{4} 年达到峰值 [\d,]+ 人，此后逐年下降/);
  });

  it('orders the scenarios: fewer births, fewer pupils', () => {
    const last = (name: string) => r.comparison.find((c) => c.scenario === name)?.county.primary.at(-1) ?? 0;
    expect(last('低')).toBeLessThan(last('中'));
    expect(last('中')).toBeLessThan(last('高'));
  });

  it('reruns only the edited scenario: the others keep their figures, and the edit is not kept', async () => {
    const county = (res: ProjectionResult, name: string) => res.comparison.find((c) => c.scenario === name)?.county;
    const edited = await resultOf<ProjectionResult>(backend.dispatch('projection.run', { params: { births: { shiftPct: 8 } } }));
    expect(county(edited, '低')).toEqual(county(r, '低'));
    expect(county(edited, '高')).toEqual(county(r, '高'));
    expect(county(edited, '中')).toEqual(edited.county);
    expect(edited.county.primary.at(-1)).toBeGreaterThan(r.county.primary.at(-1) ?? Infinity);
    expect(await resultOf<ProjectionResult>(backend.dispatch('projection.run', {}))).toEqual(r);
    const low = await resultOf<ProjectionResult>(backend.dispatch('projection.run', { scenario: '低' }));
    expect(low.county).toEqual(county(r, '低'));
    expect(low.comparison).toEqual(r.comparison);
  });

  it('ignores everything after --base-year', async () => {
    const past = await resultOf<ProjectionResult>(backend.dispatch('projection.run', { baseYear: 2022, horizon: 2030 }));
    const cutPath = await projectFile(dir, '截至2022.csplan', { ...asOf(sample, 2022), staff: [], meta: { ...sample.meta, baseYear: 2022 } });
    const other = createBackend({ dataDir: path.join(dir, 'data-cut'), shell: 'cli' });
    try {
      await resultOf(other.dispatch('project.open', { path: cutPath }));
      const cut = await resultOf<ProjectionResult>(other.dispatch('projection.run', { horizon: 2030 }));
      expect(cut.county).toEqual(past.county);
      expect(cut.schools).toEqual(past.schools);
    } finally {
      other.close();
    }
  });
});

describe('scenarios, developments and settings in the project file', () => {
  it('stores an edited scenario and recomputes with it', async () => {
    const before = await resultOf<ProjectionResult>(backend.dispatch('projection.run', {}));
    const list = await resultOf<ScenarioEntry[]>(backend.dispatch('projection.saveScenario', { name: '中', params: { births: { shiftPct: -5 } } }));
    expect(list.find((s) => s.name === '中')?.params.births.shiftPct).toBe(-5);
    const after = await resultOf<ProjectionResult>(backend.dispatch('projection.run', {}));
    expect(after.county.primary.at(-1)).toBeLessThan(before.county.primary.at(-1) ?? 0);
    await resultOf(backend.dispatch('projection.saveScenario', { name: '中', params: {} }));
    const back = await resultOf<ProjectionResult>(backend.dispatch('projection.run', {}));
    expect(back.county).toEqual(before.county);
  });

  it('renames a scenario with its developments, and deleting it removes them', async () => {
    const town = sample.townships.find((t) => t.urbanRural === '城区')?.code ?? '';
    await resultOf(backend.dispatch('projection.saveScenario', { name: '乐观', params: { births: { shiftPct: 6 } } }));
    const devs = await resultOf<Development[]>(
      backend.dispatch('projection.saveDevelopment', { development: { name: '城东新区', township: town, dwellings: 3000, completionYear: 2028, scenario: '乐观' } }),
    );
    expect(devs).toHaveLength(1);
    const withHousing = await resultOf<ProjectionResult>(backend.dispatch('projection.run', { scenario: '乐观' }));
    // 3,000 dwellings × 3.2 residents × 84 / 1,000 = 806 primary pupils once filled.
    expect(withHousing.housing.primary.at(-1)).toBe(806);
    expect((await resultOf<ProjectionResult>(backend.dispatch('projection.run', { scenario: '中' }))).housing.primary.every((v) => v === 0)).toBe(true);

    await resultOf(backend.dispatch('projection.saveScenario', { name: '乐观二', previousName: '乐观', params: { births: { shiftPct: 6 } } }));
    let setup = await resultOf<ProjectionSetup>(backend.dispatch('projection.setup', {}));
    expect(setup.developments[0]?.scenario).toBe('乐观二');
    const dup = await backend.dispatch('projection.saveScenario', { name: '中', previousName: '乐观二', params: {} });
    expect(!dup.ok && dup.error.message).toMatch(/已有名为“中”的情景/);

    await resultOf(backend.dispatch('projection.deleteScenario', { name: '乐观二' }));
    setup = await resultOf<ProjectionSetup>(backend.dispatch('projection.setup', {}));
    expect(setup.scenarios.map((s) => s.name)).toEqual(['低', '中', '高']);
    expect(setup.developments).toEqual([]);
  });

  it('refuses to delete the last scenario and unknown names, in Chinese', async () => {
    await resultOf(backend.dispatch('projection.deleteScenario', { name: '低' }));
    await resultOf(backend.dispatch('projection.deleteScenario', { name: '高' }));
    const last = await backend.dispatch('projection.deleteScenario', { name: '中' });
    expect(!last.ok && last.error.message).toBe('至少要保留一个预测情景。');
    const unknown = await backend.dispatch('projection.run', { scenario: '不存在' });
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
    await resultOf(backend.dispatch('projection.saveScenario', { name: '低', params: { births: { shiftPct: -2.5 } } }));
    await resultOf(backend.dispatch('projection.saveScenario', { name: '高', params: { births: { shiftPct: 4 } } }));
  });

  it('recalibrates when the data change (school system) and when settings change', async () => {
    await resultOf(backend.dispatch('project.updateMeta', { schoolSystem: '五四制' }));
    const mislabelled = await resultOf<ProjectionResult>(backend.dispatch('projection.run', {}));
    expect(mislabelled.flags.map((f) => f.code)).toContain('grades-exceed-system');
    await resultOf(backend.dispatch('project.updateMeta', { schoolSystem: '六三制' }));
    const settings = await resultOf<{ progressionYears: number }>(backend.dispatch('projection.saveSettings', { settings: { progressionYears: 2 } }));
    expect(settings.progressionYears).toBe(2);
    const r = await resultOf<ProjectionResult>(backend.dispatch('projection.run', {}));
    expect(r.calibration.progressionYears).toBe(2);
    await resultOf(backend.dispatch('projection.saveSettings', { settings: {} }));
  });
});

describe('cli project and backtest', () => {
  const tsx = path.resolve('node_modules/.bin/tsx');
  const cli = path.resolve('electron/cli/main.ts');
  const env = { ...process.env, CSP_DATA_DIR: path.join(tempDir('csp-cli-projection-'), 'data') };
  const cliRun = (args: string[]) =>
    run(tsx, [cli, ...args], { env, maxBuffer: 64 << 20 }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  beforeAll(() => backend.close());

  it('prints the projection as JSON in the issue’s shape', async () => {
    const out = await cliRun(['project', samplePath, '--scenario', '中', '--base-year', '2025', '--horizon', '2040', '--json']);
    expect(out.code).toBe(0);
    const r = JSON.parse(out.stdout) as ProjectionResult;
    expect(r.baseYear).toBe(2025);
    expect(r.years).toEqual(Array.from({ length: 15 }, (_, i) => 2026 + i));
    expect(r.scenario).toBe('中');
    expect(Object.keys(r.county).sort()).toEqual([...STAGES].sort());
    for (const t of r.townships) {
      expect(typeof t.name).toBe('string');
      for (const s of STAGES) expect(t[s]).toHaveLength(15);
    }
    for (const s of r.schools) {
      expect(s).toEqual(expect.objectContaining({ code: expect.any(String), name: expect.any(String), stage: expect.any(String) }));
      expect(s.students).toHaveLength(15);
      expect(s.classes).toHaveLength(15);
    }
    expect(Array.isArray(r.flags)).toBe(true);
  });

  it('prints the backtest as JSON in the issue’s shape, and a table without --json', async () => {
    const out = await cliRun(['backtest', samplePath, '--base-year', '2022', '--to', '2025', '--json']);
    expect(out.code).toBe(0);
    const b = JSON.parse(out.stdout) as BacktestResult;
    expect(b.baseYear).toBe(2022);
    expect(b.years).toEqual([2023, 2024, 2025]);
    for (const level of ['county', 'township', 'school'] as const) {
      const primary = b.byLevel[level].primary;
      expect(primary).toEqual(
        expect.objectContaining({
          mape: expect.any(Number),
          bias: expect.any(Number),
          baselines: { persistence: expect.objectContaining({ mape: expect.any(Number) }), trend: expect.objectContaining({ mape: expect.any(Number) }) },
        }),
      );
    }
    const text = await cliRun(['backtest', samplePath, '--base-year', '2022']);
    expect(text.stdout).toContain('全县：本程序预测平均误差');
  });

  it('exports the projection workbook with --out', async () => {
    const file = path.join(dir, '预测.xlsx');
    const out = await cliRun(['project', samplePath, '--out', file]);
    expect(out.code).toBe(0);
    const book = XLSX.read(fs.readFileSync(file));
    expect(book.SheetNames).toContain('分学校在校生');
  });

  it('works from enrolment history alone, flagging entrants by trend', async () => {
    const bare = await projectFile(dir, '无人口.csplan', { ...sample, population: [], births: [] });
    const out = await cliRun(['project', bare, '--json', '--horizon', '2030']);
    expect(out.code).toBe(0);
    const r = JSON.parse(out.stdout) as ProjectionResult;
    expect(r.flags.map((f) => f.code)).toContain('entrants-by-trend');
    expect(r.county.primary.every((v) => v > 0)).toBe(true);
    const bt = await cliRun(['backtest', bare, '--base-year', '2022', '--json']);
    expect(bt.code).toBe(0);
  });

  it('refuses in Chinese, with exit codes 1 and 2', async () => {
    const empty = path.join(dir, '空白.csplan');
    expect((await cliRun(['new', empty, '--school-system', '五四制'])).code).toBe(0);
    const refused = await cliRun(['project', empty]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('没有在校生数据');
    const usage = await cliRun(['project', samplePath, '--base-year', '二〇二二']);
    expect(usage.code).toBe(2);
    const early = await cliRun(['backtest', samplePath, '--base-year', '2025']);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/回测需要基准年/);
  });
});
