// 规划: plans, their targets, projects and planning areas. Every edit runs in one
// transaction with a snapshot of the plan pushed on its undo stack, so any edit can be
// taken back (and redone); bulk edits (several projects at once, resetting the targets,
// deleting a plan) take a backup of the file first.
import type { ParsedInput } from '../../../shared/api';
import { KIND_LABEL, KIND_STAGES, STAGE_LABEL, type School, type Stage, type Township } from '../../../shared/domain';
import { STANDARDS } from '../../../shared/standards';
import {
  checkYears,
  boardingFloorArea,
  estimateFacilities,
  projectInvestmentParts,
  newPlan,
  newSchoolRef,
  planHeader,
  PROJECT_TYPE,
  projectIdOfRef,
  type Plan,
  type PlanDetail,
  type PlanProject,
  type PlanSummary,
  type ProjectFields,
} from '../../../shared/plan';
import { withBackup } from '../db/backups';
import {
  clearHistory,
  deletePlanRow,
  deleteProject,
  historyTops,
  insertPlan,
  insertProject,
  planCounts,
  planIdByName,
  planRows,
  popHistory,
  pushHistory,
  readPlan,
  restorePlan,
  snapshotPlan,
  touchPlan,
  updatePlanRow,
  updateProject,
  writeAreas,
  writeTargets,
} from '../db/plans';
import type { ProjectFile } from '../db/project-file';
import { allSchools, allTownships } from '../db/queries';
import { AppError } from '../errors';
import { dataBaseYear, projectDefaultTargets, withProjectTargets } from './plan-context';
import { listDevelopments } from './projection';

function now(): string {
  return new Date().toISOString();
}

function detail(file: ProjectFile, id: number): PlanDetail {
  const plan = readPlan(file.db, id);
  if (!plan) throw new AppError('NOT_FOUND', '要打开的规划已不存在，可能已被删除。');
  return { ...plan, history: historyTops(file.db, id) };
}

/** The change of one edit with its undo entry; the caller holds the transaction. */
export function recordEdit(file: ProjectFile, planId: number, label: string, change: () => void): void {
  const before = snapshotPlan(file.db, planId);
  if (!before) throw new AppError('NOT_FOUND', '要修改的规划已不存在，可能已被删除。');
  change();
  const t = now();
  touchPlan(file.db, planId, t);
  pushHistory(file.db, planId, 'undo', label, before, t);
  clearHistory(file.db, planId, 'redo');
}

/** Runs one edit of a plan: snapshot → change → undo entry, all or nothing. */
function edit(file: ProjectFile, planId: number, label: string, change: () => void): PlanDetail {
  file.db.transaction(() => recordEdit(file, planId, label, change))();
  return detail(file, planId);
}

export function listPlans(file: ProjectFile): PlanSummary[] {
  const counts = planCounts(file.db);
  return planRows(file.db).map((r) => ({
    ...planHeader(r),
    targets: counts.get(r.id)?.targets ?? 0,
    projects: counts.get(r.id)?.projects ?? 0,
    investment: Math.round((counts.get(r.id)?.investment ?? 0) * 10) / 10,
    updatedAt: r.updatedAt,
  }));
}

export function getPlan(file: ProjectFile, id: number): PlanDetail {
  return detail(file, id);
}

function uniqueName(file: ProjectFile, wanted: string | undefined, base: string): string {
  if (wanted !== undefined) {
    if (planIdByName(file.db, wanted) !== null) throw new AppError('INVALID_INPUT', `已有名为“${wanted}”的规划，请换一个名称。`);
    return wanted;
  }
  let name = base;
  for (let i = 2; planIdByName(file.db, name) !== null; i++) name = `${base}（${i}）`;
  return name;
}

function checkPlanYears(base: number, target: number, outlook: number): void {
  const wrong = checkYears(base, target, outlook);
  if (wrong) throw new AppError('INVALID_INPUT', `${wrong}（基准年 ${base}，目标年 ${target}，展望年 ${outlook}）。`);
}

/** The plan `plan.create` would insert, checked; nothing written yet. */
export function planToCreate(file: ProjectFile, input: ParsedInput<'plan.create'>): Omit<Plan, 'id'> {
  const base = input.baseYear ?? dataBaseYear(file);
  const template = withProjectTargets(file, newPlan(base, { targetYear: input.targetYear, outlookYear: input.outlookYear, scenario: input.scenario }));
  checkPlanYears(template.baseYear, template.targetYear, template.outlookYear);
  return { ...template, name: uniqueName(file, input.name, template.name) };
}

export function insertNewPlan(file: ProjectFile, plan: Omit<Plan, 'id'>): number {
  return insertPlan(file.db, plan, now());
}

export function createPlan(file: ProjectFile, input: ParsedInput<'plan.create'>): PlanDetail {
  const plan = planToCreate(file, input);
  const id = file.db.transaction(() => insertNewPlan(file, plan))();
  return detail(file, id);
}

export function updatePlan(file: ProjectFile, input: ParsedInput<'plan.update'>): PlanDetail {
  const plan = detail(file, input.plan);
  const next = {
    name: input.name ?? plan.name,
    baseYear: input.baseYear ?? plan.baseYear,
    targetYear: input.targetYear ?? plan.targetYear,
    outlookYear: input.outlookYear ?? plan.outlookYear,
    scenario: input.scenario ?? plan.scenario,
    settings: JSON.stringify(input.settings ?? plan.settings),
  };
  checkPlanYears(next.baseYear, next.targetYear, next.outlookYear);
  if (next.name !== plan.name && planIdByName(file.db, next.name) !== null) {
    throw new AppError('INVALID_INPUT', `已有名为“${next.name}”的规划，请换一个名称。`);
  }
  const label = input.settings ? '修改评估参数' : input.name && input.name !== plan.name ? '重命名规划' : '修改规划年份或情景';
  return edit(file, plan.id, label, () => updatePlanRow(file.db, plan.id, next, now()));
}

export async function deletePlan(file: ProjectFile, id: number): Promise<PlanSummary[]> {
  const plan = detail(file, id);
  await withBackup(file.db, file.path, `删除规划${plan.name}前`, () => file.db.transaction(() => deletePlanRow(file.db, id))());
  return listPlans(file);
}

// ---- Targets --------------------------------------------------------------------------

export function setTarget(file: ProjectFile, input: ParsedInput<'plan.setTarget'>): PlanDetail {
  const plan = detail(file, input.plan);
  const t = input.target;
  const from = input.previousKey ?? t.key;
  const at = plan.targets.findIndex((x) => x.key === from);
  if (input.previousKey !== undefined && at < 0) throw new AppError('NOT_FOUND', '要修改的指标已不存在。');
  if (t.key !== from && plan.targets.some((x) => x.key === t.key)) throw new AppError('INVALID_INPUT', `已有代码为“${t.key}”的指标。`);
  const targets = plan.targets.slice();
  if (at >= 0) targets[at] = t;
  else targets.push(t);
  return edit(file, plan.id, at >= 0 ? `修改指标“${t.name}”` : `添加指标“${t.name}”`, () => writeTargets(file.db, plan.id, targets));
}

export function removeTarget(file: ProjectFile, input: ParsedInput<'plan.removeTarget'>): PlanDetail {
  const plan = detail(file, input.plan);
  const target = plan.targets.find((x) => x.key === input.key);
  if (!target) throw new AppError('NOT_FOUND', '要删除的指标已不存在。');
  return edit(file, plan.id, `删除指标“${target.name}”`, () =>
    writeTargets(file.db, plan.id, plan.targets.filter((x) => x.key !== input.key)),
  );
}

export async function resetTargets(file: ProjectFile, planId: number): Promise<PlanDetail> {
  const plan = detail(file, planId);
  return withBackup(file.db, file.path, `恢复默认指标前`, () => edit(file, plan.id, '恢复默认指标', () => writeTargets(file.db, plan.id, projectDefaultTargets(file))));
}

// ---- Projects ---------------------------------------------------------------------------

export interface Known {
  schools: Map<string, School>;
  townships: Map<string, Township>;
  /** Ids of the developments that reserve a 配套学校 site. */
  reservations?: Set<number>;
}

export function known(file: ProjectFile): Known {
  return {
    schools: new Map(allSchools(file.db).map((s) => [s.code, s])),
    townships: new Map(allTownships(file.db).map((t) => [t.code, t])),
    reservations: new Set(listDevelopments(file.db).filter((d) => d.reserveKind !== null).map((d) => d.id)),
  };
}

/**
 * Checks a project against the county and the plan, and fills what the norms can suggest
 * (start year, floor and site area, investment) where the planner left it empty.
 */
export function prepare(p: ProjectFields, plan: Plan, k: Known, pendingNew: ReadonlySet<number>): Omit<PlanProject, 'id'> {
  const spec = PROJECT_TYPE[p.type];
  const newIds = new Set([...plan.projects.filter((x) => PROJECT_TYPE[x.type].createsSchool).map((x) => x.id), ...pendingNew]);
  const describe = (ref: string): string => {
    const id = projectIdOfRef(ref);
    if (id !== null) {
      if (!newIds.has(id)) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的新建学校项目（${ref}）。`);
      return ref;
    }
    if (!k.schools.has(ref)) throw new AppError('NOT_FOUND', `找不到学校标识码为 ${ref} 的学校。`);
    return ref;
  };
  if (p.school) describe(p.school);
  for (const r of p.receivers) describe(r.school);
  if (p.township && !k.townships.has(p.township)) throw new AppError('NOT_FOUND', `找不到代码为 ${p.township} 的乡镇（街道）。`);
  if (p.development !== null && k.reservations && !k.reservations.has(p.development)) {
    throw new AppError('NOT_FOUND', `找不到编号为 ${p.development} 且预留了配套学校用地的新建住宅项目。`);
  }
  const school = p.school && projectIdOfRef(p.school) === null ? k.schools.get(p.school) : undefined;
  if (spec.stage && p.stage && school && !KIND_STAGES[school.kind].includes(p.stage)) {
    throw new AppError('INVALID_INPUT', `${school.name}（${KIND_LABEL[school.kind]}）不设${STAGE_LABEL[p.stage]}学段，无法扩建该学段。`);
  }
  // A school already closed has no students left to send anywhere.
  if (spec.receivers && p.school && projectIdOfRef(p.school) === null && school?.status === '停办') {
    throw new AppError('INVALID_INPUT', `${school.name}已停办，无需${p.type}。`);
  }
  const settings = plan.settings;
  const kind = spec.ownKind ? p.kind : (school?.kind ?? null);
  let { floorArea, siteArea, investment } = p;
  // An extension builds on the school's own site: its site area is not estimated.
  if (kind && spec.builds && p.seats > 0 && (floorArea === null || (!spec.increment && siteArea === null))) {
    const rooms = spec.increment ? (school?.designClasses ?? 0) + p.classes : p.classes;
    const stage = p.stage ?? (KIND_STAGES[kind][0] as Stage);
    // A new school's site follows the norm of where it stands: 城区 urban, 镇区 and 乡村 rural.
    const township = p.township ?? school?.township ?? null;
    const urban = township === null || k.townships.get(township)?.urbanRural === '城区';
    const est = estimateFacilities(kind, rooms, p.seats, settings, { urban, ...(spec.increment ? { added: { stage } } : {}) });
    if (est) {
      floorArea ??= est.floorArea;
      if (!spec.increment) siteArea ??= est.siteArea;
    }
  }
  if (spec.boarding && floorArea === null && p.boardingPlaces > 0) floorArea = boardingFloorArea(p.boardingPlaces, settings);
  if (spec.improves === 'resourceRoom' && floorArea === null) floorArea = STANDARDS.resourceRoomArea.value;
  if (investment === null && ((spec.builds && floorArea !== null) || (spec.works && (floorArea !== null || siteArea !== null)))) {
    investment = projectInvestmentParts({ type: p.type, seats: p.seats, floorArea, siteArea, stage: p.stage }, kind, settings)?.total ?? null;
  }
  return {
    ...p,
    floorArea,
    siteArea,
    investment,
    startYear: p.startYear ?? Math.min(p.completionYear, Math.max(plan.baseYear, p.completionYear - settings.constructionYears)),
  };
}

export async function addProjects(file: ProjectFile, input: ParsedInput<'plan.addProjects'>): Promise<PlanDetail> {
  const plan = detail(file, input.plan);
  const k = known(file);
  const label = input.projects.length === 1 ? `添加项目“${input.projects[0]?.name}”` : `添加 ${input.projects.length} 个项目`;
  const write = () =>
    edit(file, plan.id, label, () => {
      // Projects of one call may name each other's new schools, in the order given.
      const added = new Set<number>();
      for (const p of input.projects) {
        const id = insertProject(file.db, plan.id, prepare(p, plan, k, added));
        if (PROJECT_TYPE[p.type].createsSchool) added.add(id);
      }
    });
  return input.projects.length > 1 ? withBackup(file.db, file.path, `批量添加项目前`, write) : write();
}

export function changeProject(file: ProjectFile, input: ParsedInput<'plan.updateProject'>): PlanDetail {
  const plan = detail(file, input.plan);
  const current = plan.projects.find((p) => p.id === input.id);
  if (!current) throw new AppError('NOT_FOUND', '要修改的项目已不存在。');
  const ref = newSchoolRef(input.id);
  const createsSchool = (t: PlanProject['type']) => PROJECT_TYPE[t].createsSchool;
  if (createsSchool(current.type) && !createsSchool(input.project.type) && plan.projects.some((p) => p.school === ref || p.receivers.some((r) => r.school === ref))) {
    throw new AppError('INVALID_INPUT', `“${current.name}”是其他项目的接收学校或改建对象，不能改为${input.project.type}项目。`);
  }
  const prepared = prepare(input.project, plan, known(file), new Set());
  return edit(file, plan.id, `修改项目“${input.project.name}”`, () => {
    if (!updateProject(file.db, plan.id, input.id, prepared)) throw new AppError('NOT_FOUND', '要修改的项目已不存在。');
  });
}

export function removeProject(file: ProjectFile, input: ParsedInput<'plan.removeProject'>): PlanDetail {
  const plan = detail(file, input.plan);
  const project = plan.projects.find((p) => p.id === input.id);
  if (!project) throw new AppError('NOT_FOUND', '要删除的项目已不存在。');
  const ref = newSchoolRef(input.id);
  const users = plan.projects.filter((p) => p.id !== input.id && (p.school === ref || p.receivers.some((r) => r.school === ref)));
  if (users.length > 0) {
    throw new AppError('INVALID_INPUT', `“${project.name}”是${users.map((u) => `“${u.name}”`).join('、')}的接收学校或改建对象，请先修改或删除这些项目。`);
  }
  return edit(file, plan.id, `删除项目“${project.name}”`, () => deleteProject(file.db, plan.id, input.id));
}

// ---- Areas, undo ------------------------------------------------------------------------

export function setAreas(file: ProjectFile, input: ParsedInput<'plan.setAreas'>): PlanDetail {
  const plan = detail(file, input.plan);
  const townships = new Map(allTownships(file.db).map((t) => [t.code, t]));
  const areas = { ...plan.areas };
  for (const a of input.areas) {
    const t = townships.get(a.township);
    if (!t) throw new AppError('NOT_FOUND', `找不到代码为 ${a.township} 的乡镇（街道）。`);
    // A name equal to the township's own area needs no override.
    if (!a.area || a.area === t.area) delete areas[a.township];
    else areas[a.township] = a.area;
  }
  return edit(file, plan.id, '调整规划片区', () => writeAreas(file.db, plan.id, areas));
}

function travel(file: ProjectFile, planId: number, from: 'undo' | 'redo'): PlanDetail {
  detail(file, planId);
  const to = from === 'undo' ? 'redo' : 'undo';
  file.db.transaction(() => {
    const entry = popHistory(file.db, planId, from);
    if (!entry) throw new AppError('INVALID_INPUT', from === 'undo' ? '没有可以撤销的修改。' : '没有可以重做的修改。');
    const current = snapshotPlan(file.db, planId) as string;
    const t = now();
    pushHistory(file.db, planId, to, entry.label, current, t);
    restorePlan(file.db, planId, entry.snapshot, t);
  })();
  return detail(file, planId);
}

export function undoPlan(file: ProjectFile, planId: number): PlanDetail {
  return travel(file, planId, 'undo');
}

export function redoPlan(file: ProjectFile, planId: number): PlanDetail {
  return travel(file, planId, 'redo');
}
