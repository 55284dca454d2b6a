// The sample county's teachers as the CLI and the 规划 page see them: the growing county town
// short of teachers (缺编), the shrinking townships with more than their pupils need (超编).
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import type { AnnexExportResult } from '../../shared/annex';
import type { TownshipRow } from '../../shared/api';
import type { PlanEvaluation } from '../../shared/plan';
import { openSampleCounty, resultOf } from '../helpers/backend';

let backend: Backend;
let ev: PlanEvaluation;
let town: Set<string>;

beforeAll(async () => {
  ({ backend } = await openSampleCounty('csp-teachers-'));
  ev = await resultOf<PlanEvaluation>(backend.dispatch('plan.evaluate', {}));
  const townships = await resultOf<TownshipRow[]>(backend.dispatch('townships.list', {}));
  town = new Set(townships.filter((t) => t.urbanRural === '城区').map((t) => t.code));
}, 120_000);
afterAll(() => backend?.close());

/** Gap over the teacher stages of a set of townships in a year (positive = 缺编). */
function gapOf(codes: (code: string) => boolean, yi: number): number {
  return ev.teachers.byTownship.filter((r) => codes(r.township)).reduce((s, r) => s + (r.gap[yi] as number), 0);
}

describe('sample county teachers', () => {
  it('has staff for its base year and series aligned with the years', () => {
    expect(ev.teachers.staffYear).toBe(ev.plan.baseYear);
    expect(ev.teachers.years).toEqual(ev.years);
    for (const s of ev.teachers.stages) expect(ev.teachers.byStage[s]?.gap).toHaveLength(ev.years.length);
  });

  it('the county town is short of teachers in the base year and in the target year', () => {
    const target = ev.plan.targetYear - ev.plan.baseYear;
    expect(town.size).toBeGreaterThan(0);
    expect(gapOf((c) => town.has(c), 0)).toBeGreaterThan(50);
    expect(gapOf((c) => town.has(c), target)).toBeGreaterThan(100);
  });

  it('every rural township but at most one has a surplus', () => {
    const rural = [...new Set(ev.teachers.byTownship.map((r) => r.township))].filter((c) => !town.has(c));
    const surplus = rural.filter((c) => gapOf((x) => x === c, 0) < 0);
    expect(rural.length).toBeGreaterThan(5);
    expect(surplus.length).toBeGreaterThanOrEqual(rural.length - 1);
  });
});

describe('附件 教师需求测算表', () => {
  it('prints the county and township figures the evaluation gives, per stage and year', async () => {
    await resultOf(backend.dispatch('plan.create', { name: '十五五' }));
    const out = await resultOf<AnnexExportResult>(backend.dispatch('annex.export', { plan: '十五五', format: 'xlsx', annexes: [{ kind: 'teachers' }] }));
    const sheet = XLSX.read(Buffer.from(out.base64 ?? '', 'base64')).Sheets['附件1'];
    const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(sheet ?? {}, { header: 1, defval: null });
    expect(String(rows.find((r) => String(r[0] ?? '').includes('教师需求测算表'))?.[0])).toContain('示例县教师需求测算表');
    const planEv = await resultOf<PlanEvaluation>(backend.dispatch('plan.evaluate', { name: '十五五' }));
    const t = planEv.plan.targetYear - planEv.plan.baseYear;
    const junior = planEv.teachers.byStage.junior;
    // The county's 初中 row comes first: base demand, supply, gap, then the target year's.
    const countyJunior = rows.find((r) => r[0] === '初中');
    expect(countyJunior?.slice(1, 7)).toEqual([junior?.demand[0], junior?.supply[0], junior?.gap[0], junior?.demand[t], junior?.supply[t], junior?.gap[t]]);
    const west = rows.findIndex((r) => String(r[0] ?? '').includes('西城街道'));
    const westJunior = planEv.teachers.byTownship.find((r) => r.townshipName === '西城街道' && r.stage === 'junior');
    const row = rows.slice(west).find((r) => r[0] === '初中');
    expect(row?.[6]).toBe(westJunior?.gap[t]);
    expect(westJunior?.gap[t]).toBeGreaterThan(0);
  });
});
