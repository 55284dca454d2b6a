// 服务半径 coverage: for each stage, the share of children living within the service distance
// of an open school of that stage (travel distance = straight line × 路网系数), by township
// and for the county, with each uncovered village's distance to its nearest school and the
// child-weighted mean and maximum distance. Pure: the backend and the renderer run the same.
import type { SchoolRef } from '../plan/model';
import { bboxCentre, emptyBBox, extendBBox, isEmptyBBox, localProjection, projectAll, type LocalProjection } from './geometry';
import { COVERAGE_STAGES, type CoverageStage, type Position } from './model';
import { pointIndex, type PointIndex } from './point-index';
import { serviceDistance, travelMinutes, travelMode, travelThreshold, type GeoSettings } from './settings';
import type { CoverageBy, CoverageUnknown, StageCoverage, TownshipCoverage, UncoveredVillage } from './api';
import type { DemandPoint } from './demand';

/** An open school with a location: its seats per stage it teaches in the year concerned. */
export interface SitedSchool {
  code: SchoolRef;
  name: string;
  position: Position;
  seats: Partial<Record<CoverageStage, number>>;
}

/** Points and schools in metres, and per stage the index of the schools teaching it. */
export interface SpatialFrame {
  projection: LocalProjection;
  px: Float64Array;
  py: Float64Array;
  stages: Record<CoverageStage, { schools: SitedSchool[]; index: PointIndex; sx: Float64Array; sy: Float64Array }>;
}

export function spatialFrame(points: readonly DemandPoint[], schools: readonly SitedSchool[]): SpatialFrame {
  const box = emptyBBox();
  for (const p of points) extendBBox(box, p.position);
  for (const s of schools) extendBBox(box, s.position);
  const projection = localProjection(isEmptyBBox(box) ? [0, 0] : bboxCentre(box));
  const { xs: px, ys: py } = projectAll(projection, points.map((p) => p.position));
  const stages = {} as SpatialFrame['stages'];
  for (const stage of COVERAGE_STAGES) {
    const list = schools.filter((s) => s.seats[stage] !== undefined);
    const { xs: sx, ys: sy } = projectAll(projection, list.map((s) => s.position));
    stages[stage] = { schools: list, index: pointIndex(sx, sy), sx, sy };
  }
  return { projection, px, py, stages };
}

export interface CoverageInput {
  points: readonly DemandPoint[];
  schools: readonly SitedSchool[];
  settings: GeoSettings;
  /** Townships in the order the result lists them. */
  townships: readonly { code: string; name: string }[];
  /** A frame already built for the same points and schools (catchments share it). */
  frame?: SpatialFrame;
  /** What decides that a village is covered: the 服务半径 (default) or the travel-time threshold. */
  by?: CoverageBy;
  /** Open schools per stage left out for want of a location: with none sited, coverage is unknown, not 0. */
  unsited?: Partial<Record<CoverageStage, number>>;
}

interface TownshipTally {
  children: number;
  covered: number;
  weighted: number;
  weight: number;
  max: number | null;
}
const emptyTally = (): TownshipTally => ({ children: 0, covered: 0, weighted: 0, weight: 0, max: null });

const share = (covered: number, children: number) => (children > 0 ? covered / children : null);

export function coverage(input: CoverageInput): Record<CoverageStage, StageCoverage> {
  const frame = input.frame ?? spatialFrame(input.points, input.schools);
  const out = {} as Record<CoverageStage, StageCoverage>;
  const factor = input.settings.roadFactor;
  const byTime = input.by === 'time';
  const placed = new Set(input.points.map((p) => p.township));
  for (const stage of COVERAGE_STAGES) {
    const { schools, index } = frame.stages[stage];
    const unknown: CoverageUnknown[] = [];
    if (input.points.length === 0) unknown.push('no-villages');
    if (schools.length === 0 && (input.unsited?.[stage] ?? 0) > 0) unknown.push('no-school-positions');
    const childrenKnown = !unknown.includes('no-villages');
    const coveredKnown = unknown.length === 0;
    const byTownship = new Map<string, TownshipTally>();
    const uncovered: UncoveredVillage[] = [];
    let children = 0;
    let covered = 0;
    let weighted = 0;
    let weight = 0;
    let max: number | null = null;
    let weightedMinutes = 0;
    let maxMinutes: number | null = null;
    input.points.forEach((p, i) => {
      const c = p.children[stage];
      if (!(c > 0)) return;
      const near = index.nearest(frame.px[i]!, frame.py[i]!);
      const distance = near ? near.distance * factor : null;
      const minutes = distance === null ? null : travelMinutes(input.settings, distance, travelMode(input.settings, p.urbanRural, stage));
      const ok = byTime
        ? minutes !== null && minutes <= travelThreshold(input.settings, p.urbanRural, stage)
        : distance !== null && distance <= serviceDistance(input.settings, p.urbanRural, stage);
      children += c;
      const t = byTownship.get(p.township) ?? emptyTally();
      t.children += c;
      if (ok) {
        covered += c;
        t.covered += c;
      }
      byTownship.set(p.township, t);
      if (distance !== null && minutes !== null) {
        t.weighted += distance * c;
        t.weight += c;
        if (t.max === null || distance > t.max) t.max = distance;
        weighted += distance * c;
        weightedMinutes += minutes * c;
        weight += c;
        if (max === null || distance > max) max = distance;
        if (maxMinutes === null || minutes > maxMinutes) maxMinutes = minutes;
      }
      if (!ok) {
        const school = near ? schools[near.id]! : null;
        uncovered.push({
          village: p.name,
          villageId: p.id,
          township: p.townshipName,
          children: round1(c),
          distance: distance === null ? null : Math.round(distance),
          minutes: minutes === null ? null : round1(minutes),
          nearest: school?.name ?? null,
          nearestCode: school?.code ?? null,
        });
      }
    });
    const far = (u: UncoveredVillage) => (byTime ? u.minutes : u.distance) ?? Infinity;
    uncovered.sort((a, b) => far(b) - far(a) || a.villageId.localeCompare(b.villageId));
    const townships: TownshipCoverage[] = input.townships.map((t) => {
      const v = byTownship.get(t.code) ?? emptyTally();
      const known = placed.has(t.code);
      return {
        code: t.code,
        name: t.name,
        children: known ? round1(v.children) : null,
        covered: known && coveredKnown ? round1(v.covered) : null,
        share: coveredKnown ? share(v.covered, v.children) : null,
        distance: { mean: v.weight > 0 ? Math.round(v.weighted / v.weight) : null, max: v.max === null ? null : Math.round(v.max) },
      };
    });
    out[stage] = {
      serviceDistance: { urban: input.settings.urban[stage], rural: input.settings.rural[stage] },
      travelMinutes: { urban: input.settings.travel.urban[stage], rural: input.settings.travel.rural[stage], ruralMode: input.settings.travel.ruralMode[stage] },
      children: childrenKnown ? round1(children) : null,
      covered: coveredKnown ? round1(covered) : null,
      share: coveredKnown ? share(covered, children) : null,
      unknown,
      distance: { mean: weight > 0 ? Math.round(weighted / weight) : null, max: max === null ? null : Math.round(max) },
      minutes: { mean: weight > 0 ? round1(weightedMinutes / weight) : null, max: maxMinutes === null ? null : round1(maxMinutes) },
      schools: schools.length,
      townships,
      // Without a sited school every village would be listed as beyond reach: that is not known.
      uncovered: coveredKnown ? uncovered : [],
    };
  }
  return out;
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
