// The new-site helper: among the villages (and a grid over the uncovered ones), the point
// where a new school of a stage would bring the most children now beyond the service
// distance within it. A greedy first choice, not an optimum over several sites.
import { bboxCentre, emptyBBox, extendBBox, localProjection, projectAll } from './geometry';
import type { CoverageStage, Position } from './model';
import { pointIndex } from './point-index';
import { serviceDistance, type GeoSettings } from './settings';
import type { DemandPoint } from './demand';

export interface SiteChoice {
  position: Position;
  /** The village the site sits at, or null for a grid point. */
  village: DemandPoint | null;
  covers: number;
  villages: string[];
}

/**
 * `uncovered` are the demand points beyond the service distance; candidates are every
 * demand point plus a grid of about `grid` points over the uncovered ones' box.
 */
export function bestNewSite(points: readonly DemandPoint[], uncovered: readonly DemandPoint[], stage: CoverageStage, settings: GeoSettings, grid = 400): SiteChoice | null {
  const targets = uncovered.filter((p) => p.children[stage] > 0);
  if (targets.length === 0) return null;
  const box = emptyBBox();
  for (const p of targets) extendBBox(box, p.position);
  const proj = localProjection(bboxCentre(box));
  const { xs: tx, ys: ty } = projectAll(proj, targets.map((p) => p.position));
  const reach = Float64Array.from(targets, (p) => serviceDistance(settings, p.urbanRural, stage) / settings.roadFactor);
  const maxReach = Math.max(...reach);
  const index = pointIndex(tx, ty);

  const candidates: { position: Position; village: DemandPoint | null }[] = points.map((p) => ({ position: p.position, village: p }));
  const w = box[2] - box[0];
  const h = box[3] - box[1];
  const step = Math.sqrt((w * h) / grid);
  if (step > 0) {
    for (let x = box[0] + step / 2; x < box[2]; x += step) for (let y = box[1] + step / 2; y < box[3]; y += step) candidates.push({ position: [x, y], village: null });
  }

  let best: SiteChoice | null = null;
  for (const c of candidates) {
    const [x, y] = proj.toXY(c.position);
    let covers = 0;
    const ids: string[] = [];
    for (const i of index.within(x, y, maxReach)) {
      if (Math.hypot(tx[i]! - x, ty[i]! - y) > reach[i]!) continue;
      covers += targets[i]!.children[stage];
      ids.push(targets[i]!.id);
    }
    // Ties go to a village (a real place) over a grid point, then to the earlier candidate.
    if (covers > 0 && (!best || covers > best.covers + 1e-9 || (Math.abs(covers - best.covers) <= 1e-9 && !best.village && c.village))) {
      best = { position: c.position, village: c.village, covers, villages: ids.sort() };
    }
  }
  return best;
}
