// Special education, 随迁子女 and school-group targets, worked out by hand on the plan county
// (tests/fixtures/plan-county.ts: P1, J1, M1 in 城区; P2 and the 教学点 TP in 乡村 青山乡).
import { describe, expect, it } from 'vitest';
import type { MigrantRecord, SchoolGroup, SpecialNeedsRecord } from '../../shared/domain';
import { evaluatePlan, newPlan, targetDef, targetFromDef, type EvaluationContext, type Plan } from '../../shared/plan';
import { J1, M1, P1, P2, planContext, TP } from '../fixtures/plan-county';
import { project } from '../fixtures/plan-projects';

const KEYS = ['disabled_enrolment_rate', 'resource_room_coverage', 'migrant_public_share', 'rural_schools_in_groups', 'school_groups'] as const;

function plan(registered: number | null = 20): Plan {
  const p = newPlan(2024, { targetYear: 2029, outlookYear: 2034 });
  const targets = KEYS.map((k) => targetFromDef(targetDef(k)!));
  return { ...p, targets, settings: { ...p.settings, inclusion: { ...p.settings.inclusion, registeredDisabledChildren: registered } } };
}

const NEEDS: SpecialNeedsRecord[] = [
  // 8 + 0 + 2 = 10 pupils, 8 in school (≥ 5): needs a room and has one.
  { school: P1, year: 2024, inclusive: 8, specialClass: 0, homeTaught: 2, resourceRooms: 1 },
  // 5 in school: needs a room, has none.
  { school: J1, year: 2024, inclusive: 5, specialClass: null, homeTaught: null, resourceRooms: 0 },
  // 3 + 1 = 4 pupils; 3 in school, below 5: not counted in the coverage, rooms unknown does not matter.
  { school: P2, year: 2024, inclusive: 3, specialClass: null, homeTaught: 1, resourceRooms: null },
];
const MIGRANTS: MigrantRecord[] = [
  { school: P1, year: 2024, pupils: 200, purchased: null },
  // 民办: only the 40 government-bought places count as public.
  { school: M1, year: 2024, pupils: 100, purchased: 40 },
];
const GROUPS: SchoolGroup[] = [
  { name: '城关教育集团', kind: '教育集团', core: P1, members: [P2], yearFormed: 2022 },
  { name: '青山共同体', kind: '共同体', core: P2, members: [TP], yearFormed: 2027 },
];

function context(over: Partial<NonNullable<EvaluationContext['inclusion']>> = {}): EvaluationContext {
  return { ...planContext(), inclusion: { specialNeeds: NEEDS, migrants: MIGRANTS, groups: GROUPS, ...over } };
}

const target = (ev: ReturnType<typeof evaluatePlan>, key: string) => ev.targets.find((t) => t.key === key)!;
const series = (ev: ReturnType<typeof evaluatePlan>, key: string) => target(ev, key).series.slice(0, 6);

describe('special education, migrant and group targets', () => {
  it('computes each indicator by hand and holds the pupil figures over the projected years', () => {
    const ev = evaluatePlan(context(), plan());
    // (10 + 5 + 4) ÷ 20 = 95.0 %, below the national 97 %.
    expect(series(ev, 'disabled_enrolment_rate')).toEqual([95, 95, 95, 95, 95, 95]);
    expect(target(ev, 'disabled_enrolment_rate')).toMatchObject({ base: 95, projected: 95, met: false, target: 97 });
    expect(target(ev, 'disabled_enrolment_rate').note).toContain('国办发〔2021〕60号');
    expect(target(ev, 'disabled_enrolment_rate').note).toContain('预测年份沿用基准年');
    // 1 of the 2 schools with ≥ 5 pupils has a room.
    expect(target(ev, 'resource_room_coverage')).toMatchObject({ base: 50, projected: 50, met: false });
    expect(target(ev, 'resource_room_coverage').note).toContain('教基二厅〔2016〕1号');
    // (200 + 40) ÷ 300 = 80.0 %.
    expect(target(ev, 'migrant_public_share')).toMatchObject({ base: 80, projected: 80, met: false, target: 85 });
    // Rural compulsory schools P2 and TP: P2 is a member from 2022; TP joins with the 2027 共同体.
    expect(series(ev, 'rural_schools_in_groups')).toEqual([50, 50, 50, 100, 100, 100]);
    expect(series(ev, 'school_groups')).toEqual([1, 1, 1, 2, 2, 2]);
    expect(target(ev, 'school_groups')).toMatchObject({ base: 1, projected: 2, met: true });
  });

  it('shows the rate as missing, never 0, without the registered children or the pupil records', () => {
    const noCount = evaluatePlan(context(), plan(null));
    expect(target(noCount, 'disabled_enrolment_rate')).toMatchObject({ base: null, projected: null, met: null });
    expect(target(noCount, 'disabled_enrolment_rate').note).toContain('适龄残疾儿童少年数');
    const noRecords = evaluatePlan(context({ specialNeeds: [], migrants: [] }), plan());
    for (const key of ['disabled_enrolment_rate', 'resource_room_coverage', 'migrant_public_share']) {
      expect(target(noRecords, key), key).toMatchObject({ base: null, projected: null, met: null });
    }
  });

  it('leaves the coverage unknown when a qualifying school has not said whether it has a room', () => {
    const needs = NEEDS.map((r) => (r.school === J1 ? { ...r, resourceRooms: null } : r));
    const ev = evaluatePlan(context({ specialNeeds: needs }), plan());
    expect(target(ev, 'resource_room_coverage')).toMatchObject({ base: null, projected: null });
    // With a room there, both qualifying schools have one.
    const full = evaluatePlan(context({ specialNeeds: NEEDS.map((r) => (r.school === J1 ? { ...r, resourceRooms: 1 } : r)) }), plan());
    expect(target(full, 'resource_room_coverage')).toMatchObject({ base: 100, met: true });
  });

  it('uses the plan setting for the pupils a school needs before it needs a room', () => {
    const p = plan();
    const ev = evaluatePlan(context(), { ...p, settings: { ...p.settings, inclusion: { ...p.settings.inclusion, resourceRoomMinPupils: 6 } } });
    // Only P1 (8) reaches 6, and it has a room.
    expect(target(ev, 'resource_room_coverage')).toMatchObject({ base: 100, projected: 100, met: true });
  });

  it('counts a group the plan forms or extends from the action’s completion year', () => {
    // Recorded: only 城关教育集团 (P1 with P2, since 2022). Rural compulsory schools: P2 and TP.
    const groups: SchoolGroup[] = [GROUPS[0] as SchoolGroup];
    const p = plan();
    const projects = [
      // Extends the recorded group with the rural 教学点 TP from 2026: 2 of 2 rural schools.
      project({ id: 1, type: '集团化办学', name: '城关教育集团扩容', school: P1, completionYear: 2026, schoolGroup: { name: '城关教育集团', kind: '教育集团', members: [TP] } }),
      // Forms a second group around J1 in 2028: 2 groups from then.
      project({ id: 2, type: '集团化办学', name: '城关初中共同体', school: J1, completionYear: 2028, schoolGroup: { name: '城关初中共同体', kind: '共同体', members: [M1] } }),
      // Deferred: counts nowhere.
      project({ id: 3, type: '集团化办学', name: '暂缓的学区', school: P2, completionYear: 2025, status: '暂缓', schoolGroup: { name: '青山学区', kind: '学区', members: [TP] } }),
    ];
    const ev = evaluatePlan(context({ groups }), { ...p, projects });
    // 2024–2029: P2 only (1 of 2 = 50 %), then P2 and TP (100 %).
    expect(series(ev, 'rural_schools_in_groups')).toEqual([50, 50, 100, 100, 100, 100]);
    expect(series(ev, 'school_groups')).toEqual([1, 1, 1, 1, 2, 2]);
    expect(target(ev, 'rural_schools_in_groups')).toMatchObject({ base: 50, projected: 100, met: true });
    expect(target(ev, 'school_groups')).toMatchObject({ base: 1, projected: 2 });
    expect(target(ev, 'school_groups').note).toContain('集团化办学项目自完成年份起计入');
  });

  it('forms a group from an action alone when the county records none', () => {
    const p = plan();
    const projects = [project({ id: 1, type: '集团化办学', name: '青山共同体', school: P2, completionYear: 2027, schoolGroup: { name: '青山共同体', kind: '共同体', members: [TP] } })];
    const ev = evaluatePlan(context({ groups: [] }), { ...p, projects });
    expect(series(ev, 'rural_schools_in_groups')).toEqual([0, 0, 0, 100, 100, 100]);
    expect(series(ev, 'school_groups')).toEqual([0, 0, 0, 1, 1, 1]);
  });
});
