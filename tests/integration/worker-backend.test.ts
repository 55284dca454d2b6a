import Database from 'better-sqlite3';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { AppError } from '../../electron/backend/errors';
import { createWorkerBackend } from '../../electron/backend/worker-backend';
import { startHost, type Host } from '../../electron/host/server';
import { generateCounty } from '../../shared/sample';
import { projectFile, resultOf } from '../helpers/backend';
import { tempDir } from '../helpers/temp';

const SLOW_ENTRY = path.join(__dirname, '../helpers/slow-backend-worker.cjs');

let backend: Backend | null = null;
let host: Host | null = null;
afterEach(async () => {
  backend?.close();
  backend = null;
  await host?.close();
  host = null;
});

async function sampleProject(): Promise<{ dir: string; file: string }> {
  const dir = tempDir('csp-worker-');
  return { dir, file: await projectFile(dir, '示例县.csplan', generateCounty()) };
}

function get(port: number, pathname: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: pathname }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      })
      .on('error', reject);
  });
}

describe('the backend in a process of its own', () => {
  it('answers calls as the backend does', async () => {
    const { dir, file } = await sampleProject();
    backend = createWorkerBackend({ dataDir: path.join(dir, 'data'), shell: 'browser' });
    const opened = await resultOf<{ path: string }>(backend.dispatch('project.open', { path: file }));
    expect(opened.path).toBe(file);
    const overview = await resultOf<{ schoolCount?: number }>(backend.dispatch('overview.get', {}));
    expect(overview).toBeTypeOf('object');
    expect(await backend.dispatch('schools.detail', { code: 5 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // Closing lets the worker close the project, so another backend can open the file.
    backend.close();
    backend = createBackend({ dataDir: path.join(dir, 'data2'), shell: 'cli' });
    await vi.waitFor(() => resultOf(backend!.dispatch('project.open', { path: file })), { timeout: 5000, interval: 100 });
  });

  it("prints annex PDFs with the caller's printer, and passes its refusal back", async () => {
    const { dir, file } = await sampleProject();
    const printed: string[] = [];
    let refuse = false;
    backend = createWorkerBackend({
      dataDir: path.join(dir, 'data'),
      shell: 'electron',
      printPdf: (html) => {
        printed.push(html);
        if (refuse) return Promise.reject(new AppError('IO_ERROR', '打印机不可用'));
        return Promise.resolve(new TextEncoder().encode('%PDF-stub'));
      },
    });
    await resultOf(backend.dispatch('project.open', { path: file }));
    const outPath = path.join(dir, '附件.pdf');
    const exportPdf = () => backend!.dispatch('annex.export', { format: 'pdf', outPath, annexes: [{ kind: 'schools', paper: 'A3 landscape' }] });
    await resultOf(exportPdf());
    expect(fs.readFileSync(outPath, 'utf8')).toBe('%PDF-stub');
    expect(printed[0]).toContain('<html');
    refuse = true;
    expect(await exportPdf()).toEqual({ ok: false, error: { code: 'IO_ERROR', message: '打印机不可用' } });
  }, 30_000);

  it('stops a call past its time limit, closes the project and answers the next call from a fresh worker', async () => {
    const { dir, file } = await sampleProject();
    backend = createWorkerBackend({ dataDir: path.join(dir, 'data'), shell: 'browser', timeoutMs: 1500, entry: SLOW_ENTRY });
    await resultOf(backend.dispatch('project.open', { path: file }));
    const started = Date.now();
    expect(await backend.dispatch('test.block', {})).toEqual({
      ok: false,
      error: { code: 'TIMEOUT', message: '操作超时（超过 1.5 秒）已中止，项目已关闭，请重新打开。' },
    });
    expect(Date.now() - started).toBeLessThan(5000);
    const home = await resultOf<{ current: unknown }>(backend.dispatch('app.home', {}));
    expect(home.current).toBeNull();
    // The stopped worker's SQLite connection is gone with it, so the file's lock is free again.
    await resultOf(backend.dispatch('project.open', { path: file }));
    await resultOf(backend.dispatch('overview.get', {}));
  }, 30_000);

  it('kills a call stuck inside a SQLite query, so its lock on the file is released', async () => {
    const { dir, file } = await sampleProject();
    backend = createWorkerBackend({ dataDir: path.join(dir, 'data'), shell: 'browser', timeoutMs: 1500, entry: SLOW_ENTRY });
    await resultOf(backend.dispatch('app.home', {}));
    expect(await backend.dispatch('test.stuckQuery', { path: file })).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    // A thread stuck in native code cannot be stopped; a killed process leaves no lock behind.
    const db = new Database(file, { timeout: 100 });
    try {
      await vi.waitFor(() => db.exec('BEGIN IMMEDIATE; ROLLBACK'), { timeout: 5000, interval: 100 });
    } finally {
      db.close();
    }
    await resultOf(backend.dispatch('project.open', { path: file }));
  }, 30_000);

  it('keeps serving the page while a call is busy in the loopback host', async () => {
    const dir = tempDir('csp-worker-host-');
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>测试</title>');
    const h = await startHost({ dataDir: path.join(dir, 'data'), rendererDir, port: 0, worker: { timeoutMs: 4000, entry: SLOW_ENTRY } });
    host = h;
    // Warm the worker up, so the busy call below is busy blocking rather than starting.
    await resultOf(h.backend.dispatch('app.home', {}));
    const blocked = fetch(`${h.url}/api/test.block`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csp-token': h.token },
      body: '{}',
    }).then((r) => r.json() as Promise<unknown>);
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    const page = await get(h.port, '/index.html');
    expect(page.status).toBe(200);
    expect(page.body).toContain('测试');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await blocked).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
  }, 30_000);
});
