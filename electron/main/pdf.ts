// The annex PDF in the desktop app (backend option printPdf) and the system print dialog of
// the 附件 page's 打印 button: Chromium prints the same HTML the 附件 page previews.
// The HTML goes through a private temporary file, not a data: URL, because annexes can
// exceed Chromium's 2 MB URL limit.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow, type PrintToPDFOptions } from 'electron';

/** Loads the HTML into a hidden window without scripts, runs `use` on it, then cleans up. */
async function withHtmlWindow<T>(html: string, use: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'csp-pdf-'));
  const file = path.join(dir, `${randomUUID()}.html`);
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    await writeFile(file, html, 'utf8');
    await win.loadFile(file);
    return await use(win);
  } finally {
    win.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function printHtmlToPdf(html: string, options: PrintToPDFOptions = {}): Promise<Buffer> {
  return withHtmlWindow(html, (win) => win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, ...options }));
}

/** The system print dialog for the annexes (the 打印 button on 附件); resolves when it closes. */
export async function printHtmlWithDialog(html: string): Promise<void> {
  await withHtmlWindow(
    html,
    (win) => new Promise<void>((resolve) => win.webContents.print({ silent: false, printBackground: true }, () => resolve())),
  );
}
