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

/** One attempt at Electron's own installer; it fails within seconds when offline. */
function tryDownload(): { ok: boolean; reason: string } {
  const installer = path.join(ELECTRON_DIR, 'install.js');
  if (!existsSync(installer)) return { ok: false, reason: '未找到 node_modules/electron/install.js' };
  console.log('未找到 Electron 运行时，正在尝试下载（最长 60 秒）…');
  const r = spawnSync(process.execPath, [installer], {
    cwd: ROOT,
    timeout: DOWNLOAD_TIMEOUT_MS,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status === 0) return { ok: true, reason: '' };
  if (r.error) return { ok: false, reason: r.error.message };
  const firstLine = `${r.stderr ?? ''}`.trim().split('\n').find((l) => l.trim()) ?? `退出码 ${r.status}`;
  return { ok: false, reason: firstLine.slice(0, 200) };
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
  if (!bin && process.env.CSP_SKIP_ELECTRON_DOWNLOAD !== '1') {
    const attempt = tryDownload();
    if (attempt.ok) bin = electronBinary();
    else console.log(`下载失败：${attempt.reason}`);
  }
  if (bin) {
    runElectron(bin);
    return;
  }
  console.log('');
  console.log('本机没有可用的 Electron 运行时（下载被阻止或处于离线状态），无法打开桌面窗口。');
  console.log('现以浏览器模式启动同一个程序：请在浏览器中打开下面的地址。');
  console.log('');
  await runBrowserMode();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
