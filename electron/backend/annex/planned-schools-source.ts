// The plan's schools at its target year in the terms of 规划学校一览表: which action the plan
// takes on each, its size now and then, and its areas with the norms beside them.
import type { CompletedProjectsInput, PlannedAction, PlannedSchoolRecord, PlannedSchoolsInput } from '../../../shared/annex';
import type { SchoolKind } from '../../../shared/domain';
import { STAGE_LABEL, type Stage } from '../../../shared/domain';
import { floorAreaPerStudent, PROJECT_TYPE, siteAreaBasis, siteAreaPerStudent, type Plan, type PlanEvaluation, type ProjectResult, type SchoolReservation } from '../../../shared/plan';
import { STANDARDS } from '../../../shared/standards';
import { quotedPlanName, SHORT_KIND } from './plan-source';

/** What the project file records of an existing school. */
export interface RecordedAreas {
  siteArea: number | null;
  floorArea: number | null;
}

/** The action a project type stands for in the table; types that change no size or place leave the school 保留. */
const ACTION_OF: Partial<Record<ProjectResult['type'], PlannedAction>> = { 新建: '新建', 改扩建: '扩建', 迁建: '迁建', 撤并: '撤并', 转型: '转型' };
/** When several projects touch one school, the one that changes it most names the action. */
const ACTION_ORDER: PlannedAction[] = ['撤并', '新建', '迁建', '转型', '扩建', '保留'];

const add = (a: number | null, b: number | null): number | null => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));

/** The 配套学校 sites of the plan's developments and the township names to print them under. */
export interface ReservedSites {
  reservations: readonly SchoolReservation[];
  townshipName: (code: string) => string;
}

/**
 * `urbanTownships`: the 城区 townships (`urbanTownshipCodes`), whose schools take the urban 生均用地
 * series; a school elsewhere (镇区, 乡村, or a township of unknown 城乡分类) takes the rural one.
 */
export function plannedSchoolsInput(
  plan: Plan,
  ev: PlanEvaluation,
  recorded: ReadonlyMap<string, RecordedAreas>,
  urbanTownships: ReadonlySet<string>,
  reserved: ReservedSites = { reservations: [], townshipName: (c) => c },
): PlannedSchoolsInput {
  const ti = Math.max(0, Math.min(ev.years.length - 1, ev.years.indexOf(plan.targetYear)));
  const bi = Math.max(0, ev.years.indexOf(plan.baseYear));
  const done = ev.projects.filter((p) => p.applied && p.completionYear <= plan.targetYear);
  const byRef = new Map<string, ProjectResult[]>();
  for (const p of done) {
    const ref = PROJECT_TYPE[p.type].createsSchool ? `new:${p.id}` : p.school;
    if (ref) byRef.set(ref, [...(byRef.get(ref) ?? []), p]);
  }
  const groupNotes = groupActionNotes(done);
  const schools = ev.schools.map((s): PlannedSchoolRecord => {
    const own = byRef.get(s.code) ?? [];
    const actions = own.map((p) => ACTION_OF[p.type] ?? '保留');
    const action = s.isNew ? '新建' : s.closedFrom !== null && s.closedFrom <= plan.targetYear ? '撤并' : (ACTION_ORDER.find((a) => actions.includes(a)) ?? '保留');
    const rec = recorded.get(s.code) ?? { siteArea: null, floorArea: null };
    let siteArea = s.isNew ? null : rec.siteArea;
    let floorArea = s.isNew ? null : rec.floorArea;
    for (const p of own) {
      const spec = PROJECT_TYPE[p.type];
      // A new or moved school stands on the project's site; the others build on their own.
      if (spec.capacity === 'open' || spec.capacity === 'move') {
        siteArea = p.siteArea;
        floorArea = p.floorArea;
      } else if (spec.capacity === 'extend' || spec.capacity === 'board' || spec.improves === 'teachingArea') {
        floorArea = add(floorArea, p.floorArea);
      }
    }
    const closed = action === '撤并';
    const classesPlanned = closed ? null : (s.classes[ti] ?? null);
    const kind: SchoolKind = s.kind;
    const works = own.filter((p) => !ACTION_OF[p.type] && !PROJECT_TYPE[p.type].group).map((p) => p.type);
    return {
      name: s.name,
      township: s.townshipName,
      kind: SHORT_KIND[kind],
      action,
      // Pupils in no class: the statistics gave no class count, so 现状 is unknown (blank), not 0.
      classesNow: s.isNew || (!s.classes[bi] && (s.demand[bi] ?? 0) > 0) ? null : (s.classes[bi] ?? null),
      classesPlanned,
      seatsNow: s.isNew ? null : Math.round(s.capacity[bi] ?? 0),
      seatsPlanned: closed ? null : Math.round(s.capacity[ti] ?? 0),
      studentsPlanned: closed ? null : Math.round(s.demand[ti] ?? 0),
      siteArea: siteArea === null ? null : Math.round(siteArea),
      floorArea: floorArea === null ? null : Math.round(floorArea),
      siteNorm: closed ? null : siteAreaPerStudent(kind, plan.settings, urbanTownships.has(s.township)),
      floorNorm: closed ? null : floorAreaPerStudent(kind, classesPlanned ?? 0, plan.settings.floorAreaBasis),
      note: [
        closed && s.closedFrom !== null ? `${s.closedFrom}年撤并` : '',
        ...works,
        ...(groupNotes.get(s.code) ?? []),
        ...reserved.reservations.filter((r) => r.builtBy !== null && r.builtBy.id === s.projectId).map((r) => `建于${r.developmentName}配套预留用地`),
      ]
        .filter(Boolean)
        .join('；'),
    };
  });
  const waiting = reserved.reservations.filter((r) => r.builtBy === null || r.builtBy.completionYear > plan.targetYear);
  return {
    baseYear: plan.baseYear,
    targetYear: plan.targetYear,
    schools: [...schools, ...waiting.map((r) => reservedSchool(r, plan, reserved.townshipName))],
    planName: quotedPlanName(plan.name),
  };
}

/** A reserved site not yet built by the target year: its planned size and areas, 预留. */
function reservedSchool(r: SchoolReservation, plan: Plan, townshipName: (code: string) => string): PlannedSchoolRecord {
  const pupils = (Object.entries(r.pupils) as [Stage, number][]).map(([st, n]) => `${STAGE_LABEL[st]} ${n} 人`).join('、');
  return {
    name: `${r.developmentName}配套${SHORT_KIND[r.kind]}`,
    township: townshipName(r.township),
    kind: SHORT_KIND[r.kind],
    action: '预留',
    classesNow: null,
    classesPlanned: r.classes,
    seatsNow: null,
    seatsPlanned: r.seats,
    studentsPlanned: null,
    siteArea: r.siteArea,
    floorArea: r.floorArea,
    siteNorm: siteAreaPerStudent(r.kind, plan.settings, r.urban),
    floorNorm: floorAreaPerStudent(r.kind, r.classes, plan.settings.floorAreaBasis),
    note:
      `${r.completionYear}年入住约 ${r.residents.toLocaleString('zh-CN')} 人，按千人指标需${pupils}；按${r.urban ? '城镇' : '农村'}标准预留用地` +
      (r.builtBy ? `；${r.builtBy.name}${r.builtBy.completionYear}年建成` : '；尚无新建项目'),
  };
}

/** "2027年牵头组建城关教育集团" beside the core school, "2027年加入…" beside each member. */
function groupActionNotes(done: readonly ProjectResult[]): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  const add = (code: string, text: string) => notes.set(code, [...(notes.get(code) ?? []), text]);
  for (const p of done) {
    if (!PROJECT_TYPE[p.type].group || !p.schoolGroup || !p.school) continue;
    add(p.school, `${p.completionYear}年牵头${p.schoolGroup.name}`);
    for (const m of p.schoolGroup.members) add(m, `${p.completionYear}年加入${p.schoolGroup.name}`);
  }
  return notes;
}

/** Where the two norms of the table come from. */
export function floorNormNote(plan: Plan): string {
  const basis = plan.settings.floorAreaBasis === 'planning' ? '规划指标' : '基本指标';
  return (
    `生均建筑面积标准按规划年班数取${basis}：${STANDARDS.floorAreaPerStudent.source}；${STANDARDS.ruralFloorArea.source}；${STANDARDS.floorAreaPerStudentReference.source}。` +
    siteAreaBasis(plan.settings)
  );
}

const STATE: Record<ProjectResult['status'], string> = { 已建成: '已完成', 在建: '在建', 拟建: '未实施', 暂缓: '未实施' };

/** The projects due by the base year, the previous plan's, with what became of them. */
export function completedProjectsInput(plan: Plan, ev: PlanEvaluation): CompletedProjectsInput {
  const due = ev.projects.filter((p) => p.completionYear <= plan.baseYear).sort((a, b) => a.completionYear - b.completionYear || a.id - b.id);
  return {
    baseYear: plan.baseYear,
    projects: due.map((p) => ({
      name: p.name,
      nature: p.type,
      school: p.schoolName,
      seats: PROJECT_TYPE[p.type].builds ? p.seats : null,
      floorArea: p.floorArea,
      investment: p.investment,
      startYear: p.startYear,
      endYear: p.completionYear,
      state: STATE[p.status],
      note: p.note,
    })),
  };
}
