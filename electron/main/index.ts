// App lifecycle only. Everything the app does with data lives in electron/backend, which
// runs in a utility process of its own (so a long call never freezes the window, and a stuck
// one can be killed) and is reached through backend.dispatch().
import path from 'node:path';
import { app, type BrowserWindow } from 'electron';
import type { RecentFile } from '../../shared/api';
import type { Backend } from '../backend';
import { createWorkerBackend } from '../backend/worker-backend';
import { utilityBackend } from './backend-process';
import { RECENT_PREFIX } from '../preload/api';
import { registerIpc } from './ipc';
import { PathGrants } from './path-grants';
import { refreshMenu, type MenuDeps } from './menu';
import { createMessenger, type Messenger } from './messenger';
import { registerAppScheme, serveRenderer } from './protocol';
import { installSecurityGuards } from './security';
import { createMainWindow } from './window';
import { printHtmlToPdf } from './pdf';
import { rasteriseSvgs } from './raster';

// Built layout: out/main/index.js, out/preload/index.cjs, out/renderer/index.html.
const PRELOAD = path.join(__dirname, '../preload/index.cjs');
const RENDERER_DIR = path.join(__dirname, '../renderer');

/** A project file given on the command line (file association, drag onto the icon). */
function projectArg(argv: readonly string[], cwd: string): string | undefined {
  const file = argv.slice(1).findLast((a) => !a.startsWith('-') && a.toLowerCase().endsWith('.csplan'));
  return file ? path.resolve(cwd, file) : undefined;
}

async function recentFiles(backend: Backend): Promise<RecentFile[]> {
  const r = await backend.dispatch('app.home', {});
  return r.ok ? (r.result as { recent: RecentFile[] }).recent : [];
}

function start(): void {
  let win: BrowserWindow | null = null;
  let messenger: Messenger | null = null;
  let backend: Backend | null = null;
  const startupFile = projectArg(process.argv, process.cwd());
  // A file the user opened with the app (file association, drag onto the icon) was chosen
  // as surely as one picked in a dialog.
  const grants = new PathGrants();
  if (startupFile) grants.grant(startupFile);

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
    const file = projectArg(argv, workingDirectory);
    if (!file) return;
    grants.grant(file);
    messenger?.send(`${RECENT_PREFIX}${file}`);
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => backend?.close());

  void app.whenReady().then(() => {
    const be = createWorkerBackend({
      dataDir: app.getPath('userData'),
      shell: 'electron',
      spawn: utilityBackend,
      // Called from the backend's process by message: printing needs this process's BrowserWindow.
      // The annex HTML sets its own paper per page (@page A4 / A3) and margins.
      printPdf: async (html) => new Uint8Array(await printHtmlToPdf(html, { preferCSSPageSize: true })),
      rasterise: rasteriseSvgs,
    });
    backend = be;
    serveRenderer(RENDERER_DIR);
    win = createMainWindow(PRELOAD);
    win.on('closed', () => {
      win = null;
      messenger = null;
    });
    const m = createMessenger(win.webContents);
    messenger = m;
    const menuDeps: MenuDeps = { send: (action) => m.send(action), recent: () => recentFiles(be) };
    registerIpc(be, {
      grants,
      paths: { dataDir: be.dataDir, recent: async () => (await recentFiles(be)).map((f) => f.path) },
      onRecentChanged: () => void refreshMenu(menuDeps),
    });
    void refreshMenu(menuDeps);
    if (startupFile) m.send(`${RECENT_PREFIX}${startupFile}`);
  });
}

registerAppScheme();
installSecurityGuards();
// A project file is locked by the instance that has it open; a second instance would only
// be refused, so hand its arguments to the first one instead.
if (app.requestSingleInstanceLock()) start();
else app.quit();
