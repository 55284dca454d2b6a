// The printed 布局规划图: each map panel as vector SVG filling the type area's width, drawn by
// the same scene as the 布局图 page (shared/map), with legend, scale bar and north arrow.
import { typeArea, type MapPanel, type Paper } from '../../../shared/annex';
import { renderMapSvg } from '../../../shared/map';
import { HEI_STACK } from './fonts';

const PX_PER_MM = 96 / 25.4;
/** Label, title, caption and date take about this much of the first page. */
const TITLE_BLOCK_MM = 52;

export function mapPanelSize(paper: Paper): { width: number; height: number } {
  const area = typeArea(paper);
  return { width: Math.round(area.widthMm * PX_PER_MM), height: Math.round((area.heightMm - TITLE_BLOCK_MM) * PX_PER_MM) };
}

export function renderMapPanelSvg(panel: MapPanel, paper: Paper): string {
  const size = mapPanelSize(paper);
  return renderMapSvg(panel.drawing, { ...size, zoom: 1, panX: 0, panY: 0 }, { layers: new Set(panel.layers), furniture: true, fontFamily: HEI_STACK }).svg;
}
