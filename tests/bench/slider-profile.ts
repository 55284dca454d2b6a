// Where a 预测 slider move spends its time: Chromium's sampling profiler around a few moves,
// the components React rendered in each commit (through the developer-tools hook), and the
// projection request's own timing. Run it on an unminified build (tests/bench/profile-build.config.ts
// says how), or the names are mangled (docs/ARCHITECTURE.md, "The 预测 slider's recompute").
import os from 'node:os';
import type { CDPSession, Page } from 'playwright-core';
import { startBrowserSession } from '../helpers/browser-session';

const MOVES = Number(process.env.MOVES ?? 6);

// A string, not a function: tsx's helpers would not exist in the page. React's developer-tools
// hook sees every commit; a component rendered in it carries React's PerformedWork flag (1),
// and a subtree whose child pointer did not change was not visited (React DevTools' own rule).
const RECORD_RENDERS = `
  window.__cspRenders = [];
  const nameOf = (type) => {
    if (!type) return null;
    if (typeof type === 'function') return type.displayName || type.name || 'anonymous';
    if (typeof type === 'object') return type.displayName || nameOf(type.type) || nameOf(type.render);
    return null;
  };
  const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);
  const count = (fiber, counts, mount) => {
    for (let c = fiber.child; c; c = c.sibling) {
      const prev = c.alternate;
      const isNew = mount || prev === null;
      if (COMPONENT_TAGS.has(c.tag) && (isNew || (c.flags & 1) === 1)) {
        const n = (isNew ? 'mount ' : '') + nameOf(c.type);
        counts[n] = (counts[n] || 0) + 1;
      }
      if (isNew || c.child !== prev.child) count(c, counts, isNew);
    }
  };
  // Spins for 3 ms so that the sampling profile holds it: its first sample gives the offset
  // between the profile's clock and performance.now().
  window.__cspClockMark = function cspClockMark() { const t = performance.now(); while (performance.now() - t < 3) {} return t; };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject() { return 1; },
    checkDCE() {},
    onCommitFiberRoot(_id, root) {
      const counts = {};
      try { count(root.current, counts, false); } catch (e) { counts['error ' + e] = 1; }
      window.__cspRenders.push({ at: performance.now(), counts });
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
  };
`;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

function chunkOf(url: string): string {
  if (!url) return '(native)';
  const file = url.split('/').pop() ?? url;
  return file.replace(/-[\w-]{8}\.js$/, '');
}

/** Self time by script chunk, and inclusive time by the innermost named component or chart call. */
function attribute(profile: Profile, inWindow: (at: number) => boolean = () => true): { byChunk: Map<string, number>; byFrame: Map<string, number> } {
  const parent = new Map<number, number>();
  const node = new Map<number, ProfileNode>();
  for (const n of profile.nodes) {
    node.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const byChunk = new Map<string, number>();
  const byFrame = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const leaf = node.get(id);
    if (!leaf || !inWindow(at)) return;
    const leafName = leaf.callFrame.functionName;
    if (leafName === '(idle)') {
      add(byFrame, '(idle: waiting for the answer, or for the frame)', ms);
      return;
    }
    add(byChunk, leafName.startsWith('(') ? leafName : chunkOf(leaf.callFrame.url), ms);
    // Innermost frame that says what the work is for.
    let label = '(other)';
    for (let n: ProfileNode | undefined = leaf; n; n = node.get(parent.get(n.id) ?? -1)) {
      const { functionName: f, url } = n.callFrame;
      const chunk = chunkOf(url);
      if (f === 'shapeOf') {
        label = 'EChart shapeOf (JSON.stringify of the option)';
        break;
      }
      if (f === 'setOption' || f === 'resize') {
        label = `ECharts ${f}`;
        break;
      }
      if (/^JSON\.parse$|^parse$/.test(f) && !url) {
        label = 'JSON.parse';
        break;
      }
      if (/^(commitRoot|commitRootImpl|flushLayoutEffects|commitLayoutEffects|commitMutationEffects|flushPassiveEffects)/.test(f)) {
        label = `React ${f}`;
      }
      if (/^[A-Z]/.test(f) && chunk !== 'react') {
        label = `${f} [${chunk}]`;
        break;
      }
      if (/^(performWorkOnRoot|performSyncWorkOnRoot|workLoopSync|renderRootSync|performConcurrentWorkOnRoot)/.test(f) && label === '(other)') label = 'React render (reconcile)';
    }
    if (label === '(other)' && leafName.startsWith('(')) label = leafName;
    add(byFrame, label, ms);
  });
  return { byChunk, byFrame };
}

/** Milliseconds to subtract from a profile timestamp / 1000 to get performance.now(): from the first sample inside the clock mark. */
function clockOffset(profile: Profile, markedAt: number): number | null {
  const parent = new Map<number, number>();
  const name = new Map<number, string>();
  for (const n of profile.nodes) {
    name.set(n.id, n.callFrame.functionName);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const inMark = (id: number): boolean => {
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) if (name.get(n) === 'cspClockMark') return true;
    return false;
  };
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (inMark(profile.samples[i] ?? -1)) return at / 1000 - markedAt;
  }
  return null;
}

function top(m: Map<string, number>, n: number): string {
  return [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `  ${v.toFixed(1).padStart(7)} ms  ${k}`)
    .join('\n');
}

async function measures(page: Page, name: string): Promise<number[]> {
  return page.evaluate((n) => performance.getEntriesByName(n, 'measure').map((e) => e.duration), name);
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

async function main(): Promise<void> {
  const session = await startBrowserSession({ prefix: 'slider-profile' });
  const { page } = session;
  page.setDefaultTimeout(120_000);
  await page.addInitScript({ content: RECORD_RENDERS });
  const cdp = await page.context().newCDPSession(page);
  try {
    await page.setViewportSize({ width: 1280, height: 720 });
    await session.openSample();
    await session.openPage('预测');
    await page.getByTestId('forecast-page').waitFor();
    const slider = page.locator('.forecast-side .ant-slider-handle').first();
    await slider.waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('csp:prebuilt', 'mark').length > 0);
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const m0 = await metrics(cdp);
    await cdp.send('Profiler.start');
    const clockMark = await page.evaluate(() => (window as unknown as { __cspClockMark: () => number }).__cspClockMark());
    const renders0 = await page.evaluate(() => (window as unknown as { __cspRenders: unknown[] }).__cspRenders.length);
    const resources0 = await page.evaluate(() => performance.getEntriesByType('resource').length);
    for (let i = 0; i < MOVES; i++) {
      const before = (await measures(page, 'csp:recompute')).length;
      await slider.focus();
      await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
      await page.waitForFunction(([b]) => performance.getEntriesByName('csp:recompute', 'measure').length > (b as number), [before] as const);
    }
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const m1 = await metrics(cdp);
    const recompute = (await measures(page, 'csp:recompute')).slice(-MOVES);
    const answer = (await measures(page, 'csp:answer:recompute')).slice(-MOVES);
    const requests = await page.evaluate(
      (from) =>
        performance
          .getEntriesByType('resource')
          .slice(from)
          .filter((e) => e.name.includes('projection.run'))
          .map((e) => {
            const r = e as PerformanceResourceTiming;
            return { ms: r.duration, waiting: r.responseStart - r.requestStart, download: r.responseEnd - r.responseStart, kib: r.encodedBodySize / 1024 };
          }),
      resources0,
    );
    const renders = await page.evaluate((from) => (window as unknown as { __cspRenders: { at: number; counts: Record<string, number> }[] }).__cspRenders.slice(from), renders0);

    const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' / ');
    console.log(`负载 ${os.loadavg()[0]?.toFixed(1)}；${MOVES} 次滑块移动`);
    console.log(`csp:recompute (ms): ${fmt(recompute)}`);
    console.log(`csp:answer:recompute (ms): ${fmt(answer)}`);
    console.log(
      `projection.run requests: ${requests.map((r) => `${r.ms.toFixed(0)} ms (server+transport ${r.waiting.toFixed(0)}, body ${r.download.toFixed(0)}, ${r.kib.toFixed(0)} KiB)`).join('; ')}`,
    );
    const ms = (k: string) => (((m1[k] ?? 0) - (m0[k] ?? 0)) * 1000) / MOVES;
    console.log(
      `main thread per move: task ${ms('TaskDuration').toFixed(0)} ms, script ${ms('ScriptDuration').toFixed(0)}, style ${ms('RecalcStyleDuration').toFixed(0)}, layout ${ms('LayoutDuration').toFixed(0)}`,
    );
    const { byChunk, byFrame } = attribute(profile);
    // The moves' windows, on the profile's clock: from the request to the answer's frame, and
    // from there to the settled frame.
    const offset = clockOffset(profile, clockMark);
    // No named helpers inside: tsx would wrap them in its own, which the page lacks.
    const windows = await page.evaluate((n) => {
      const answers = performance.getEntriesByName('csp:answer:recompute', 'measure').slice(-n);
      return performance
        .getEntriesByName('csp:recompute', 'measure')
        .slice(-n)
        .map((e, i) => ({ start: e.startTime, answer: e.startTime + (answers[i]?.duration ?? e.duration), settled: e.startTime + e.duration }));
    }, MOVES);
    if (offset === null) console.log('\n(no clock mark in the profile: the phases below are not split)');
    else {
      const within = (from: 'start' | 'answer', to: 'answer' | 'settled') => (at: number) =>
        windows.some((w) => at / 1000 - offset >= w[from] && at / 1000 - offset < w[to]);
      for (const [title, from, to] of [
        ['request → answer frame (csp:answer:recompute)', 'start', 'answer'],
        ['answer frame → settled (the rest of csp:recompute)', 'answer', 'settled'],
      ] as const) {
        const part = attribute(profile, within(from, to));
        const sum = [...part.byFrame.values()].reduce((a, b) => a + b, 0);
        const perMove = (m: Map<string, number>) => new Map([...m].map(([k, v]) => [k, v / MOVES]));
        console.log(`\n${title}: ${(sum / MOVES).toFixed(1)} ms per move; self time by script chunk:`);
        console.log(top(perMove(part.byChunk), 10));
        console.log('by what it was for:');
        console.log(top(perMove(part.byFrame), 24));
      }
    }
    const per = (m: Map<string, number>) => new Map([...m].map(([k, v]) => [k, v / MOVES]));
    console.log('\nself time per move, by script chunk:');
    console.log(top(per(byChunk), 14));
    console.log('\ntime per move, by what it was for (innermost component, chart call, React phase):');
    console.log(top(per(byFrame), 30));
    // EChart's shape check (components/EChart.tsx), kept only while it stays this cheap.
    const shape = [...byFrame].find(([k]) => k.startsWith('EChart shapeOf'))?.[1] ?? 0;
    console.log(`  EChart shapeOf (JSON.stringify of the option): ${(shape / MOVES).toFixed(2)} ms per move, ${Math.round(shape / 0.1)} samples of 0.1 ms in all`);
    const perCommit = new Map<string, number>();
    for (const r of renders) for (const [k, v] of Object.entries(r.counts)) perCommit.set(k, (perCommit.get(k) ?? 0) + v);
    console.log(`\nReact commits: ${renders.length} (${(renders.length / MOVES).toFixed(1)} per move); components rendered per move:`);
    console.log(
      [...perCommit.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 40)
        .map(([k, v]) => `  ${(v / MOVES).toFixed(1).padStart(6)}  ${k}`)
        .join('\n'),
    );
    const total = [...perCommit.values()].reduce((a, b) => a + b, 0);
    console.log(`  total component renders per move: ${(total / MOVES).toFixed(0)}`);
    // The last move's commits, timed from its request (the start of csp:recompute).
    const start = await page.evaluate(() => performance.getEntriesByName('csp:recompute', 'measure').at(-1)?.startTime ?? 0);
    const last = renders.filter((r) => r.at > start - 400);
    console.log('\nthe last move\'s commits (ms from its request; components rendered; the most rendered):');
    for (const r of last) {
      const list = Object.entries(r.counts).sort((a, b) => b[1] - a[1]);
      const n = list.reduce((a, [, v]) => a + v, 0);
      const shown = process.env.ALL_COMPONENTS && r.at > start ? list : list.slice(0, 8);
      console.log(`  ${(r.at - start).toFixed(0).padStart(6)}  ${String(n).padStart(5)}  ${shown.map(([k, v]) => `${k}×${v}`).join(', ')}`);
    }
  } finally {
    await session.close();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
