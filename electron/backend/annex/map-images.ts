// The map panels of the annexes as PNGs for Word and Excel, drawn by the rasteriser the
// backend was given (raster.ts). Without one, or when it fails, the files keep the coverage
// table and say in the notes why the map is not there.
import { tabularNotes, typeArea, type Annex, type MapPanel } from '../../../shared/annex';
import { mapPanelSize, renderMapPanelSvg } from './map-svg';
import { ANNEX_IMAGE_SCALE, type SvgRasteriser } from './raster';

export interface MapImage {
  png: Uint8Array;
  /** The size it is placed at in the document, the PDF's. */
  widthMm: number;
  heightMm: number;
}

export interface MapImages {
  get(panel: MapPanel): MapImage | undefined;
  /** Why the maps are missing, for the notes; null when they are there or none was asked for. */
  readonly missing: string | null;
}

export const NO_MAP_IMAGES: MapImages = { get: () => undefined, missing: null };

export async function rasteriseMaps(annexes: readonly Annex[], rasterise: SvgRasteriser | undefined): Promise<MapImages> {
  const panels = annexes.flatMap((a) => (a.body === 'map' ? a.maps.map((panel) => ({ panel, paper: a.paper })) : []));
  if (panels.length === 0) return NO_MAP_IMAGES;
  if (!rasterise) return { get: () => undefined, missing: '当前运行方式不能生成地图图片' };
  const requests = panels.map(({ panel, paper }) => ({ svg: renderMapPanelSvg(panel, paper), ...mapPanelSize(paper), scale: ANNEX_IMAGE_SCALE }));
  let pngs: Uint8Array[];
  try {
    pngs = await rasterise(requests);
  } catch (err) {
    return { get: () => undefined, missing: `地图图片未能生成（${err instanceof Error ? err.message : String(err)}）` };
  }
  const images = new Map<MapPanel, MapImage>();
  panels.forEach(({ panel, paper }, i) => {
    const png = pngs[i];
    const size = mapPanelSize(paper);
    // The PDF's map fills the type area's width; the image is placed at the same size.
    const widthMm = typeArea(paper).widthMm;
    if (png) images.set(panel, { png, widthMm, heightMm: (widthMm * size.height) / size.width });
  });
  return { get: (panel) => images.get(panel), missing: null };
}

/** Notes as Word and Excel print them: where the drawings are, and why a map is missing. */
export function officeNotes(annex: Annex, images: MapImages): string[] {
  if (annex.body !== 'map') return tabularNotes(annex);
  if (annex.maps.every((m) => images.get(m))) return [`布局图为位图（${96 * ANNEX_IMAGE_SCALE} dpi），矢量图见 PDF 版；本表为布局图的服务半径覆盖数据。`, ...annex.notes];
  const [first, ...rest] = tabularNotes(annex);
  return [images.missing ? `${first ?? ''}${images.missing}。` : (first ?? ''), ...rest];
}
