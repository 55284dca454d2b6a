import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../electron/host/server';
import { tempDir } from '../helpers/temp';

let host: Host;

/** Raw requests, so headers a browser would never let a page forge (Host) can be tested. */
function request(
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, path: pathname, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

function api(method: string, extra: Record<string, string> = {}, body = '{}') {
  return request(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csp-token': host.token, ...extra },
    body,
  });
}

beforeAll(async () => {
  const dir = tempDir();
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>测试</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'a.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), '机密');
  host = await startHost({ dataDir: path.join(dir, 'data'), rendererDir, port: 0 });
});
afterAll(() => host.close());

describe('loopback host', () => {
  it('binds to 127.0.0.1 and serves the renderer with a CSP', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.openUrl).toContain(`#t=${host.token}`);
    const index = await request('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('测试');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await request('/assets/a.js')).headers['content-type']).toContain('javascript');
  });

  it('does not serve files outside the renderer folder', async () => {
    expect((await request('/../secret.txt')).status).toBe(404);
    expect((await request('/%2e%2e/secret.txt')).status).toBe(404);
    expect((await request('/assets/%2e%2e/%2e%2e/secret.txt')).status).toBe(404);
  });

  it('answers API calls carrying the token', async () => {
    const res = await api('app.home');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, result: { current: null, shell: 'browser' } });
    const invalid = JSON.parse((await api('schools.detail', {}, '{"code": 5}')).body);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses calls without the token, from other origins, with another Host, or not JSON', async () => {
    const noToken = await request('/api/app.home', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noToken.status).toBe(403);
    expect(JSON.parse(noToken.body).error.message).toMatch(/令牌/);
    expect((await api('app.home', { 'x-csp-token': 'x'.repeat(32) })).status).toBe(403);
    expect((await api('app.home', { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('app.home', { host: 'evil.example:80' })).status).toBe(403);
    expect((await api('app.home', { 'content-type': 'text/plain' })).status).toBe(403);
    expect((await request('/api/app.home')).status).toBe(403);
    expect((await api('app.home', { origin: host.url })).status).toBe(200);
  });

  it('rejects bodies that are too large or not JSON', async () => {
    expect((await api('app.home', {}, '{not json')).status).toBe(400);
    expect((await api('app.home', {}, JSON.stringify({ x: 'a'.repeat(2 << 20) }))).status).toBe(413);
  });
});
