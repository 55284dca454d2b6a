// The Electron main process run under Node: only the Electron binary is replaced (by the
// recording stand-in in tests/helpers/electron-stub.ts); the window options, the app://
// handler, the IPC handlers and the real backend behind them all run. What Chromium itself
// enforces (the sandbox, the CSP) is still checked statically in electron-security.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { registerIpc } from '../../electron/main/ipc';
import { createMessenger } from '../../electron/main/messenger';
import { PATH_FIELDS, PATH_REFUSED_MESSAGE, PathGrants, canonicalPath, pathsOf } from '../../electron/main/path-grants';
import { APP_ENTRY_URL, HEADER_CSP } from '../../electron/main/policy';
import { printHtmlToPdf } from '../../electron/main/pdf';
import { serveRenderer } from '../../electron/main/protocol';
import { installSecurityGuards } from '../../electron/main/security';
import { CHANNELS } from '../../electron/preload/api';
import { contract } from '../../shared/api';
import { FakeBrowserWindow, FakeUtilityProcess, FakeWebContents, electron, preventable } from '../helpers/electron-stub';
import { tinyProject } from '../helpers/project';
import { tempDir } from '../helpers/temp';

vi.mock('electron', async () => (await import('../helpers/electron-stub')).electronModule);

const APP_PAGE = 'app://bundle/index.html';
const FOREIGN_PAGES = ['http://127.0.0.1:5173/', 'https://example.com/', 'file:///tmp/index.html', 'app://evil/index.html', 'about:blank'];

/** What Electron passes to an ipcMain handler for a call from `url`'s frame. */
function from(url: string | null, sender: FakeWebContents = new FakeWebContents()) {
  return { sender, senderFrame: url === null ? null : { url } };
}

type Response = { ok: boolean; error?: { code: string; message: string }; result?: unknown };
const invoke = (url: string | null, method: unknown, input?: unknown) =>
  electron.ipcMain.invoke(CHANNELS.invoke, from(url), method, input) as Promise<Response>;
const dialog = (url: string | null, kind: string, options?: unknown) =>
  electron.ipcMain.invoke(CHANNELS.dialog, from(url), kind, options) as Promise<string | null>;

/** How long a waitFor may take while the backend's process loads. */
const WORKER_START = { timeout: 60_000, interval: 50 };

describe('the app starting (electron/main/index.ts)', () => {
  let dataDir: string;

  beforeAll(async () => {
    electron.reset();
    dataDir = tempDir('csp-main-');
    electron.app.paths.userData = dataDir;
    await import('../../electron/main/index');
  });

  afterAll(() => electron.app.emit('will-quit'));

  it('registers app:// as a privileged standard scheme and sandboxes every renderer before it is ready', () => {
    expect(electron.called('app.requestSingleInstanceLock')).toHaveLength(1);
    expect(electron.app.sandboxEnabled).toBe(true);
    expect(electron.protocol.privileged).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(FakeBrowserWindow.all).toHaveLength(0);
  });

  it('opens one window with an isolated, sandboxed page without Node, on the app origin', async () => {
    electron.app.becomeReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.all).toHaveLength(1));
    const win = FakeBrowserWindow.all[0]!;
    const prefs = win.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(prefs.webSecurity).not.toBe(false);
    expect(prefs.preload).toBe(path.resolve(__dirname, '../../electron/preload/index.cjs'));
    expect(win.options.show).toBe(false);
    expect(win.loaded).toEqual([APP_ENTRY_URL]);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('serves app://, answers its three IPC channels and builds the menu once ready', async () => {
    expect([...electron.protocol.handlers.keys()]).toEqual(['app']);
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([CHANNELS.dialog, CHANNELS.invoke, CHANNELS.print].sort());
    expect(electron.ipcMain.listeners.has(CHANNELS.menuReady)).toBe(true);
    // The menu waits for the backend, which starts in a process of its own (seconds under tsx).
    await vi.waitFor(() => expect(electron.Menu.applicationMenu).not.toBeNull(), WORKER_START);
    const home = await invoke(APP_PAGE, 'app.home', {});
    expect(home.ok).toBe(true);
    expect((home.result as { dataDir: string }).dataDir).toBe(dataDir);
  });

  it("runs the backend in Electron's utility process (child_process.fork is disabled by the runAsNode fuse)", () => {
    const forks = electron.called('utilityProcess.fork');
    expect(forks).toHaveLength(1);
    expect(forks[0]![0]).toBe(path.resolve(__dirname, '../../electron/backend/backend-worker-source.cjs'));
    expect(forks[0]![1]).toMatchObject({ serviceName: '县域学校布局规划后台' });
    const [child] = FakeUtilityProcess.all;
    expect(child?.exited).toBe(false);
  });

  it('guards the main window’s page: no new windows, no navigation away, no permissions', () => {
    const contents = FakeBrowserWindow.all[0]!.webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const away = preventable();
    contents.emit('will-navigate', away, 'https://example.com/');
    expect(away.defaultPrevented).toBe(true);
    const inside = preventable();
    contents.emit('will-navigate', inside, 'app://bundle/index.html#/schools');
    expect(inside.defaultPrevented).toBe(false);
    const granted: boolean[] = [];
    contents.session.permissionRequestHandler?.(contents, 'media', (ok: boolean) => granted.push(ok));
    expect(granted).toEqual([false]);
    expect(contents.session.permissionCheckHandler?.(contents, 'clipboard-read')).toBe(false);
  });

  it('a project handed over by a second instance is sent to the page and may be opened', async () => {
    const project = await tinyProject(tempDir('csp-second-'));
    const contents = FakeBrowserWindow.all[0]!.webContents;
    electron.ipcMain.send(CHANNELS.menuReady, from(APP_PAGE, contents));
    electron.app.emit('second-instance', {}, ['县域学校布局规划', '--flag', project], '/');
    expect(contents.sent.at(-1)).toEqual({ channel: CHANNELS.menu, args: [`recent:${project}`] });
    const opened = await invoke(APP_PAGE, 'project.open', { path: project });
    expect(opened.error).toBeUndefined();
    const neighbour = await tinyProject(path.dirname(project), '另一县.csplan');
    expect((await invoke(APP_PAGE, 'project.open', { path: neighbour })).error?.code).toBe('FORBIDDEN');
  });

  it('the menu is Chinese, and its commands and recent files reach the page', async () => {
    const contents = FakeBrowserWindow.all[0]!.webContents;
    type Item = { label?: string; submenu?: Item[]; click?: () => void; enabled?: boolean };
    const menu = () => electron.Menu.applicationMenu!.template as Item[];
    expect(menu().map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    menu()[0]!.submenu!.find((i) => i.label === '打开项目…')!.click!();
    expect(contents.sent.at(-1)).toEqual({ channel: CHANNELS.menu, args: ['open-project'] });
    // Opening a project rebuilt the menu with it under 最近打开.
    await vi.waitFor(() => {
      const recent = menu()[0]!.submenu!.find((i) => i.label === '最近打开')!.submenu!;
      expect(recent[0]!.label).toContain('小河县.csplan');
    }, WORKER_START);
    const recent = menu()[0]!.submenu!.find((i) => i.label === '最近打开')!.submenu!;
    recent[0]!.click!();
    expect(String(contents.sent.at(-1)!.args[0])).toMatch(/^recent:.*小河县\.csplan$/);
  });

  it('never asks the shell to open anything', () => {
    expect(electron.called('shell.openExternal')).toEqual([]);
    expect(electron.called('shell.openPath')).toEqual([]);
    expect(electron.called('net.fetch')).toEqual([]);
  });
});

describe('guards on every page (security.ts)', () => {
  let contents: FakeWebContents;

  beforeAll(() => {
    electron.reset();
    installSecurityGuards();
    contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
  });

  it('denies window.open', () => {
    expect(contents.windowOpenHandler?.({ url: APP_PAGE })).toEqual({ action: 'deny' });
  });

  it.each(['will-navigate', 'will-redirect'])('%s away from the app origin is prevented', (event) => {
    for (const url of FOREIGN_PAGES) {
      const e = preventable();
      contents.emit(event, e, url);
      expect(e.defaultPrevented, url).toBe(true);
    }
    const e = preventable();
    contents.emit(event, e, APP_PAGE);
    expect(e.defaultPrevented).toBe(false);
  });

  it('a frame navigating away is prevented, webviews never attach', () => {
    const away = preventable({ url: 'https://example.com/' });
    contents.emit('will-frame-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    const home = preventable({ url: APP_PAGE });
    contents.emit('will-frame-navigate', home);
    expect(home.defaultPrevented).toBe(false);
    const webview = preventable();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);
  });

  it('denies every permission and downloads not started by the app page', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid']) {
      const answers: boolean[] = [];
      contents.session.permissionRequestHandler?.(contents, permission, (ok: boolean) => answers.push(ok));
      expect(answers, permission).toEqual([false]);
      expect(contents.session.permissionCheckHandler?.(contents, permission), permission).toBe(false);
    }
    const foreign = preventable();
    contents.session.emit('will-download', foreign, {}, Object.assign(new FakeWebContents(), { url: 'https://example.com/' }));
    expect(foreign.defaultPrevented).toBe(true);
    const own = preventable();
    contents.session.emit('will-download', own, {}, Object.assign(new FakeWebContents(), { url: APP_PAGE }));
    expect(own.defaultPrevented).toBe(false);
  });

  it('hardens a session once, however many pages share it', () => {
    const second = new FakeWebContents(contents.session);
    const before = contents.session.listeners.get('will-download')?.length;
    electron.app.emit('web-contents-created', {}, second);
    expect(contents.session.listeners.get('will-download')?.length).toBe(before);
    expect(second.windowOpenHandler?.({ url: APP_PAGE })).toEqual({ action: 'deny' });
  });
});

describe('app:// (protocol.ts)', () => {
  let rendererDir: string;
  const get = (url: string, method = 'GET') => electron.protocol.handlers.get('app')!({ url, method });

  beforeAll(() => {
    electron.reset();
    const root = tempDir('csp-bundle-');
    rendererDir = path.join(root, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>县域学校布局规划</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'index-abc.js'), 'export {};');
    fs.mkdirSync(path.join(root, 'main'));
    fs.writeFileSync(path.join(root, 'main', 'index.js'), 'SECRET MAIN BUNDLE');
    fs.writeFileSync(path.join(root, 'secret.txt'), 'SECRET');
    serveRenderer(rendererDir);
  });

  it('serves the page and its scripts with the CSP header and a JavaScript MIME type', async () => {
    const page = await get('app://bundle/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('县域学校布局规划');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(HEADER_CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await get('app://bundle/assets/index-abc.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers a client-side route with the app shell, a missing asset with 404', async () => {
    const route = await get('app://bundle/schools');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('县域学校布局规划');
    expect((await get('app://bundle/assets/missing.js')).status).toBe(404);
  });

  it('refuses path traversal out of the bundle', async () => {
    // Encoded slashes and backslashes survive URL parsing: the handler itself must refuse.
    for (const url of [
      'app://bundle/..%2fsecret.txt',
      'app://bundle/assets/..%2f..%2fmain/index.js',
      'app://bundle/index.html%00.png',
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(403);
      expect(await res.text(), url).not.toContain('SECRET');
    }
    // Dot segments are removed by URL parsing; a backslash is a file name character on
    // POSIX (and refused on Windows): either way nothing outside the bundle is found.
    for (const url of ['app://bundle/..%5csecret.txt', 'app://bundle/../secret.txt', 'app://bundle/%2e%2e/secret.txt', 'app://bundle/assets/../../main/index.js']) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain('SECRET');
    }
  });

  it('refuses other hosts and methods other than GET and HEAD', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://bundle/index.html', 'POST')).status).toBe(405);
    expect((await get('app://bundle/index.html', 'HEAD')).status).toBe(200);
  });
});

describe('annex PDF printing (pdf.ts)', () => {
  beforeAll(() => electron.reset());

  it('prints in a hidden, sandboxed window without JavaScript, and removes its temporary file', async () => {
    const pdf = await printHtmlToPdf('<p>附件</p>', { preferCSSPageSize: true });
    expect(pdf.toString()).toContain('%PDF');
    const win = FakeBrowserWindow.all[0]!;
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false });
    expect(electron.called('webContents.printToPDF')).toEqual([[{ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }]]);
    const file = win.loaded[0]!;
    expect(file.endsWith('.html')).toBe(true);
    expect(fs.existsSync(path.dirname(file))).toBe(false);
    expect(win.webContents.isDestroyed()).toBe(true);
  });
});

/** A fresh main process (IPC, dialog answers) on `dataDir`, with a real backend. */
function startIpc(dataDir: string): { backend: Backend; grants: PathGrants; recentChanges: () => number } {
  electron.reset();
  const backend = createBackend({ dataDir, shell: 'electron' });
  const grants = new PathGrants();
  let changes = 0;
  registerIpc(backend, {
    grants,
    paths: {
      dataDir,
      recent: async () => {
        const home = await backend.dispatch('app.home', {});
        return home.ok ? (home.result as { recent: Array<{ path: string }> }).recent.map((r) => r.path) : [];
      },
    },
    onRecentChanged: () => changes++,
  });
  return { backend, grants, recentChanges: () => changes };
}

describe('IPC sender check (ipc.ts, messenger.ts)', () => {
  let backend: Backend;

  beforeAll(() => {
    ({ backend } = startIpc(tempDir('csp-ipc-')));
  });
  afterAll(() => backend.close());

  it('csp:invoke refuses every frame that is not the app page, and a frame already gone', async () => {
    for (const url of [...FOREIGN_PAGES, '', null]) {
      const res = await invoke(url, 'app.home', {});
      expect(res, String(url)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } });
    }
    expect((await invoke(APP_PAGE, 'app.home', {})).ok).toBe(true);
  });

  it('csp:invoke refuses a malformed method name before the backend sees it', async () => {
    for (const method of [42, '', 'x'.repeat(101)]) {
      expect((await invoke(APP_PAGE, method, {})).error?.code).toBe('INVALID_INPUT');
    }
  });

  it('csp:print refuses foreign frames and non-documents, and prints the app page\'s document in a hidden window without JavaScript', async () => {
    const print = (url: string | null, html: unknown) => electron.ipcMain.invoke(CHANNELS.print, from(url), html);
    for (const url of [...FOREIGN_PAGES, null]) {
      await expect(print(url, '<p>附件</p>')).rejects.toThrow('拒绝来自未知页面的请求');
    }
    for (const html of ['', 42, null]) await expect(print(APP_PAGE, html)).rejects.toThrow('打印内容不正确');
    expect(electron.called('webContents.print')).toEqual([]);
    const windows = FakeBrowserWindow.all.length;
    await print(APP_PAGE, '<p>附件</p>');
    expect(electron.called('webContents.print')).toEqual([[{ silent: false, printBackground: true }]]);
    const win = FakeBrowserWindow.all[windows]!;
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, javascript: false });
    expect(win.webContents.isDestroyed()).toBe(true);
  });

  it('csp:dialog rejects foreign frames and malformed requests, and shows nothing for them', async () => {
    for (const url of [...FOREIGN_PAGES, null]) {
      await expect(dialog(url, 'openProject')).rejects.toThrow('拒绝来自未知页面的请求');
    }
    await expect(dialog(APP_PAGE, 'openAnything')).rejects.toThrow('对话框参数不正确');
    expect(electron.dialog.shown).toEqual([]);
    electron.dialog.answers.push(null);
    expect(await dialog(APP_PAGE, 'openProject')).toBeNull();
    expect(electron.dialog.shown).toHaveLength(1);
  });

  it('the save dialog adds the extension the filter implies', async () => {
    electron.dialog.answers.push('/home/u/某县附件');
    const file = await dialog(APP_PAGE, 'saveFile', { filters: [{ name: 'PDF 文件', extensions: ['pdf'] }] });
    expect(file).toBe('/home/u/某县附件.pdf');
  });

  it('menu commands wait until the app page (not another frame) says it listens', () => {
    const contents = new FakeWebContents();
    const messenger = createMessenger(contents as never);
    messenger.send('open-project');
    expect(contents.sent).toEqual([]);
    electron.ipcMain.send(CHANNELS.menuReady, from('https://example.com/', contents));
    electron.ipcMain.send(CHANNELS.menuReady, from(APP_PAGE, new FakeWebContents()));
    expect(contents.sent).toEqual([]);
    electron.ipcMain.send(CHANNELS.menuReady, from(APP_PAGE, contents));
    expect(contents.sent).toEqual([{ channel: CHANNELS.menu, args: ['open-project'] }]);
    contents.emit('did-start-loading');
    messenger.send('new-project');
    expect(contents.sent).toHaveLength(1);
  });
});

describe('the dialog-path rule (path-grants.ts through csp:invoke)', () => {
  let outside: string;
  let dataDir: string;
  let project: string;
  let started: ReturnType<typeof startIpc>;

  beforeAll(async () => {
    outside = tempDir('csp-outside-');
    dataDir = tempDir('csp-data-');
    project = await tinyProject(outside);
  });

  beforeEach(() => {
    started = startIpc(dataDir);
  });

  afterEach(() => started.backend.close());

  const refused = { ok: false, error: { code: 'FORBIDDEN', message: PATH_REFUSED_MESSAGE } };

  it('refuses a project the user never chose, then opens it once the dialog returned it', async () => {
    expect(await invoke(APP_PAGE, 'project.open', { path: project })).toEqual(refused);
    expect(started.recentChanges()).toBe(0);
    electron.dialog.answers.push(project);
    expect(await dialog(APP_PAGE, 'openProject')).toBe(project);
    const opened = await invoke(APP_PAGE, 'project.open', { path: project });
    expect(opened.ok).toBe(true);
    expect(started.recentChanges()).toBe(1);
    // Only that file: its neighbour is still refused.
    const neighbour = await tinyProject(outside, '另一县.csplan');
    expect(await invoke(APP_PAGE, 'project.open', { path: neighbour })).toEqual(refused);
  });

  it('a recent file opens without a dialog after a restart; other files do not', async () => {
    const recent = await invoke(APP_PAGE, 'app.home', {});
    expect((recent.result as { recent: Array<{ path: string }> }).recent.map((r) => r.path)).toContain(project);
    expect((await invoke(APP_PAGE, 'project.open', { path: project })).ok).toBe(true);
    expect(await invoke(APP_PAGE, 'project.open', { path: path.join(outside, '另一县.csplan') })).toEqual(refused);
  });

  it('creates a project inside the data folder without a dialog, and nowhere else', async () => {
    fs.mkdirSync(path.join(dataDir, '规划项目'), { recursive: true });
    const inside = path.join(dataDir, '规划项目', '新县.csplan');
    const created = await invoke(APP_PAGE, 'project.create', { path: inside, name: '新县' });
    expect(created.error).toBeUndefined();
    expect(fs.existsSync(inside)).toBe(true);
    const elsewhere = path.join(outside, '新县.csplan');
    expect(await invoke(APP_PAGE, 'project.create', { path: elsewhere, name: '新县' })).toEqual(refused);
    expect(fs.existsSync(elsewhere)).toBe(false);
  });

  it('sees through ../, padding and symbolic links out of the data folder', async () => {
    const escape = path.join(dataDir, '..', path.basename(outside), '逃逸.csplan');
    expect(await invoke(APP_PAGE, 'project.create', { path: escape, name: '逃逸' })).toEqual(refused);
    expect(await invoke(APP_PAGE, 'project.create', { path: `  ${path.join(outside, '空格.csplan')}  `, name: '空格' })).toEqual(refused);
    const link = path.join(dataDir, '外链');
    fs.symlinkSync(outside, link, 'dir');
    expect(await invoke(APP_PAGE, 'project.open', { path: path.join(link, '另一县.csplan') })).toEqual(refused);
    // The recent project through the same link is still the recent project.
    expect((await invoke(APP_PAGE, 'project.open', { path: path.join(link, path.basename(project)) })).ok).toBe(true);
    expect(await invoke(APP_PAGE, 'project.create', { path: path.join(link, '链接.csplan'), name: '链接' })).toEqual(refused);
    expect(fs.existsSync(path.join(outside, '链接.csplan'))).toBe(false);
    expect(fs.existsSync(path.join(outside, '逃逸.csplan'))).toBe(false);
  });

  it('guards import.open and annex.export the same way, and leaves uploads and base64 exports alone', async () => {
    const sheet = path.join(outside, '学校.csv');
    fs.writeFileSync(sheet, '学校标识码,学校名称\n');
    expect(await invoke(APP_PAGE, 'import.open', { source: { path: sheet } })).toEqual(refused);
    electron.dialog.answers.push(sheet);
    await dialog(APP_PAGE, 'openFile', { filters: [{ name: '表格', extensions: ['csv'] }] });
    expect((await invoke(APP_PAGE, 'import.open', { source: { path: sheet } })).error?.code).not.toBe('FORBIDDEN');
    // No project open: the backend's own refusal, not the path rule's.
    expect((await invoke(APP_PAGE, 'import.open', { source: { uploadId: 'abcdefgh12' } })).error?.code).not.toBe('FORBIDDEN');
    const pdf = path.join(outside, '附件.pdf');
    const annex = { annexes: [{ kind: 'schools' }], format: 'pdf', outPath: pdf };
    expect(await invoke(APP_PAGE, 'annex.export', annex)).toEqual(refused);
    expect(fs.existsSync(pdf)).toBe(false);
    expect((await invoke(APP_PAGE, 'annex.export', { ...annex, outPath: undefined })).error?.code).not.toBe('FORBIDDEN');
  });

  it('leaves a malformed input to the dispatcher’s own message', async () => {
    const res = await invoke(APP_PAGE, 'project.open', { path: 42 });
    expect(res.error?.code).toBe('INVALID_INPUT');
  });
});

describe('path-grants.ts', () => {
  it('knows every contract method whose input names a file', () => {
    const namesFile = (schema: unknown): boolean => JSON.stringify(schema).match(/"(path|outPath|file(Path)?)":\{"type":"string"/) !== null;
    const withPaths = Object.entries(contract)
      .filter(([, m]) => namesFile(m.input.toJSONSchema({ io: 'input', unrepresentable: 'any' })))
      .map(([name]) => name);
    // backups.restore takes a bare file name inside the project's backup folder (never a path).
    expect(withPaths.filter((m) => m !== 'backups.restore').sort()).toEqual(Object.keys(PATH_FIELDS).sort());
  });

  it('reads the paths the backend will use', () => {
    expect(pathsOf('project.open', { path: ' /a/b.csplan ' })).toEqual(['/a/b.csplan']);
    expect(pathsOf('import.open', { source: { uploadId: 'abcdefgh12' } })).toEqual([]);
    expect(pathsOf('annex.export', { annexes: [{ kind: 'schools' }], format: 'pdf' })).toEqual([]);
    expect(pathsOf('schools.list', {})).toEqual([]);
    expect(pathsOf('nope', { path: '/x' })).toEqual([]);
  });

  it('judges a file that does not exist yet by its real folder', () => {
    const dir = tempDir('csp-canon-');
    const link = path.join(dir, 'link');
    fs.mkdirSync(path.join(dir, 'real'));
    fs.symlinkSync(path.join(dir, 'real'), link, 'dir');
    expect(canonicalPath(path.join(link, 'new', 'x.csplan'))).toBe(path.join(fs.realpathSync(dir), 'real', 'new', 'x.csplan'));
  });
});
