// One browser session for the end-to-end tests: the loopback host with the real backend on
// a temp data folder, the built renderer, Debian's Chromium driven by playwright-core, and
// a record of every request and console error so each file can assert the app stayed
// offline and quiet.
import { afterAll, beforeAll } from 'vitest';
import { startBrowserSession, type BrowserSession, type SessionOptions } from './browser-session';

export { SCREENSHOTS, startBrowserSession, type BrowserSession, type SessionOptions } from './browser-session';

/**
 * One session for the whole test file, started before its first test (then handed to `ready`,
 * which may keep its page or open a project) and closed after its last. The handle returned
 * reaches the live session, so the file can hold it from the start.
 */
export function withBrowserSession(options: SessionOptions, ready?: (session: BrowserSession) => unknown): BrowserSession {
  let live: BrowserSession | undefined;
  beforeAll(async () => {
    live = await startBrowserSession(options);
    await ready?.(live);
  });
  afterAll(async () => {
    await live?.close();
  });
  const now = (): BrowserSession => {
    if (!live) throw new Error('the browser session starts before the first test');
    return live;
  };
  return {
    get host() { return now().host; },
    get browser() { return now().browser; },
    get page() { return now().page; },
    get requests() { return now().requests; },
    get failures() { return now().failures; },
    get consoleErrors() { return now().consoleErrors; },
    shot: (name) => now().shot(name),
    api: <T>(method: string, input?: unknown) => now().api<T>(method, input),
    openPage: (label) => now().openPage(label),
    openSample: () => now().openSample(),
    openWorkedSample: () => now().openWorkedSample(),
    placePlanFreeSample: () => now().placePlanFreeSample(),
    field: (testId) => now().field(testId),
    outsideRequests: () => now().outsideRequests(),
    close: () => now().close(),
  };
}

