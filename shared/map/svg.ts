// The scene as a standalone SVG string: the printed 布局规划图 (vector in the PDF). Shapes of
// one group sit in one <g data-layer="…">, so a reader (or a test) finds each layer.
import type { MapDrawing, MapRenderOptions, MapView } from './model';
import { textBox } from './labels';
import { drawMap, mapFurniture, type MapScene, type SceneItem, type SceneText, type Stroke } from './scene';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);

function strokeAttrs(s: Stroke | null): string {
  if (!s) return ' stroke="none"';
  return (
    ` stroke="${s.color}" stroke-width="${s.width}"` +
    (s.dash ? ` stroke-dasharray="${s.dash.join(' ')}"` : '') +
    (s.opacity !== undefined ? ` stroke-opacity="${s.opacity}"` : '')
  );
}

/**
 * The halo as a pale box behind the text, not a white outline of the glyphs as on the
 * canvas: Chromium's PDF draws outlined text as the outline of every glyph (thousands of
 * curves per map page), where a box is one rectangle.
 */
function haloBox(item: SceneText): string {
  const [x0, y0, x1, y1] = textBox(item.text, item.size, item);
  const f = (v: number) => Math.round(v * 10) / 10;
  return `<rect x="${f(x0)}" y="${f(y0)}" width="${f(x1 - x0)}" height="${f(y1 - y0)}" rx="2" fill="#ffffff" fill-opacity="0.75"/>`;
}

function itemSvg(item: SceneItem): string {
  if (item.type === 'text') {
    const text = `<text x="${item.x}" y="${item.y}" font-size="${item.size}" fill="${item.color}" text-anchor="${item.anchor}"${item.bold ? ' font-weight="bold"' : ''}>${escape(item.text)}</text>`;
    return item.halo ? haloBox(item) + text : text;
  }
  const tag = item.tag ? ` data-${item.tag.key}="${escape(item.tag.id)}"` : '';
  const fill = ` fill="${item.fill ?? 'none'}"${item.fillOpacity !== undefined ? ` fill-opacity="${item.fillOpacity}"` : ''}`;
  const title = item.title ? `<title>${escape(item.title)}</title>` : '';
  const geometry = item.type === 'path' ? `<path d="${item.d}"` : `<circle cx="${item.cx}" cy="${item.cy}" r="${item.r}"`;
  return `${geometry}${tag}${fill}${strokeAttrs(item.stroke)}${title ? `>${title}</${item.type}>` : '/>'}`;
}

function svgDocument(width: number, height: number, items: readonly SceneItem[], font: string, background: boolean): string {
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escape(font)}">`,
  ];
  if (background) out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  let group: string | null = null;
  for (const item of items) {
    if (item.group !== group) {
      if (group !== null) out.push('</g>');
      group = item.group;
      out.push(`<g data-layer="${escape(group)}">`);
    }
    out.push(itemSvg(item));
  }
  if (group !== null) out.push('</g>');
  out.push('</svg>');
  return out.join('');
}

export function sceneToSvg(scene: MapScene, font = 'sans-serif'): string {
  return svgDocument(scene.width, scene.height, scene.items, font, true);
}

export interface RenderedMap {
  svg: string;
  metresPerPx: number;
  drawn: MapScene['drawn'];
}

/** drawMap then sceneToSvg: the map as printed. */
export function renderMapSvg(drawing: MapDrawing, view: MapView, options: MapRenderOptions): RenderedMap {
  const scene = drawMap(drawing, view, options);
  return { svg: sceneToSvg(scene, options.fontFamily), metresPerPx: scene.metresPerPx, drawn: scene.drawn };
}

/** Legend, scale bar and north arrow alone on a transparent SVG (laid over the page's canvas). */
export function renderMapFurniture(drawing: MapDrawing, view: MapView, options: MapRenderOptions, metresPerPx: number): string {
  return svgDocument(view.width, view.height, mapFurniture(drawing, view, options, metresPerPx), options.fontFamily ?? 'sans-serif', false);
}
