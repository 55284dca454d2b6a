// From longitude/latitude to px: a Mercator projection (d3-geo) fitted to the county's extent,
// then the planner's zoom and pan. Areas are drawn through a planar stream of the projected
// vertices rather than d3's spherical polygons, so a ring's winding order (GeoJSON files come
// in both) can never turn a township into "the whole globe minus the township".
import { geoDistance, geoMercator, geoPath, geoTransform, type GeoPath } from 'd3-geo';
import type { MultiLineString } from 'geojson';
import type { AreaGeometry, LonLat, MapDrawing, MapView } from './model';

const EARTH_RADIUS_M = 6_371_008.8;

export interface MapProjection {
  /** px of a point; null when it is not a finite coordinate. */
  point(at: LonLat): [number, number] | null;
  /** longitude/latitude of a px (the click that places a 新建). */
  invert(x: number, y: number): LonLat | null;
  /** SVG path data of an area or of lines. */
  area(geometry: AreaGeometry | MultiLineString): string;
  /** Planar centre of an area in px (township labels). */
  centroid(geometry: AreaGeometry): [number, number] | null;
  /** Metres per px at the map's centre (scale bar, rings). */
  metresPerPx: number;
}

type Bounds = [number, number, number, number];

function extendWithCoordinates(b: Bounds, coords: unknown): void {
  if (!Array.isArray(coords)) return;
  if (typeof coords[0] === 'number') {
    const [x, y] = coords as number[];
    if (Number.isFinite(x) && Number.isFinite(y)) {
      b[0] = Math.min(b[0], x as number);
      b[1] = Math.min(b[1], y as number);
      b[2] = Math.max(b[2], x as number);
      b[3] = Math.max(b[3], y as number);
    }
    return;
  }
  for (const c of coords) extendWithCoordinates(b, c);
}

/** The extent to fit: the boundaries when there are any, else every school and village. */
export function drawingBounds(drawing: MapDrawing): Bounds | null {
  const b: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  const areas = drawing.county ? [drawing.county] : drawing.townships;
  for (const a of areas) extendWithCoordinates(b, a.geometry.coordinates);
  if (!Number.isFinite(b[0])) {
    for (const s of drawing.schools) extendWithCoordinates(b, s.at);
    for (const v of drawing.villages) extendWithCoordinates(b, v.at);
  }
  if (!Number.isFinite(b[0])) return null;
  // A single point still needs an extent: about 2 km around it.
  if (b[2] - b[0] < 1e-6) [b[0], b[2]] = [b[0] - 0.01, b[2] + 0.01];
  if (b[3] - b[1] < 1e-6) [b[1], b[3]] = [b[1] - 0.01, b[3] + 0.01];
  return b;
}

/** Room kept free around the fitted extent, in px. */
export const FIT_MARGIN = 24;

export function mapProjection(bounds: Bounds, view: MapView, margin = FIT_MARGIN): MapProjection {
  const [w, s, e, n] = bounds;
  const base = geoMercator().fitExtent(
    [
      [margin, margin],
      [Math.max(margin + 1, view.width - margin), Math.max(margin + 1, view.height - margin)],
    ],
    { type: 'MultiPoint', coordinates: [[w, s], [e, n], [w, n], [e, s]] },
  );
  const k = view.zoom;
  const point = (at: LonLat): [number, number] | null => {
    if (!Number.isFinite(at[0]) || !Number.isFinite(at[1])) return null;
    const p = base([at[0], at[1]]);
    return p ? [p[0] * k + view.panX, p[1] * k + view.panY] : null;
  };
  const planar = geoTransform({
    point(x, y) {
      const p = base([x, y]);
      if (p) this.stream.point(p[0] * k + view.panX, p[1] * k + view.panY);
    },
  });
  const path: GeoPath = geoPath(planar).digits(1);
  const cx = view.width / 2;
  const cy = view.height / 2;
  const invert = (x: number, y: number): LonLat | null => {
    const g = base.invert?.([(x - view.panX) / k, (y - view.panY) / k]);
    return g && Number.isFinite(g[0]) && Number.isFinite(g[1]) ? [g[0], g[1]] : null;
  };
  const a = invert(cx, cy);
  const b = invert(cx + 100, cy);
  const metresPerPx = a && b ? (geoDistance([a[0], a[1]], [b[0], b[1]]) * EARTH_RADIUS_M) / 100 : 1;
  return {
    point,
    invert,
    area: (geometry) => path(geometry) ?? '',
    centroid: (geometry) => {
      const c = path.centroid(geometry);
      return Number.isFinite(c[0]) && Number.isFinite(c[1]) ? [c[0], c[1]] : null;
    },
    metresPerPx,
  };
}
