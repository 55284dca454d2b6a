// `npm run dist`: package installers, then give the tests their Node build of better-sqlite3
// back (electron-builder rebuilds it in place for Electron's ABI). Exits with the packager's
// status, so a failed packaging is never reported as success.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd: string, args: string[]): number {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  return r.status ?? 1;
}

const built = run(npx, ['electron-vite', 'build']);
const packaged = built === 0 ? run(npx, ['electron-builder', '--config', 'electron-builder.yml', ...process.argv.slice(2)]) : built;
const restored = run(npm, ['rebuild', 'better-sqlite3']);
if (restored !== 0) console.error('未能恢复 better-sqlite3 的 Node 版本，请手动运行 npm rebuild better-sqlite3。');
if (packaged !== 0) console.error('打包失败。');
process.exit(packaged || restored);
