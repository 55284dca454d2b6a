// The editors on the command line: flags or a JSON file, what changed printed, undo by number.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnv, cliRunner } from '../helpers/cli';
import { tinyProject } from '../helpers/project';
import { tempDir } from '../helpers/temp';

describe('cli school-set / township-set / edit-undo', { timeout: 600_000 }, () => {
  const dir = tempDir('csp-cli-edit-');
  const env = cliEnv(path.join(dir, 'data'));
  const cliRun = cliRunner(env);

  it('sets fields by flag and from a file, prints each change, lists and undoes them', async () => {
    const project = await tinyProject(dir);
    const bySchool = await cliRun(['school-set', project, '城关第一小学', '--design-seats', '600', '--design-classes', '12', '--kind', '九年一贯制学校']);
    expect(bySchool).toMatchObject({ code: 0, stderr: '' });
    expect(bySchool.stdout).toBe(
      '已修改学校“城关第一小学”（9909990001），修改编号 1：\n  办学类型：小学 → 九年一贯制学校\n  设计班级数：（空） → 12\n  设计学位数：540 → 600\n',
    );
    const changes = path.join(dir, '修改.json');
    fs.writeFileSync(changes, JSON.stringify({ area: '西部片区', urbanRural: '镇区' }));
    const byFile = await cliRun(['township-set', project, '青山乡', '--json', changes]);
    expect(byFile.stdout).toContain('已修改乡镇“青山乡”（990999002），修改编号 2：\n  城乡分类：乡村 → 镇区\n  学区（片区）：东部片区 → 西部片区');

    const list = await cliRun(['edit-list', project, '--json']);
    expect((JSON.parse(list.stdout) as { id: number }[]).map((e) => e.id)).toEqual([2, 1]);
    const undo = await cliRun(['edit-undo', project, '1']);
    expect(undo.stdout).toBe('已撤销第 1 次修改（学校“城关第一小学”（9909990001）），恢复 1 处改动\n');
    const exported = await cliRun(['export', project, 'schools']);
    expect(exported.stdout).toMatch(/9909990001,城关第一小学,小学,/);
  });

  it('refuses a bad value with the field named (exit 1) and an unknown flag as wrong usage (exit 2)', async () => {
    const project = await tinyProject(dir, '二.csplan');
    const bad = await cliRun(['school-set', project, '9909990001', '--design-seats', '很多']);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toContain('--design-seats（设计学位数）应为数字或“空”，收到“很多”');
    const range = await cliRun(['school-set', project, '9909990001', '--lat', '200']);
    expect(range.code).toBe(1);
    expect(range.stderr).toContain('纬度不能大于 90');
    const unknown = await cliRun(['township-set', project, '青山乡', '--design-seats', '1']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知的选项“--design-seats”');
    expect(unknown.stderr).toContain('用法：npm run cli -- township-set <文件.csplan>');
  });
});
