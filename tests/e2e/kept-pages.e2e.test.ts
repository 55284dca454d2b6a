// End to end: a page once shown is kept while the planner looks at others, so coming back to
// it shows the same page again at once (every answer carries the data version) and asks the
// backend one question (project.version, for writes made elsewhere) after it; once the
// data changed underneath it (here a school edited through the same backend while the page was
// hidden), coming back loads it afresh and shows the change. A kept page is not in the
// document while hidden, so nothing on screen or in a query sees two pages. Pages not yet shown
// are built ahead while the window is idle, so a first visit also asks only project.version; the
// 附件 preview (costly in the backend) is built ahead too, annex by annex, each call sent only
// once the page on screen has settled, so the planner's own calls are never queued behind it.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/server';
import { withBrowserSession } from '../helpers/browser';
import { commitsSoFar, COUNT_COMMITS, frames } from '../helpers/react-commits';
import { tinyProject } from '../helpers/project';
import { tempDir } from '../helpers/temp';

const dir = tempDir('csp-e2e-kept-');
let host: Host;
let page: Page;
const session = withBrowserSession({ prefix: 'kept', dataDir: `${dir}/data` }, async (s) => {
  ({ host, page } = s);
  const opened = await host.backend.dispatch('project.open', { path: await tinyProject(dir) });
  if (!opened.ok) throw new Error(opened.error.message);
});

const POLL = { timeout: 20_000 };
const capacityCell = () => page.locator('[data-testid="school-table"] [data-code="9909990001"] .ant-table-cell').nth(10);
const apiCalls = () => session.requests.filter((u) => u.includes('/api/')).map((u) => decodeURIComponent(u.slice(u.indexOf('/api/') + 5)));

/** The app loaded afresh (a new document: init scripts run, nothing kept, nothing built ahead). */
async function reload(): Promise<void> {
  await page.goto('about:blank');
  await page.goto(host.openUrl);
}

async function show(label: string, testId: string): Promise<void> {
  await session.openPage(label);
  await page.getByTestId(testId).waitFor();
}

/**
 * Holds the backend's answers to `method` until `release()`; `asked()` tells whether it has been
 * called. `done()` releases them and stops holding.
 */
async function holdAnswers(method: string): Promise<{ asked: () => boolean; release: () => void; done: () => Promise<void> }> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  const url = `**/api/${method}`;
  await page.route(url, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  return {
    asked: () => asked,
    release: () => release(),
    done: async () => {
      release();
      await page.unroute(url);
    },
  };
}

/**
 * Shows the page and waits until the pages have been built ahead again after the switch
 * (renderer/src/layout/prebuild.ts). The time is taken before the click: with every page
 * already built the round ends within a few frames, before a question asked after it.
 */
async function showBuilt(label: string, testId: string): Promise<void> {
  const since = await page.evaluate(() => performance.now());
  await show(label, testId);
  await page.waitForFunction((t) => performance.getEntriesByName('csp:prebuilt', 'mark').some((m) => m.startTime > t), since, POLL);
}

describe('pages kept between visits', () => {
  it('shows a page again without loading it when nothing changed', async () => {
    await page.goto(host.openUrl);
    await show('学校', 'schools-page');
    await expect.poll(() => capacityCell().textContent(), POLL).toBe('540');
    await page.getByTestId('schools-page').evaluate((el) => el.setAttribute('data-kept-mark', 'yes'));

    await showBuilt('总览', 'overview-page');
    expect(await page.getByTestId('schools-page').count()).toBe(0);

    const before = apiCalls().length;
    await show('学校', 'schools-page');
    expect(await page.locator('[data-kept-mark="yes"]').count()).toBe(1);
    expect(await page.getByTestId('overview-page').count()).toBe(0);
    expect(apiCalls().slice(before)).toEqual(['project.version']);
  });

  it('loads a kept page afresh once the data changed while it was hidden', async () => {
    await show('总览', 'overview-page');
    await session.api('schools.update', { school: '9909990001', changes: { designSeats: 600 } });
    await show('学校', 'schools-page');
    await expect.poll(() => capacityCell().textContent(), POLL).toBe('600');
    expect(await page.locator('[data-kept-mark="yes"]').count()).toBe(0);
  });

  // Before the 附件 visit below: its preview keeps a call in flight for a while, and the pages
  // are built ahead only once nothing is.
  it('shows a kept page before the backend answers whether anything changed (the version comes with every answer)', async () => {
    await showBuilt('总览', 'overview-page');
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    let answered: Promise<void> = Promise.resolve();
    await page.route('**/api/project.version', (route) => {
      asked++;
      answered = held.then(() => route.continue());
    });
    const measured = await page.evaluate(() => performance.getEntriesByName('csp:page:schools', 'measure').length);
    try {
      await show('学校', 'schools-page');
      await expect.poll(() => asked, POLL).toBe(1);
      // On screen while the question is still unanswered.
      expect(await page.getByTestId('schools-page').isVisible()).toBe(true);
      expect(await page.getByTestId('overview-page').count()).toBe(0);
    } finally {
      release();
      await answered;
      await page.unroute('**/api/project.version');
    }
    // The switch has settled only once the question was answered.
    await page.waitForFunction((n) => performance.getEntriesByName('csp:page:schools', 'measure').length > n, measured, POLL);
    await expect.poll(() => capacityCell().textContent(), POLL).toBe('600');
  });

  it('builds the pages not yet shown ahead, so that their first visit loads nothing, the annex preview included', async () => {
    await showBuilt('总览', 'overview-page');
    expect(apiCalls()).toContain('annex.list');
    expect(apiCalls()).toContain('annex.prepare');
    expect(apiCalls()).toContain('annex.preview');

    let before = apiCalls().length;
    await session.openPage('人口');
    await page.locator('.kept-page-slot > [data-page="population"]').waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('csp:page:population', 'measure').length > 0, undefined, POLL);
    expect(apiCalls().slice(before)).toEqual(['project.version']);

    before = apiCalls().length;
    await show('附件', 'annex-page');
    await page.waitForFunction(() => performance.getEntriesByName('csp:page:annex', 'measure').length > 0, undefined, POLL);
    expect(apiCalls().slice(before)).toEqual(['project.version']);
    const answered = await page.evaluate(() => performance.getEntriesByName('csp:answer:page:annex', 'measure').length);
    expect(answered).toBe(1);
    // Its pages were drawn ahead: on screen at the first settled frame, not a spinner.
    expect(await page.locator('[data-testid="annex-page"] .ant-spin-spinning').count()).toBe(0);
    await expect.poll(() => page.frameLocator('[data-testid="annex-preview-frame"]').locator('section.annex').count(), POLL).toBeGreaterThan(0);
  });

  it('sends a call of the planner’s at once while the annex preview is being built ahead, and the next annex only once the page has settled', async () => {
    // A write makes every kept page stale; after the next switch they are built again, 附件 last.
    await session.api('schools.update', { school: '9909990001', changes: { designSeats: 610 } });
    // The preview's calls built ahead: an annex.prepare per annex, then annex.preview.
    const prepares = () => apiCalls().filter((c) => c === 'annex.prepare' || c === 'annex.preview').length;
    const before = prepares();
    let releasePrepare = () => {};
    const preparing = new Promise<void>((resolve) => (releasePrepare = resolve));
    let releaseList = () => {};
    const listHeld = new Promise<void>((resolve) => (releaseList = resolve));
    let prepareAnswered: Promise<void> = Promise.resolve();
    let listAnswered: Promise<void> = Promise.resolve();
    let held = false;
    await page.route('**/api/annex.prepare', (route) => {
      if (held) return void route.continue();
      held = true;
      prepareAnswered = preparing.then(() => route.continue());
    });
    try {
      await show('人口', 'population-page');
      // The first annex's call is on its way (held here, as a slow backend would hold it).
      await expect.poll(() => held, { timeout: 60_000 }).toBe(true);
      // The planner opens a school (学校 was built again ahead, so showing it asks nothing the
      // page waits for): the drawer asks for the school at once, held here unanswered.
      await show('学校', 'schools-page');
      await page.route('**/api/schools.detail', (route) => {
        listAnswered = listHeld.then(() => route.continue());
      });
      const details = apiCalls().filter((c) => c === 'schools.detail').length;
      await page.locator('[data-testid="school-table"] [data-code="9909990001"]').first().click();
      // Sent while the ahead call is still unanswered: not queued behind it.
      await expect.poll(() => apiCalls().filter((c) => c === 'schools.detail').length, POLL).toBe(details + 1);
      const answered = page.waitForResponse('**/api/annex.prepare');
      releasePrepare();
      await prepareAnswered;
      await answered;
      // The page has not settled (the school is not yet answered), so no next annex is sent.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
      expect(prepares()).toBe(before + 1);
    } finally {
      releasePrepare();
      releaseList();
      await prepareAnswered;
      await listAnswered;
      await page.unroute('**/api/schools.detail');
      await page.keyboard.press('Escape');
    }
    await expect.poll(() => prepares(), { timeout: 60_000 }).toBeGreaterThan(before + 1);
    await page.unroute('**/api/annex.prepare');
  });

  it('keeps each page at the place it was scrolled to', async () => {
    // Short enough a window that both pages of the tiny project scroll.
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 1280, height: 320 });
    try {
      const content = page.locator('.app-content');
      const scrollHalf = () => content.evaluate((el) => el.scrollTo({ top: Math.floor((el.scrollHeight - el.clientHeight) / 2) }));
      const top = () => content.evaluate((el) => el.scrollTop);
      await show('学校', 'schools-page');
      await scrollHalf();
      const schools = await top();
      await show('总览', 'overview-page');
      await expect.poll(top, POLL).toBe(0);
      await scrollHalf();
      const overview = await top();
      expect(new Set([0, schools, overview]).size).toBe(3);
      await show('学校', 'schools-page');
      await expect.poll(top, POLL).toBe(schools);
      await show('总览', 'overview-page');
      await expect.poll(top, POLL).toBe(overview);
    } finally {
      if (viewport) await page.setViewportSize(viewport);
    }
  });

  it('shows a page clicked while another is being built ahead without waiting for its code', async () => {
    // A page that suspends on its code is retried only after the page being built ahead has
    // rendered: the code of every page is fetched before the first is built (MainLayout.tsx).
    await reload();
    await page.waitForFunction(() => performance.getEntriesByType('mark').some((m) => m.name.startsWith('csp:prebuild:')), undefined, POLL);
    expect(await page.locator('.kept-page-slot > [data-page="settings"]').count()).toBe(0);
    expect(await page.evaluate(() => performance.getEntriesByName('csp:prebuild:settings', 'mark').length)).toBe(0);
    await page.evaluate(() => {
      const w = window as unknown as { cspFallbackSeen: boolean };
      w.cspFallbackSeen = false;
      new MutationObserver(() => {
        if (document.querySelector('.kept-page-slot > [data-page="settings"] [data-testid="page-code-loading"]')) w.cspFallbackSeen = true;
      }).observe(document.body, { subtree: true, childList: true });
    });
    await show('设置', 'settings-page');
    expect(await page.evaluate(() => (window as unknown as { cspFallbackSeen: boolean }).cspFallbackSeen)).toBe(false);
  });

  it('does not render again on every frame while a notice is up, which held up the pages built ahead', async () => {
    // antd counts a notice's time down by setting state on every frame; each of those commits
    // starts the transition building a page ahead over again (renderer/src/state/useToast.ts).
    await page.addInitScript({ content: COUNT_COMMITS });
    await reload();
    await showBuilt('设置', 'settings-page');
    await page.getByTestId('backup-now').click();
    const notice = page.locator('.ant-message-notice').filter({ hasText: '已创建备份' });
    await notice.waitFor();
    await expect.poll(() => page.locator('[data-testid="backup-now"].ant-btn-loading').count(), POLL).toBe(0);
    await frames(page, 2);
    const before = await commitsSoFar(page);
    await frames(page, 30);
    const during = (await commitsSoFar(page)) - before;
    expect(await notice.count()).toBe(1);
    expect(during).toBeLessThan(5);
  });

  it('tells resize observers of real changes only, not of a kept page leaving the document and coming back', async () => {
    const heard = await page.evaluate(async () => {
      const frames = (n: number) =>
        new Promise<void>((resolve) => {
          let seen = 0;
          const step = () => (++seen >= n ? resolve() : requestAnimationFrame(step));
          requestAnimationFrame(step);
        });
      const el = document.createElement('div');
      el.style.cssText = 'width: 120px; height: 30px';
      document.body.append(el);
      const widths: number[] = [];
      const observer = new ResizeObserver((entries) => entries.forEach((e) => widths.push(e.contentRect.width)));
      observer.observe(el);
      await frames(3);
      el.remove();
      await frames(3);
      document.body.append(el);
      await frames(3);
      el.style.width = '200px';
      await frames(3);
      // Observed afresh: told its size once more, as a new observation always is.
      observer.unobserve(el);
      observer.observe(el);
      await frames(3);
      observer.disconnect();
      el.remove();
      return widths;
    });
    expect(heard).toEqual([120, 200, 200]);
  });

  it('sends the calls of a page being built ahead one at a time in the background, behind the planner’s own calls, and at once when that page is shown', async () => {
    // Requests and answers of the API in the order the browser saw them.
    const events: string[] = [];
    const api = (u: string) => (u.includes('/api/') ? decodeURIComponent(u.slice(u.indexOf('/api/') + 5)) : null);
    page.on('request', (r) => void (api(r.url()) && events.push(`ask ${api(r.url())}`)));
    page.on('response', (r) => void (api(r.url()) && events.push(`answer ${api(r.url())}`)));
    const at = (event: string, from = 0) => events.indexOf(event, from);

    /** Makes every kept page stale and holds the 学校 page's first call as it is built ahead again. */
    const holdSchoolsBuiltAhead = async (seats: number) => {
      await session.api('schools.update', { school: '9909990001', changes: { designSeats: seats } });
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let asked = false;
      let answered: Promise<void> = Promise.resolve();
      await page.route('**/api/schools.list', (route) => {
        if (asked) return void route.continue();
        asked = true;
        answered = held.then(() => route.continue());
      });
      const from = events.length;
      // After this switch the stale pages are built again, 总览 and 数据导入 before 学校.
      await show('人口', 'population-page');
      await expect.poll(() => asked, { timeout: 60_000 }).toBe(true);
      return {
        from,
        release: async () => {
          release();
          await answered;
          await page.unroute('**/api/schools.list');
        },
      };
    };

    const first = await holdSchoolsBuiltAhead(620);
    try {
      // The 学校 page's other call waits in the background lane while its first is unanswered.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
      expect(at('ask inclusion.get', first.from)).toBe(-1);
      // The planner's page asks at once and has its answer before the queued call is sent.
      await session.openPage('设置');
      await expect.poll(() => at('answer backups.list', first.from), POLL).toBeGreaterThan(-1);
      expect(at('ask inclusion.get', first.from)).toBe(-1);
    } finally {
      await first.release();
    }
    await expect.poll(() => at('ask inclusion.get', first.from), { timeout: 60_000 }).toBeGreaterThan(at('answer backups.list', first.from));

    const second = await holdSchoolsBuiltAhead(630);
    try {
      expect(at('ask inclusion.get', second.from)).toBe(-1);
      // Shown while a call of its is still queued: sent at once, not once the window is idle
      // (it is not: the first call is still unanswered).
      await show('学校', 'schools-page');
      await expect.poll(() => at('ask inclusion.get', second.from), POLL).toBeGreaterThan(-1);
      expect(at('answer schools.list', second.from)).toBe(-1);
    } finally {
      await second.release();
    }
    await expect.poll(() => capacityCell().textContent(), POLL).toBe('630');
  });

  it('writes no component styles while rendering: antd runs in zero-runtime mode with its stylesheet bundled', async () => {
    // Pages shown and built ahead by now: each antd component used has rendered. Only the
    // theme's CSS variables (data-token-hash) are written at run time.
    await showBuilt('学校', 'schools-page');
    const styles = await page.evaluate(() => ({
      component: document.querySelectorAll('style[data-css-hash]:not([data-token-hash])').length,
      tokens: document.querySelectorAll('style[data-token-hash]').length,
    }));
    expect(styles.component).toBe(0);
    expect(styles.tokens).toBeGreaterThan(0);
  });

  it('waits for the 附件 preview before calling the pages built: a first visit then finds it printed', async () => {
    // The preview's answer is held back: the pages are not built until it has come.
    const preview = await holdAnswers('annex.preview');
    try {
      await reload();
      await expect.poll(preview.asked, POLL).toBe(true);
      await frames(page, 30);
      expect(await page.evaluate(() => performance.getEntriesByName('csp:prebuilt', 'mark').length)).toBe(0);
      preview.release();
      await page.waitForFunction(() => performance.getEntriesByName('csp:prebuilt', 'mark').length > 0, undefined, POLL);
    } finally {
      await preview.done();
    }
  });

  it('finishes building a page whose build a click cut short, so that its charts are drawn before its first visit', async () => {
    // The projection is held back until the click has cut the 预测 page's build short: the page
    // is taken out of the document with its charts not yet drawn.
    const projection = await holdAnswers('projection.run');
    try {
      await reload();
      // Each chart drawn on the 预测 page: whether the page was being built then, or on screen.
      await page.evaluate(() => {
        const w = window as unknown as { cspChartsDrawn: string[] };
        w.cspChartsDrawn = [];
        new MutationObserver((records) => {
          for (const r of records) {
            for (const n of r.addedNodes) {
              // ECharts puts its <svg> in a <div> of its own inside the chart's container; the page
              // itself is added to the document with its charts when built on or shown.
              if (!(n instanceof Element) || !n.parentElement?.closest('[data-echart]') || !(n instanceof SVGSVGElement || n.querySelector('svg'))) continue;
              const host = n.closest<HTMLElement>('[data-page="forecast"]');
              if (host) w.cspChartsDrawn.push(host.classList.contains('kept-page-staged') ? 'built ahead' : 'on screen');
            }
          }
        }).observe(document.body, { subtree: true, childList: true });
      });
      await expect.poll(projection.asked, POLL).toBe(true);
      const since = await page.evaluate(() => performance.now());
      await show('设置', 'settings-page');
      projection.release();
      await page.waitForFunction((t) => performance.getEntriesByName('csp:prebuilt', 'mark').some((m) => m.startTime > t), since, POLL);
    } finally {
      await projection.done();
    }
    await show('预测', 'forecast-page');
    await page.waitForFunction(() => performance.getEntriesByName('csp:page:forecast', 'measure').length > 0, undefined, POLL);
    const drawn = await page.evaluate(() => (window as unknown as { cspChartsDrawn: string[] }).cspChartsDrawn);
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name} ${Math.round(m.startTime)}`).join(', '));
    expect(drawn.length, marks).toBeGreaterThan(0);
    expect(drawn.filter((d) => d !== 'built ahead')).toEqual([]);
  });

  it('stayed quiet', () => {
    expect(session.consoleErrors).toEqual([]);
    expect(session.outsideRequests()).toEqual([]);
  });
});
