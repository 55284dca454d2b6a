// Headless PDF printing and SVG screenshots with the system Chromium (CLI, loopback host,
// tests), on one kept-alive browser (kept-browser.ts) loading a private temporary file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors';
import type { PdfPrinter } from './pdf';
import { rasterPage, type SvgRasteriser } from './raster';
import { BrowserFailure, keptBrowser } from './kept-browser';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const WINDOWS_CANDIDATES = [
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
];
const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

const NOT_FOUND_MESSAGE =
  '未找到 Chromium 或 Chrome 浏览器，无法生成 PDF。请安装 Chromium（Debian/UOS：apt install chromium），' +
  '或设置环境变量 CSP_CHROMIUM 为浏览器程序的完整路径；也可以改为导出 Excel 或 Word。';

function executable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** CSP_CHROMIUM, then the usual install paths, then the PATH; null when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.CSP_CHROMIUM?.trim();
  if (configured) return executable(configured) ? configured : null;
  for (const file of process.platform === 'win32' ? WINDOWS_CANDIDATES : CANDIDATES) if (executable(file)) return file;
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      const file = path.join(dir, name);
      if (executable(file)) return file;
    }
  }
  return null;
}

export interface ChromiumPrinterOptions {
  /** The browser; found with findChromium() when left out. */
  binary?: string;
  timeoutMs?: number;
}

function chromiumBinary(options: ChromiumPrinterOptions): string {
  const binary = options.binary ?? findChromium();
  if (!binary) throw new AppError('IO_ERROR', options.binary === undefined && process.env.CSP_CHROMIUM ? `环境变量 CSP_CHROMIUM 指向的程序不存在或不可执行：${process.env.CSP_CHROMIUM}` : NOT_FOUND_MESSAGE);
  return binary;
}

type Session = (method: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>>;

/**
 * Loads `html` in a tab of the kept-alive headless browser (kept-browser.ts) through a private
 * temporary file (annexes of a large county exceed Chromium's URL limit for a data: URL) and
 * returns the base64 `data` that `task` gets from the page.
 */
async function renderKept(options: ChromiumPrinterOptions, html: string, what: string, task: (session: Session) => Promise<Record<string, unknown>>): Promise<Uint8Array> {
  const browser = keptBrowser(chromiumBinary(options));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-annex-'));
  try {
    const input = path.join(dir, 'annex.html');
    fs.writeFileSync(input, html, 'utf8');
    const result = await browser.open(input, { timeoutMs: options.timeoutMs ?? 120_000 }, task);
    const bytes = Buffer.from(String(result.data ?? ''), 'base64');
    if (bytes.length === 0) throw new BrowserFailure('空文件');
    return new Uint8Array(bytes);
  } catch (err) {
    if (err instanceof BrowserFailure) throw new AppError('IO_ERROR', `Chromium 未能生成${what}（${err.message}）。`);
    throw err;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A PdfPrinter on the kept-alive browser; @page sizes, margins and margin boxes are the document's own. */
export function chromiumPrinter(options: ChromiumPrinterOptions = {}): PdfPrinter {
  return (html) => renderKept(options, html, ' PDF', (session) => session('Page.printToPDF', { printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false }));
}

/** An SvgRasteriser on the kept-alive browser: each SVG in its own tab, at its size and scale, side by side. */
export function chromiumRasteriser(options: ChromiumPrinterOptions = {}): SvgRasteriser {
  return (requests) =>
    Promise.all(
      requests.map((r) =>
        renderKept(options, rasterPage(r), '图片', async (session) => {
          const width = Math.round(r.width);
          const height = Math.round(r.height);
          await session('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: r.scale, mobile: false });
          return session('Page.captureScreenshot', { format: 'png', clip: { x: 0, y: 0, width, height, scale: 1 } });
        }),
      ),
    );
}
