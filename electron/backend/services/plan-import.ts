// A file's projects into a plan (the CLI's plan-add-project): every entry is resolved and
// checked before anything is written, then the plan (when it is new) and all the projects go
// in one transaction with one undo entry. A project already in the plan with the same type,
// name and school is updated rather than added again, so importing the same file twice, or
// again after an interruption, leaves one copy of each project.
import type { ParsedInput } from '../../../shared/api';
import {
  newSchoolRef,
  PROJECT_TYPE,
  projectIdOfRef,
  projectInputSchema,
  type Plan,
  type PlanProject,
  type ProjectImport,
  type ProjectImportResult,
} from '../../../shared/plan';
import { createBackup } from '../db/backups';
import { insertProject, planIdByName, planRows, readPlan, updateProject } from '../db/plans';
import type { ProjectFile } from '../db/project-file';
import { AppError } from '../errors';
import { chineseIssues } from '../input-messages';
import { getPlan, insertNewPlan, known, planToCreate, prepare, recordEdit, type Known } from './plan';

/** The plan the import goes into: stored, or the default plan to create with it. */
type Target = { id: number; plan: Plan } | { id: null; plan: Omit<Plan, 'id'> };

function targetPlan(file: ProjectFile, name: string | undefined): Target {
  if (name !== undefined) {
    const id = planIdByName(file.db, name);
    const plan = id === null ? null : readPlan(file.db, id);
    if (id === null || !plan) {
      const names = planRows(file.db).map((p) => p.name);
      throw new AppError('NOT_FOUND', `没有名为“${name}”的规划。${names.length ? `现有规划：${names.join('、')}。` : '项目中还没有规划。'}`);
    }
    return { id, plan };
  }
  const first = planRows(file.db)[0];
  const plan = first ? readPlan(file.db, first.id) : null;
  return first && plan ? { id: first.id, plan } : { id: null, plan: planToCreate(file, {}) };
}

/** Same type, name and school: the same project, imported again. */
function identity(p: { type: string; name: string; school: string | null }): string {
  return JSON.stringify([p.type, p.name, p.school ?? '']);
}

interface Checked {
  project: Omit<PlanProject, 'id'>;
  /** The stored project this entry updates. */
  existing: number | null;
  /** The id the entry's new school is called by until it has its own. */
  standIn: number | null;
}

/** Resolves names to codes and checks every entry, in order; writes nothing. */
function check(entries: readonly ProjectImport[], plan: Plan, k: Known): Checked[] {
  const schoolsByName = new Map<string, string[]>();
  for (const s of k.schools.values()) schoolsByName.set(s.name, [...(schoolsByName.get(s.name) ?? []), s.code]);
  const townshipByName = new Map([...k.townships.values()].map((t) => [t.name, t.code]));
  const stored = new Map<string, number>();
  for (const p of plan.projects) if (!stored.has(identity(p))) stored.set(identity(p), p.id);
  const storedNew = new Map(plan.projects.filter((p) => PROJECT_TYPE[p.type].createsSchool).map((p) => [p.name, newSchoolRef(p.id)]));
  // Stand-ins lie above every id of the plan, so they never name a stored project.
  const base = plan.projects.reduce((m, p) => Math.max(m, p.id), 0) + 1;
  const fileNew = new Map<string, string>();
  const pending = new Set<number>();
  const seen = new Map<string, number>();
  return entries.map((entry, i) => {
    const at = `第 ${i + 1} 个项目“${entry.name}”`;
    const fail = (code: 'NOT_FOUND' | 'INVALID_INPUT', message: string) => new AppError(code, `${at}：${message}`);
    const school = (v: string): string => {
      if (k.schools.has(v) || projectIdOfRef(v) !== null) return v;
      const named = schoolsByName.get(v) ?? [];
      if (named.length > 1) throw fail('INVALID_INPUT', `有 ${named.length} 所学校名为“${v}”，请改写学校标识码。`);
      const ref = named[0] ?? fileNew.get(v) ?? storedNew.get(v);
      if (!ref) throw fail('NOT_FOUND', `找不到名为“${v}”的学校，也没有同名的新建项目（接收学校须写在其新建项目之后）。`);
      return ref;
    };
    const township = (v: string): string => {
      const code = k.townships.has(v) ? v : townshipByName.get(v);
      if (!code) throw fail('NOT_FOUND', `找不到名为“${v}”的乡镇（街道）。`);
      return code;
    };
    const parsed = projectInputSchema.safeParse(
      {
        ...entry,
        school: entry.school === null ? null : school(entry.school),
        township: entry.township === null ? null : township(entry.township),
        receivers: entry.receivers.map((r) => ({ ...r, school: school(r.school) })),
      },
      { error: chineseIssues },
    );
    if (!parsed.success) {
      throw fail('INVALID_INPUT', parsed.error.issues.slice(0, 3).map((x) => (x.path.length ? `${x.path.join('.')}：${x.message}` : x.message)).join('；'));
    }
    const key = identity(parsed.data);
    const twin = seen.get(key);
    if (twin !== undefined) throw fail('INVALID_INPUT', `与第 ${twin + 1} 个项目的类型、名称和学校都相同，同一文件中只能写一次。`);
    seen.set(key, i);
    let project: Omit<PlanProject, 'id'>;
    try {
      project = prepare(parsed.data, plan, k, pending);
    } catch (err) {
      throw err instanceof AppError ? new AppError(err.code, `${at}：${err.message}`) : err;
    }
    const existing = stored.get(key) ?? null;
    let standIn: number | null = null;
    if (PROJECT_TYPE[parsed.data.type].createsSchool) {
      if (existing === null) {
        standIn = base + i;
        pending.add(standIn);
      }
      fileNew.set(parsed.data.name, newSchoolRef(existing ?? (standIn as number)));
    }
    return { project, existing, standIn };
  });
}

export async function importProjects(file: ProjectFile, input: ParsedInput<'plan.importProjects'>): Promise<ProjectImportResult> {
  const target = targetPlan(file, input.plan);
  const checked = check(input.projects, { ...target.plan, id: target.id ?? 0 }, known(file));
  if (target.id !== null && target.plan.projects.length > 0) await createBackup(file.db, file.path, `导入项目前`);
  const label = input.projects.length === 1 ? `导入项目“${input.projects[0]?.name}”` : `导入 ${input.projects.length} 个项目`;
  const ids = file.db.transaction(() => {
    const planId = target.id ?? insertNewPlan(file, target.plan);
    const real = new Map<number, number>();
    const own = (ref: string): string => {
      const id = projectIdOfRef(ref);
      const assigned = id === null ? undefined : real.get(id);
      return assigned === undefined ? ref : newSchoolRef(assigned);
    };
    const written: number[] = [];
    recordEdit(file, planId, label, () => {
      for (const c of checked) {
        const p = { ...c.project, school: c.project.school === null ? null : own(c.project.school), receivers: c.project.receivers.map((r) => ({ ...r, school: own(r.school) })) };
        if (c.existing !== null) {
          if (!updateProject(file.db, planId, c.existing, p)) throw new AppError('NOT_FOUND', '要更新的项目已不存在。');
          written.push(c.existing);
        } else {
          const id = insertProject(file.db, planId, p);
          if (c.standIn !== null) real.set(c.standIn, id);
          written.push(id);
        }
      }
    });
    return { planId, written };
  })();
  return {
    plan: getPlan(file, ids.planId),
    ids: ids.written,
    updated: checked.flatMap((c) => (c.existing === null ? [] : [c.existing])),
  };
}
