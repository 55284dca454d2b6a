// Interaction timings in the browser: page switches and the 预测 sliders' recomputes of the
// sample county, read from the performance measures the renderer takes itself (csp:page:*,
// csp:recompute; renderer/src/lib/timing.ts). Chromium drives the built renderer against the
// loopback host, as in the e2e suite. Needs `npx electron-vite build` first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startBrowserSession } from '../helpers/browser-session';

export type RecordFigure = (name: string, runs: number[], note?: string) => void;

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

export async function benchInteraction(record: RecordFigure): Promise<void> {
  if (!fs.existsSync(path.resolve('out/renderer/index.html'))) {
    console.log('跳过界面交互计时：请先运行 npx electron-vite build');
    return;
  }
  const session = await startBrowserSession({ prefix: 'bench-ui' });
  const { page } = session;
  page.setDefaultTimeout(120_000);
  try {
    await page.setViewportSize({ width: 1280, height: 720 });
    await session.openSample();
    // 规划 needs a plan to show; the first visit of each page also loads its code.
    await session.openPage('规划');
    await page.getByTestId('plan-page').waitFor();
    if ((await page.getByTestId('create-plan').count()) > 0) {
      await page.getByTestId('create-plan').click();
      await page.getByTestId('plan-summary').waitFor();
    }
    const load = () => os.loadavg()[0]?.toFixed(1) ?? '?';
    const byPage = new Map<string, number[]>(PAGES.map((p) => [p.key, []]));
    const first = new Map<string, number>();
    for (let round = 0; round <= ROUNDS; round++) {
      for (const p of PAGES) {
        const before = (await measures(page, `page:${p.key}`)).length;
        await session.openPage(p.label);
        const ms = await next(page, `page:${p.key}`, before);
        if (round === 0) first.set(p.key, ms);
        else byPage.get(p.key)?.push(ms);
      }
    }
    for (const p of PAGES) {
      record(`切换到「${p.label}」页（浏览器，示例县）`, byPage.get(p.key) ?? [], `首次 ${first.get(p.key)?.toFixed(0) ?? '?'} ms（含加载页面代码）；负载 ${load()}`);
    }

    await session.openPage('预测');
    await page.getByTestId('forecast-page').waitFor();
    const slider = page.locator('.forecast-side .ant-slider-handle').first();
    await slider.waitFor();
    const runs: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const before = (await measures(page, 'recompute')).length;
      await slider.focus();
      await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
      runs.push(await next(page, 'recompute', before));
    }
    record('预测参数滑块：重算并重绘（浏览器，示例县）', runs, `自请求发出至页面静止，不含 120 ms 输入停顿；负载 ${load()}`);
  } finally {
    await session.close();
  }
}
