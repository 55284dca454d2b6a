// Catchments (划片): every village assigned, per stage, to one school. The planner's own
// assignments come first and take their seats; every other village goes to the nearest
// school that still has seats for all its children (closest village–school pairs first, so a
// full school's nearest villages keep it and farther ones move on). Villages no school has
// seats for are listed as unassigned. Villages without children of the stage go to the
// nearest school so the map shows whole catchments.
import type { SchoolRef } from '../plan/model';
import { COVERAGE_STAGES, type CoverageStage } from './model';
import { round1, spatialFrame, type SitedSchool, type SpatialFrame } from './coverage';
import type { CatchmentAssignment, CatchmentSchool, StageCatchments } from './api';
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
    const dist = (pi: number, si: number) => Math.hypot(frame.px[pi]! - sx[si]!, frame.py[pi]! - sy[si]!);
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
    if (ignored > 0) notes.push(`${STAGE_NAME[stage]}有 ${ignored} 条手工划片指向已不存在或当年未开办的学校（或村），已改为自动划片。`);

    if (schools.length > 0) {
      // Closest pairs first among each village's nearest candidates.
      const pairs: { pi: number; si: number; d: number }[] = [];
      input.points.forEach((_, pi) => {
        if (assignedTo[pi] !== -1) return;
        if (!(childrenOf(pi) > 0)) {
          const near = index.nearest(frame.px[pi]!, frame.py[pi]!);
          if (near) assignedTo[pi] = near.id;
          return;
        }
        for (const c of index.nearestK(frame.px[pi]!, frame.py[pi]!, CANDIDATES)) pairs.push({ pi, si: c.id, d: c.distance });
      });
      pairs.sort((a, b) => a.d - b.d || a.pi - b.pi);
      for (const { pi, si } of pairs) {
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
      for (const pi of left) {
        const c = childrenOf(pi);
        let hit = -1;
        let hitD = Infinity;
        for (const si of open) {
          if (remaining[si]! < c) continue;
          const d = dist(pi, si);
          if (d < hitD || (d === hitD && si < hit)) {
            hitD = d;
            hit = si;
          }
        }
        if (hit >= 0) {
          assignedTo[pi] = hit;
          remaining[hit]! -= c;
          if (remaining[hit]! <= 0) open = open.filter((si) => si !== hit);
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
    stages[stage] = { assignments, schools: schoolRows, unassigned };
  }
  return { stages, notes };
}

const STAGE_NAME: Record<CoverageStage, string> = { preschool: '学前', primary: '小学', junior: '初中' };
