// The kept-alive headless browser behind the CLI's and the host's PDFs: prints side by side
// do not mix their pages, the browser is reused between prints, and it starts again after
// being closed, sweeping the profiles of browsers whose process is gone.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPrinter, findChromium } from '../../electron/backend/annex/chromium';
import { closeKeptBrowsers, keptBrowser } from '../../electron/backend/annex/kept-browser';
import { tempDir } from '../helpers/temp';

let dir: string;
beforeAll(() => {
  dir = tempDir('csp-kept-browser-');
});
afterAll(() => {
  closeKeptBrowsers();
  fs.rmSync(dir, { recursive: true, force: true });
});

function pdfText(bytes: Uint8Array, name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

const page = (text: string) => `<!doctype html><html><head><meta charset="utf-8"><style>@page{size:A4;margin:20mm}</style></head><body><p>${text}</p></body></html>`;

describe('kept browser', () => {
  it('prints several documents at once, each with its own text, in one browser', async () => {
    const binary = findChromium();
    expect(binary).not.toBeNull();
    const printer = chromiumPrinter();
    const texts = ['第一份附件甲', '第二份附件乙', '第三份附件丙'];
    const pdfs = await Promise.all(texts.map((t) => printer(page(t))));
    const browser = keptBrowser(binary ?? '');
    pdfs.forEach((pdf, i) => expect(pdfText(pdf, `${i}.pdf`)).toBe(texts[i]));
    await printer(page('第四份'));
    expect(keptBrowser(binary ?? '')).toBe(browser);
    expect(browser.closed).toBe(false);
  });

  it('starts a new browser after the last one was closed', async () => {
    const binary = findChromium() ?? '';
    const before = keptBrowser(binary);
    closeKeptBrowsers();
    // A profile left by a process that is gone is removed on the next start; a live one's stays.
    const gone = execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const stale = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-chromium-'));
    fs.writeFileSync(path.join(stale, 'owner.pid'), gone);
    const live = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-chromium-'));
    fs.writeFileSync(path.join(live, 'owner.pid'), String(process.pid));
    expect(before.closed).toBe(true);
    const pdf = await chromiumPrinter()(page('重新启动'));
    expect(pdfText(pdf, 'again.pdf')).toBe('重新启动');
    expect(keptBrowser(binary)).not.toBe(before);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
    fs.rmSync(live, { recursive: true, force: true });
  });
});
