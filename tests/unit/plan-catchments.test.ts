// The plan evaluation with drawn catchments (划片): a school with villages drawn to it takes its
// area's students in the share its villages hold of the area's children; without catchments a
// new school fills by seats. On the hand-made county (tests/fixtures/plan-county.ts): 城区片区
// is T1 + T2 with P1 (1,100 / 900) and M1 (300 / 450); 东部片区 is T3 with P2 and TP.
import { describe, expect, it } from 'vitest';
import { evaluatePlan, newPlan, type EvaluationContext, type Plan, type PlanCatchments, type PlanProject } from '../../shared/plan';
import { M1, P1, P2, planContext, T1, T2, T3, TP } from '../fixtures/plan-county';
import { project } from '../fixtures/plan-projects';

function plan(projects: PlanProject[]): Plan {
  return { ...newPlan(2024, { targetYear: 2029, outlookYear: 2034 }), projects };
}

const newSchool = project({ id: 1, type: '新建', name: '城关第二小学', kind: 'primary', township: T2, classes: 12, seats: 540, completionYear: 2027 });

/** 1,000 primary-age children in 城区片区 (600 + 200 + 200) and 250 in 东部片区. */
function withCatchments(assignments: PlanCatchments['assignments'], planId = 0): EvaluationContext {
  const ctx = planContext();
  return {
    ...ctx,
    catchments: {
      plan: planId,
      year: 2024,
      villages: [
        { id: 'v1', township: T1, children: { primary: 600, junior: 300 } },
        { id: 'v2', township: T2, children: { primary: 200, junior: 100 } },
        { id: 'v3', township: T1, children: { primary: 200, junior: 100 } },
        { id: 'v4', township: T3, children: { primary: 250 } },
      ],
      assignments,
    },
  };
}

const at = (ev: ReturnType<typeof evaluatePlan>, code: string, year: number) => {
  const s = ev.schools.find((x) => x.code === code);
  if (!s) throw new Error(`no school ${code}`);
  return { demand: s.demand[ev.years.indexOf(year)], utilisation: s.utilisation[ev.years.indexOf(year)] };
};

describe('a new school with villages drawn to it', () => {
  const ev = evaluatePlan(withCatchments([{ stage: 'primary', village: 'v2', school: 'new:1' }]), plan([newSchool]));

  it('takes the share of the area its villages hold, the other schools giving in proportion', () => {
    // 2027: 1,400 pupils in 城区片区; v2 holds 200 of its 1,000 children: 1,400 × 0.2 = 280.
    // P1 and M1 keep (1,400 − 280) / 1,400 = 0.8 of theirs: 880 and 240.
    expect(at(ev, 'new:1', 2027)).toEqual({ demand: 280, utilisation: 0.519 });
    expect(at(ev, P1, 2027).demand).toBe(880);
    expect(at(ev, M1, 2027).demand).toBe(240);
    // Before it opens nothing moves.
    expect(at(ev, P1, 2026).demand).toBe(1100);
  });

  it('keeps the county demand and says which rule it used', () => {
    for (const year of ev.years) expect(ev.county.find((c) => c.stage === 'primary' && c.year === year)?.demand).toBe(1630);
    expect(ev.allocation).toMatchObject({ rule: 'catchments', catchmentStages: ['primary'], childrenYear: 2024 });
    expect(ev.allocation.text).toMatch(/^小学按规划划片分配学生：划入某校的村（社区）儿童数（2024 年）占所在片区儿童数的比例/);
  });

  it('grows with the villages drawn to it', () => {
    // v2 + v3: 400 of 1,000 children: 1,400 × 0.4 = 560 pupils for 540 seats (104 %).
    const more = evaluatePlan(withCatchments([
      { stage: 'primary', village: 'v2', school: 'new:1' },
      { stage: 'primary', village: 'v3', school: 'new:1' },
    ]), plan([newSchool]));
    expect(at(more, 'new:1', 2027)).toEqual({ demand: 560, utilisation: 1.037 });
    expect(at(more, P1, 2027).demand).toBe(660); // 1,100 × 840 / 1,400
  });

  it('ignores catchments fetched for another plan', () => {
    const other = evaluatePlan(withCatchments([{ stage: 'primary', village: 'v2', school: 'new:1' }], 7), plan([newSchool]));
    expect(other.allocation.rule).toBe('seats');
    expect(at(other, 'new:1', 2027).demand).toBe(400); // by seats: 1,400 × 540 / 1,890
  });
});

describe('drawn catchments of existing schools and a closure', () => {
  const closure = project({ id: 2, type: '撤并', school: TP, completionYear: 2028, receivers: [{ school: P2, share: 1 }] });

  it('gives a drawn existing school its share, and a closed school counts no more', () => {
    // 东部片区 2027: P2 200 + TP 30 = 230; TP's village v4 holds all 250 children: TP takes 230.
    const ev = evaluatePlan(withCatchments([{ stage: 'primary', village: 'v4', school: TP }]), plan([closure]));
    expect(at(ev, TP, 2027).demand).toBe(230);
    expect(at(ev, P2, 2027).demand).toBe(0);
    // 2028: TP is closed; its village no longer counts and its pupils go to P2: 230.
    expect(at(ev, TP, 2028).demand).toBe(0);
    expect(at(ev, P2, 2028).demand).toBe(230);
  });
});

describe('without catchments', () => {
  it('says the new schools fill by seats', () => {
    const ev = evaluatePlan(planContext(), plan([newSchool]));
    expect(ev.allocation).toMatchObject({ rule: 'seats', catchmentStages: [], childrenYear: null });
    expect(ev.allocation.text).toContain('按其学位数占片区学位总数的比例分担片区学生');
  });
});
