// The counts a planner reads in several places agree on the sample county once every build and
// layout proposal is adopted: the 规划 summary's projects and investment (planHeadline, also in
// `evaluate --json`), the rows of 附件4 and 附件5, the proposals waiting, and the investment parts.
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import type { AnnexExportResult } from '../../shared/annex';
import { isAdjustment, isConstruction, planHeadline, type PlanDetail, type PlanEvaluation } from '../../shared/plan';
import { openSampleCounty, resultOf } from '../helpers/backend';

let backend: Backend;
const ok = <T>(method: string, input: unknown) => resultOf<T>(backend.dispatch(method, input));

beforeAll(async () => {
  ({ backend } = await openSampleCounty('csp-plan-counts-'));
});
afterAll(() => backend?.close());

/** Data rows of a sheet: those whose first cell is a serial number. */
function dataRows(sheet: XLSX.WorkSheet | undefined): (string | number | null)[][] {
  const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(sheet ?? {}, { header: 1, defval: null });
  return rows.filter((r) => typeof r[0] === 'number');
}

describe('counts on the sample county with every proposal adopted', () => {
  it('agree between the summary, the annexes and the proposals', { timeout: 300_000 }, async () => {
    const created = await ok<PlanDetail>('plan.create', { name: '十五五' });
    const before = await ok<PlanEvaluation>('plan.evaluate', { plan: created.id });
    const head0 = planHeadline(before);
    expect(head0.projects).toBe(0);
    expect(head0.suggestedProjects).toBe(before.suggestions.flatMap((s) => s.projects).length);
    expect(head0.peakGap).toBeGreaterThanOrEqual(head0.targetGap);
    expect(before.layoutSuggestions.length).toBeGreaterThan(0);
    const projects = [...before.suggestions.flatMap((s) => s.projects), ...before.layoutSuggestions.map((s) => s.project)];
    await ok<PlanDetail>('plan.addProjects', { plan: created.id, projects });
    const ev = await ok<PlanEvaluation>('plan.evaluate', { plan: created.id });
    const head = planHeadline(ev);

    const applied = ev.projects.filter((p) => p.applied);
    expect(head.projects).toBe(applied.length);
    expect(head.projects).toBe(projects.length);
    const xlsx = await ok<AnnexExportResult>('annex.export', { plan: '十五五', format: 'xlsx', annexes: [{ kind: 'projects' }, { kind: 'adjustments' }] });
    const book = XLSX.read(Buffer.from(xlsx.base64 ?? '', 'base64'));
    const [annex4, annex5] = book.SheetNames.map((n) => book.Sheets[n]);
    const builds = applied.filter((p) => isConstruction(p.type));
    const changes = applied.filter((p) => isAdjustment(p.type));
    expect(dataRows(annex4)).toHaveLength(builds.length);
    expect(dataRows(annex5)).toHaveLength(changes.length);
    // Every project is a build or a layout change (迁建 is both): the two annexes list them all.
    expect(new Set([...builds, ...changes].map((p) => p.id)).size).toBe(head.projects);
    // 附件4's 总投资 column sums to the summary's investment of its builds.
    // 总投资 is the 10th column since 用地面积 has its own (it was the 9th, r[8]).
    const inv = dataRows(annex4).reduce((s, r) => s + Number(r[9] ?? 0), 0);
    expect(Math.round(inv * 10) / 10).toBe(Math.round(builds.reduce((s, p) => s + (p.investment ?? 0), 0) * 10) / 10);
    expect(head.investment).toBe(Math.round(applied.reduce((s, p) => s + (p.investment ?? 0), 0) * 10) / 10);
    // Proposals adopted as they stand: their investment is the sum of their parts.
    for (const p of builds) expect(p.investment).toBeCloseTo(p.investmentParts?.total ?? NaN, 1);
    // The small schools closed or converted are no longer proposed.
    expect(ev.layoutSuggestions).toEqual([]);
  });
});
