// The scene painted on a 2D canvas: the 布局图 page's surface. Declared against the few canvas
// calls it makes (shared/ has no DOM), so the page passes its CanvasRenderingContext2D and
// Path2D, and the bench the browser's own.
import type { MapScene, SceneItem, Stroke } from './scene';

type TextAlign = 'start' | 'center' | 'end' | 'left' | 'right';

export interface PaintTarget<P> {
  save(): void;
  restore(): void;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  clearRect(x: number, y: number, w: number, h: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  /** Without a path: the current one (a circle just traced). */
  fill(path?: P): void;
  stroke(path?: P): void;
  setLineDash(segments: number[]): void;
  fillText(text: string, x: number, y: number): void;
  strokeText(text: string, x: number, y: number): void;
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  lineJoin: 'round' | 'bevel' | 'miter';
  globalAlpha: number;
  font: string;
  textAlign: TextAlign;
}

const ALIGN: Record<'start' | 'middle' | 'end', TextAlign> = { start: 'left', middle: 'center', end: 'right' };

function applyStroke<P>(ctx: PaintTarget<P>, s: Stroke): void {
  ctx.strokeStyle = s.color;
  ctx.lineWidth = s.width;
  ctx.setLineDash(s.dash ? [...s.dash] : []);
  ctx.globalAlpha = s.opacity ?? 1;
}

function paintItem<P>(ctx: PaintTarget<P>, item: SceneItem, path: (d: string) => P, font: string): void {
  if (item.type === 'text') {
    ctx.globalAlpha = 1;
    ctx.font = `${item.bold ? 'bold ' : ''}${item.size}px ${font}`;
    ctx.textAlign = ALIGN[item.anchor];
    if (item.halo) {
      ctx.setLineDash([]);
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 2.6;
      ctx.lineJoin = 'round';
      ctx.strokeText(item.text, item.x, item.y);
    }
    ctx.fillStyle = item.color;
    ctx.fillText(item.text, item.x, item.y);
    return;
  }
  const p = item.type === 'path' ? path(item.d) : null;
  if (item.type === 'circle') {
    ctx.beginPath();
    ctx.arc(item.cx, item.cy, item.r, 0, Math.PI * 2);
  }
  if (item.fill) {
    ctx.fillStyle = item.fill;
    ctx.globalAlpha = item.fillOpacity ?? 1;
    if (p) ctx.fill(p);
    else ctx.fill();
  }
  if (item.stroke) {
    applyStroke(ctx, item.stroke);
    if (p) ctx.stroke(p);
    else ctx.stroke();
  }
}

/** Paints the scene at the given pixel ratio (the canvas is width × ratio px wide). */
export function paintScene<P>(ctx: PaintTarget<P>, scene: MapScene, path: (d: string) => P, pixelRatio = 1, font = 'sans-serif', background = true): void {
  ctx.save();
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.globalAlpha = 1;
  if (background) {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, scene.width, scene.height);
  }
  for (const item of scene.items) paintItem(ctx, item, path, font);
  ctx.restore();
}
