// The sample county as a new user opens it: a stored 十五五 plan worked out from the sample's
// own figures. It must hold every kind of project a county plan has, close every seat gap a
// project begun after the base year can reach, meet its targets or say in its own warnings
// which it misses, print in the annexes, be the same every time, and come back on reset.
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import type { AnnexExportResult } from '../../shared/annex';
import type { PlanDetail, PlanEvaluation, PlanSummary } from '../../shared/plan';
import { resultOf } from '../helpers/backend';
import { tempDir } from '../helpers/temp';

let backend: Backend;
let plan: PlanDetail;
let ev: PlanEvaluation;
const ok = <T>(method: string, input: unknown = {}) => resultOf<T>(backend.dispatch(method, input));

beforeAll(async () => {
  backend = createBackend({ dataDir: path.join(tempDir('csp-worked-plan-'), 'data'), shell: 'cli' });
  await ok('project.openSample');
  const plans = await ok<PlanSummary[]>('plan.list');
  expect(plans.map((p) => p.name)).toEqual(['十五五']);
  plan = await ok<PlanDetail>('plan.get', { plan: plans[0]!.id });
  ev = await ok<PlanEvaluation>('plan.evaluate', { plan: plan.id });
}, 120_000);
afterAll(() => backend?.close());

describe('the sample county’s worked plan', () => {
  it('holds 撤并 with receivers, 转型, 改扩建 before 新建, works and optional targets', () => {
    const types = new Set(plan.projects.map((p) => p.type));
    for (const t of ['撤并', '转型', '改扩建', '新建', '改薄', '寄宿', '运动场', '资源教室']) expect(types, t).toContain(t);
    for (const p of plan.projects.filter((x) => x.type === '撤并' || x.type === '转型')) {
      expect(p.receivers.length, p.name).toBeGreaterThan(0);
      expect(p.receivers.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 5);
    }
    // Every project starts after the base year and ends no earlier than it starts.
    for (const p of plan.projects) {
      expect(p.startYear, p.name).toBeGreaterThanOrEqual(plan.baseYear + 1);
      expect(p.completionYear, p.name).toBeGreaterThanOrEqual(p.startYear);
      expect(p.completionYear, p.name).toBeLessThanOrEqual(plan.targetYear);
    }
    // Per area and stage, existing schools are extended before any new school is added.
    for (const stage of ['primary', 'junior', 'senior'] as const) {
      const ids = plan.projects.filter((p) => p.stage === stage || (p.type === '新建' && p.kind === stage));
      const firstNew = ids.findIndex((p) => p.type === '新建');
      if (firstNew > 0) expect(ids.slice(0, firstNew).every((p) => p.type === '改扩建')).toBe(true);
    }
    const keys = plan.targets.map((t) => t.key);
    for (const k of ['new_public_seats', 'new_compulsory_schools', 'boarding_schools', 'teaching_points']) expect(keys).toContain(k);
  });

  it('closes every red seat gap from the first year a new building can be ready to the target year', () => {
    const ready = plan.baseYear + 1 + plan.settings.constructionYears;
    const red = ev.gaps.filter((g) => g.level === 'red' && g.year >= ready && g.year <= plan.targetYear);
    expect(red).toEqual([]);
    // Before then the gaps stay, and the plan's warnings say when they ease.
    const early = ev.gaps.filter((g) => g.level === 'red' && g.year < ready);
    expect(early.length).toBeGreaterThan(0);
    for (const g of early) {
      expect(ev.warnings.some((w) => w.message.includes(g.area) && w.message.includes(`${ready} 年起缓解`)), `${g.area}${g.stage}`).toBe(true);
    }
  });

  it('meets its targets, or names each binding one it misses in its own warnings', () => {
    const missed = ev.targets.filter((t) => t.met === false);
    // What building cannot reach: the 优质均衡 indicators, one county-town school over the size
    // limit, the disabled-children rate (no registered figure), rural schools in groups.
    expect(missed.map((t) => t.key).sort()).toEqual(
      ['balance_junior_cv', 'balance_junior_schools', 'balance_primary_cv', 'balance_primary_schools', 'disabled_enrolment_rate', 'oversize_schools', 'rural_schools_in_groups'].sort(),
    );
    for (const t of missed.filter((x) => x.attribute === '约束性')) {
      expect(ev.warnings.some((w) => w.message.includes(`约束性指标“${t.name}”`)), t.name).toBe(true);
    }
    // The plan's own targets for what it builds are met, and the 大班额 are gone by the target year.
    for (const k of ['new_public_seats', 'new_compulsory_schools', 'boarding_schools', 'teaching_points', 'large_classes', 'oversized_classes', 'senior_large_classes', 'resource_room_coverage']) {
      expect(ev.targets.find((t) => t.key === k)?.met, k).toBe(true);
    }
    expect(ev.targets.find((t) => t.key === 'teaching_points')?.projected).toBeLessThan(ev.targets.find((t) => t.key === 'teaching_points')?.base ?? 0);
  });

  it('prints its projects in 附件4, its closures in 附件5 and its schools’ actions in 附件10', async () => {
    const xlsx = await ok<AnnexExportResult>('annex.export', { format: 'xlsx', annexes: [{ kind: 'projects' }, { kind: 'adjustments' }, { kind: 'planned-schools' }] });
    const book = XLSX.read(Buffer.from(xlsx.base64 ?? '', 'base64'));
    const text = (name: string) => XLSX.utils.sheet_to_csv(book.Sheets[name] as XLSX.WorkSheet);
    const [projects, adjustments, schools] = book.SheetNames.map(text);
    for (const p of plan.projects.filter((x) => x.type === '新建' || x.type === '改扩建')) expect(projects, p.name).toContain(p.name);
    for (const p of plan.projects.filter((x) => x.type === '撤并' || x.type === '转型')) {
      const name = ev.schools.find((s) => s.code === p.school)?.name ?? '?';
      expect(adjustments, name).toContain(name);
    }
    for (const action of ['新建', '扩建', '撤并', '转型', '保留']) expect(schools).toContain(action);
  });

  it('is the same plan every time, and 重置示例县 brings it back', async () => {
    await ok('plan.delete', { plan: plan.id });
    expect(await ok<PlanSummary[]>('plan.list')).toEqual([]);
    await ok('project.openSample', { reset: true });
    const [again] = await ok<PlanSummary[]>('plan.list');
    const restored = await ok<PlanDetail>('plan.get', { plan: again!.id });
    expect(restored.projects).toEqual(plan.projects);
    expect(restored.targets).toEqual(plan.targets);
    expect(restored.settings).toEqual(plan.settings);
  });
});
