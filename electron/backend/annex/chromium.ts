// Headless PDF printing and SVG screenshots with the system Chromium (CLI, loopback host,
// tests): `chromium --headless --print-to-pdf` or `--screenshot` on a private temporary file.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors';
import type { PdfPrinter } from './pdf';
import { rasterPage, type SvgRasteriser } from './raster';
import { BrowserFailure, fileUrl, HEADLESS_FLAGS, keptBrowser } from './kept-browser';

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

function run(binary: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(binary, args, { timeout: timeoutMs, maxBuffer: 8 << 20, windowsHide: true }, (err, _stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : null) : 0;
      resolve({ code, stderr: String(stderr) });
    });
  });
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

/**
 * Runs the headless browser once on `html`, written to a private temporary file (annexes of
 * a large county exceed Chromium's URL limit for a data: URL), and returns what it wrote to
 * `output` (the file name `task` asks for, in the same folder).
 */
async function renderOnce(options: ChromiumPrinterOptions, html: string, output: string, task: string[], what: string): Promise<Uint8Array> {
  const binary = chromiumBinary(options);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-annex-'));
  try {
    const input = path.join(dir, 'annex.html');
    const target = path.join(dir, output);
    fs.writeFileSync(input, html, 'utf8');
    const { code, stderr } = await run(
      binary,
      [
        ...HEADLESS_FLAGS,
        // Its own profile: runs in parallel must not meet on the user's profile lock.
        `--user-data-dir=${path.join(dir, 'profile')}`,
        ...task.map((arg) => arg.replace('{output}', target)),
        fileUrl(input),
      ],
      options.timeoutMs ?? 120_000,
    );
    if (!fs.existsSync(target) || fs.statSync(target).size === 0) {
      const detail = stderr.split('\n').filter((l) => l.trim() && !/dbus|Fontconfig/i.test(l)).slice(-2).join(' ').slice(0, 300);
      throw new AppError('IO_ERROR', `Chromium 未能生成${what}（退出码 ${code ?? '超时'}）${detail ? `：${detail}` : '。'}`);
    }
    return new Uint8Array(fs.readFileSync(target));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A PdfPrinter on the kept-alive headless browser (kept-browser.ts): the HTML goes through a
 * private temporary file, as annexes of a large county exceed Chromium's URL limit for a
 * data: URL. @page sizes, margins and margin boxes are the document's own.
 */
export function chromiumPrinter(options: ChromiumPrinterOptions = {}): PdfPrinter {
  return async (html) => {
    const browser = keptBrowser(chromiumBinary(options));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-annex-'));
    try {
      const input = path.join(dir, 'annex.html');
      fs.writeFileSync(input, html, 'utf8');
      const printed = await browser.open(input, { timeoutMs: options.timeoutMs ?? 120_000 }, (session) =>
        session('Page.printToPDF', { printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false }),
      );
      const bytes = Buffer.from(String(printed.data ?? ''), 'base64');
      if (bytes.length === 0) throw new BrowserFailure('空文件');
      return new Uint8Array(bytes);
    } catch (err) {
      if (err instanceof BrowserFailure) throw new AppError('IO_ERROR', `Chromium 未能生成 PDF（${err.message}）。`);
      throw err;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}

/** An SvgRasteriser that takes `chromium --headless --screenshot` of each SVG, one browser per image, side by side. */
export function chromiumRasteriser(options: ChromiumPrinterOptions = {}): SvgRasteriser {
  return (requests) =>
    Promise.all(
      requests.map((r) =>
        renderOnce(
          options,
          rasterPage(r),
          'image.png',
          ['--hide-scrollbars', `--force-device-scale-factor=${r.scale}`, `--window-size=${Math.round(r.width)},${Math.round(r.height)}`, '--screenshot={output}'],
          '图片',
        ),
      ),
    );
}
