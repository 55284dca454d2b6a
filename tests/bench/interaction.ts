// Interaction timings in the browser: page switches and the 预测 sliders' recomputes of the
// sample county, read from the performance measures the renderer takes itself (csp:page:*,
// csp:recompute; renderer/src/lib/timing.ts). Chromium drives the built renderer against the
// loopback host, as in the e2e suite. Needs `npx electron-vite build` first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { startBrowserSession, type BrowserSession } from '../helpers/browser-session';
import { commitsSoFar, COUNT_COMMITS } from '../helpers/react-commits';

export type RecordFigure = (name: string, runs: number[], note?: string) => void;

/**
 * Counts that do not depend on how busy the machine is, taken around each interaction: API
 * calls, React commits (through the hook React offers its developer tools, installed before
 * the app loads), the main thread's own time from Chromium's Performance domain (script, style,
 * layout), and the nodes left in the document.
 */
interface Work {
  api: number;
  commits: number;
  cpu: number;
  script: number;
  style: number;
  layout: number;
  nodes: number;
}

type Metrics = Record<string, number>;

async function work(page: Page, cdp: CDPSession, requests: string[], run: () => Promise<void>): Promise<Work> {
  const metrics = async (): Promise<Metrics> =>
    Object.fromEntries(((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map((m) => [m.name, m.value]));
  const commits = () => commitsSoFar(page);
  const apiCalls = () => requests.filter((u) => u.includes('/api/')).length;
  const [m0, c0, a0] = [await metrics(), await commits(), apiCalls()];
  await run();
  const [m1, c1, a1] = [await metrics(), await commits(), apiCalls()];
  const ms = (name: string) => ((m1[name] ?? 0) - (m0[name] ?? 0)) * 1000;
  return {
    api: a1 - a0,
    commits: c1 - c0,
    cpu: ms('TaskDuration'),
    script: ms('ScriptDuration'),
    style: ms('RecalcStyleDuration'),
    layout: ms('LayoutDuration'),
    nodes: await page.evaluate(() => document.getElementsByTagName('*').length),
  };
}

function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

function describeWork(runs: Work[]): string {
  const m = (pick: (w: Work) => number) => middle(runs.map(pick));
  return (
    `API 调用 ${m((w) => w.api)} 次，React 提交 ${m((w) => w.commits)} 次，主线程 ${m((w) => w.cpu).toFixed(0)} ms` +
    `（脚本 ${m((w) => w.script).toFixed(0)}、样式 ${m((w) => w.style).toFixed(0)}、布局 ${m((w) => w.layout).toFixed(0)}），` +
    `文档节点 ${m((w) => w.nodes).toLocaleString('en-US')} 个`
  );
}

/** Menu label → the measure its click ends in. */
const PAGES: { label: string; key: string }[] = [
  { label: '总览', key: 'overview' },
  { label: '数据导入', key: 'import' },
  { label: '学校', key: 'schools' },
  { label: '人口', key: 'population' },
  { label: '预测', key: 'forecast' },
  { label: '规划', key: 'plan' },
  { label: '布局图', key: 'map' },
  { label: '附件', key: 'annex' },
  { label: '设置', key: 'settings' },
];
const ROUNDS = 4;

async function measures(page: Page, name: string): Promise<number[]> {
  return page.evaluate((n) => performance.getEntriesByName(n, 'measure').map((e) => e.duration), `csp:${name}`);
}

/** Waits for one more `csp:<name>` measure than there were, and returns its duration. */
async function next(page: Page, name: string, before: number): Promise<number> {
  await page.waitForFunction(([n, b]) => performance.getEntriesByName(n as string, 'measure').length > (b as number), [`csp:${name}`, before] as const, {
    timeout: 120_000,
  });
  return (await measures(page, name))[before] ?? NaN;
}

/** Waits until the pages are built ahead again after the last switch (a new `csp:prebuilt` mark). */
async function prebuilt(page: Page): Promise<void> {
  const since = await page.evaluate(() => performance.now());
  await page.waitForFunction((t) => performance.getEntriesByName('csp:prebuilt', 'mark').some((m) => m.startTime > t), since, { timeout: 120_000 });
}

function built(): boolean {
  if (fs.existsSync(path.resolve(process.env.CSP_RENDERER_DIR ?? 'out/renderer', 'index.html'))) return true;
  console.log('跳过界面交互计时：请先运行 npx electron-vite build');
  return false;
}

/** The browser on the sample county at 1280 × 720, counting commits and the main thread's time. */
async function openCounting(prefix: string): Promise<{ session: BrowserSession; page: Page; cdp: CDPSession }> {
  const session = await startBrowserSession({ prefix });
  const { page } = session;
  page.setDefaultTimeout(120_000);
  try {
    await page.addInitScript({ content: COUNT_COMMITS });
    await page.addInitScript({ content: LONG_TASKS });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.setViewportSize({ width: 1280, height: 720 });
    await session.openSample();
    return { session, page, cdp };
  } catch (e) {
    await session.close();
    throw e;
  }
}

export async function benchInteraction(record: RecordFigure): Promise<void> {
  if (!built()) return;
  const { session, page, cdp } = await openCounting('bench-ui');
  try {
    const load = () => os.loadavg()[0]?.toFixed(1) ?? '?';
    const opened = await next(page, 'open', 0);
    record('打开示例县至「总览」静止（浏览器）', [opened], `其余页面在此之后才于空闲时预建；负载 ${load()}`);
    await duringBuild(session, cdp, record, load);

    // 规划 needs a plan to show; creating it is a write, so the next switch mounts its page
    // afresh and the pages built ahead are built again while idle.
    await session.openPage('规划');
    await page.getByTestId('plan-page').waitFor();
    if ((await page.getByTestId('create-plan').count()) > 0) {
      await page.getByTestId('create-plan').click();
      await page.getByTestId('plan-summary').waitFor();
    }
    await session.openPage('总览');
    await page.getByTestId('overview-page').waitFor();
    await prebuilt(page);
    const byPage = new Map<string, number[]>(PAGES.map((p) => [p.key, []]));
    const workByPage = new Map<string, Work[]>(PAGES.map((p) => [p.key, []]));
    const shownByPage = new Map<string, number[]>(PAGES.map((p) => [p.key, []]));
    const first = new Map<string, { ms: number; answer: number; work: Work }>();
    for (let round = 0; round <= ROUNDS; round++) {
      for (const p of PAGES) {
        const before = (await measures(page, `page:${p.key}`)).length;
        let ms = NaN;
        const done = await work(page, cdp, session.requests, async () => {
          await session.openPage(p.label);
          ms = await next(page, `page:${p.key}`, before);
        });
        if (round === 0) first.set(p.key, { ms, answer: (await measures(page, `answer:page:${p.key}`)).at(-1) ?? NaN, work: done });
        else {
          byPage.get(p.key)?.push(ms);
          workByPage.get(p.key)?.push(done);
          shownByPage.get(p.key)?.push((await measures(page, `answer:page:${p.key}`)).at(-1) ?? NaN);
        }
      }
    }
    for (const p of PAGES) {
      const once = first.get(p.key);
      record(
        `切换到「${p.label}」页（浏览器，示例县）`,
        byPage.get(p.key) ?? [],
        `再次：显示（中位数）${Math.round(middle(shownByPage.get(p.key) ?? []))} ms，${describeWork(workByPage.get(p.key) ?? [])}；首次 ${once?.ms.toFixed(0) ?? '?'} ms，首次显示 ${once?.answer.toFixed(0) ?? '?'} ms（页面已在空闲时预建；${once ? describeWork([once.work]) : ''}）；负载 ${load()}`,
      );
    }

    await sliderRecomputes(session, cdp, record, ROUNDS);
  } finally {
    await session.close();
  }
}

/** A pause after a page's build starts, before the click: a build's work comes when its answers do. */
const DURING_OFFSETS_MS = [0, 40, 80, 120, 160];

/** Long tasks of the page, from before the app loads (an init script). */
const LONG_TASKS = `
  window.__cspLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__cspLongTasks.push([performance.timeOrigin + e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
`;

/**
 * Clicks while the pages are built ahead: once during each page's build (「设置」 and 「总览」
 * in turn, at a different pause after the build started each time), until every page is built.
 * A click stops the build and it resumes when the window is idle, with the next page.
 *
 * Timed from the moment the click is sent (the bench's clock and the page's share the epoch), not
 * from the page's own measure, which starts when the click is handled: a click that lands in a
 * long task waits for it first, and that wait is what this figure is about. The click goes to
 * the menu item's place on the screen (Playwright's click() waits for the page to answer first).
 */
async function duringBuild(session: BrowserSession, cdp: CDPSession, record: RecordFigure, load: () => string): Promise<void> {
  const { page } = session;
  const runs: number[] = [];
  const handled: number[] = [];
  const shown: number[] = [];
  const works: Work[] = [];
  const building: string[] = [];
  const places = new Map<string, { x: number; y: number }>();
  for (const label of ['设置', '总览']) {
    const box = await page.getByTestId('main-menu').getByText(label, { exact: true }).boundingBox();
    if (!box) throw new Error(`菜单项「${label}」不在屏幕上`);
    places.set(label, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  }
  let since = 0;
  for (let i = 0; ; i++) {
    const handle = await page.waitForFunction(
      (t) => {
        const m = performance.getEntriesByType('mark').find((e) => e.startTime > t && (e.name.startsWith('csp:prebuild:') || e.name === 'csp:prebuilt'));
        return m ? m.name : null;
      },
      since,
      { timeout: 120_000 },
    );
    const mark = (await handle.jsonValue()) as string;
    if (mark === 'csp:prebuilt') break;
    await page.waitForTimeout(DURING_OFFSETS_MS[i % DURING_OFFSETS_MS.length] ?? 0);
    const target = PAGES.find((p) => p.label === (i % 2 === 0 ? '设置' : '总览'))!;
    const place = places.get(target.label)!;
    const before = (await measures(page, `page:${target.key}`)).length;
    let sent = 0;
    works.push(
      await work(page, cdp, session.requests, async () => {
        sent = Date.now();
        await page.mouse.click(place.x, place.y);
        handled.push(await next(page, `page:${target.key}`, before));
      }),
    );
    const { end, shownAt, longest } = await page.evaluate(
      ([key, index, from]) => {
        // No named function here: tsx would wrap it in a helper the page does not have.
        const [until, answered] = [`csp:page:${key}`, `csp:answer:page:${key}`].map((name) => {
          const e = performance.getEntriesByName(name, 'measure')[index as number];
          return e ? performance.timeOrigin + e.startTime + e.duration : NaN;
        }) as [number, number];
        const tasks = (window as unknown as { __cspLongTasks: [number, number][] }).__cspLongTasks;
        const overlapping = tasks.filter(([t, d]) => t < until && t + d > (from as number)).map(([, d]) => d);
        return { end: until, shownAt: answered, longest: Math.max(0, ...overlapping) };
      },
      [target.key, before, sent] as const,
    );
    runs.push(end - sent);
    shown.push(shownAt - sent);
    building.push(`${mark.replace('csp:prebuild:', '')}→${target.label} ${Math.round(end - sent)}（显示 ${Math.round(shownAt - sent)}，最长任务 ${Math.round(longest)}）`);
    since = await page.evaluate(() => performance.now());
  }
  record(
    '预建期间点击菜单（浏览器，示例县）',
    runs,
    `自发出点击起计；最长 ${Math.round(Math.max(...runs))} ms；逐次（正在预建的页面→点击）：${building.join('、')}；首次显示（中位数）${Math.round(middle(shown))} ms；页面自处理点击起计（中位数）${Math.round(middle(handled))} ms；${describeWork(works)}；负载 ${load()}`,
  );
}

/** The 预测 page's first slider moved by key, `rounds` times, each recompute timed and counted. */
async function sliderRecomputes(session: BrowserSession, cdp: CDPSession, record: RecordFigure, rounds: number): Promise<void> {
  const { page } = session;
  const load = () => os.loadavg()[0]?.toFixed(1) ?? '?';
  await session.openPage('预测');
  await page.getByTestId('forecast-page').waitFor();
  const slider = page.locator('.forecast-side .ant-slider-handle').first();
  await slider.waitFor();
  const runs: number[] = [];
  const recomputes: Work[] = [];
  for (let i = 0; i < rounds; i++) {
    const before = (await measures(page, 'recompute')).length;
    recomputes.push(
      await work(page, cdp, session.requests, async () => {
        await slider.focus();
        await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
        runs.push(await next(page, 'recompute', before));
      }),
    );
  }
  const answers = (await measures(page, 'answer:recompute')).slice(-rounds);
  const shown = answers.length ? `${Math.round(middle(answers))} ms` : '?';
  record(
    '预测参数滑块：重算并重绘（浏览器，示例县）',
    runs,
    `自请求发出至页面静止，不含 120 ms 输入停顿；新数值首次显示（中位数）${shown}；${describeWork(recomputes)}；负载 ${load()}`,
  );
}

/**
 * Just the slider (BENCH_ONLY=slider): the sample opened, its pages built ahead, then
 * SLIDER_ROUNDS moves (8 unless set). Quicker than the whole UI bench, to compare two builds
 * back to back (CSP_RENDERER_DIR picks the build).
 */
export async function benchSlider(record: RecordFigure): Promise<void> {
  if (!built()) return;
  const { session, page, cdp } = await openCounting('bench-slider');
  try {
    await prebuilt(page);
    await sliderRecomputes(session, cdp, record, Number(process.env.SLIDER_ROUNDS ?? 8));
  } finally {
    await session.close();
  }
}
