// The categories plans name, as targets a plan can carry: 乡村小规模学校 (fewer than 100 pupils,
// 国办发〔2018〕27号), 教学点 and 寄宿制学校, counted on the hand-made county.
import { describe, expect, it } from 'vitest';
import { evaluatePlan, newPlan, targetDef, targetFromDef, type Plan, type PlanProject } from '../../shared/plan';
import { P2, planContext, planCounty, TP } from '../fixtures/plan-county';
import { project } from '../fixtures/plan-projects';

const KEYS = ['small_rural_schools', 'teaching_points', 'boarding_schools'] as const;

function plan(projects: PlanProject[] = []): Plan {
  const defs = KEYS.map((k) => targetDef(k));
  return { ...newPlan(2024, { targetYear: 2029, outlookYear: 2034 }), targets: defs.map((d) => targetFromDef(d as NonNullable<typeof d>)), projects };
}

const series = (ev: ReturnType<typeof evaluatePlan>, key: string) => ev.targets.find((t) => t.key === key)?.series.slice(0, 6);

describe('plan categories', () => {
  it('counts the rural small school and the teaching point, and no boarding school without boarders', () => {
    // 青山乡 is 乡村: 青山乡王庄教学点 has 30 pupils (small), 青山乡中心小学 200 (not); the others are 城区.
    const ev = evaluatePlan(planContext(), plan());
    expect(series(ev, 'small_rural_schools')).toEqual([1, 1, 1, 1, 1, 1]);
    expect(series(ev, 'teaching_points')).toEqual([1, 1, 1, 1, 1, 1]);
    expect(series(ev, 'boarding_schools')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(ev.targets.find((t) => t.key === 'small_rural_schools')?.note).toContain('国办发〔2018〕27号');
  });

  it('stops counting a teaching point once it is closed, and counts schools that board pupils', () => {
    const county = planCounty();
    county.schools = county.schools.map((s) => (s.code === P2 ? { ...s, boardingStudents: 60 } : s));
    const closure = project({ id: 1, type: '撤并', name: '王庄教学点撤并', school: TP, completionYear: 2027, receivers: [{ school: P2, share: 1 }] });
    const ev = evaluatePlan(planContext(undefined, county), plan([closure]));
    // 2024–2026 open; closed from 2027.
    expect(series(ev, 'small_rural_schools')).toEqual([1, 1, 1, 0, 0, 0]);
    expect(series(ev, 'teaching_points')).toEqual([1, 1, 1, 0, 0, 0]);
    // 青山乡中心小学 boards 60 pupils: one boarding school in every year.
    expect(series(ev, 'boarding_schools')).toEqual([1, 1, 1, 1, 1, 1]);
  });
});
