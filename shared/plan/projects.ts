// Each project as the evaluation applied it: names resolved, the stages and seats it
// concerns, and the use of the school it builds year by year (附件4 and 附件5 read these).
import { KIND_STAGES, type Stage } from '../domain/stages';
import { newSchoolRef, type PlanProject } from './model';
import { projectInvestmentParts } from './norms';
import { PROJECT_TYPE } from './project-types';
import type { PlanRun } from './run';
import type { ProjectResult, SchoolResult } from './types';

export function projectResults(run: PlanRun, schools: readonly SchoolResult[]): ProjectResult[] {
  const info = new Map(run.timeline.schools.map((s) => [s.ref, s]));
  const results = new Map(schools.map((s) => [s.code, s]));
  const nameOf = (ref: string | null): string => (ref ? (info.get(ref)?.name ?? ref) : '');
  return run.plan.projects.map((p: PlanProject): ProjectResult => {
    const spec = PROJECT_TYPE[p.type];
    const ref = spec.createsSchool ? newSchoolRef(p.id) : p.school;
    const school = ref ? info.get(ref) : undefined;
    const township = spec.ownTownship ? (p.township ?? '') : (school?.township ?? '');
    let stages: Stage[];
    if (spec.ownKind) stages = p.kind ? [...KIND_STAGES[p.kind]] : [];
    else if (spec.stage) stages = p.stage ? [p.stage] : school ? [KIND_STAGES[school.kind][0] as Stage] : [];
    else stages = school ? [...KIND_STAGES[school.kind]] : [];
    const issue = p.status === '暂缓' ? '暂缓实施，未计入测算' : (run.timeline.problems.get(p.id) ?? null);
    const applied = p.status !== '暂缓' && !run.timeline.blocked.has(p.id);
    let seats = p.seats;
    let classes = p.classes;
    if (spec.increment && seats === 0) seats = p.classes * run.settings.classSize[stages[0] ?? 'primary'];
    if (spec.capacity === 'close') {
      const before = run.timeline.at(p.completionYear - 1);
      seats = 0;
      classes = 0;
      for (const u of run.timeline.units) {
        if (u.ref !== p.school) continue;
        const st = before.units.get(u.key);
        if (st?.open) {
          seats -= st.capacity;
          classes -= st.rooms;
        }
      }
    }
    const res = ref ? results.get(ref) : undefined;
    return {
      ...p,
      applied,
      issue,
      schoolName: spec.createsSchool ? p.name : nameOf(p.school),
      townshipName: township ? run.townshipName(township) : '',
      area: township ? run.areaOf(township) : '',
      stages,
      seats,
      classes,
      receivers: p.receivers.map((r) => ({ school: r.school, name: nameOf(r.school), share: r.share })),
      investmentParts: projectInvestmentParts(p, spec.ownKind ? p.kind : (school?.kind ?? null), run.settings),
      utilisation: run.years.map((y, yi) => (spec.builds && res && y >= p.completionYear ? (res.utilisation[yi] ?? null) : null)),
    };
  });
}
