// 配套学校 of a housing development, computed by hand: pupils by 千人指标, whole classes, and the
// site from the urban or rural 生均用地 series; 预留 in 规划学校一览表 until a 新建 names it.
import { describe, expect, it } from 'vitest';
import { completedProjectsInput, plannedSchoolsInput } from '../../electron/backend/annex/planned-schools-source';
import { plannedSchoolsAnnex } from '../../shared/annex';
import { evaluatePlan, newPlan, schoolReservations, type Plan } from '../../shared/plan';
import { parseParams, type Development } from '../../shared/projection';
import { planContext, T1, T3 } from '../fixtures/plan-county';
import { project } from '../fixtures/plan-projects';

const params = parseParams({});
const dev = (over: Partial<Development>): Development => ({
  id: 1, name: '滨河新城', township: T1, dwellings: null, residents: 10_000, completionYear: 2027, scenario: null, reserveKind: 'primary', reserveSetting: null, ...over,
});
const plan: Plan = { ...newPlan(2024, { targetYear: 2029, outlookYear: 2034 }), name: '十五五' };
const urban = (code: string) => code === T1;

describe('配套学校 reservations', () => {
  it('sizes the school from the residents and 千人指标, and the site from the norm of where it stands', () => {
    // 10,000 residents × 84 小学 per 1,000 = 840 pupils → 19 classes of 45 = 855 seats.
    // 城区: 855 × 18 ㎡ = 15,390 ㎡; floor 855 × 8.3 (18-班 规划指标 row) = 7,097 ㎡.
    const [r] = schoolReservations([dev({})], params, plan, urban);
    expect(r).toMatchObject({ pupils: { primary: 840 }, classes: 19, seats: 855, siteArea: 15390, floorArea: 7097, urban: true, builtBy: null });
    // In 乡村 (or said 农村) the rural 23 ㎡: 19,665 ㎡.
    expect(schoolReservations([dev({ township: T3 })], params, plan, urban)[0]?.siteArea).toBe(19665);
    expect(schoolReservations([dev({ reserveSetting: '农村' })], params, plan, urban)[0]).toMatchObject({ urban: false, siteArea: 19665 });
    expect(schoolReservations([dev({ township: T3, reserveSetting: '城镇' })], params, plan, urban)[0]?.siteArea).toBe(15390);
  });

  it('sizes a 九年一贯制 by both stages and skips developments that reserve nothing', () => {
    // 3,200 dwellings × 3.2 = 10,240 residents: 小学 860 (20 classes, 900 seats), 初中 430 (9 classes, 450 seats).
    const [r] = schoolReservations([dev({ residents: null, dwellings: 3200, reserveKind: 'nine_year' }), dev({ id: 2, reserveKind: null })], params, plan, urban);
    expect(r).toMatchObject({ residents: 10240, pupils: { primary: 860, junior: 430 }, classes: 29, seats: 1350, siteArea: 1350 * 19 });
    expect(schoolReservations([dev({ reserveKind: null })], params, plan, urban)).toEqual([]);
  });

  it('is 预留 in 规划学校一览表 until a 新建 naming the development is built, and then the new school says where it stands', () => {
    const ev = evaluatePlan(planContext(), plan);
    const reservations = schoolReservations([dev({})], params, plan, urban);
    const input = plannedSchoolsInput(plan, ev, new Map(), new Set([T1]), { reservations, townshipName: () => '城关镇' });
    const row = input.schools.find((s) => s.action === '预留');
    expect(row).toMatchObject({ name: '滨河新城配套小学', township: '城关镇', classesPlanned: 19, seatsPlanned: 855, siteArea: 15390, siteNorm: 18, studentsPlanned: null });
    expect(row?.note).toContain('按千人指标需小学 840 人');
    // A reserved site is not a school at the target year: the total leaves it out, a note says why.
    const table = plannedSchoolsAnnex(input, { titlePrefix: '小河县', date: '2026年1月1日' });
    const total = table.table.rows.find((r) => r.kind === 'total')?.cells ?? [];
    expect(total[0]).toBe(`合计（规划年在办 ${ev.schools.filter((s) => s.closedFrom === null).length} 所）`);
    expect(table.notes.join('')).toContain('预留为新建住宅项目的配套学校用地');

    const built: Plan = {
      ...plan,
      projects: [project({ id: 7, type: '新建', name: '滨河小学', kind: 'primary', township: T1, classes: 18, seats: 810, development: 1, completionYear: 2027 })],
    };
    const ev2 = evaluatePlan(planContext(), built);
    const res2 = schoolReservations([dev({})], params, built, urban);
    expect(res2[0]?.builtBy).toMatchObject({ id: 7, completionYear: 2027 });
    const rows = plannedSchoolsInput(built, ev2, new Map(), new Set([T1]), { reservations: res2, townshipName: () => '城关镇' }).schools;
    expect(rows.some((s) => s.action === '预留')).toBe(false);
    expect(rows.find((s) => s.name === '滨河小学')).toMatchObject({ action: '新建', note: '建于滨河新城配套预留用地' });
    expect(completedProjectsInput(built, ev2).projects).toEqual([]);
  });
});
