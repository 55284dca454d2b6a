// Paths given to import or open may point anywhere: a device that never ends, a pipe that
// never opens. Only regular files are read, with a bounded length, and nothing blocks.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { createProjectFile, openProjectFile } from '../../electron/backend/db/project-file';
import { AppError } from '../../electron/backend/errors';
import { ImportFileError } from '../../electron/backend/import/file-error';
import { LIMITS } from '../../electron/backend/import/limits';
import { readSourcePath } from '../../electron/backend/import/source-file';
import type { ImportFileStatus } from '../../shared/import';
import { tinyProject } from '../helpers/project';
import { tempDir } from '../helpers/temp';

const unix = process.platform !== 'win32';
let dir: string;

beforeAll(() => {
  dir = tempDir('csp-sources-');
});

function link(name: string, target: string): string {
  const file = path.join(dir, name);
  fs.symlinkSync(target, file);
  return file;
}

function fifo(name: string): string {
  const file = path.join(dir, name);
  execFileSync('mkfifo', [file]);
  return file;
}

async function failure<T>(p: Promise<T>): Promise<unknown> {
  const started = Date.now();
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(Date.now() - started).toBeLessThan(3000);
  return err;
}

describe.runIf(unix)('reading files to import', () => {
  it('refuses a link to /dev/zero without reading it', async () => {
    const rss = process.memoryUsage().rss;
    const err = await failure(readSourcePath(link('统计表.xlsx', '/dev/zero')));
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as ImportFileError).message).toMatch(/“统计表\.xlsx”不是普通文件/);
    expect(process.memoryUsage().rss - rss).toBeLessThan(LIMITS.maxFileBytes);
  });

  it('refuses a named pipe without waiting for a writer', async () => {
    const err = await failure(readSourcePath(fifo('管道.csv')));
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as ImportFileError).message).toMatch(/“管道\.csv”不是普通文件/);
  });

  it('still reads a regular file through a link, and refuses one past the size limit', async () => {
    const real = path.join(dir, '真实.csv');
    fs.writeFileSync(real, '学校名称\n城关小学\n');
    const read = await readSourcePath(link('链接.csv', real));
    expect(read.bytes.toString()).toBe('学校名称\n城关小学\n');
    const big = path.join(dir, '大.csv');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, LIMITS.maxFileBytes + 1);
    const err = await failure(readSourcePath(big));
    expect((err as ImportFileError).code).toBe('FILE_TOO_BIG');
  });

  describe('through the API', () => {
    let backend: Backend;
    beforeAll(async () => {
      backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'browser' });
      const res = await backend.dispatch('project.open', { path: await tinyProject(dir) });
      expect(res.ok).toBe(true);
    });
    afterAll(() => backend.close());

    it('import.open on /dev/zero fails with the reason', async () => {
      const res = await backend.dispatch('import.open', { source: { path: '/dev/zero' } });
      const status = (res.ok ? res.result : null) as ImportFileStatus | null;
      const message = status?.error?.message ?? (res.ok ? '' : res.error.message);
      expect(message).toMatch(/不是普通文件/);
    });
  });
});

describe.runIf(unix)('opening project files', () => {
  async function refused(file: string): Promise<void> {
    const err = await failure(openProjectFile(file));
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('NOT_A_PROJECT');
    expect((err as AppError).message).toMatch(/不是普通文件/);
    expect((err as AppError).message).not.toMatch(/文件夹/);
  }

  it('refuses a link to a device', async () => {
    await refused(link('设备.csplan', '/dev/zero'));
  });

  it('refuses a named pipe without blocking', async () => {
    await refused(fifo('管道.csplan'));
  });

  it('still says a folder is a folder', async () => {
    const folder = path.join(dir, '文件夹.csplan');
    fs.mkdirSync(folder);
    const err = await failure(openProjectFile(folder));
    expect((err as AppError).message).toMatch(/是文件夹/);
  });
});

describe.runIf(unix)('creating project files', () => {
  it('refuses a dangling link instead of creating the file where it points', async () => {
    const target = path.join(dir, '别处', '目标.csplan');
    fs.mkdirSync(path.dirname(target));
    const file = link('新项目.csplan', target);
    const err = await failure(createProjectFile(file));
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/新项目\.csplan.*链接/);
    expect(fs.existsSync(target)).toBe(false);
  });
});
