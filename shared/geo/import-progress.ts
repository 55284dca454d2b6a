// How far a boundary or layer import has got (geo.importStart / geo.importStatus): the stage,
// its own fraction where one is known, and one overall fraction for the bar and the estimate.
// The estimate is the annex export's (shared/annex/progress.ts): time so far scaled by what is
// left, so it is rough and says 约.
import { remainingText } from '../annex/progress';

export const GEO_IMPORT_STAGES = ['reading', 'coordinates', 'rings', 'thinning', 'joining', 'writing'] as const;
export type GeoImportStage = (typeof GEO_IMPORT_STAGES)[number];

export const GEO_IMPORT_STAGE_LABEL: Record<GeoImportStage, string> = {
  reading: '读取文件',
  coordinates: '检查并换算坐标',
  rings: '检查边界线是否交叉',
  thinning: '简化边界',
  joining: '对应到乡镇',
  writing: '写入项目（一次完成，不能取消）',
};

/**
 * Each stage's share of a large import's time: the bench's 50 MiB projected township shapefile
 * (3.3 million vertices) took, by the stages the worker reported, reading 1.6 s, converting
 * 6.2 s, crossings 4.0 s, thinning 0.9 s, the join and a dry run's end under 0.1 s (load 7 on
 * 2 cores). A small or unprojected file skips or shortens some stages; the bar then jumps
 * ahead, never back.
 */
const STAGE_SHARE: Record<GeoImportStage, number> = {
  reading: 0.14,
  coordinates: 0.46,
  rings: 0.3,
  thinning: 0.06,
  joining: 0.01,
  writing: 0.03,
};

/** A stage, and how much of it is done (0–1) when the stage can tell. */
export interface GeoStageProgress {
  stage: GeoImportStage;
  fraction: number | null;
}

export interface GeoImportProgress extends GeoStageProgress {
  /** The whole import, 0–1. */
  overall: number;
  /** Since the import started, ms. */
  elapsedMs: number;
}

export function overallFraction(p: GeoStageProgress): number {
  let before = 0;
  for (const s of GEO_IMPORT_STAGES) {
    if (s === p.stage) break;
    before += STAGE_SHARE[s];
  }
  const within = p.fraction === null ? 0 : Math.min(1, Math.max(0, p.fraction));
  return Math.min(1, before + STAGE_SHARE[p.stage] * within);
}

/** Below this much of the work the time so far is mostly the worker starting: no estimate yet. */
const ESTIMATE_FROM = 0.05;

/** “检查边界线是否交叉 62%，预计还需约 5 秒”. */
export function geoProgressText(p: GeoImportProgress): string {
  const percent = Math.floor(p.overall * 100);
  const estimate = p.overall >= ESTIMATE_FROM ? remainingText(p.elapsedMs, Math.round(p.overall * 1000), 1000) : '';
  return `${GEO_IMPORT_STAGE_LABEL[p.stage]} ${percent}%${estimate}`;
}
