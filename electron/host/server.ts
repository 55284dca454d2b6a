// Loopback HTTP transport: serves the built renderer and carries API calls to the same
// backend the desktop app uses. Bound to 127.0.0.1 only; API calls need the per-start
// token and must come from this origin, so neither a web page in another tab nor a DNS
// rebinding trick can drive it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../backend';
import { chromiumPrinter, chromiumRasteriser } from '../backend/annex/chromium';
import { createWorkerBackend, type WorkerBackendOptions } from '../backend/worker-backend';
import { HEADER_CSP, mimeFor, resolveInside } from './static-files';

export interface HostOptions {
  dataDir: string;
  /** Folder with the built renderer (index.html and assets). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** The backend worker's time limit per call, and (tests) its entry file. */
  worker?: Pick<WorkerBackendOptions, 'timeoutMs' | 'entry'>;
}

export interface Host {
  url: string;
  /** Address with the token, to open in a browser. */
  openUrl: string;
  port: number;
  token: string;
  backend: Backend;
  close(): Promise<void>;
}

const MAX_BODY = 1 << 20;

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy': HEADER_CSP,
  });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function forbidden(res: http.ServerResponse, message: string): void {
  sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message } });
}

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit the rest is read and dropped, so the client still gets the 413 answer.
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function serveStatic(rendererDir: string, urlPath: string, res: http.ServerResponse): void {
  const full = resolveInside(rendererDir, urlPath.split('?')[0] ?? '/');
  if (!full || !fs.existsSync(full) || !fs.statSync(full).isFile()) {
    send(res, 404, '未找到', 'text/plain; charset=utf-8');
    return;
  }
  send(res, 200, fs.readFileSync(full), mimeFor(full));
}

export async function startHost(options: HostOptions): Promise<Host> {
  if (!fs.existsSync(path.join(options.rendererDir, 'index.html'))) {
    throw new Error(`未找到界面文件 ${options.rendererDir}/index.html，请先运行 npm run build。`);
  }
  // In a process of its own: a long call must not hold up the page's files or other requests.
  const backend = createWorkerBackend({ ...options.worker, dataDir: options.dataDir, shell: 'browser', printPdf: chromiumPrinter(), rasterise: chromiumRasteriser() });
  const token = crypto.randomBytes(24).toString('base64url');
  let origin = '';
  let allowedHosts: string[] = [];

  const server = http.createServer((req, res) => {
    void (async () => {
      // Requests naming another host are a DNS-rebinding attempt or a proxy mistake.
      if (!allowedHosts.includes(req.headers.host ?? '')) return forbidden(res, '拒绝：主机名不符');
      const url = req.url ?? '/';
      if (!url.startsWith('/api/')) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '不支持的请求', 'text/plain; charset=utf-8');
        return serveStatic(options.rendererDir, url, res);
      }
      if (req.method !== 'POST') return forbidden(res, '拒绝：接口只接受 POST 请求');
      const from = req.headers.origin;
      if (from !== undefined && from !== origin && from !== origin.replace('127.0.0.1', 'localhost')) {
        return forbidden(res, '拒绝：请求来自其他网页');
      }
      const given = req.headers['x-csp-token'];
      if (typeof given !== 'string' || !tokensEqual(given, token)) return forbidden(res, '拒绝：访问令牌无效，请使用启动时显示的地址打开');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return forbidden(res, '拒绝：请求格式不符');
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
        res.setHeader('connection', 'close');
        return sendJson(res, 413, { ok: false, error: { code: 'INVALID_INPUT', message: '请求内容过大' } });
      }
      const body = await readBody(req);
      if (body === null) return sendJson(res, 413, { ok: false, error: { code: 'INVALID_INPUT', message: '请求内容过大' } });
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body) : {};
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求内容不是有效的 JSON' } });
      }
      const method = decodeURIComponent(url.slice('/api/'.length).split('?')[0] ?? '');
      sendJson(res, 200, await backend.dispatch(method, input));
    })().catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: `程序内部错误：${String(err)}` } });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return {
    url: origin,
    openUrl: `${origin}/#t=${token}`,
    port,
    token,
    backend,
    close: () =>
      new Promise<void>((resolve) => {
        backend.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
