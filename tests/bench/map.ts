// Layout map bench figures for a county of 600 schools and 5,000 villages: building the scene
// and its SVG (Node), then in Chromium (the browser mode's engine): painting the scene on a
// canvas as the 布局图 page does, moving it during a pan/zoom, and — for the
// choice of surface — putting the same map into the page as SVG elements and moving it.
import { buildSync } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../electron/backend';
import { chromiumPrinter } from '../../electron/backend/annex/chromium';
import { closeKeptBrowsers } from '../../electron/backend/annex/kept-browser';
import { lastSubsetReport } from '../../electron/backend/annex/print-fonts';
import { chromium } from 'playwright-core';
import { drawMap, MAP_LAYERS, sceneToSvg, type MapLayer, type MapView } from '../../shared/map';
import { syntheticDrawing } from '../helpers/map-drawing';
import { placePlanFreeSample } from '../helpers/sample';

type Measure = (name: string, times: number, fn: (i: number) => Promise<unknown> | unknown, note?: string) => Promise<number>;

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEW: MapView = { width: 1100, height: 760, zoom: 1, panX: 0, panY: 0 };
const LAYERS = new Set<MapLayer>(MAP_LAYERS);

/** The map's shared code as one script for the page (what the renderer bundles). */
function mapBundle(): string {
  const out = buildSync({
    stdin: { contents: "export { drawMap, paintScene } from './shared/map';", resolveDir: path.resolve('.'), loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: 'CspMap',
    write: false,
    platform: 'browser',
  });
  return out.outputFiles[0]?.text ?? '';
}

/** Runs in the page, as text (tsx names compiled functions with a helper the page lacks). */
const PAGE_SCRIPT = `
window.benchLayers = new Set(${JSON.stringify(MAP_LAYERS)});
window.paint = (view) => {
  const canvas = document.getElementById('canvas');
  const ctx = canvas.getContext('2d');
  const scene = CspMap.drawMap(window.drawing, view, { layers: window.benchLayers, furniture: false });
  CspMap.paintScene(ctx, scene, (d) => new Path2D(d), 1);
  return scene.items.length;
};
window.frames = (mode) => new Promise((done) => {
  const canvas = document.getElementById('canvas');
  const svgLayer = document.getElementById('svg');
  const group = svgLayer.querySelector('svg > g');
  const stamps = [];
  const costs = [];
  let i = 0;
  function step(t) {
    stamps.push(t);
    const k = 1 + 0.02 * i, x = -4 * i, y = -3 * i;
    const t0 = performance.now();
    if (mode === 'canvas-redraw') window.paint({ width: ${VIEW.width}, height: ${VIEW.height}, zoom: k, panX: x, panY: y });
    else if (mode === 'canvas-css') canvas.style.transform = 'translate(' + x + 'px,' + y + 'px) scale(' + k + ')';
    else group.setAttribute('transform', 'translate(' + x + ',' + y + ') scale(' + k + ')');
    costs.push(performance.now() - t0);
    i += 1;
    if (i < 90) requestAnimationFrame(step);
    else {
      canvas.style.transform = '';
      const d = stamps.slice(1).map((s, j) => s - stamps[j]).sort((a, b) => a - b);
      costs.sort((a, b) => a - b);
      done({ median: d[Math.floor(d.length / 2)], p95: d[Math.floor(d.length * 0.95)], max: d[d.length - 1], work: costs[Math.floor(costs.length / 2)] });
    }
  }
  requestAnimationFrame(step);
});
window.nextPaint = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null))));
`;

interface Frames {
  median: number;
  p95: number;
  max: number;
  work: number;
}

/** What the font embedding of the last PDF did, in one line. */
function subsetLine(): string {
  const r = lastSubsetReport();
  if (!r) return '未嵌入字体子集';
  const skipped = r.skipped.map((s) => `${s.family}：${s.reason}`).join('；');
  return `字体子集 ${r.faces} 个字面（${r.families.join('、') || '无'}；缓存命中 ${r.cached}），${r.codePoints} 个字符，${(r.bytes / 1024).toFixed(0)} KB，用时 ${r.ms.toFixed(0)} ms${skipped ? `；未嵌入：${skipped}` : ''}`;
}

/** 附件9 (学校布局规划图) as PDF (system Chromium, as the CLI prints) for the sample county with a plan. */
export async function benchMapAnnex(measure: Measure): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-bench-map-'));
  const printPdf = chromiumPrinter();
  const backend = createBackend({ dataDir: dir, shell: 'cli', printPdf });
  const load = () => `负载 ${os.loadavg().map((x) => x.toFixed(1)).join('/')}`;
  try {
    await placePlanFreeSample(backend.projectsDir);
    const opened = await backend.dispatch('project.openSample', {});
    if (!opened.ok) throw new Error(opened.error.message);
    const plan = await backend.dispatch('plan.create', { name: '十五五' });
    if (!plan.ok) throw new Error(plan.error.message);
    const request = { annexes: [{ kind: 'layout-map' as const }] };
    const exportMap = async (format: 'pdf' | 'docx') => {
      const res = await backend.dispatch('annex.export', { format, ...request });
      if (!res.ok) throw new Error(res.error.message);
    };
    const each = (name: string) => async (i: number) => {
      const t0 = performance.now();
      await exportMap('pdf');
      console.log(`  ${name} 第 ${i + 1} 次：${(performance.now() - t0).toFixed(0)} ms；${subsetLine()}；${load()}`);
    };
    // The first PDF starts the kept-alive browser; the next ones reuse it, as a second print
    // from the same CLI run or loopback host does.
    closeKeptBrowsers();
    await measure('布局规划图附件 PDF（示例县，首次，含启动 Chromium）', 1, each('首次'), `现状图 + 规划图 + 覆盖表；${load()}`);
    await measure('布局规划图附件 PDF（示例县，浏览器已启动）', 3, each('再次'), load());
    // The same document printed with the installed faces (no subsets), for comparison: what
    // each large CJK face costs Chromium's PDF.
    const preview = await backend.dispatch('annex.preview', request);
    if (!preview.ok) throw new Error(preview.error.message);
    const html = (preview.result as { html: string }).html;
    await measure('布局规划图附件 PDF（对照：不嵌入子集，用已安装字体）', 3, async (i) => {
      const t0 = performance.now();
      await printPdf(html);
      console.log(`  对照 第 ${i + 1} 次：${(performance.now() - t0).toFixed(0)} ms；${load()}`);
    }, load());
    await measure('布局规划图附件 DOCX（示例县）', 3, () => exportMap('docx'), '现状图 + 规划图（PNG）+ 覆盖表');
  } finally {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchMap(measure: Measure): Promise<void> {
  await benchMapAnnex(measure);
  const drawing = syntheticDrawing({ side: 8, schools: 600, villages: 5000 });
  const note = `600 所学校、5000 个村、64 个乡镇，${VIEW.width}×${VIEW.height} px`;
  let items = 0;
  await measure('布局图场景生成（Node，全县）', 10, () => (items = drawMap(drawing, VIEW, { layers: LAYERS, furniture: true }).items.length), note);
  let svg = '';
  await measure('布局图 SVG 字符串（Node，打印用）', 10, () => (svg = sceneToSvg(drawMap(drawing, VIEW, { layers: LAYERS, furniture: true }))), note);
  console.log(`  布局图：${items} 个图元，SVG ${(svg.length / 1024).toFixed(0)} KB`);

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await (await browser.newContext({ viewport: { width: VIEW.width, height: VIEW.height } })).newPage();
    await page.setContent(
      `<!doctype html><html><body style="margin:0"><div style="position:absolute;inset:0;overflow:hidden">` +
        `<canvas id="canvas" width="${VIEW.width}" height="${VIEW.height}" style="position:absolute;left:0;top:0;transform-origin:0 0;will-change:transform"></canvas>` +
        `<div id="svg" style="position:absolute;left:0;top:0;visibility:hidden"></div></div></body></html>`,
    );
    await page.addScriptTag({ content: mapBundle() });
    await page.addScriptTag({ content: PAGE_SCRIPT });
    await page.evaluate(`window.drawing = ${JSON.stringify(drawing)}`);

    await measure('布局图画布绘制（Chromium：生成场景 + 画到画布 + 画出；平移缩放停下后的重绘）', 10, (i) =>
      page.evaluate(`(async () => { window.paint({ width: ${VIEW.width}, height: ${VIEW.height}, zoom: ${1 + i * 0.1}, panX: 0, panY: 0 }); await window.nextPaint(); })()`),
      note,
    );
    await measure('布局图 SVG 元素显示（Chromium：插入 SVG 到画出，对照）', 3, () =>
      page.evaluate(`(async () => { const el = document.getElementById('svg'); el.innerHTML = ''; el.style.visibility = 'visible'; el.innerHTML = ${JSON.stringify(svg)}; await window.nextPaint(); el.style.visibility = 'hidden'; })()`),
      note,
    );
    const say = (f: Frames) => `帧间隔中位 ${f.median.toFixed(1)} ms，P95 ${f.p95.toFixed(1)} ms，最长 ${f.max.toFixed(1)} ms；每帧脚本 ${f.work.toFixed(1)} ms（90 帧）`;
    const modes = [
      ['canvas-redraw', '布局图平移缩放：每帧重绘画布（对照）'],
      ['canvas-css', '布局图平移缩放：手势中画布整体变换、停下后重绘（页面采用）'],
      ['svg-group', '布局图平移缩放：每帧改 SVG 元素变换（对照）'],
    ] as const;
    for (const [mode, name] of modes) {
      if (mode === 'svg-group') await page.evaluate(`document.getElementById('svg').style.visibility = 'visible'; document.getElementById('canvas').style.visibility = 'hidden'`);
      let f: Frames | undefined;
      await measure(name, 1, async () => (f = (await page.evaluate(`window.frames(${JSON.stringify(mode)})`)) as Frames), '');
      const last = f;
      if (last) console.log(`  ${name}：${say(last)}`);
    }
  } finally {
    await browser.close();
  }
}
