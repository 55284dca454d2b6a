// `npm start`: runs the desktop app when the Electron runtime is present, and otherwise
// the same app in browser mode. Electron downloads its binary on first use, which a
// machine behind a firewall (or offline) cannot do; the planner should still get the app.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const ELECTRON_DIR = path.join(ROOT, 'node_modules', 'electron');
const DOWNLOAD_TIMEOUT_MS = 60_000;

/** The executable named by node_modules/electron/path.txt, if it is really there. */
function electronBinary(): string | null {
  const pathFile = path.join(ELECTRON_DIR, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const rel = readFileSync(pathFile, 'utf8').trim();
  const bin = path.join(ELECTRON_DIR, 'dist', rel);
  return rel && existsSync(bin) ? bin : null;
}

// Node's fetch and Electron's installer report an unreachable network in several ways.
const OFFLINE = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|proxy/i;

/** Why the download failed, in words for the planner; the raw text only when it is not the usual "offline". */
function downloadFailure(detail: string, timedOut: boolean): string {
  if (timedOut) return `下载在 ${DOWNLOAD_TIMEOUT_MS / 1000} 秒内未完成`;
  if (OFFLINE.test(detail)) return '无法连接下载服务器（本机离线，或网络阻止了下载）';
  return `下载出错（${detail.slice(0, 200)}）`;
}

/** One attempt at Electron's own installer; it fails within seconds when offline. */
function tryDownload(): { ok: true } | { ok: false; reason: string } {
  const installer = path.join(ELECTRON_DIR, 'install.js');
  if (!existsSync(installer)) return { ok: false, reason: '未找到 node_modules/electron/install.js（请先运行 npm ci）' };
  console.log('未找到 Electron 运行时，正在尝试下载（最长 60 秒）…');
  const r = spawnSync(process.execPath, [installer], {
    cwd: ROOT,
    timeout: DOWNLOAD_TIMEOUT_MS,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status === 0) return { ok: true };
  const timedOut = (r.error as { code?: string } | undefined)?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM';
  const detail = r.error?.message ?? (`${r.stderr ?? ''}`.trim().split('\n').find((l) => l.trim()) || `退出码 ${r.status}`);
  return { ok: false, reason: downloadFailure(detail, timedOut) };
}

function runElectron(bin: string): void {
  const env = { ...process.env };
  // Set by some tools; it would make Electron behave as plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(bin, ['.'], { cwd: ROOT, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', (err) => {
    console.error(`无法启动 Electron：${err.message}`);
    void runBrowserMode();
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function runBrowserMode(): Promise<void> {
  // The host module starts the loopback server and prints its address when imported.
  await import('../host/serve');
}

async function main(): Promise<void> {
  let bin = electronBinary();
  let why = '下载已被 CSP_SKIP_ELECTRON_DOWNLOAD=1 关闭';
  if (!bin && process.env.CSP_SKIP_ELECTRON_DOWNLOAD !== '1') {
    const attempt = tryDownload();
    if (attempt.ok) bin = electronBinary();
    why = attempt.ok ? '下载完成，但未找到可执行文件' : attempt.reason;
  }
  if (bin) {
    runElectron(bin);
    return;
  }
  console.log('');
  console.log(`本机没有可用的 Electron 运行时（${why}），无法打开桌面窗口。`);
  console.log('现以浏览器模式启动同一个程序：请在浏览器中打开下面的地址。');
  console.log('');
  await runBrowserMode();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
