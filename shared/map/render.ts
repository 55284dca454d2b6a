// The one drawing of the layout map: MapDrawing + view → a standalone SVG string. The 布局图
// page puts it in the document and redraws it after each pan or zoom settles; the annex
// writers embed it in the PDF's HTML (vector) and rasterise it for the PNG and the DOCX.
// Why a string of SVG (not canvas, not a chart library): see docs/ARCHITECTURE.md, "Layout map".
import type { Level } from '../plan/types';
import type { MapDrawing, MapLayer, MapRenderOptions, MapSchool, MapView } from './model';
import { drawingBounds, mapProjection, type MapProjection } from './projection';
import { KIND_SHAPE, LEVEL_FILL, LEVEL_LABEL, MAP_COLORS, schoolRadius, SHAPE_LABEL, symbolPath, VILLAGE_CLASSES, villageFill, type SymbolShape } from './style';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const text = (s: string) => s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
const r1 = (v: number) => Math.round(v * 10) / 10;

/** Things further than this outside the viewport are left out (zoomed in, most of the county is). */
const CULL_PX = 40;
/** School names are written from this zoom on (the whole county at 1 has no room for 600). */
export const SCHOOL_LABEL_ZOOM = 3;

export interface RenderedMap {
  svg: string;
  /** Metres per px at the centre, for the page's own scale bar. */
  metresPerPx: number;
  /** How many schools and villages were drawn (after culling), for the bench and the tests. */
  drawn: { schools: number; villages: number };
}

function visible(p: [number, number] | null, view: MapView): p is [number, number] {
  return p !== null && p[0] > -CULL_PX && p[1] > -CULL_PX && p[0] < view.width + CULL_PX && p[1] < view.height + CULL_PX;
}

function areasSvg(drawing: MapDrawing, proj: MapProjection): string {
  const out: string[] = ['<g data-layer="townships">'];
  for (const t of drawing.townships) {
    out.push(`<path data-township="${text(t.code)}" d="${proj.area(t.geometry)}" fill="${MAP_COLORS.townshipFill}" stroke="${MAP_COLORS.townshipLine}" stroke-width="0.8" stroke-dasharray="4 2"/>`);
  }
  if (drawing.county) out.push(`<path data-county="1" d="${proj.area(drawing.county.geometry)}" fill="none" stroke="${MAP_COLORS.countyLine}" stroke-width="2"/>`);
  out.push('</g>');
  return out.join('');
}

function villagesSvg(drawing: MapDrawing, proj: MapProjection, view: MapView): { svg: string; count: number } {
  const out: string[] = ['<g data-layer="villages" stroke="#8c6d4f" stroke-width="0.4">'];
  let count = 0;
  const r = view.zoom >= 4 ? 3.2 : 2.2;
  for (const v of drawing.villages) {
    const p = proj.point(v.at);
    if (!visible(p, view)) continue;
    count += 1;
    const fill = villageFill(v.children);
    out.push(`<circle data-village="${text(v.id)}" cx="${r1(p[0])}" cy="${r1(p[1])}" r="${r}" fill="${fill ?? 'none'}"/>`);
  }
  out.push('</g>');
  return { svg: out.join(''), count };
}

function ringsSvg(drawing: MapDrawing, proj: MapProjection, view: MapView, at: Map<string, [number, number]>): string {
  const out: string[] = [`<g data-layer="rings" fill="${MAP_COLORS.ring}" fill-opacity="0.05" stroke="${MAP_COLORS.ring}" stroke-opacity="0.55" stroke-width="0.8" stroke-dasharray="3 2">`];
  for (const ring of drawing.rings) {
    const p = at.get(ring.school);
    if (!p) continue;
    const radius = ring.radiusM / proj.metresPerPx;
    if (p[0] + radius < 0 || p[1] + radius < 0 || p[0] - radius > view.width || p[1] - radius > view.height) continue;
    out.push(`<circle data-ring="${text(ring.school)}" cx="${r1(p[0])}" cy="${r1(p[1])}" r="${r1(radius)}"/>`);
  }
  out.push('</g>');
  return out.join('');
}

function catchmentsSvg(drawing: MapDrawing, proj: MapProjection, at: Map<string, [number, number]>): string {
  const villages = new Map(drawing.villages.map((v) => [v.id, v]));
  const out: string[] = [`<g data-layer="catchments" stroke="${MAP_COLORS.catchment}" stroke-width="0.6">`];
  for (const link of drawing.catchments) {
    const v = villages.get(link.village);
    const s = at.get(link.school);
    const p = v ? proj.point(v.at) : null;
    if (!p || !s) continue;
    out.push(`<path d="M${r1(p[0])},${r1(p[1])}L${r1(s[0])},${r1(s[1])}"/>`);
  }
  out.push('</g>');
  return out.join('');
}

function transfersSvg(drawing: MapDrawing, at: Map<string, [number, number]>): string {
  const out: string[] = [`<g data-layer="transfers" stroke="${MAP_COLORS.transfer}" stroke-width="1.6" fill="none" marker-end="url(#csp-map-arrow)">`];
  for (const t of drawing.transfers) {
    const a = at.get(t.from);
    const b = at.get(t.to);
    if (!a || !b) continue;
    // Stop short of the receiver's symbol so the arrowhead stays visible.
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len = Math.hypot(dx, dy);
    if (len < 1) continue;
    const stop = Math.max(0, len - 9) / len;
    out.push(`<path data-transfer="${text(t.from)}" d="M${r1(a[0])},${r1(a[1])}L${r1(a[0] + dx * stop)},${r1(a[1] + dy * stop)}"/>`);
  }
  out.push('</g>');
  return out.join('');
}

function schoolSymbol(s: MapSchool, p: [number, number], selected: boolean): string {
  const r = schoolRadius(s.students, s.kind);
  const d = symbolPath(KIND_SHAPE[s.kind], p[0], p[1], r);
  const fill = LEVEL_FILL[s.level];
  const attrs = `data-school="${text(s.id)}" data-mark="${s.mark}"`;
  const title = `<title>${text(s.name)}</title>`;
  const halo = selected ? `<path d="${symbolPath(KIND_SHAPE[s.kind], p[0], p[1], r + 4)}" fill="${MAP_COLORS.selected}" stroke="#000" stroke-width="0.8"/>` : '';
  if (s.mark === 'new') {
    return `${halo}<path ${attrs} d="${d}" fill="${MAP_COLORS.newSchool}" stroke="${fill}" stroke-width="2.2" stroke-dasharray="3 1.5">${title}</path>` +
      `<path d="M${r1(p[0] - r / 2)},${r1(p[1])}h${r1(r)}M${r1(p[0])},${r1(p[1] - r / 2)}v${r1(r)}" stroke="${fill}" stroke-width="1.6" pointer-events="none"/>`;
  }
  if (s.mark === 'closed') {
    const x = r * 0.8;
    return `${halo}<path ${attrs} d="${d}" fill="${MAP_COLORS.closedSchool}" stroke="#595959" stroke-width="1">${title}</path>` +
      `<path d="M${r1(p[0] - x)},${r1(p[1] - x)}L${r1(p[0] + x)},${r1(p[1] + x)}M${r1(p[0] - x)},${r1(p[1] + x)}L${r1(p[0] + x)},${r1(p[1] - x)}" stroke="#262626" stroke-width="1.4" pointer-events="none"/>`;
  }
  return `${halo}<path ${attrs} d="${d}" fill="${fill}" stroke="#ffffff" stroke-width="0.9">${title}</path>`;
}

function labelSvg(x: number, y: number, s: string, size: number, color: string, anchor: 'middle' | 'start' = 'middle'): string {
  return `<text x="${r1(x)}" y="${r1(y)}" font-size="${size}" fill="${color}" text-anchor="${anchor}" stroke="#ffffff" stroke-width="2.6" stroke-linejoin="round" paint-order="stroke">${text(s)}</text>`;
}

/** A round length for the scale bar: about a fifth of the width. */
export function scaleBarLength(metresPerPx: number, widthPx: number): number {
  const target = (widthPx / 5) * metresPerPx;
  const steps = [100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000];
  return [...steps].reverse().find((m) => m <= target) ?? steps[0] ?? 100;
}

function distanceText(m: number): string {
  return m >= 1000 ? `${m / 1000} 千米` : `${m} 米`;
}

function scaleBarSvg(metresPerPx: number, x: number, y: number, widthPx: number): string {
  const m = scaleBarLength(metresPerPx, widthPx);
  const w = m / metresPerPx;
  const half = w / 2;
  return (
    `<g data-furniture="scale">` +
    `<rect x="${r1(x)}" y="${r1(y)}" width="${r1(half)}" height="5" fill="#000"/>` +
    `<rect x="${r1(x + half)}" y="${r1(y)}" width="${r1(half)}" height="5" fill="#fff" stroke="#000" stroke-width="0.8"/>` +
    `<text x="${r1(x)}" y="${r1(y - 4)}" font-size="11" text-anchor="middle">0</text>` +
    `<text x="${r1(x + w)}" y="${r1(y - 4)}" font-size="11" text-anchor="middle">${distanceText(m)}</text>` +
    `</g>`
  );
}

function northArrowSvg(x: number, y: number): string {
  return (
    `<g data-furniture="north" transform="translate(${r1(x)},${r1(y)})">` +
    `<path d="M0,-22L8,8L0,2Z" fill="#000"/><path d="M0,-22L-8,8L0,2Z" fill="#fff" stroke="#000" stroke-width="1"/>` +
    `<text x="0" y="-27" font-size="13" text-anchor="middle">北</text>` +
    `</g>`
  );
}

interface LegendRow {
  symbol: string;
  label: string;
}

function legendRows(drawing: MapDrawing, layers: ReadonlySet<MapLayer>): LegendRow[] {
  const rows: LegendRow[] = [];
  const sym = (draw: (cx: number, cy: number) => string) => draw;
  if (layers.has('schools')) {
    const shapes = new Set<SymbolShape>(drawing.schools.map((s) => KIND_SHAPE[s.kind]));
    for (const shape of ['triangle', 'circle', 'square', 'diamond', 'hexagon'] as const) {
      if (shapes.has(shape)) rows.push({ symbol: sym((cx, cy) => `<path d="${symbolPath(shape, cx, cy, 5)}" fill="#8c8c8c" stroke="#fff" stroke-width="0.8"/>`)(0, 0), label: SHAPE_LABEL[shape] });
    }
    const levels = new Set<Level>(drawing.schools.map((s) => s.level));
    for (const level of ['red', 'orange', 'green', 'blue', 'none'] as const) {
      if (levels.has(level)) rows.push({ symbol: `<path d="${symbolPath('circle', 0, 0, 5)}" fill="${LEVEL_FILL[level]}"/>`, label: LEVEL_LABEL[level] });
    }
  }
  if (layers.has('projects')) {
    if (drawing.schools.some((s) => s.mark === 'new')) rows.push({ symbol: `<path d="${symbolPath('circle', 0, 0, 5)}" fill="#fff" stroke="#595959" stroke-width="2" stroke-dasharray="3 1.5"/>`, label: '规划新建学校' });
    if (drawing.schools.some((s) => s.mark === 'closed')) rows.push({ symbol: `<path d="${symbolPath('circle', 0, 0, 5)}" fill="${MAP_COLORS.closedSchool}" stroke="#595959"/><path d="M-4,-4L4,4M-4,4L4,-4" stroke="#262626" stroke-width="1.4"/>`, label: '规划撤并学校' });
    if (drawing.transfers.length) rows.push({ symbol: `<path d="M-9,0L6,0" stroke="${MAP_COLORS.transfer}" stroke-width="1.6" marker-end="url(#csp-map-arrow)"/>`, label: '撤并学生流向' });
  }
  if (layers.has('villages') && drawing.villages.length) {
    for (const c of VILLAGE_CLASSES) rows.push({ symbol: `<circle r="3.5" fill="${c.fill}" stroke="#8c6d4f" stroke-width="0.5"/>`, label: `村（社区）学龄儿童 ${c.label}` });
  }
  if (layers.has('rings') && drawing.rings.length) rows.push({ symbol: `<circle r="6" fill="${MAP_COLORS.ring}" fill-opacity="0.08" stroke="${MAP_COLORS.ring}" stroke-dasharray="3 2"/>`, label: '服务半径' });
  if (layers.has('catchments') && drawing.catchments.length) rows.push({ symbol: `<path d="M-8,0H8" stroke="${MAP_COLORS.catchment}"/>`, label: '划片（村到学校）' });
  if (layers.has('townships')) {
    if (drawing.county) rows.push({ symbol: `<path d="M-9,0H9" stroke="${MAP_COLORS.countyLine}" stroke-width="2"/>`, label: '县界' });
    if (drawing.townships.length) rows.push({ symbol: `<path d="M-9,0H9" stroke="${MAP_COLORS.townshipLine}" stroke-dasharray="4 2"/>`, label: '乡镇界' });
  }
  return rows;
}

const LEGEND_ROW = 17;

/** The legend box, anchored at its bottom-right corner. */
function legendSvg(rows: readonly LegendRow[], right: number, bottom: number, title: string): string {
  if (rows.length === 0) return '';
  const width = 178;
  const height = 26 + rows.length * LEGEND_ROW;
  const x = right - width;
  const y = bottom - height;
  const out = [
    `<g data-furniture="legend" transform="translate(${r1(x)},${r1(y)})">`,
    `<rect width="${width}" height="${height}" fill="#ffffff" fill-opacity="0.92" stroke="#595959" stroke-width="0.8"/>`,
    `<text x="${width / 2}" y="17" font-size="12.5" text-anchor="middle" font-weight="bold">${text(title)}</text>`,
  ];
  rows.forEach((row, i) => {
    const cy = 30 + i * LEGEND_ROW;
    out.push(`<g transform="translate(16,${cy})">${row.symbol}</g><text x="32" y="${cy + 4}" font-size="11">${text(row.label)}</text>`);
  });
  out.push('</g>');
  return out.join('');
}

const DEFS =
  '<defs><marker id="csp-map-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">' +
  `<path d="M0,0L10,5L0,10Z" fill="${MAP_COLORS.transfer}"/></marker></defs>`;

export function renderMapSvg(drawing: MapDrawing, view: MapView, options: MapRenderOptions): RenderedMap {
  const layers = options.layers;
  const font = options.fontFamily ?? 'sans-serif';
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${view.width}" height="${view.height}" viewBox="0 0 ${view.width} ${view.height}" font-family="${text(font)}">`;
  const bounds = drawingBounds(drawing);
  if (!bounds) {
    return { svg: `${open}<rect width="100%" height="100%" fill="#ffffff"/></svg>`, metresPerPx: 1, drawn: { schools: 0, villages: 0 } };
  }
  const proj = mapProjection(bounds, view);
  const out: string[] = [open, DEFS, `<rect width="${view.width}" height="${view.height}" fill="#ffffff"/>`];

  const shown = drawing.schools.filter((s) => layers.has('projects') || s.mark !== 'new');
  const at = new Map<string, [number, number]>();
  for (const s of shown) {
    const p = proj.point(s.at);
    if (p) at.set(s.id, p);
  }

  if (layers.has('townships')) out.push(areasSvg(drawing, proj));
  if (layers.has('catchments')) out.push(catchmentsSvg(drawing, proj, at));
  if (layers.has('rings')) out.push(ringsSvg(drawing, proj, view, at));
  let villages = 0;
  if (layers.has('villages')) {
    const v = villagesSvg(drawing, proj, view);
    out.push(v.svg);
    villages = v.count;
  }
  if (layers.has('projects')) out.push(transfersSvg(drawing, at));

  let schools = 0;
  if (layers.has('schools')) {
    out.push('<g data-layer="schools">');
    // Larger symbols first, so a small school next to a big one stays clickable.
    const order = [...shown].sort((a, b) => (b.students ?? 0) - (a.students ?? 0));
    for (const s of order) {
      const p = at.get(s.id);
      if (!visible(p ?? null, view) || !p) continue;
      schools += 1;
      out.push(schoolSymbol(s, p, s.id === options.selected));
    }
    out.push('</g>');
  }

  if (layers.has('labels')) {
    out.push(`<g data-layer="labels">`);
    for (const t of drawing.townships) {
      const c = proj.centroid(t.geometry);
      if (c && c[0] > 0 && c[1] > 0 && c[0] < view.width && c[1] < view.height) out.push(labelSvg(c[0], c[1], t.name, 13, '#595959'));
    }
    for (const s of shown) {
      const planned = s.mark !== 'existing';
      if (!planned && view.zoom < SCHOOL_LABEL_ZOOM && s.id !== options.selected) continue;
      const p = at.get(s.id);
      if (!visible(p ?? null, view) || !p) continue;
      out.push(labelSvg(p[0] + schoolRadius(s.students, s.kind) + 3, p[1] + 4, s.name, 11, MAP_COLORS.label, 'start'));
    }
    out.push('</g>');
  }

  if (options.furniture) out.push(furniture(drawing, view, options, proj.metresPerPx));
  out.push('</svg>');
  return { svg: out.join(''), metresPerPx: proj.metresPerPx, drawn: { schools, villages } };
}

function furniture(drawing: MapDrawing, view: MapView, options: MapRenderOptions, metresPerPx: number): string {
  return (
    northArrowSvg(view.width - 30, 44) +
    scaleBarSvg(metresPerPx, 20, view.height - 20, view.width) +
    legendSvg(legendRows(drawing, options.layers), view.width - 8, view.height - 8, options.legendTitle ?? '图　例')
  );
}

/**
 * Legend, scale bar and north arrow alone, as a transparent SVG the page lays over the map:
 * they stay put while the map under them pans, and follow the zoom (scale bar) on redraw.
 */
export function renderMapFurniture(drawing: MapDrawing, view: MapView, options: MapRenderOptions, metresPerPx: number): string {
  const font = options.fontFamily ?? 'sans-serif';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${view.width}" height="${view.height}" viewBox="0 0 ${view.width} ${view.height}" font-family="${text(font)}">${DEFS}${furniture(drawing, view, options, metresPerPx)}</svg>`;
}
