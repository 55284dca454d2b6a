// The annex PDF in the desktop app (backend option printPdf): Chromium prints the same HTML
// the 附件 page previews.
// The HTML goes through a private temporary file, not a data: URL, because annexes can
// exceed Chromium's 2 MB URL limit.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow, type PrintToPDFOptions } from 'electron';

export async function printHtmlToPdf(html: string, options: PrintToPDFOptions = {}): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'csp-pdf-'));
  const file = path.join(dir, `${randomUUID()}.html`);
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    await writeFile(file, html, 'utf8');
    await win.loadFile(file);
    return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, ...options });
  } finally {
    win.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
