// Electron cannot run on the development machines, so its security settings are checked
// statically: the main-process sources and the built bundles (`electron-vite build` runs
// before the tests), the renderer's CSP, and the main process's pure policy functions.
// electron-main.test.ts runs the main process itself under a stand-in for Electron; what
// stays here is what only the sources and the built bundles can show.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  HEADER_CSP,
  META_CSP,
  isAppUrl,
  parseDialogRequest,
  resolveInside,
  withExtension,
} from '../../electron/main/policy';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'out');
const MAIN_SRC = path.join(ROOT, 'electron/main');

function read(rel: string): string {
  return readFileSync(path.join(ROOT, rel), 'utf8');
}

function built(rel: string): string {
  const file = path.join(OUT, rel);
  if (!existsSync(file)) throw new Error(`缺少构建产物 out/${rel}：请先运行 npx electron-vite build（npm test 会先构建）。`);
  return readFileSync(file, 'utf8');
}

const mainSources = () =>
  readdirSync(MAIN_SRC)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: f, text: readFileSync(path.join(MAIN_SRC, f), 'utf8') }));

/** Settings that would undo the isolation, in source (`key: value`) and bundle form alike. */
const WEAKENING = [
  /sandbox:\s*false/,
  /contextIsolation:\s*false/,
  /nodeIntegration(InWorker|InSubFrames)?:\s*true/,
  /webSecurity:\s*false/,
  /allowRunningInsecureContent:\s*true/,
  /webviewTag:\s*true/,
  /experimentalFeatures:\s*true/,
  /enableBlinkFeatures/,
  /--no-sandbox|no-sandbox/,
];

function parseCsp(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    map.set(name!, sources);
  }
  return map;
}

function metaCsp(html: string): string[] {
  return [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)].map((m) => m[1]!);
}

describe('BrowserWindow settings', () => {
  it('the main window is sandboxed and context-isolated, without Node', () => {
    const win = read('electron/main/window.ts');
    expect(win).toMatch(/contextIsolation:\s*true/);
    expect(win).toMatch(/sandbox:\s*true/);
    expect(win).toMatch(/nodeIntegration:\s*false/);
    expect(win).toMatch(/webSecurity:\s*true/);
    expect(win).toMatch(/preload:\s*preloadPath/);
  });

  it('no main-process source or bundle weakens the isolation', () => {
    const bundle = built('main/index.js');
    for (const pattern of WEAKENING) {
      for (const { file, text } of mainSources()) expect(text, `${file}: ${pattern}`).not.toMatch(pattern);
      expect(bundle, `out/main/index.js: ${pattern}`).not.toMatch(pattern);
    }
    expect(bundle).toMatch(/sandbox:\s*true/);
    expect(bundle).toMatch(/contextIsolation:\s*true/);
    expect(bundle).toMatch(/nodeIntegration:\s*false/);
    // Every renderer sandboxed, whatever a window says.
    expect(bundle).toMatch(/\.enableSandbox\(\)/);
  });

  it('the window loads the app origin, with the preload the build emits', () => {
    const bundle = built('main/index.js');
    expect(bundle).toContain('../preload/index.cjs');
    expect(APP_ENTRY_URL).toBe('app://bundle/index.html');
    expect(read('electron/main/window.ts')).toMatch(/loadURL\(APP_ENTRY_URL\)/);
  });
});

describe('navigation, new windows, permissions', () => {
  const security = read('electron/main/security.ts');

  it('denies every window.open and target=_blank', () => {
    expect(security).toMatch(/setWindowOpenHandler\(\(\)\s*=>\s*\(\{\s*action:\s*'deny'\s*\}\)\)/);
    expect(built('main/index.js')).toMatch(/setWindowOpenHandler\(\(\)\s*=>\s*\(\{\s*action:\s*"deny"\s*\}\)\)/);
  });

  it('prevents navigation and redirects away from the app origin, and webviews', () => {
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(security).toMatch(new RegExp(`'${event}',[^\\n]*\\n\\s*if \\(!isAppUrl\\([^)]*\\)\\) event\\.preventDefault\\(\\)`));
    }
    expect(security).toMatch(/'will-attach-webview', \(event\) => event\.preventDefault\(\)/);
  });

  it('applies the guards to every webContents and denies all permissions', () => {
    const bundle = built('main/index.js');
    expect(bundle).toContain('"web-contents-created"');
    expect(security).toMatch(/setPermissionRequestHandler\(\([^)]*\)\s*=>\s*callback\(false\)\)/);
    expect(security).toMatch(/setPermissionCheckHandler\(\(\)\s*=>\s*false\)/);
  });

  it('never opens anything outside the app', () => {
    for (const { file, text } of mainSources()) expect(text, file).not.toMatch(/openExternal|openPath\(/);
  });
});

describe('IPC', () => {
  it('every handler checks that the sender is the app page before doing anything', () => {
    const ipc = read('electron/main/ipc.ts');
    const handlers = ipc.match(/ipcMain\.handle\(/g) ?? [];
    const checked = ipc.match(/ipcMain\.handle\([^\n]*\n\s*if \(!fromAppPage\(event\)\)/g) ?? [];
    // csp:invoke, csp:dialog and csp:print (the 附件 page's system print dialog).
    expect(handlers.length).toBe(3);
    expect(checked.length).toBe(handlers.length);
    expect(ipc).toMatch(/isAppUrl\(event\.senderFrame\?\.url\)/);
    expect(ipc).toContain("code: 'FORBIDDEN'");
    expect(read('electron/main/messenger.ts')).toMatch(/!isAppUrl\(event\.senderFrame\?\.url\)\) return/);
  });
});

describe('preload bundle', () => {
  const dir = path.join(OUT, 'preload');

  it('is one CommonJS file that requires nothing but electron', () => {
    if (!existsSync(dir)) throw new Error('缺少 out/preload：请先运行 npx electron-vite build。');
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    expect(files.map((f) => f.name)).toEqual(['index.cjs']);
    const code = built('preload/index.cjs');
    const requires = [...code.matchAll(/\brequire\(\s*(['"`])([^'"`]*)\1\s*\)/g)].map((m) => m[2]);
    expect(requires).toEqual(['electron']);
    expect(code.match(/\brequire\s*\(/g)).toHaveLength(1);
    // No ES module syntax (a sandboxed preload is a classic script).
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\bimport\s*\(/);
  });

  it('exposes cspApi only, and not ipcRenderer itself', () => {
    const code = built('preload/index.cjs');
    expect(code.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(code).toMatch(/exposeInMainWorld\("cspApi"/);
    expect(code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
  });
});

describe('Content-Security-Policy', () => {
  const source = read('renderer/index.html');

  it('renderer/index.html carries one strict CSP, the one the main process knows', () => {
    const metas = metaCsp(source);
    expect(metas).toHaveLength(1);
    expect(metas[0]).toBe(META_CSP);
    const csp = parseCsp(metas[0]!);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('allows no eval and no remote host', () => {
    const policy = metaCsp(source)[0]!;
    expect(policy).not.toMatch(/unsafe-eval|wasm-unsafe-eval|strict-dynamic/);
    for (const [name, sources] of parseCsp(policy)) {
      for (const s of sources) {
        expect(s, `${name} ${s}`).toMatch(/^('self'|'none'|'unsafe-inline'|data:|blob:)$/);
      }
    }
    expect(parseCsp(policy).get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('the app:// header adds frame-ancestors, which only works as a header', () => {
    expect(HEADER_CSP).toBe(`${META_CSP}; frame-ancestors 'none'`);
    expect(read('electron/main/protocol.ts')).toMatch(/'content-security-policy': HEADER_CSP/);
  });

  it('the built page keeps the policy and has no inline or remote script', () => {
    const html = built('renderer/index.html');
    expect(metaCsp(html)).toEqual([META_CSP]);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\ssrc="\.\/[^"]+"/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/(https?:|wss?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
    expect(html).toMatch(/<html lang="zh-CN">/);
    expect(html).toContain('<title>县域学校布局规划</title>');
  });
});

describe('main-process policy functions', () => {
  it('recognises only the app origin', () => {
    expect(isAppUrl('app://bundle/index.html')).toBe(true);
    expect(isAppUrl('app://bundle/#/schools')).toBe(true);
    for (const url of [
      'app://evil/index.html',
      'app://bundle@evil/index.html',
      'app://user:pw@bundle/',
      'http://127.0.0.1:5173/',
      'https://bundle/',
      'file:///C:/app/index.html',
      'javascript:alert(1)',
      'about:blank',
      '',
      'not a url',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
  });

  it('serves files only from inside the renderer folder', () => {
    const root = path.resolve('/srv/app/out/renderer');
    expect(resolveInside(root, '/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveInside(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveInside(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveInside(root, '/assets/%E5%AD%A6.svg')).toBe(path.join(root, 'assets', '学.svg'));
    for (const attack of [
      '/../main/index.js',
      '/assets/../../main/index.js',
      '/%2e%2e/main/index.js',
      '/..%2f..%2fpackage.json',
      '/..%5c..%5cpackage.json',
      '/%2e%2e%5cpackage.json',
      '/index.html%00.png',
      '/%E0%A4%A',
      '/C:/Windows/win.ini',
      '//etc/passwd/..',
    ]) {
      const resolved = resolveInside(root, attack);
      if (resolved !== null) expect(resolved.startsWith(root + path.sep), attack).toBe(true);
    }
    expect(resolveInside(root, '/../main/index.js')).toBeNull();
    expect(resolveInside(root, '/%2e%2e/main/index.js')).toBeNull();
    expect(resolveInside(root, '/index.html%00.png')).toBeNull();
    expect(resolveInside(root, '/%E0%A4%A')).toBeNull();
  });

  it('validates dialog requests from the page', () => {
    expect(parseDialogRequest('openProject', undefined)).toEqual({ kind: 'openProject' });
    expect(parseDialogRequest('saveProject', { defaultPath: '/tmp/某县.csplan' })).toMatchObject({ kind: 'saveProject' });
    const xlsx = { filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] };
    expect(parseDialogRequest('saveFile', xlsx)).toMatchObject({ kind: 'saveFile', filters: xlsx.filters });
    expect(parseDialogRequest('saveFile', {})).toBeNull();
    expect(parseDialogRequest('openAnything', {})).toBeNull();
    expect(parseDialogRequest('openProject', { properties: ['openDirectory'] })).toBeNull();
    expect(parseDialogRequest('saveFile', { filters: [{ name: 'x', extensions: ['../exe'] }] })).toBeNull();
    expect(parseDialogRequest('openProject', 'C:/')).toBeNull();
  });

  it('adds the chosen filter’s extension when the save dialog did not', () => {
    expect(withExtension('/home/u/县', ['csplan'])).toBe('/home/u/县.csplan');
    expect(withExtension('/home/u/县.CSPLAN', ['csplan'])).toBe('/home/u/县.CSPLAN');
    expect(withExtension('/home/u/a.b', ['xlsx'])).toBe('/home/u/a.b.xlsx');
    expect(withExtension('/home/u/a', ['*'])).toBe('/home/u/a');
  });
});
