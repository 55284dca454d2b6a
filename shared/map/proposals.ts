// The optimiser's proposed projects drawn over the 布局图: new sites as planned schools (a
// 教学点 with its own symbol), schools to be closed crossed out with arrows to where their
// pupils go (a proposed new school included), schools to be expanded ringed. The drawing of
// the plan stays underneath; nothing here is saved until the planner adopts the projects.
import type { SchoolKind, Stage } from '../domain/stages';
import type { OptimisedProject } from '../optimise/result';
import type { MapDrawing, MapSchool, MapTransfer } from './model';

/** Map id of a proposed school at a candidate site. */
export const proposedId = (site: string): string => `opt:${site}`;

const NEW_KIND: Partial<Record<Stage, SchoolKind>> = { preschool: 'kindergarten', primary: 'primary', junior: 'junior' };

export function withProposals(drawing: MapDrawing, projects: readonly OptimisedProject[]): MapDrawing {
  const byId = new Map(drawing.schools.map((s) => [s.id, s]));
  const added: MapSchool[] = [];
  for (const p of projects) {
    if (p.type !== '新建' || !p.site || !p.position) continue;
    const kind = p.project?.kind ?? NEW_KIND[p.stage] ?? 'primary';
    added.push({ id: proposedId(p.site), name: p.schoolName, kind, at: p.position, students: null, level: 'none', mark: 'new' });
  }
  const newIds = new Set(added.map((s) => s.id));
  const target = (id: string) => (byId.has(id) ? id : newIds.has(proposedId(id)) ? proposedId(id) : null);
  const marks = new Map<string, MapSchool['mark']>();
  const transfers: MapTransfer[] = [];
  for (const p of projects) {
    if (!p.school || !byId.has(p.school)) continue;
    if (p.type === '撤并' || p.type === '转型') {
      marks.set(p.school, 'closed');
      for (const r of p.receivers) {
        const to = target(r.school);
        if (to) transfers.push({ from: p.school, to });
      }
    } else if (p.type === '改扩建' || p.type === '寄宿') {
      if (!marks.has(p.school)) marks.set(p.school, 'expanded');
    }
  }
  return {
    ...drawing,
    schools: [...drawing.schools.map((s) => (marks.has(s.id) ? { ...s, mark: marks.get(s.id) as MapSchool['mark'] } : s)), ...added],
    transfers: [...drawing.transfers, ...transfers],
  };
}
