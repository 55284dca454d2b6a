import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createProjectWithData } from '../../electron/backend/services/project';
import { generateCounty } from '../../shared/sample';
import { CLI, cliEnv, cliRunner, TSX } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const run = promisify(execFile);

describe('cli wrong usage', () => {
  const dataDir = path.join(tempDir('csp-cli-usage-'), 'data');
  const env = cliEnv(dataDir);
  const cliRun = cliRunner(env);
  const project = path.join(tempDir('csp-cli-usage-'), '某县.csplan');

  it('answers an unknown option in Chinese with the command’s usage line, exit 2, nothing on stdout', async () => {
    const out = await cliRun(['info', project, '--bogus']);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('未知的选项“--bogus”');
    expect(out.stderr).toContain('用法：npm run cli -- info <文件.csplan> [--json]');
    expect(out.stderr).not.toMatch(/Unknown option|positional/);
  });

  it('answers an option without its value the same way', async () => {
    const out = await cliRun(['export', project, 'schools', '--out']);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('选项 --out 缺少取值');
    expect(out.stderr).toContain('用法：npm run cli -- export <文件.csplan> <schools|enrolment|population|births|teachers|special_needs|migrants|school_groups|villages> [--out 文件.csv|文件.xlsx]');
    expect(out.stderr).not.toMatch(/argument missing/);

    const ambiguous = await cliRun(['import', project, 'schools', 'a.xlsx', '--year', '--json']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stdout).toBe('');
    expect(ambiguous.stderr).toContain('选项 --year 缺少取值');
    // A usage spread over two lines of the help comes out as one line.
    expect(ambiguous.stderr).toMatch(/用法：npm run cli -- import <文件\.csplan> .*\[--mapping 映射\.json\] \[--encoding auto\|utf-8\|gbk\]/);
  });

  it('answers an unknown command with the commands there are, and touches nothing', async () => {
    const out = await cliRun(['infos', project, '--json']);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('未知命令“infos”');
    expect(out.stderr).toContain('用法：npm run cli -- <命令> [参数]');
    expect(out.stderr).toMatch(/命令：new、info、export.*plan-add-project/);
    // A command with several forms in the help is named once.
    expect(out.stderr.match(/inclusion-set/g)).toHaveLength(1);
    expect(fs.existsSync(project)).toBe(false);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('names the command’s usage for a missing argument too', async () => {
    const out = await cliRun(['plan-create']);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('缺少参数：项目文件路径');
    expect(out.stderr).toContain('用法：npm run cli -- plan-create <文件.csplan>');
  });

  it('help points to the built-in 使用指南 and its blank templates', async () => {
    const out = await cliRun(['help']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('使用指南');
    expect(out.stdout).toContain('“帮助”按钮');
    expect(out.stdout).toContain('空白导入模板');
  });

  it('ends quietly with status 0 when the reader stops early (| head), also past the pipe buffer', { timeout: 120_000 }, async () => {
    const file = path.join(tempDir('csp-cli-usage-'), '示例县.csplan');
    (await createProjectWithData(file, generateCounty())).close();
    const piped = (args: string[]) => {
      const quoted = [TSX, CLI, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
      return run('bash', ['-c', `set -o pipefail; ${quoted} | head -c 100 > /dev/null`], { env }).then(
        (r) => ({ code: 0, stderr: r.stderr }),
        (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
      );
    };
    // Both print well over the 64 KB a pipe holds, so the reader is gone before they finish.
    for (const args of [['export', file, 'enrolment'], ['project', file, '--json']]) {
      expect(await piped(args), args.join(' ')).toEqual({ code: 0, stderr: '' });
    }
  });
});
