// Catchments (划片): every village assigned, per stage, to one school. The planner's own
// assignments come first and take their seats; every other village goes to the nearest
// school that still has seats for all its children (closest village–school pairs first, so a
// full school's nearest villages keep it and farther ones move on). Villages no school has
// seats for are listed as unassigned. Villages without children of the stage go to the
// nearest school so the map shows whole catchments.
import type { SchoolRef } from '../plan/model';
import { COVERAGE_STAGES, type CoverageStage } from './model';
import { round1, spatialFrame, type SitedSchool, type SpatialFrame } from './coverage';
import type { CatchmentAssignment, CatchmentSchool, ClosureMove, StageCatchments } from './api';
import { serviceDistance, type GeoSettings } from './settings';
import type { DemandPoint } from './demand';

export interface ManualAssignment {
  stage: CoverageStage;
  village: string;
  school: SchoolRef;
}

export interface CatchmentInput {
  points: readonly DemandPoint[];
  schools: readonly SitedSchool[];
  roadFactor: number;
  manual?: readonly ManualAssignment[];
  /** Villages a closure sends to its receivers: placed like the planner's, but not marked as drawn. */
  forced?: readonly ManualAssignment[];
  frame?: SpatialFrame;
}

/** Candidate schools per village tried before the wider search. */
const CANDIDATES = 8;

export function catchments(input: CatchmentInput): { stages: Record<CoverageStage, StageCatchments>; notes: string[] } {
  const frame = input.frame ?? spatialFrame(input.points, input.schools);
  const notes: string[] = [];
  const stages = {} as Record<CoverageStage, StageCatchments>;
  const pointIndexOf = new Map(input.points.map((p, i) => [p.id, i]));
  for (const stage of COVERAGE_STAGES) {
    const { schools, index, sx, sy } = frame.stages[stage];
    const schoolIndexOf = new Map(schools.map((s, i) => [s.code, i]));
    const remaining = schools.map((s) => s.seats[stage] ?? 0);
    const assignedTo = new Int32Array(input.points.length).fill(-1);
    const manual = new Uint8Array(input.points.length);
    const dist2 = (pi: number, si: number) => (frame.px[pi]! - sx[si]!) ** 2 + (frame.py[pi]! - sy[si]!) ** 2;
    const dist = (pi: number, si: number) => Math.sqrt(dist2(pi, si));
    const childrenOf = (pi: number) => input.points[pi]!.children[stage];

    let ignored = 0;
    for (const m of input.manual ?? []) {
      if (m.stage !== stage) continue;
      const pi = pointIndexOf.get(m.village);
      const si = schoolIndexOf.get(m.school);
      if (pi === undefined || si === undefined) {
        ignored++;
        continue;
      }
      assignedTo[pi] = si;
      manual[pi] = 1;
      remaining[si]! -= childrenOf(pi);
    }
    for (const m of input.forced ?? []) {
      if (m.stage !== stage) continue;
      const pi = pointIndexOf.get(m.village);
      const si = schoolIndexOf.get(m.school);
      if (pi === undefined || si === undefined || assignedTo[pi] !== -1) continue;
      assignedTo[pi] = si;
      remaining[si]! -= childrenOf(pi);
    }
    if (ignored > 0) notes.push(`${STAGE_NAME[stage]}有 ${ignored} 条手工划片指向已不存在或当年未开办的学校（或村），已改为自动划片。`);

    if (schools.length > 0) {
      // Closest pairs first among each village's nearest candidates. The pairs are sorted as
      // numbers: distance in whole centimetres × 2^21 + the pair's number (exact below 2^53),
      // which a Float64Array sorts natively, ties in village order.
      const nPoints = input.points.length;
      const pairPi = new Int32Array(nPoints * CANDIDATES);
      const pairSi = new Int32Array(nPoints * CANDIDATES);
      const keysAll = new Float64Array(nPoints * CANDIDATES);
      const nearIds = new Int32Array(CANDIDATES);
      const nearD = new Float64Array(CANDIDATES);
      let pairs = 0;
      for (let pi = 0; pi < nPoints; pi++) {
        if (assignedTo[pi] !== -1) continue;
        if (!(childrenOf(pi) > 0)) {
          if (index.nearestInto(frame.px[pi]!, frame.py[pi]!, 1, nearIds, nearD) > 0) assignedTo[pi] = nearIds[0]!;
          continue;
        }
        const found = index.nearestInto(frame.px[pi]!, frame.py[pi]!, CANDIDATES, nearIds, nearD);
        for (let j = 0; j < found; j++) {
          pairPi[pairs] = pi;
          pairSi[pairs] = nearIds[j]!;
          keysAll[pairs] = Math.min(Math.round(nearD[j]! * 100), 2 ** 32 - 1) * 2 ** 21 + pairs;
          pairs++;
        }
      }
      const keys = keysAll.subarray(0, pairs).sort();
      for (const key of keys) {
        const k = key % 2 ** 21;
        const pi = pairPi[k]!;
        const si = pairSi[k]!;
        if (assignedTo[pi] !== -1) continue;
        const c = childrenOf(pi);
        if (remaining[si]! >= c) {
          assignedTo[pi] = si;
          remaining[si]! -= c;
        }
      }
      // Villages whose candidates were all full look among the schools that still have seats.
      const left = input.points.map((_, pi) => pi).filter((pi) => assignedTo[pi] === -1 && childrenOf(pi) > 0);
      let open = schools.map((_, si) => si).filter((si) => remaining[si]! > 0);
      // Where children outnumber seats most of these villages fit nowhere: the largest number
      // of seats left anywhere settles that without a scan.
      const mostLeft = () => open.reduce((m, si) => Math.max(m, remaining[si]!), 0);
      let most = mostLeft();
      for (const pi of left) {
        const c = childrenOf(pi);
        if (c > most) continue;
        let hit = -1;
        let hitD = Infinity;
        for (const si of open) {
          if (remaining[si]! < c) continue;
          const d = dist2(pi, si);
          if (d < hitD || (d === hitD && si < hit)) {
            hitD = d;
            hit = si;
          }
        }
        if (hit >= 0) {
          assignedTo[pi] = hit;
          remaining[hit]! -= c;
          if (remaining[hit]! <= 0) open = open.filter((si) => si !== hit);
          most = mostLeft();
        }
      }
    }

    const assignments: CatchmentAssignment[] = [];
    const stats = schools.map(() => ({ children: 0, villages: 0, weighted: 0, max: null as number | null }));
    const unassigned: StageCatchments['unassigned'] = [];
    input.points.forEach((p, pi) => {
      const si = assignedTo[pi]!;
      if (si < 0) {
        if (p.children[stage] > 0) unassigned.push({ village: p.name, villageId: p.id, children: round1(p.children[stage]) });
        return;
      }
      const d = dist(pi, si) * input.roadFactor;
      assignments.push({ stage, village: p.id, school: schools[si]!.code, manual: manual[pi] === 1, distance: Math.round(d) });
      const s = stats[si]!;
      const c = p.children[stage];
      s.children += c;
      s.villages += 1;
      s.weighted += d * c;
      if (c > 0 && (s.max === null || d > s.max)) s.max = d;
    });
    const schoolRows: CatchmentSchool[] = schools.map((s, si) => {
      const st = stats[si]!;
      const seats = s.seats[stage] ?? 0;
      return {
        code: s.code,
        name: s.name,
        seats,
        children: round1(st.children),
        utilisation: seats > 0 ? st.children / seats : null,
        villages: st.villages,
        distance: { mean: st.children > 0 ? Math.round(st.weighted / st.children) : null, max: st.max === null ? null : Math.round(st.max) },
      };
    });
    stages[stage] = { assignments, schools: schoolRows, unassigned, moved: [] };
  }
  return { stages, notes };
}

const STAGE_NAME: Record<CoverageStage, string> = { preschool: '学前', primary: '小学', junior: '初中' };

/**
 * Villages whose school in `before` (the base year) is closed in `after`: the school they
 * move to and the added travel distance, flagged when it is beyond their 服务半径.
 */
export function closureMoves(
  before: StageCatchments,
  after: StageCatchments,
  open: ReadonlySet<string>,
  names: ReadonlyMap<string, string>,
  points: readonly DemandPoint[],
  stage: CoverageStage,
  settings: GeoSettings,
): ClosureMove[] {
  const now = new Map(after.assignments.map((a) => [a.village, a]));
  const pointOf = new Map(points.map((p) => [p.id, p]));
  const out: ClosureMove[] = [];
  for (const b of before.assignments) {
    if (open.has(b.school)) continue;
    const p = pointOf.get(b.village);
    if (!p || !(p.children[stage] > 0)) continue;
    const a = now.get(b.village) ?? null;
    const after_ = a ? a.distance : null;
    out.push({
      villageId: b.village,
      village: p.name,
      children: round1(p.children[stage]),
      from: b.school,
      fromName: names.get(b.school) ?? b.school,
      to: a?.school ?? null,
      toName: a ? (names.get(a.school) ?? a.school) : null,
      before: b.distance,
      after: after_,
      added: after_ === null ? null : after_ - b.distance,
      beyond: after_ === null || after_ > serviceDistance(settings, p.urbanRural, stage),
    });
  }
  return out.sort((x, y) => (y.added ?? Infinity) - (x.added ?? Infinity) || x.villageId.localeCompare(y.villageId));
}
