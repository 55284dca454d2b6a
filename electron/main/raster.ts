// The annex maps as PNGs in the desktop app (backend option rasterise): each SVG is loaded
// into a hidden offscreen window of its size, without scripts, and captured. The page is the
// one the headless Chromium screenshots elsewhere (rasterPage), so both draw the same picture.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow } from 'electron';
import { rasterPage, type RasterRequest } from '../backend/annex/raster';

async function captureOne(dir: string, request: RasterRequest): Promise<Uint8Array> {
  const file = path.join(dir, `${randomUUID()}.html`);
  const win = new BrowserWindow({
    show: false,
    width: Math.round(request.width),
    height: Math.round(request.height),
    useContentSize: true,
    webPreferences: { offscreen: true, sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, zoomFactor: 1 },
  });
  try {
    await writeFile(file, rasterPage(request), 'utf8');
    await win.loadFile(file);
    const image = await win.webContents.capturePage();
    const size = { width: Math.round(request.width * request.scale), height: Math.round(request.height * request.scale) };
    // capturePage gives device pixels of this display; the annex asks for its own scale.
    return new Uint8Array(image.resize(size).toPNG());
  } finally {
    win.destroy();
  }
}

export async function rasteriseSvgs(requests: readonly RasterRequest[]): Promise<Uint8Array[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'csp-raster-'));
  try {
    const images: Uint8Array[] = [];
    for (const request of requests) images.push(await captureOne(dir, request));
    return images;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
