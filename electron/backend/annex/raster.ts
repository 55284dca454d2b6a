// The image seam of the annexes, beside the PDF one (pdf.ts): Word and Excel cannot hold the
// map's SVG, so the backend asks for PNGs of it. The desktop app passes an offscreen window's
// capturePage (electron/main/raster.ts); the CLI and the loopback host pass the system
// Chromium's headless screenshot (chromium.ts).

/** One SVG to draw, at its own size in CSS px; the PNG has `scale` device px per CSS px. */
export interface RasterRequest {
  svg: string;
  width: number;
  height: number;
  scale: number;
}

/** PNG bytes for each request, in order. */
export type SvgRasteriser = (requests: readonly RasterRequest[]) => Promise<Uint8Array[]>;

/** 2 device px per CSS px: 192 dpi at the type area's width, sharp enough for print. */
export const ANNEX_IMAGE_SCALE = 2;

/** A page that shows the SVG and nothing else, from the top-left corner, on white. */
export function rasterPage(request: RasterRequest): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8"><style>' +
    'html,body{margin:0;padding:0;overflow:hidden;background:#fff}' +
    `svg{display:block;width:${request.width}px;height:${request.height}px}` +
    `</style></head><body>${request.svg}</body></html>`
  );
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR; null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
