// The one drawing of the layout map: MapDrawing + view → a list of shapes in px (a scene).
// Two surfaces paint the same scene: the 布局图 page on a canvas (renderer/src/components/map),
// the printed annex as SVG (svg.ts). Why: see docs/ARCHITECTURE.md, "Layout map".
import type { Level } from '../plan/types';
import type { MapDrawing, MapLayer, MapRenderOptions, MapSchool, MapView } from './model';
import { drawingBounds, mapProjection, type MapProjection } from './projection';
import { placeLabels, placesAround, textBox, type Box, type LabelRequest } from './labels';
import { KIND_SHAPE, LEVEL_FILL, LEVEL_LABEL, MAP_COLORS, schoolRadius, SHAPE_LABEL, symbolPath, VILLAGE_CLASSES, villageFill, type SymbolShape } from './style';

export interface Stroke {
  color: string;
  width: number;
  dash?: readonly number[];
  opacity?: number;
}

interface ShapeBase {
  /** Layer or furniture part it belongs to (SVG groups by it; tests count by it). */
  group: string;
  fill: string | null;
  fillOpacity?: number;
  stroke: Stroke | null;
  /** What it is, for the SVG's data attributes (data-school="…"). */
  tag?: { key: 'school' | 'village' | 'township' | 'county' | 'ring' | 'transfer'; id: string };
  /** Tooltip text (SVG <title>). */
  title?: string;
}

export type SceneShape =
  | (ShapeBase & { type: 'path'; d: string })
  | (ShapeBase & { type: 'circle'; cx: number; cy: number; r: number });

export interface SceneText {
  type: 'text';
  group: string;
  x: number;
  y: number;
  text: string;
  size: number;
  color: string;
  anchor: 'start' | 'middle' | 'end';
  /** A white outline so the text reads over lines and symbols. */
  halo: boolean;
  bold?: boolean;
}

export type SceneItem = SceneShape | SceneText;

/** Where a clickable thing was drawn, for the page's hit test. */
export interface SceneHit {
  kind: 'school' | 'village';
  id: string;
  x: number;
  y: number;
  r: number;
}

export interface MapScene {
  width: number;
  height: number;
  items: SceneItem[];
  hits: SceneHit[];
  /** Metres per px at the centre (scale bar, rings). */
  metresPerPx: number;
  /** null when there is nothing to draw (no geography, no located school). */
  projection: MapProjection | null;
  /** How many schools and villages were drawn (after culling). */
  drawn: { schools: number; villages: number };
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** Things further than this outside the viewport are left out (zoomed in, most of the county is). */
const CULL_PX = 40;

const GROUP_STROKE: Stroke = { color: MAP_COLORS.group, width: 1.2, dash: [6, 3] };
/** School names are written from this zoom on (the whole county at 1 has no room for 600). */
export const SCHOOL_LABEL_ZOOM = 3;

function visible(p: [number, number] | null | undefined, view: MapView): p is [number, number] {
  return !!p && p[0] > -CULL_PX && p[1] > -CULL_PX && p[0] < view.width + CULL_PX && p[1] < view.height + CULL_PX;
}

/** An arrowhead at b pointing away from a, as a closed path. */
function arrowHead(a: [number, number], b: [number, number], size: number): string {
  const angle = Math.atan2(b[1] - a[1], b[0] - a[0]);
  const wing = (s: number) => [b[0] - size * Math.cos(angle + s), b[1] - size * Math.sin(angle + s)] as const;
  const [l, r] = [wing(0.45), wing(-0.45)];
  return `M${r1(b[0])},${r1(b[1])}L${r1(l[0])},${r1(l[1])}L${r1(r[0])},${r1(r[1])}Z`;
}

function schoolShapes(s: MapSchool, p: [number, number], selected: boolean): SceneShape[] {
  const r = schoolRadius(s.students, s.kind);
  const shape = KIND_SHAPE[s.kind];
  const d = symbolPath(shape, p[0], p[1], r);
  const color = LEVEL_FILL[s.level];
  const tag = { key: 'school' as const, id: s.id };
  const out: SceneShape[] = [];
  if (selected) out.push({ type: 'path', group: 'schools', d: symbolPath(shape, p[0], p[1], r + 4), fill: MAP_COLORS.selected, stroke: { color: '#000', width: 0.8 } });
  if (s.mark === 'new') {
    out.push({ type: 'path', group: 'schools', d, fill: MAP_COLORS.newSchool, stroke: { color, width: 2.2, dash: [3, 1.5] }, tag, title: s.name });
    out.push({ type: 'path', group: 'schools', d: `M${r1(p[0] - r / 2)},${r1(p[1])}h${r1(r)}M${r1(p[0])},${r1(p[1] - r / 2)}v${r1(r)}`, fill: null, stroke: { color, width: 1.6 } });
  } else if (s.mark === 'closed') {
    const x = r * 0.8;
    out.push({ type: 'path', group: 'schools', d, fill: MAP_COLORS.closedSchool, stroke: { color: '#595959', width: 1 }, tag, title: s.name });
    out.push({
      type: 'path',
      group: 'schools',
      d: `M${r1(p[0] - x)},${r1(p[1] - x)}L${r1(p[0] + x)},${r1(p[1] + x)}M${r1(p[0] - x)},${r1(p[1] + x)}L${r1(p[0] + x)},${r1(p[1] - x)}`,
      fill: null,
      stroke: { color: '#262626', width: 1.4 },
    });
  } else {
    if (s.mark === 'expanded') out.push({ type: 'path', group: 'schools', d: symbolPath(shape, p[0], p[1], r + 3.5), fill: null, stroke: { color: MAP_COLORS.expandedRing, width: 2 } });
    out.push({ type: 'path', group: 'schools', d, fill: color, stroke: { color: '#ffffff', width: 0.9 }, tag, title: s.name });
  }
  return out;
}

/** A round length for the scale bar: about a fifth of the width. */
export function scaleBarLength(metresPerPx: number, widthPx: number): number {
  const target = (widthPx / 5) * metresPerPx;
  const steps = [100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000];
  return [...steps].reverse().find((m) => m <= target) ?? steps[0] ?? 100;
}

export function distanceText(m: number): string {
  return m >= 1000 ? `${m / 1000} 千米` : `${m} 米`;
}

function scaleBar(metresPerPx: number, x: number, y: number, widthPx: number): SceneItem[] {
  const m = scaleBarLength(metresPerPx, widthPx);
  const w = m / metresPerPx;
  const half = w / 2;
  const text = (tx: number, s: string): SceneText => ({ type: 'text', group: 'scale', x: r1(tx), y: r1(y - 4), text: s, size: 11, color: '#000', anchor: 'middle', halo: true });
  return [
    { type: 'path', group: 'scale', d: `M${r1(x)},${r1(y)}h${r1(half)}v5h${r1(-half)}Z`, fill: '#000', stroke: { color: '#000', width: 0.8 } },
    { type: 'path', group: 'scale', d: `M${r1(x + half)},${r1(y)}h${r1(half)}v5h${r1(-half)}Z`, fill: '#fff', stroke: { color: '#000', width: 0.8 } },
    text(x, '0'),
    text(x + w, distanceText(m)),
  ];
}

function northArrow(x: number, y: number): SceneItem[] {
  return [
    { type: 'path', group: 'north', d: `M${x},${y - 22}L${x + 8},${y + 8}L${x},${y + 2}Z`, fill: '#000', stroke: { color: '#000', width: 1 } },
    { type: 'path', group: 'north', d: `M${x},${y - 22}L${x - 8},${y + 8}L${x},${y + 2}Z`, fill: '#fff', stroke: { color: '#000', width: 1 } },
    { type: 'text', group: 'north', x, y: y - 27, text: '北', size: 13, color: '#000', anchor: 'middle', halo: true },
  ];
}

/** One legend row: its symbol drawn around (0, 0), and its words. */
interface LegendRow {
  symbol: (x: number, y: number) => SceneShape[];
  label: string;
}

const LEGEND_SHAPES: readonly SymbolShape[] = ['triangle', 'circle', 'square', 'diamond', 'hexagon'];
const LEGEND_LEVELS: readonly Level[] = ['red', 'orange', 'green', 'blue', 'none'];

function legendRows(drawing: MapDrawing, layers: ReadonlySet<MapLayer>): LegendRow[] {
  const rows: LegendRow[] = [];
  const path = (d: string, fill: string | null, stroke: Stroke | null, fillOpacity?: number): SceneShape => ({ type: 'path', group: 'legend', d, fill, stroke, ...(fillOpacity !== undefined ? { fillOpacity } : {}) });
  if (layers.has('schools') && drawing.schools.length) {
    const shapes = new Set<SymbolShape>(drawing.schools.map((s) => KIND_SHAPE[s.kind]));
    for (const shape of LEGEND_SHAPES) {
      if (shapes.has(shape)) rows.push({ symbol: (x, y) => [path(symbolPath(shape, x, y, 5), '#8c8c8c', { color: '#fff', width: 0.8 })], label: SHAPE_LABEL[shape] });
    }
    const levels = new Set<Level>(drawing.schools.map((s) => s.level));
    for (const level of LEGEND_LEVELS) {
      if (levels.has(level)) rows.push({ symbol: (x, y) => [path(symbolPath('circle', x, y, 5), LEVEL_FILL[level], null)], label: LEVEL_LABEL[level] });
    }
  }
  if (layers.has('projects')) {
    if (drawing.schools.some((s) => s.mark === 'new')) {
      rows.push({ symbol: (x, y) => [path(symbolPath('circle', x, y, 5), '#fff', { color: '#595959', width: 2, dash: [3, 1.5] })], label: '规划新建学校' });
    }
    if (drawing.schools.some((s) => s.mark === 'closed')) {
      rows.push({
        symbol: (x, y) => [
          path(symbolPath('circle', x, y, 5), MAP_COLORS.closedSchool, { color: '#595959', width: 1 }),
          path(`M${x - 4},${y - 4}L${x + 4},${y + 4}M${x - 4},${y + 4}L${x + 4},${y - 4}`, null, { color: '#262626', width: 1.4 }),
        ],
        label: '规划撤并学校',
      });
    }
    if (drawing.schools.some((s) => s.mark === 'expanded')) {
      rows.push({ symbol: (x, y) => [path(symbolPath('circle', x, y, 4), '#8c8c8c', null), path(symbolPath('circle', x, y, 7), null, { color: MAP_COLORS.expandedRing, width: 2 })], label: '拟改扩建学校' });
    }
    if (drawing.transfers.length) {
      rows.push({
        symbol: (x, y) => [path(`M${x - 9},${y}L${x + 4},${y}`, null, { color: MAP_COLORS.transfer, width: 1.6 }), path(arrowHead([x - 9, y], [x + 9, y], 7), MAP_COLORS.transfer, null)],
        label: '撤并学生流向',
      });
    }
  }
  if (layers.has('villages') && drawing.villages.length) {
    rows.push({ symbol: () => [], label: '村（社区）学龄儿童：' });
    for (const c of VILLAGE_CLASSES) {
      rows.push({ symbol: (x, y) => [{ type: 'circle', group: 'legend', cx: x, cy: y, r: 3.5, fill: c.fill, stroke: { color: '#8c6d4f', width: 0.5 } }], label: c.label });
    }
  }
  if (layers.has('rings') && drawing.rings.length) {
    rows.push({ symbol: (x, y) => [{ type: 'circle', group: 'legend', cx: x, cy: y, r: 6, fill: MAP_COLORS.ring, fillOpacity: 0.08, stroke: { color: MAP_COLORS.ring, width: 0.8, opacity: 0.55 } }], label: '服务半径' });
  }
  if (layers.has('groups') && drawing.groups?.length) rows.push({ symbol: (x, y) => [path(`M${x - 9},${y}H${x + 9}`, null, GROUP_STROKE)], label: '学校集团（核心校到成员校）' });
  if (layers.has('catchments') && drawing.catchments.length) rows.push({ symbol: (x, y) => [path(`M${x - 8},${y}H${x + 8}`, null, { color: MAP_COLORS.catchment, width: 1 })], label: '划片（村到学校）' });
  if (layers.has('references')) {
    const kinds = new Set((drawing.references ?? []).filter((f) => f.geometry.type !== 'Point').map((f) => f.kind));
    if (kinds.has('road')) rows.push({ symbol: (x, y) => [path(`M${x - 9},${y}H${x + 9}`, null, REFERENCE_STROKE.road)], label: '道路' });
    if (kinds.has('river')) rows.push({ symbol: (x, y) => [path(`M${x - 9},${y}H${x + 9}`, null, REFERENCE_STROKE.river)], label: '河流' });
  }
  if (layers.has('townships')) {
    if (drawing.county) rows.push({ symbol: (x, y) => [path(`M${x - 9},${y}H${x + 9}`, null, { color: MAP_COLORS.countyLine, width: 2 })], label: '县界' });
    if (drawing.townships.length) rows.push({ symbol: (x, y) => [path(`M${x - 9},${y}H${x + 9}`, null, { color: MAP_COLORS.townshipLine, width: 0.8, dash: [4, 2] })], label: '乡镇界' });
  }
  return rows;
}

const LEGEND_ROW = 17;
const TOWNSHIP_LABEL_SIZE = 13;
const LEGEND_WIDTH = 196;

const legendHeight = (rows: number) => 26 + rows * LEGEND_ROW;

/** The legend box at its top-left corner (x, y). */
function legend(rows: readonly LegendRow[], x: number, y: number, title: string): SceneItem[] {
  if (rows.length === 0) return [];
  const height = legendHeight(rows.length);
  const out: SceneItem[] = [
    { type: 'path', group: 'legend', d: `M${x},${y}h${LEGEND_WIDTH}v${height}h${-LEGEND_WIDTH}Z`, fill: '#ffffff', fillOpacity: 0.92, stroke: { color: '#595959', width: 0.8 } },
    { type: 'text', group: 'legend', x: x + LEGEND_WIDTH / 2, y: y + 17, text: title, size: 12.5, color: '#000', anchor: 'middle', halo: false, bold: true },
  ];
  rows.forEach((row, i) => {
    const cy = y + 30 + i * LEGEND_ROW;
    out.push(...row.symbol(x + 16, cy));
    out.push({ type: 'text', group: 'legend', x: x + 32, y: cy + 4, text: row.label, size: 11, color: '#000', anchor: 'start', halo: false });
  });
  return out;
}

// Where the furniture stands: the north arrow's centre, the scale bar's left end, from the
// view's edges; the legend in one of the corners, LEGEND_MARGIN from the edges.
const NORTH_FROM_RIGHT = 30;
const NORTH_Y = 44;
const SCALE_X = 20;
const SCALE_FROM_BOTTOM = 20;
const LEGEND_MARGIN = 8;

/**
 * The legend's top-left corner: the corner where it covers the fewest township names and
 * school symbols (bottom right when it covers nothing there), clear of the north arrow
 * (top right) and the scale bar (bottom left). Worked out from the drawing and the view
 * alone, so the page's overlay and the scene's names agree on it.
 */
function legendCorner(drawing: MapDrawing, view: MapView, rows: number): [number, number] {
  const w = LEGEND_WIDTH;
  const h = legendHeight(rows);
  const right = view.width - LEGEND_MARGIN - w;
  const corners: [number, number][] = [
    [right, view.height - LEGEND_MARGIN - h],
    [LEGEND_MARGIN, LEGEND_MARGIN],
    [LEGEND_MARGIN, view.height - SCALE_FROM_BOTTOM - 22 - h],
    [right, NORTH_Y + 14],
  ];
  const bounds = drawingBounds(drawing);
  if (!bounds) return corners[0] ?? [0, 0];
  const proj = mapProjection(bounds, view);
  // A township name weighs more than a school: it is always drawn and names an area.
  const covered: [Box, number][] = [];
  for (const t of drawing.townships) {
    const c = proj.centroid(t.geometry);
    if (c) covered.push([textBox(t.name, TOWNSHIP_LABEL_SIZE, { x: c[0], y: c[1], anchor: 'middle' }), 3]);
  }
  for (const s of drawing.schools) {
    const p = proj.point(s.at);
    if (visible(p, view)) covered.push([[p[0], p[1], p[0], p[1]], 1]);
  }
  let best = corners[0] ?? [0, 0];
  let bestCost = Infinity;
  for (const [x, y] of corners) {
    if (x < 0 || y < 0) continue;
    const cost = covered.reduce((sum, [b, weight]) => sum + (b[0] <= x + w && b[2] >= x && b[1] <= y + h && b[3] >= y ? weight : 0), 0);
    if (cost < bestCost) [best, bestCost] = [[x, y], cost];
  }
  return best;
}

/** Legend, scale bar and north arrow: drawn into the printed map, over the page's canvas. */
export function mapFurniture(drawing: MapDrawing, view: MapView, options: MapRenderOptions, metresPerPx: number): SceneItem[] {
  const rows = legendRows(drawing, options.layers);
  const [lx, ly] = rows.length ? legendCorner(drawing, view, rows.length) : [0, 0];
  return [
    ...northArrow(view.width - NORTH_FROM_RIGHT, NORTH_Y),
    ...scaleBar(metresPerPx, SCALE_X, view.height - SCALE_FROM_BOTTOM, view.width),
    ...legend(rows, lx, ly, options.legendTitle ?? '图　例'),
  ];
}

/** The boxes the legend, scale bar and north arrow cover (with a little room), which names keep out of. */
export function furnitureBoxes(drawing: MapDrawing, view: MapView, layers: ReadonlySet<MapLayer>, metresPerPx: number): Box[] {
  const nx = view.width - NORTH_FROM_RIGHT;
  const sy = view.height - SCALE_FROM_BOTTOM;
  const scaleEnd = SCALE_X + scaleBarLength(metresPerPx, view.width) / metresPerPx;
  const boxes: Box[] = [
    // The arrow (8 px each side) and its 北 above, as drawn.
    [nx - 9, NORTH_Y - 41, nx + 9, NORTH_Y + 9],
    // The scale bar and its two numbers (centred on its ends; the longer one is about 5 characters of 11 px).
    [SCALE_X - 8, sy - 17, scaleEnd + 24, sy + 7],
  ];
  const rows = legendRows(drawing, layers).length;
  if (rows > 0) {
    const [x, y] = legendCorner(drawing, view, rows);
    boxes.push([x - 2, y - 2, x + LEGEND_WIDTH + 2, y + legendHeight(rows) + 2]);
  }
  return boxes;
}

function areas(drawing: MapDrawing, proj: MapProjection, items: SceneItem[]): void {
  for (const t of drawing.townships) {
    items.push({ type: 'path', group: 'townships', d: proj.area(t.geometry), fill: MAP_COLORS.townshipFill, stroke: { color: MAP_COLORS.townshipLine, width: 0.8, dash: [4, 2] }, tag: { key: 'township', id: t.code } });
  }
  if (drawing.county) items.push({ type: 'path', group: 'townships', d: proj.area(drawing.county.geometry), fill: null, stroke: { color: MAP_COLORS.countyLine, width: 2 }, tag: { key: 'county', id: drawing.county.code } });
}

const REFERENCE_STROKE: Record<'road' | 'river', Stroke> = {
  road: { color: MAP_COLORS.road, width: 1.3 },
  river: { color: MAP_COLORS.river, width: 1.6 },
};

function references(drawing: MapDrawing, proj: MapProjection, view: MapView, items: SceneItem[], names: LabelRequest[]): void {
  const townships = new Set(drawing.townships.map((t) => t.name));
  for (const f of drawing.references ?? []) {
    if (f.geometry.type === 'Point') {
      const p = proj.point([f.geometry.coordinates[0] ?? NaN, f.geometry.coordinates[1] ?? NaN]);
      if (!visible(p, view)) continue;
      items.push({ type: 'path', group: 'references', d: `M${r1(p[0] - 3)},${r1(p[1] - 3)}h6v6h-6Z`, fill: '#595959', stroke: null, title: f.name });
      // A town named like its township is already named by the township's label.
      if (f.name && !townships.has(f.name)) names.push({ group: 'references', text: f.name, size: 11, color: '#595959', places: placesAround(p[0], p[1], 3, 11), required: false });
    } else if (f.geometry.type === 'MultiPolygon') {
      items.push({ type: 'path', group: 'references', d: proj.area(f.geometry), fill: MAP_COLORS.town, stroke: null, title: f.name });
    } else {
      items.push({ type: 'path', group: 'references', d: proj.area(f.geometry), fill: null, stroke: REFERENCE_STROKE[f.kind === 'river' ? 'river' : 'road'], title: f.name });
    }
  }
}

export function drawMap(drawing: MapDrawing, view: MapView, options: MapRenderOptions): MapScene {
  const layers = options.layers;
  const bounds = drawingBounds(drawing);
  const empty: MapScene = { width: view.width, height: view.height, items: [], hits: [], metresPerPx: 1, projection: null, drawn: { schools: 0, villages: 0 } };
  if (!bounds) return empty;
  const proj = mapProjection(bounds, view);
  const items: SceneItem[] = [];
  const hits: SceneHit[] = [];

  const shown = drawing.schools.filter((s) => layers.has('projects') || s.mark !== 'new');
  const at = new Map<string, [number, number]>();
  for (const s of shown) {
    const p = proj.point(s.at);
    if (p) at.set(s.id, p);
  }

  if (layers.has('townships')) areas(drawing, proj, items);

  const referenceNames: LabelRequest[] = [];
  if (layers.has('references')) references(drawing, proj, view, items, referenceNames);

  if (layers.has('catchments')) {
    const villageAt = new Map(drawing.villages.map((v) => [v.id, v.at]));
    const parts: string[] = [];
    for (const link of drawing.catchments) {
      const v = villageAt.get(link.village);
      const p = v ? proj.point(v) : null;
      const s = at.get(link.school);
      if (p && s && (visible(p, view) || visible(s, view))) parts.push(`M${r1(p[0])},${r1(p[1])}L${r1(s[0])},${r1(s[1])}`);
    }
    // One path for all lines: a few thousand segments paint as one stroke.
    if (parts.length) items.push({ type: 'path', group: 'catchments', d: parts.join(''), fill: null, stroke: { color: MAP_COLORS.catchment, width: 0.6 } });
  }

  if (layers.has('groups') && drawing.groups?.length) {
    const parts: string[] = [];
    for (const link of drawing.groups) {
      const a = at.get(link.core);
      const b = at.get(link.member);
      if (a && b && (visible(a, view) || visible(b, view))) parts.push(`M${r1(a[0])},${r1(a[1])}L${r1(b[0])},${r1(b[1])}`);
    }
    if (parts.length) items.push({ type: 'path', group: 'groups', d: parts.join(''), fill: null, stroke: GROUP_STROKE });
  }

  if (layers.has('rings')) {
    for (const ring of drawing.rings) {
      const p = at.get(ring.school);
      if (!p) continue;
      const radius = ring.radiusM / proj.metresPerPx;
      if (p[0] + radius < 0 || p[1] + radius < 0 || p[0] - radius > view.width || p[1] - radius > view.height) continue;
      items.push({
        type: 'circle',
        group: 'rings',
        cx: r1(p[0]),
        cy: r1(p[1]),
        r: r1(radius),
        fill: MAP_COLORS.ring,
        fillOpacity: 0.05,
        // Solid: Chromium's PDF splits a dashed circle into one curve per dash (a ring of 5 km
        // at county scale is a hundred of them), and the tinted disc already marks the area.
        stroke: { color: MAP_COLORS.ring, width: 0.8, opacity: 0.55 },
        tag: { key: 'ring', id: ring.school },
      });
    }
  }

  let villages = 0;
  if (layers.has('villages')) {
    const r = view.zoom >= 4 ? 3.2 : 2.2;
    for (const v of drawing.villages) {
      const p = proj.point(v.at);
      if (!visible(p, view)) continue;
      villages += 1;
      items.push({ type: 'circle', group: 'villages', cx: r1(p[0]), cy: r1(p[1]), r, fill: villageFill(v.children), stroke: { color: '#8c6d4f', width: 0.4 }, tag: { key: 'village', id: v.id }, title: v.name });
      hits.push({ kind: 'village', id: v.id, x: p[0], y: p[1], r: r + 2 });
    }
  }

  if (layers.has('projects')) {
    for (const t of drawing.transfers) {
      const a = at.get(t.from);
      const b = at.get(t.to);
      if (!a || !b) continue;
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const len = Math.hypot(dx, dy);
      if (len < 1) continue;
      // Stop short of the receiver's symbol so the arrowhead stays visible.
      const stop = Math.max(0, len - 9) / len;
      const tip: [number, number] = [a[0] + dx * stop, a[1] + dy * stop];
      items.push({ type: 'path', group: 'transfers', d: `M${r1(a[0])},${r1(a[1])}L${r1(tip[0])},${r1(tip[1])}`, fill: null, stroke: { color: MAP_COLORS.transfer, width: 1.6 }, tag: { key: 'transfer', id: t.from } });
      items.push({ type: 'path', group: 'transfers', d: arrowHead(a, tip, 8), fill: MAP_COLORS.transfer, stroke: null });
    }
  }

  let schools = 0;
  if (layers.has('schools')) {
    // Larger symbols first, so a small school next to a big one stays visible and clickable.
    const order = [...shown].sort((a, b) => (b.students ?? 0) - (a.students ?? 0));
    for (const s of order) {
      const p = at.get(s.id);
      if (!visible(p, view)) continue;
      schools += 1;
      items.push(...schoolShapes(s, p, s.id === options.selected));
      hits.push({ kind: 'school', id: s.id, x: p[0], y: p[1], r: schoolRadius(s.students, s.kind) + 2 });
    }
  }

  const names = layers.has('labels') ? labelRequests(drawing, proj, view, shown, at, options.selected) : [];
  // Town names after the township names and before the schools', all kept apart.
  const firstSchool = names.findIndex((n) => !n.required);
  names.splice(firstSchool < 0 ? names.length : firstSchool, 0, ...referenceNames);
  // The page lays the furniture over the map on a canvas of its own: names keep out of it there too.
  items.push(...placeLabels(names, symbolBoxes(layers, shown, at, view), furnitureBoxes(drawing, view, layers, proj.metresPerPx), [0, 0, view.width, view.height]));

  if (options.furniture) items.push(...mapFurniture(drawing, view, options, proj.metresPerPx));
  // Hits are searched from the top: the last drawn first.
  hits.reverse();
  return { width: view.width, height: view.height, items, hits, metresPerPx: proj.metresPerPx, projection: proj, drawn: { schools, villages } };
}

/** Township names first (always drawn), then planned and selected schools, then the larger schools. */
function labelRequests(drawing: MapDrawing, proj: MapProjection, view: MapView, shown: readonly MapSchool[], at: Map<string, [number, number]>, selected: string | null | undefined): LabelRequest[] {
  const out: LabelRequest[] = [];
  for (const t of drawing.townships) {
    const c = proj.centroid(t.geometry);
    if (!c || c[0] <= 0 || c[1] <= 0 || c[0] >= view.width || c[1] >= view.height) continue;
    const places = [0, -15, 15].map((dy) => ({ x: c[0], y: c[1] + dy, anchor: 'middle' as const }));
    out.push({ group: 'labels', text: t.name, size: TOWNSHIP_LABEL_SIZE, color: '#595959', places, required: true });
  }
  const rank = (s: MapSchool) => (s.mark !== 'existing' ? 0 : s.id === selected ? 1 : 2);
  const named = shown.filter((s) => s.mark !== 'existing' || view.zoom >= SCHOOL_LABEL_ZOOM || s.id === selected);
  named.sort((a, b) => rank(a) - rank(b) || (b.students ?? 0) - (a.students ?? 0));
  for (const s of named) {
    const p = at.get(s.id);
    if (!visible(p, view)) continue;
    out.push({ group: 'labels', text: s.name, size: 11, color: MAP_COLORS.label, places: placesAround(p[0], p[1], schoolRadius(s.students, s.kind), 11), required: false });
  }
  return out;
}

/** The boxes of the school symbols drawn, which names keep clear of where they can. */
function symbolBoxes(layers: ReadonlySet<MapLayer>, shown: readonly MapSchool[], at: Map<string, [number, number]>, view: MapView): [number, number, number, number][] {
  if (!layers.has('schools')) return [];
  const out: [number, number, number, number][] = [];
  for (const s of shown) {
    const p = at.get(s.id);
    if (!visible(p, view)) continue;
    const r = schoolRadius(s.students, s.kind) + 1;
    out.push([p[0] - r, p[1] - r, p[0] + r, p[1] + r]);
  }
  return out;
}

/** The school or village under a px, top-most first; null when there is none. */
export function hitAt(scene: MapScene, x: number, y: number): SceneHit | null {
  let best: SceneHit | null = null;
  let bestD = Infinity;
  for (const h of scene.hits) {
    const d = Math.hypot(h.x - x, h.y - y);
    // Schools win over villages drawn under them.
    if (d <= h.r && (d < bestD || (best?.kind === 'village' && h.kind === 'school'))) {
      best = h;
      bestD = d;
    }
  }
  return best;
}

/** Ids of the hits of `kind` whose centre lies in the rectangle between two px corners (any order), each once. */
export function hitsInBox(scene: MapScene, kind: SceneHit['kind'], a: readonly [number, number], b: readonly [number, number]): string[] {
  const [x0, x1] = a[0] <= b[0] ? [a[0], b[0]] : [b[0], a[0]];
  const [y0, y1] = a[1] <= b[1] ? [a[1], b[1]] : [b[1], a[1]];
  const ids = new Set<string>();
  for (const h of scene.hits) if (h.kind === kind && h.x >= x0 && h.x <= x1 && h.y >= y0 && h.y <= y1) ids.add(h.id);
  return [...ids];
}
