// Everything the boundary import does with the untrusted file before the township join: read
// it (read-geo-file.ts), check every feature (shared/geo/features.ts) and thin a large layer to
// the display budget (shared/geo/simplify.ts). Runs in the geo worker (geo-worker.ts), so a
// file that exhausts memory or time ends that thread, not the backend.
import type { CoordinateOption } from '../../../shared/geo/coords';
import { parseFeatures, type FeatureProblem, type ParsedFeature } from '../../../shared/geo/features';
import type { GeoStageProgress } from '../../../shared/geo/import-progress';
import { DISPLAY_LIMITS, thinLayer } from '../../../shared/geo/simplify';
import { readGeoFile } from './read-geo-file';

export interface LayerRequest {
  path: string;
  encoding: 'auto' | 'utf-8' | 'gbk';
  coordinates?: CoordinateOption | undefined;
  /** Heap a GeoJSON text may take once parsed, bytes (read-geo-file.ts). */
  jsonHeapBudget: number;
}

export interface LayerFile {
  fileName: string;
  features: ParsedFeature[];
  problems: FeatureProblem[];
  /** The reader's notes, then the checks', then the thinning's. */
  notes: string[];
}

/** `onProgress` hears each stage as it starts and its fraction where the stage can tell. */
export async function readLayer(req: LayerRequest, onProgress: (p: GeoStageProgress) => void = () => undefined): Promise<LayerFile> {
  onProgress({ stage: 'reading', fraction: null });
  const read = await readGeoFile(req.path, req.encoding, req.jsonHeapBudget, (fraction) => onProgress({ stage: 'reading', fraction }));
  const option: CoordinateOption | undefined = req.coordinates ?? (read.prj && /PROJCS/i.test(read.prj) ? { system: 'projected', prj: read.prj } : undefined);
  const parsed = parseFeatures(read.geojson, read.fileName, option, onProgress);
  const thinned = thinLayer(
    parsed.features.map((f) => f.geometry),
    (fraction) => onProgress({ stage: 'thinning', fraction }),
  );
  if (thinned) {
    parsed.features.forEach((f, i) => (f.geometry = thinned.geometries[i]!));
    const tol = thinned.tolerance < 1 ? thinned.tolerance.toFixed(2) : thinned.tolerance.toFixed(0);
    parsed.notes.push(
      `${read.fileName} 共 ${thinned.before.toLocaleString('zh-CN')} 个顶点，超过布局图的上限 ${DISPLAY_LIMITS.vertices.toLocaleString('zh-CN')} 个：已按 ${tol} 米容差简化为 ${thinned.after.toLocaleString('zh-CN')} 个顶点后保存。` +
        `布局图、打印和村（社区）归属乡镇的判断都使用简化后的边界；${tol} 米远小于服务半径。`,
    );
  }
  return { fileName: read.fileName, features: parsed.features, problems: parsed.problems, notes: [...read.notes, ...parsed.notes] };
}
