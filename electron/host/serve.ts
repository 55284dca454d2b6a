// `npm run serve`: the app in a browser, on this machine only. Also the fallback of
// `npm start` where the Electron runtime cannot be downloaded.
import fs from 'node:fs';
import path from 'node:path';
import { defaultDataDir } from '../backend';
import { startHost } from './server';

const DEFAULT_PORT = 4317;

async function listen(dataDir: string, rendererDir: string) {
  const wanted = Number(process.env.PORT || DEFAULT_PORT);
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) throw new Error(`环境变量 PORT 应为 0–65535 的端口号（0 表示任一空闲端口），收到“${process.env.PORT}”`);
  try {
    return await startHost({ dataDir, rendererDir, port: wanted });
  } catch (err) {
    if ((err as { code?: string }).code !== 'EADDRINUSE') throw err;
    console.log(`端口 ${wanted} 已被占用，改用一个空闲端口（要固定端口，可设置环境变量 PORT，例如 PORT=8080 npm run serve）。`);
    return startHost({ dataDir, rendererDir, port: 0 });
  }
}

async function main(): Promise<void> {
  const dataDir = defaultDataDir();
  fs.mkdirSync(dataDir, { recursive: true });
  const rendererDir = path.resolve(__dirname, '../../out/renderer');
  const host = await listen(dataDir, rendererDir);
  // First run: put the sample county on the start page's recent list.
  const home = await host.backend.dispatch('app.home', {});
  if (home.ok && (home.result as { recent: unknown[] }).recent.length === 0) {
    await host.backend.dispatch('project.openSample', {});
    await host.backend.dispatch('project.close', {});
  }
  console.log(`浏览器模式已启动：${host.openUrl}`);
  console.log(`数据目录：${dataDir}`);
  console.log('请在浏览器中打开上面的地址（仅本机可访问）。按 Ctrl+C 退出。');
  const stop = () => {
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`启动失败：${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
