// The geography API's map (geo.map) as the drawing's input: one stage's schools, children and
// service-distance rings, or all coverage stages together, for the year the map was asked for.
import type { GeoMap, MapSchool as GeoSchool } from '../geo/api';
import { COVERAGE_STAGES, type CoverageStage } from '../geo/model';
import { PROJECT_TYPE } from '../plan/project-types';
import type { MapDrawing, MapSchool, MapTransfer } from './model';

/** A coverage stage, or every school and all children of the coverage stages. */
export type MapStage = CoverageStage | 'all';

function mark(s: GeoSchool): MapSchool['mark'] {
  if (s.isNew) return 'new';
  return s.open ? 'existing' : 'closed';
}

export function drawingFromGeo(map: GeoMap, stage: MapStage): MapDrawing {
  const stages: readonly CoverageStage[] = stage === 'all' ? COVERAGE_STAGES : [stage];
  const teaches = (s: GeoSchool) => stage === 'all' || s.stages.includes(stage);
  const located = map.schools.filter((s): s is GeoSchool & { position: [number, number] } => s.position !== null && teaches(s));
  const ids = new Set(located.map((s) => s.code));
  // Replays the plan: a closure's arrows appear from the year it takes effect.
  const transfers: MapTransfer[] = map.projects
    .filter((p) => PROJECT_TYPE[p.type].receivers && p.school && p.completionYear <= map.year)
    .flatMap((p) => p.receivers.filter((r) => ids.has(r.school) && p.school && ids.has(p.school)).map((r) => ({ from: p.school ?? '', to: r.school })));
  return {
    county: map.outline ? { code: 'county', name: '', geometry: map.outline.geometry } : null,
    townships: map.townships.flatMap((t) => (t.boundary ? [{ code: t.code, name: t.name, geometry: t.boundary.geometry }] : [])),
    references: map.layers.map((f) => ({ kind: f.kind, name: f.name, geometry: f.geometry })),
    villages: map.villages.map((v) => ({
      id: v.id,
      name: v.name,
      at: v.point,
      children: stages.reduce((sum, st) => sum + (v.childrenByStage[st] ?? 0), 0),
    })),
    schools: located.map((s) => ({
      id: s.code,
      name: s.name,
      kind: s.kind,
      at: s.position,
      students: s.students,
      level: s.level,
      mark: mark(s),
    })),
    rings: located
      .filter((s) => s.open || s.isNew)
      .flatMap((s) => stages.flatMap((st) => (s.serviceDistance[st] ? [{ school: s.code, stage: st, radiusM: s.serviceDistance[st] ?? 0 }] : []))),
    catchments: map.catchments.filter((c) => stages.includes(c.stage) && ids.has(c.school)).map((c) => ({ village: c.village, school: c.school })),
    transfers,
    groups: map.groups.flatMap((gr) => (ids.has(gr.core) ? gr.members.filter((m) => ids.has(m)).map((m) => ({ group: gr.name, core: gr.core, member: m })) : [])),
  };
}
