// A school file with students but no 班级数 and no 设计学位: every school's seats and classes are
// unknown, not zero. The evaluation estimates them (marked, with the method), so no phantom gap
// and no phantom new schools appear; 总览 does not call the county free of 大班额; annex 6
// marks the estimated seats.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { evaluationJson } from '../../electron/cli/plan';
import type { Overview, SchoolRow } from '../../shared/api';
import type { ImportResult } from '../../shared/import';
import type { PlanEvaluation } from '../../shared/plan/types';
import { resultOf } from '../helpers/backend';
import { xlsxOf } from '../helpers/import-files';
import { tempDir } from '../helpers/temp';

const GRADES = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'];

/** Six primary schools, four of them in the county town, 300–360 pupils a grade in town. */
function studentsOnlyFile(): Buffer {
  const header = ['学校标识码', '学校名称', '办学类型', '乡镇', ...GRADES.map((g) => `${g}学生数`)];
  const rows: (string | number)[][] = [];
  const town = ['城关第一小学', '城关第二小学', '城关第三小学', '城关第四小学'];
  town.forEach((name, i) => rows.push([`99099900${10 + i}`, name, '小学', '城关镇', ...GRADES.map((_, g) => 300 + 10 * g + i)]));
  rows.push(['9909990020', '青山乡中心小学', '小学', '青山乡', ...GRADES.map(() => 40)]);
  rows.push(['9909990021', '青山乡二小', '小学', '青山乡', ...GRADES.map(() => 25)]);
  return xlsxOf([['2025年小学学生数'], header, ...rows]);
}

let backend: Backend;
let dir: string;
let imported: ImportResult;

beforeAll(async () => {
  dir = tempDir('csp-missing-');
  backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'cli' });
  await resultOf(backend.dispatch('project.create', { path: path.join(dir, '小河县.csplan'), name: '小河县', countyCode: '990999' }));
  const file = path.join(dir, '2025年小学学生数.xlsx');
  fs.writeFileSync(file, studentsOnlyFile());
  imported = await resultOf<ImportResult>(
    backend.dispatch('import.run', { path: file, kind: 'schools', year: 2025, createTownships: true, acceptWarnings: true }),
  );
}, 120_000);
afterAll(() => backend.close());

describe('a school file without classes or design seats', () => {
  it('imports every school and warns which lack classes and design seats', () => {
    expect(imported.ok, JSON.stringify(imported.issues.slice(0, 5))).toBe(true);
    expect(imported.rowsImported).toBe(6);
    const warning = imported.issues.find((i) => i.code === 'CAPACITY_UNKNOWN');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toMatch(/^6 所学校有在校生，但表中没有班级数和设计学位数（城关第一小学、城关第二小学、城关第三小学、城关第四小学、青山乡中心小学、青山乡二小）。这些数据按“未知”记录，不按 0 计/);
  });

  it('gives no phantom seat gap and suggests no new school; the estimates are marked with their method', async () => {
    const ev = await resultOf<PlanEvaluation>(backend.dispatch('plan.evaluate', {}));
    expect(ev.capacityEstimates.map((e) => e.code).sort()).toEqual(['9909990010', '9909990011', '9909990012', '9909990013', '9909990020', '9909990021']);
    const first = ev.capacityEstimates.find((e) => e.code === '9909990010');
    // 1,950 pupils at 45 a class: 44 classes, 1,980 seats.
    expect(first).toMatchObject({ classes: 44, seats: 1980, method: '估算：在校生 ÷ 标准班额 得班级数，× 标准班额' });
    expect(ev.suggestions).toEqual([]);
    const base = ev.county.filter((r) => r.year === 2025);
    expect(base.length).toBeGreaterThan(0);
    for (const row of base) expect({ stage: row.stage, gap: row.gap <= 0, shortfall: row.shortfall }).toEqual({ stage: row.stage, gap: true, shortfall: 0 });
    expect(ev.gaps.filter((r) => r.shortfall > 0)).toEqual([]);
    expect(ev.warnings[0]).toMatchObject({ kind: 'estimated', level: 'orange' });
    // evaluate --json carries the same marks.
    const json = JSON.parse(JSON.stringify(evaluationJson(ev))) as ReturnType<typeof evaluationJson>;
    expect(json.capacityEstimates).toHaveLength(6);
    expect(json.schools.filter((s) => s.capacityEstimated).map((s) => s.code).sort()).toEqual(ev.capacityEstimates.map((e) => e.code).sort());
    expect(ev.warnings[0]?.message).toMatch(/^6 所学校（城关第一小学、.*）没有设计学位数和班级数，学位按在校生估算/);
  });

  it('shows the seats as estimated in the school list and never says the county has no 大班额', async () => {
    const rows = await resultOf<SchoolRow[]>(backend.dispatch('schools.list', {}));
    expect(rows.every((r) => r.capacitySource === 'students' && r.capacity >= r.students)).toBe(true);
    const overview = await resultOf<Overview>(backend.dispatch('overview.get', {}));
    expect(overview.largeClasses).toBe(0);
    expect(overview.schoolsWithoutClasses).toBe(6);
  });

  it('counts no 大班额 from the estimated classes: the plan’s 大班额 targets are unknown, not 0, in every year', async () => {
    const ev = await resultOf<PlanEvaluation>(backend.dispatch('plan.evaluate', {}));
    for (const key of ['large_classes', 'oversized_classes']) {
      const target = ev.targets.find((x) => x.key === key);
      expect({ key, base: target?.base, projected: target?.projected, met: target?.met, series: target?.series.every((v) => v === null) }).toEqual({ key, base: null, projected: null, met: null, series: true });
    }
    for (const c of ev.classes) expect({ year: c.year, large: c.large, unknown: c.unknown }).toEqual({ year: c.year, large: 0, unknown: 6 });
  });

  it('gives 总览 unknown, not 0, for the classes, the teachers and each township’s 大班额', async () => {
    const overview = await resultOf<Overview>(backend.dispatch('overview.get', {}));
    expect(overview.totals.students).toBeGreaterThan(0);
    expect(overview.totals.classes).toBeNull();
    expect(overview.totals.teachers).toBeNull();
    expect(overview.townships.map((t) => [t.name, t.largeClasses])).toEqual(overview.townships.map((t) => [t.name, null]));
  });

  it('marks the estimated seats in annex 6', async () => {
    const { html } = await resultOf<{ html: string }>(backend.dispatch('annex.preview', { annexes: [{ kind: 'schools' }] }));
    expect(html).toContain('学位为估算（无设计学位和班级数，按在校生÷标准班额）');
    expect(html).toContain('其中6所学校既无设计学位也无班级数，学位为估算');
  });
});
