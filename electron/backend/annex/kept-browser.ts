// One headless Chromium kept running for the CLI's and the loopback host's PDFs, driven over
// its DevTools pipe. Starting the browser costs more than printing a two-page map annex, so
// it is started on the first print, reused by the next ones (several at once, each in its
// own tab), closed after a minute without prints and killed when the process exits.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';

const HEADLESS_FLAGS = [
  '--headless',
  // Chromium refuses to start as root (CI) with its sandbox on. The pages it loads are our
  // own temporary files, with escaped text, inline CSS and SVG and no script.
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-extensions',
  '--no-first-run',
  '--no-default-browser-check',
];

const IDLE_CLOSE_MS = 60_000;

interface Pending {
  resolve: (result: Record<string, unknown>) => void;
  reject: (err: Error) => void;
}

type EventListener = (method: string, params: Record<string, unknown>, sessionId: string | undefined) => void;

/** A failure of the browser itself (start, crash, protocol error), in its own words. */
export class BrowserFailure extends Error {}

class DevToolsPipe {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<EventListener>();
  private buffer = '';
  private failure: BrowserFailure | null = null;

  constructor(
    private readonly input: Writable,
    private readonly output: Readable,
  ) {
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => this.receive(chunk));
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\0')) >= 0) {
      const text = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 1);
      const message = JSON.parse(text) as { id?: number; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: { message?: string }; sessionId?: string };
      if (message.id !== undefined) {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiting?.reject(new BrowserFailure(message.error.message ?? 'DevTools error'));
        else waiting?.resolve(message.result ?? {});
      } else if (message.method) {
        for (const listener of this.listeners) listener(message.method, message.params ?? {}, message.sessionId);
      }
    }
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  fail(failure: BrowserFailure): void {
    this.failure ??= failure;
    for (const waiting of this.pending.values()) waiting.reject(failure);
    this.pending.clear();
  }
}

export interface PrintOptions {
  timeoutMs: number;
}

/** A running browser; `open` runs `use` on a tab showing the file, then closes the tab. */
const PROFILE_PREFIX = 'csp-chromium-';
const OWNER_FILE = 'owner.pid';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the profiles of browsers whose process is gone: a host stopped by a signal never
 * runs its exit hook, and a killed browser may still be writing when the hook runs.
 */
export function sweepProfiles(): void {
  const tmp = os.tmpdir();
  for (const name of fs.readdirSync(tmp).filter((n) => n.startsWith(PROFILE_PREFIX))) {
    const dir = path.join(tmp, name);
    try {
      const owner = Number(fs.readFileSync(path.join(dir, OWNER_FILE), 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && alive(owner)) continue;
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Not ours, unreadable or being removed: left alone.
    }
  }
}

class KeptBrowser {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), PROFILE_PREFIX));
  private readonly child: ChildProcess;
  private readonly pipe: DevToolsPipe;
  private users = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  private stderr = '';
  closed = false;

  constructor(
    binary: string,
    private readonly onClosed: () => void,
  ) {
    fs.writeFileSync(path.join(this.dir, OWNER_FILE), String(process.pid));
    this.child = spawn(binary, [...HEADLESS_FLAGS, '--remote-debugging-pipe', `--user-data-dir=${path.join(this.dir, 'profile')}`, 'about:blank'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const [, , stderr, input, output] = this.child.stdio as [null, null, Readable, Writable, Readable];
    stderr.setEncoding('utf8');
    stderr.on('data', (s: string) => (this.stderr = (this.stderr + s).slice(-4000)));
    this.pipe = new DevToolsPipe(input, output);
    input.on('error', () => undefined);
    this.child.on('error', (err) => this.close(new BrowserFailure(err.message)));
    this.child.on('exit', (code) => this.close(new BrowserFailure(`退出码 ${code ?? '无'}${this.lastWords()}`)));
    this.holdProcess(false);
  }

  private lastWords(): string {
    const lines = this.stderr.split('\n').filter((l) => l.trim() && !/dbus|Fontconfig|DevTools listening/i.test(l));
    const detail = lines.slice(-2).join(' ').slice(0, 300);
    return detail ? `：${detail}` : '';
  }

  /** Keeps Node alive only while a print is under way: an idle browser never holds a CLI run open. */
  private holdProcess(hold: boolean): void {
    const handles = [this.child, ...this.child.stdio.slice(2)] as ({ ref?: () => void; unref?: () => void } | null)[];
    for (const h of handles) (hold ? h?.ref : h?.unref)?.call(h);
  }

  async open<T>(file: string, options: PrintOptions, use: (session: (method: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>>) => Promise<T>): Promise<T> {
    this.users += 1;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.holdProcess(true);
    let targetId: string | null = null;
    let timer: NodeJS.Timeout | null = null;
    try {
      const work = (async () => {
        targetId = String((await this.pipe.send('Target.createTarget', { url: 'about:blank' })).targetId);
        const sessionId = String((await this.pipe.send('Target.attachToTarget', { targetId, flatten: true })).sessionId);
        const session = (method: string, params: Record<string, unknown> = {}) => this.pipe.send(method, params, sessionId);
        await session('Page.enable');
        let stopListening: () => void = () => undefined;
        const loaded = new Promise<void>((resolve) => {
          stopListening = this.pipe.on((method, _params, from) => {
            if (from === sessionId && method === 'Page.loadEventFired') resolve();
          });
        });
        try {
          const navigated = await session('Page.navigate', { url: fileUrl(file) });
          if (typeof navigated.errorText === 'string' && navigated.errorText) throw new BrowserFailure(navigated.errorText);
          await loaded;
        } finally {
          stopListening();
        }
        return use(session);
      })();
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new BrowserFailure('超时')), options.timeoutMs);
      });
      return await Promise.race([work, timeout]);
    } finally {
      if (timer) clearTimeout(timer);
      if (targetId && !this.closed) await this.pipe.send('Target.closeTarget', { targetId }).catch(() => undefined);
      this.users -= 1;
      if (this.users === 0 && !this.closed) {
        this.holdProcess(false);
        this.idleTimer = setTimeout(() => this.close(null), IDLE_CLOSE_MS);
        this.idleTimer.unref();
      }
    }
  }

  close(failure: BrowserFailure | null): void {
    if (this.closed) return;
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.pipe.fail(failure ?? new BrowserFailure('浏览器已关闭'));
    this.onClosed();
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
    // On Windows the profile may still be locked for a moment; the next start uses a new one.
    fs.rm(this.dir, { recursive: true, force: true, maxRetries: 3 }, () => undefined);
  }
}

const fileUrl = (file: string) => `file://${file.split(path.sep).join('/').replace(/^([A-Za-z]:)/, '/$1')}`;

const running = new Map<string, KeptBrowser>();
let exitHookInstalled = false;

/** The kept browser for `binary`, started when there is none (or the last one died). */
export function keptBrowser(binary: string): KeptBrowser {
  const existing = running.get(binary);
  if (existing && !existing.closed) return existing;
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', closeKeptBrowsers);
  }
  sweepProfiles();
  const browser = new KeptBrowser(binary, () => {
    if (running.get(binary) === browser) running.delete(binary);
  });
  running.set(binary, browser);
  return browser;
}

/** Kills every kept browser (process exit; tests that count processes). */
export function closeKeptBrowsers(): void {
  for (const browser of [...running.values()]) {
    browser.close(null);
    // The exit hook cannot wait: the killed browser may still be writing its profile, so the
    // removal is tried a few times and otherwise left to the system's temporary folder.
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        fs.rmSync(browser.dir, { recursive: true, force: true });
        break;
      } catch {
        // try again
      }
    }
  }
}
