// `cli inclusion-set`: pupils with disabilities, 随迁子女 and school groups edited from the command
// line through inclusion.edit; a count not given keeps its value, each edit is numbered and
// undone by `edit-undo`, JSON comes from a file or standard input, and errors are in Chinese.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, cliEnv, cliRunner, TSX } from '../helpers/cli';
import { tinyProject } from '../helpers/project';
import { tempDir } from '../helpers/temp';

describe('cli inclusion-set', { timeout: 600_000 }, () => {
  const dir = tempDir('csp-cli-inclusion-');
  const env = cliEnv(path.join(dir, 'data'));
  const cliRun = cliRunner(env);

  it('sets counts and groups by flag, keeps the counts not given, takes JSON on stdin, and undoes by number', async () => {
    const project = await tinyProject(dir);
    const first = await cliRun(['inclusion-set', project, 'special-needs', '城关第一小学', '--year', '2024', '--inclusive', '6', '--resource-rooms', '1']);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe('已修改城关第一小学 2024 年的残疾学生与资源教室，修改编号 1：\n  随班就读残疾学生：（空） → 6\n  资源教室：（空） → 1\n');
    const second = await cliRun(['inclusion-set', project, 'special-needs', '9909990001', '--year', '2024', '--special-class', '2']);
    expect(second.stdout).toBe('已修改城关第一小学 2024 年的残疾学生与资源教室，修改编号 2：\n  特教班残疾学生：（空） → 2\n');

    const formed = await cliRun(['inclusion-set', project, 'group', '城关共同体', '--kind', '共同体', '--core', '城关第一小学', '--members', '青山乡中心小学', '--year-formed', '2025']);
    expect(formed.stdout).toContain('已修改学校集团“城关共同体”，修改编号 3：');
    const extended = await cliRun(['inclusion-set', project, 'group', '城关共同体', '--add-members', '城关九年一贯制学校']);
    expect(extended.stdout).toBe('已修改学校集团“城关共同体”，修改编号 4：\n  成员学校：青山乡中心小学 → 青山乡中心小学、城关九年一贯制学校\n');

    const stdin = spawnSync(TSX, [CLI, 'inclusion-set', project, '--json', '-'], {
      env, encoding: 'utf8', input: JSON.stringify({ what: 'migrants', school: '城关第一小学', year: 2024, pupils: 120, purchased: null }),
    });
    expect(stdin.status).toBe(0);
    expect(stdin.stdout).toBe('已修改城关第一小学 2024 年的随迁子女，修改编号 5：\n  随迁子女在校生：（空） → 120\n');

    const undo = await cliRun(['edit-undo', project, '2']);
    expect(undo.stdout).toBe('已撤销第 2 次修改（城关第一小学 2024 年的残疾学生与资源教室），恢复 1 处改动\n');
    const needs = await cliRun(['export', project, 'special_needs']);
    expect(needs.stdout.trim().split('\n')[1]).toBe('2024,9909990001,城关第一小学,6,,,1');
    const groups = await cliRun(['export', project, 'school_groups']);
    expect(groups.stdout).toContain('城关共同体,共同体,9909990001,城关第一小学,青山乡中心小学（9909990002）、城关九年一贯制学校（9909990003）,2025');

    const removed = await cliRun(['inclusion-set', project, 'remove-group', '城关共同体', '--json']);
    expect(JSON.parse(removed.stdout)).toMatchObject({ editId: 6, target: 'school_group' });
  });

  it('refuses a bad count as wrong usage (exit 2) and an unknown school as an error (exit 1), in Chinese', async () => {
    const project = await tinyProject(dir, '二.csplan');
    const bad = await cliRun(['inclusion-set', project, 'special-needs', '城关第一小学', '--year', '2024', '--inclusive', '很多']);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toContain('--inclusive（随班就读残疾学生）应为整数或“空”，收到“很多”');
    expect(bad.stderr).toContain('用法：npm run cli -- inclusion-set <文件.csplan> special-needs');
    const noYear = await cliRun(['inclusion-set', project, 'migrants', '城关第一小学', '--pupils', '3']);
    expect(noYear.code).toBe(2);
    expect(noYear.stderr).toContain('缺少 --year 年份');
    const unknown = await cliRun(['inclusion-set', project, 'special-needs', '不存在小学', '--year', '2024', '--inclusive', '1']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('找不到标识码或名称为“不存在小学”的学校');
    const list = await cliRun(['edit-list', project, '--json']);
    expect(JSON.parse(list.stdout)).toEqual([]);
  });
});
