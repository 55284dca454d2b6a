// `cli plan-settings` and `plan-set-target`: read the settings as JSON, write part of them with
// the API's validation (a bad value changes nothing), each write one undoable step, and a
// target changed or added from the command line.
import { execFile } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { mergeSettings, planSetTargetCommand, planSettingsCommand, settingsChanges } from '../../electron/cli/plan-settings';
import type { MethodName, MethodResult } from '../../shared/api';
import { insertCountyData } from '../../electron/backend/db/county-data';
import { createProjectFile } from '../../electron/backend/db/project-file';
import { defaultSettings } from '../../shared/plan';
import { planCounty } from '../fixtures/plan-county';
import { resultOf } from '../helpers/backend';
import { tempDir } from '../helpers/temp';

const execRun = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');
const cli = path.resolve('electron/cli/main.ts');

describe('merging settings', () => {
  it('lays a partial object over the settings and lists each changed leaf', () => {
    const before = { classSize: { primary: 45, junior: 50 }, landPerMu: null, levels: { red: 1 } };
    const after = mergeSettings(before, { classSize: { primary: 40 }, landPerMu: 30 });
    expect(after).toEqual({ classSize: { primary: 40, junior: 50 }, landPerMu: 30, levels: { red: 1 } });
    expect(settingsChanges(before, after)).toEqual(['classSize.primary：45 → 40', 'landPerMu：null → 30']);
  });
});

describe('cli plan-settings and plan-set-target', () => {
  it('reads, writes with validation and undo, and sets targets', { timeout: 300_000 }, async () => {
    const dir = tempDir('csp-plan-settings-');
    const env = { ...process.env, CSP_DATA_DIR: path.join(dir, 'cli-data') };
    const created = await createProjectFile(path.join(dir, '小河县.csplan'));
    insertCountyData(created.db, planCounty());
    created.close();
    const file = created.path;
    const patch = path.join(dir, 'patch.json');
    const usage = (m: string) => new Error(`用法：${m}`);
    const refuse = (m: string) => new Error(`拒绝：${m}`);

    // Refusals, run in this process through the same backend the CLI opens (spawning the CLI
    // for each would take most of a minute on a loaded machine).
    let backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'cli' });
    let planId: number;
    try {
      const call = <M extends MethodName>(m: M, input: unknown) => resultOf<MethodResult<M>>(backend.dispatch(m, input));
      await call('project.open', { path: file });
      await expect(planSettingsCommand({}, call, usage, refuse)).rejects.toThrow('拒绝：项目中还没有规划，请先用 plan-create 新建规划。');
      planId = (await call('plan.create', { name: '十五五' })).id;
      fs.writeFileSync(patch, JSON.stringify({ classSize: { primary: 500 } }));
      await expect(planSettingsCommand({ set: patch }, call, usage, refuse)).rejects.toThrow(/INVALID_INPUT: .*[\u4e00-\u9fff]/);
      fs.writeFileSync(patch, '[1, 2]');
      await expect(planSettingsCommand({ set: patch }, call, usage, refuse)).rejects.toThrow('用法：设置文件“patch.json”应为一个 JSON 对象');
      await expect(planSetTargetCommand({ key: 'boarding_share', target: '30' }, call, usage, refuse)).rejects.toThrow(
        '用法：规划“十五五”中没有指标“boarding_share”；新增指标须给出 --name、--comparator',
      );
      await expect(planSetTargetCommand({ key: 'x', comparator: '≥', target: '1' }, call, usage, refuse)).rejects.toThrow('--comparator 应为 >、>=、<、<=、= 之一');
      await expect(planSetTargetCommand({ key: 'compulsory_retention', target: '九十' }, call, usage, refuse)).rejects.toThrow('--target 应为数值');
      expect((await call('plan.get', { plan: planId })).settings).toEqual(defaultSettings());
    } finally {
      backend.close();
    }

    const run = async (...args: string[]) => execRun(tsx, [cli, ...args], { env, maxBuffer: 16 << 20 });
    const read = await run('plan-settings', file);
    expect(JSON.parse(read.stdout)).toEqual(defaultSettings());
    fs.writeFileSync(patch, JSON.stringify({ classSize: { primary: 40 }, landPerMu: 30 }));
    const wrote = await run('plan-settings', file, '--set', patch);
    expect(wrote.stdout).toBe('已更新规划“十五五”的设置（2 项）：\n  classSize.primary：45 → 40\n  landPerMu：null → 30\n');
    const target = await run('plan-set-target', file, '--key', 'compulsory_retention', '--target', '97');
    expect(target.stdout).toBe('已修改规划“十五五”的指标“九年义务教育巩固率”：≥ 97%（约束性），原为 96%\n');

    // Each write is one step of the plan's journal.
    backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'cli' });
    try {
      const call = <M extends MethodName>(m: M, input: unknown) => resultOf<MethodResult<M>>(backend.dispatch(m, input));
      await call('project.open', { path: file });
      const added = await planSetTargetCommand(
        { key: 'boarding_share', name: '寄宿生占比', unit: '%', comparator: '<=', target: '30' }, call, usage, refuse,
      ).then(() => call('plan.get', { plan: planId }));
      expect(added.targets.find((t) => t.key === 'boarding_share')).toMatchObject({ target: 30, comparator: '<=', attribute: '预期性' });
      expect(added.settings.classSize.primary).toBe(40);
      expect(added.settings.landPerMu).toBe(30);
      await call('plan.undo', { plan: planId });
      const beforeTarget = await call('plan.undo', { plan: planId });
      expect(beforeTarget.targets.find((t) => t.key === 'compulsory_retention')?.target).toBe(96);
      expect(beforeTarget.settings.classSize.primary).toBe(40);
      const first = await call('plan.undo', { plan: planId });
      expect(first.settings).toEqual(defaultSettings());
    } finally {
      backend.close();
    }
  });
});
