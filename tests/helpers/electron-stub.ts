// A recording stand-in for the 'electron' module, so the main process's code runs under
// Node (the Electron binary cannot be installed on the development machines). Use it as
//   vi.mock('electron', async () => (await import('../helpers/electron-stub')).electronModule);
// and inspect `electron` (the same instance) afterwards. It records what the code asked
// for; it does not imitate Chromium, so what Chromium itself enforces stays untested.

import { fork, type ChildProcess } from 'node:child_process';

type Listener = (...args: unknown[]) => unknown;

/** on/once/emit, enough for app, webContents, session and windows. */
class Emitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== wrapped));
      return listener(...args);
    };
    return this.on(event, wrapped);
  }

  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
}

/** An event whose default the code may prevent, as Electron passes to will-navigate and others. */
export function preventable<T extends object>(fields: T = {} as T): T & { defaultPrevented: boolean; preventDefault(): void } {
  return Object.assign(fields, {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  });
}

export class FakeSession extends Emitter {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;

  setPermissionRequestHandler(handler: Listener): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: Listener): void {
    this.permissionCheckHandler = handler;
  }
}

let nextId = 1;

export class FakeWebContents extends Emitter {
  readonly id = nextId++;
  url = '';
  destroyed = false;
  windowOpenHandler: Listener | null = null;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];

  constructor(readonly session: FakeSession = new FakeSession()) {
    super();
  }

  setWindowOpenHandler(handler: Listener): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  getURL(): string {
    return this.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  async printToPDF(options: unknown): Promise<Buffer> {
    electron.record('webContents.printToPDF', options);
    return Buffer.from('%PDF-1.7 stub');
  }

  /** The system print dialog, answered at once as if the user had printed. */
  print(options: unknown, callback?: (success: boolean, reason: string) => void): void {
    electron.record('webContents.print', options);
    callback?.(true, '');
  }
}

export class FakeBrowserWindow extends Emitter {
  static readonly all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  shown = false;

  constructor(readonly options: { webPreferences: Record<string, unknown>; [option: string]: unknown }) {
    super();
    FakeBrowserWindow.all.push(this);
    electron.record('new BrowserWindow', options);
    // Electron announces every new page to the app before the window is returned.
    electron.app.emit('web-contents-created', {}, this.webContents);
  }

  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.all.find((w) => w.webContents === contents) ?? null;
  }

  static getFocusedWindow(): FakeBrowserWindow | null {
    return FakeBrowserWindow.all[0] ?? null;
  }

  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    this.webContents.url = url;
  }

  async loadFile(file: string): Promise<void> {
    this.loaded.push(file);
  }

  show(): void {
    this.shown = true;
  }

  destroy(): void {
    this.webContents.destroyed = true;
  }

  isMinimized(): boolean {
    return false;
  }

  restore(): void {}
  focus(): void {}
}

class FakeApp extends Emitter {
  readonly paths: Record<string, string> = {};
  isPackaged = false;
  quitCalled = false;
  sandboxEnabled = false;
  private ready: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => (this.ready = resolve));

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  /** What Electron does once Chromium has started. */
  becomeReady(): void {
    this.ready();
    this.emit('ready');
  }

  getPath(name: string): string {
    const p = this.paths[name];
    if (!p) throw new Error(`electron-stub: app.getPath('${name}') not set by the test`);
    return p;
  }

  getVersion(): string {
    return '0.0.0-test';
  }

  requestSingleInstanceLock(): boolean {
    electron.record('app.requestSingleInstanceLock');
    return true;
  }

  enableSandbox(): void {
    this.sandboxEnabled = true;
    electron.record('app.enableSandbox');
  }

  quit(): void {
    this.quitCalled = true;
  }
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain {
  readonly handlers = new Map<string, Handler>();
  readonly listeners = new Map<string, Handler[]>();

  handle(channel: string, handler: Handler): void {
    // Electron refuses a second handler for a channel; so does the stub.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  on(channel: string, listener: Handler): void {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
  }

  /** What ipcRenderer.invoke(channel, ...args) from `event`'s frame would get. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }

  send(channel: string, event: unknown, ...args: unknown[]): void {
    for (const l of this.listeners.get(channel) ?? []) l(event, ...args);
  }
}

type ProtocolHandler = (request: { url: string; method: string }) => Promise<Response> | Response;

class FakeProtocol {
  readonly privileged: unknown[] = [];
  readonly handlers = new Map<string, ProtocolHandler>();

  registerSchemesAsPrivileged(schemes: unknown[]): void {
    electron.record('protocol.registerSchemesAsPrivileged', schemes);
    this.privileged.push(...schemes);
  }

  handle(scheme: string, handler: ProtocolHandler): void {
    this.handlers.set(scheme, handler);
  }
}

/** Answers the next native dialogs with these paths (null: the user cancelled). */
class FakeDialog {
  readonly answers: Array<string | null> = [];
  readonly shown: Array<{ kind: string; options: unknown }> = [];

  private next(kind: string, args: unknown[]): string | null {
    this.shown.push({ kind, options: args[args.length - 1] });
    return this.answers.length > 0 ? (this.answers.shift() ?? null) : null;
  }

  async showOpenDialog(...args: unknown[]) {
    const file = this.next('open', args);
    return { canceled: file === null, filePaths: file === null ? [] : [file] };
  }

  async showSaveDialog(...args: unknown[]) {
    const file = this.next('save', args);
    return { canceled: file === null, filePath: file ?? '' };
  }

  async showMessageBox(...args: unknown[]) {
    this.next('message', args);
    return { response: 0, checkboxChecked: false };
  }
}

class FakeMenu {
  applicationMenu: { template: unknown[] } | null = null;

  buildFromTemplate(template: unknown[]) {
    return { template };
  }

  setApplicationMenu(menu: { template: unknown[] } | null): void {
    this.applicationMenu = menu;
  }
}

class Recorder {
  calls: Array<{ api: string; args: unknown[] }> = [];
  app = new FakeApp();
  ipcMain = new FakeIpcMain();
  protocol = new FakeProtocol();
  dialog = new FakeDialog();
  Menu = new FakeMenu();

  record(api: string, ...args: unknown[]): void {
    this.calls.push({ api, args });
  }

  called(api: string): Array<unknown[]> {
    return this.calls.filter((c) => c.api === api).map((c) => c.args);
  }

  /** A fresh app, IPC, protocol and dialog, as if the process had restarted. */
  reset(): void {
    this.calls = [];
    this.app = new FakeApp();
    this.ipcMain = new FakeIpcMain();
    this.protocol = new FakeProtocol();
    this.dialog = new FakeDialog();
    this.Menu = new FakeMenu();
    FakeBrowserWindow.all.length = 0;
  }
}

/**
 * utilityProcess.fork as Electron's: a child process with a message channel. It is a Node
 * fork here, so the child sees process.send rather than process.parentPort.
 */
export class FakeUtilityProcess extends Emitter {
  static readonly all: FakeUtilityProcess[] = [];
  readonly child: ChildProcess;
  exited = false;

  constructor(readonly modulePath: string, readonly options: unknown) {
    super();
    this.child = fork(modulePath, [], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (m) => this.emit('message', m));
    this.child.on('exit', (code) => {
      this.exited = true;
      this.emit('exit', code);
    });
    FakeUtilityProcess.all.push(this);
  }

  postMessage(message: unknown): void {
    if (!this.exited) this.child.send(message as object);
  }

  kill(): boolean {
    electron.record('utilityProcess.kill', this.modulePath);
    return this.child.kill('SIGTERM');
  }
}

export const electron = new Recorder();

const recordOnly = (api: string) => (...args: unknown[]) => electron.record(api, ...args);

/**
 * The module the code under test imports. Getters, so a reset() is seen by code that
 * imported the module before it.
 */
export const electronModule = {
  get app() {
    return electron.app;
  },
  get ipcMain() {
    return electron.ipcMain;
  },
  get protocol() {
    return electron.protocol;
  },
  get dialog() {
    return electron.dialog;
  },
  get Menu() {
    return electron.Menu;
  },
  BrowserWindow: FakeBrowserWindow,
  utilityProcess: {
    fork: (modulePath: string, _args: string[] = [], options: unknown = {}) => {
      electron.record('utilityProcess.fork', modulePath, options);
      return new FakeUtilityProcess(modulePath, options);
    },
  },
  shell: { openExternal: recordOnly('shell.openExternal'), openPath: recordOnly('shell.openPath') },
  net: { fetch: recordOnly('net.fetch') },
  get default() {
    return electronModule;
  },
};
