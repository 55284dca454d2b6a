// One browser session driving the app: the loopback host with the real backend on a temp
// data folder, the built renderer, Debian's Chromium driven by playwright-core, and a record
// of every request and console error. Free of vitest, so the bench can drive it too;
// browser.ts wraps it for a test file.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startHost, type Host } from '../../electron/host/server';
import { placePlanFreeSample } from './sample';
import { tempDir } from './temp';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// CSP_RENDERER_DIR: another build (the bench compares an older build with this one, or an unminified one for profiles).
const RENDERER = path.resolve(process.env.CSP_RENDERER_DIR ?? 'out/renderer');
export const SCREENSHOTS = path.resolve('test-results/screenshots');

export interface BrowserSession {
  host: Host;
  browser: Browser;
  page: Page;
  requests: string[];
  failures: string[];
  consoleErrors: string[];
  /** A 1440×900 screenshot in test-results/screenshots, taken once animations have settled. */
  shot(name: string): Promise<void>;
  /** Calls the same backend the page uses, for the figures the page must show. */
  api<T>(method: string, input?: unknown): Promise<T>;
  /** Clicks an entry of the left navigation. */
  openPage(label: string): Promise<void>;
  /** From the start page: opens the sample county without its worked plan and waits for its overview. */
  openSample(): Promise<void>;
  /** From the start page: opens the sample county as a new user meets it, with its worked plan. */
  openWorkedSample(): Promise<void>;
  /** Makes the start page's “打开示例县” open the sample without its worked plan (openSample does this). */
  placePlanFreeSample(): Promise<void>;
  /** antd puts a test id on the input itself or on its wrapper, depending on the control. */
  field(testId: string): Locator;
  /** Requests to anything but the loopback host (data:, blob: and a srcdoc frame are local). */
  outsideRequests(): string[];
  close(): Promise<void>;
}


/**
 * Chromium keeps a download's Chinese file name only under a UTF-8 locale; under a bare shell's
 * C locale every download is called "download". A planner's machine has a UTF-8 one.
 */
function utf8Locale(): Record<string, string> {
  const current = process.env.LC_ALL || process.env.LC_CTYPE || process.env.LANG || '';
  return /utf-?8/i.test(current) ? {} : { LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
}

export type SessionOptions = { prefix: string; dataDir?: string; acceptDownloads?: boolean };

export async function startBrowserSession(options: SessionOptions): Promise<BrowserSession> {
  if (!fs.existsSync(path.join(RENDERER, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build` first (npm test does).');
  }
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const host = await startHost({ dataDir: options.dataDir ?? tempDir(`csp-e2e-${options.prefix}-`), rendererDir: RENDERER, port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    env: { ...process.env, ...utf8Locale() },
  });
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: options.acceptDownloads ?? false,
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const failures: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => failures.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));

  const openSampleFromStart = async () => {
    await page.goto(host.openUrl);
    await page.getByTestId('open-sample').click();
    await page.getByTestId('overview-page').waitFor();
  };

  return {
    host,
    browser,
    page,
    requests,
    failures,
    consoleErrors,
    async shot(name) {
      // antd's fades and slides would otherwise be caught half-way. Endless animations
      // (spinners) never finish, so they are left out, and the wait is capped.
      await page.evaluate(() =>
        Promise.race([
          Promise.all(
            document
              .getAnimations()
              .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
              .map((a) => a.finished.catch(() => undefined)),
          ),
          new Promise((resolve) => setTimeout(resolve, 2000)),
        ]),
      );
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
    },
    async api<T>(method: string, input: unknown = {}) {
      const res = await host.backend.dispatch(method, input);
      if (!res.ok) throw new Error(res.error.message);
      return res.result as T;
    },
    async openPage(label) {
      await page.getByTestId('main-menu').getByText(label, { exact: true }).click();
    },
    async placePlanFreeSample() {
      await placePlanFreeSample(host.backend.projectsDir);
    },
    async openSample() {
      await placePlanFreeSample(host.backend.projectsDir);
      await openSampleFromStart();
    },
    openWorkedSample: openSampleFromStart,
    field(testId) {
      return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
    },
    outsideRequests() {
      const local = (u: string) => u.startsWith(`${host.url}/`) || u.startsWith('data:') || u.startsWith('blob:') || u === 'about:srcdoc';
      return requests.filter((u) => !local(u));
    },
    async close() {
      await browser.close();
      await host.close();
    },
  };
}
