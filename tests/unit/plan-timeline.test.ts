// Capacity and demand year by year under builds, an expansion, a closure, a conversion and a
// relocation, on the hand-made county (tests/fixtures/plan-county.ts). Numbers worked by hand.
import { describe, expect, it } from 'vitest';
import { evaluatePlan, newPlan, type Plan, type PlanEvaluation, type PlanProject } from '../../shared/plan';
import { J1, K3, M1, P1, P2, planContext, T2, TP } from '../fixtures/plan-county';
import { project } from '../fixtures/plan-projects';

function plan(projects: PlanProject[]): Plan {
  return { ...newPlan(2024, { targetYear: 2029, outlookYear: 2034 }), projects };
}

function school(ev: PlanEvaluation, code: string) {
  const s = ev.schools.find((x) => x.code === code);
  if (!s) throw new Error(`no school ${code}`);
  return s;
}

const at = (ev: PlanEvaluation, series: readonly unknown[], year: number) => series[ev.years.indexOf(year)];

function gap(ev: PlanEvaluation, area: string, stage: string, year: number) {
  return ev.gaps.find((g) => g.area === area && g.stage === stage && g.year === year);
}

describe('the county without projects', () => {
  const ev = evaluatePlan(planContext(), plan([]));

  it('evaluates every year from the base to the outlook', () => {
    expect(ev.years).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034]);
  });

  it('takes capacity from design seats, or classes × 45 without them', () => {
    expect(school(ev, P1).capacity.every((c) => c === 900)).toBe(true);
    expect(school(ev, TP).capacity[0]).toBe(135); // 3 classes × 45
  });

  it('sums seats and demand by area: 城区 primary 1,400 pupils for 1,350 seats is red', () => {
    // P1 1,100 + M1 300 against 900 + 450.
    expect(gap(ev, '城区片区', 'primary', 2024)).toMatchObject({ demand: 1400, capacity: 1350, gap: 50, classGap: 2, level: 'red', shortfall: 200 });
    // P2 200 + TP 30 against 540 + 135: 34 % use.
    expect(gap(ev, '东部片区', 'primary', 2030)).toMatchObject({ demand: 230, capacity: 675, gap: -445, classGap: -9, level: 'blue' });
  });

  it('says where and from when seats are short', () => {
    expect(ev.warnings.map((w) => w.message)).toContain('城关第一小学 2024 年起学位缺口 200 个');
  });
});

describe('a new school, an expansion and a closure', () => {
  const projects = [
    project({ id: 1, type: '新建', name: '城关第二小学', kind: 'primary', township: T2, classes: 12, seats: 540, completionYear: 2027 }),
    project({ id: 2, type: '改扩建', school: J1, stage: 'junior', classes: 6, seats: 300, completionYear: 2026 }),
    project({ id: 3, type: '撤并', school: P2, completionYear: 2028, receivers: [{ school: P1, share: 0.75 }, { school: 'new:1', share: 0.25 }] }),
  ];
  const ev = evaluatePlan(planContext(), plan(projects));

  it('changes capacity from each completion year on', () => {
    expect(school(ev, 'new:1').capacity).toEqual([0, 0, 0, 540, 540, 540, 540, 540, 540, 540, 540]);
    expect(school(ev, J1).capacity).toEqual([1000, 1000, 1300, 1300, 1300, 1300, 1300, 1300, 1300, 1300, 1300]);
    expect(school(ev, P2).capacity).toEqual([540, 540, 540, 540, 0, 0, 0, 0, 0, 0, 0]);
    expect(school(ev, P2).closedFrom).toBe(2028);
    expect(school(ev, 'new:1').openFrom).toBe(2027);
  });

  it('fills the new school with what the full schools of its area cannot seat, then to its share by seats', () => {
    // 2027: P1 has 200 pupils above its 900 seats; the new school takes them. Its share by
    // seats of the area's 1,400 pupils is 1,400 × 540 / (900 + 450 + 540) = 400, so it takes
    // 200 more from P1 (900) and M1 (300) in proportion: P1 − 150 = 750, M1 − 50 = 250.
    // (Before the seat share it kept only the overflow: P1 900, new 200, M1 300.)
    expect(at(ev, school(ev, P1).demand, 2026)).toBe(1100);
    expect(at(ev, school(ev, P1).demand, 2027)).toBe(750);
    expect(at(ev, school(ev, 'new:1').demand, 2027)).toBe(400);
    expect(at(ev, school(ev, M1).demand, 2027)).toBe(250);
  });

  it("moves the closed school's pupils to its receivers by their shares, then relieves again", () => {
    // Each year starts from the projected demand. 2028: P2's 200 → P1 +150, new +50 →
    // P1 1,250, new 50; the new school then takes P1's 350 above its seats: P1 900, new 400;
    // its share by seats is 1,600 × 540 / 1,890 = 457.1, so 57.1 more from P1 (900) and M1
    // (300) in proportion: P1 857.1 → 857, M1 285.7 → 286, new 457. (Before: P1 900, new 400.)
    expect(at(ev, school(ev, P1).demand, 2028)).toBe(857);
    expect(at(ev, school(ev, M1).demand, 2028)).toBe(286);
    expect(at(ev, school(ev, 'new:1').demand, 2028)).toBe(457);
    expect(at(ev, school(ev, P2).demand, 2028)).toBe(0);
    expect(at(ev, school(ev, 'new:1').level, 2028)).toBe('green'); // 85 % (74 % before)
    expect(gap(ev, '城区片区', 'primary', 2028)).toMatchObject({ demand: 1600, capacity: 1890, level: 'green' });
    expect(gap(ev, '东部片区', 'primary', 2028)).toMatchObject({ demand: 30, capacity: 135 });
  });

  it('keeps the county demand of every stage unchanged', () => {
    for (const year of ev.years) {
      expect(ev.county.find((c) => c.stage === 'primary' && c.year === year)?.demand).toBe(1630);
    }
  });

  it('words the shortage and its relief, and the new school no longer standing part empty', () => {
    const messages = ev.warnings.map((w) => w.message);
    expect(messages).toContain('城关第一小学 2024 年起学位缺口 200 个，2027 年起缓解');
    // 400 of 540 seats (74 %) in its first year by its seat share; with the overflow only it
    // was 200 of 540 and warned 建成后利用率仅 37%.
    expect(messages.filter((m) => m.startsWith('新建城关第二小学'))).toEqual([]);
  });

  it('reports the projects as applied, with the seats a closure removes', () => {
    const closure = ev.projects.find((p) => p.id === 3);
    expect(closure).toMatchObject({ applied: true, seats: -540, schoolName: '青山乡中心小学', area: '东部片区' });
    expect(closure?.receivers.map((r) => r.name)).toEqual(['城关第一小学', '城关第二小学']);
    // 400 / 540 = 0.741 (0.37 with the overflow only).
    expect(ev.projects.find((p) => p.id === 1)?.utilisation.slice(0, 4)).toEqual([null, null, null, 0.741]);
  });

  it('leaves a 暂缓 project out', () => {
    const paused = evaluatePlan(planContext(), plan([{ ...(projects[0] as PlanProject), status: '暂缓' }]));
    expect(paused.schools.find((s) => s.code === 'new:1')).toBeUndefined();
    expect(paused.projects[0]).toMatchObject({ applied: false, issue: '暂缓实施，未计入测算' });
  });
});

describe('a new school too small for the pupils a closure brings', () => {
  const projects = [
    project({ id: 1, type: '新建', name: '城关第二小学', kind: 'primary', township: T2, classes: 6, seats: 270, completionYear: 2027 }),
    project({ id: 2, type: '撤并', school: P2, completionYear: 2028, receivers: [{ school: P1, share: 1 }] }),
  ];
  const ev = evaluatePlan(planContext(), plan(projects));

  it('words the shortage returning', () => {
    // 2028: P1 1,100 + 200 = 1,300, 400 above its seats; the new school takes 270: P1 1,030.
    expect(at(ev, school(ev, P1).demand, 2028)).toBe(1030);
    expect(ev.warnings.map((w) => w.message)).toContain('城关第一小学 2024 年起学位缺口 200 个，2027 年起缓解，2028 年起再次缺口 130 个');
  });
});

describe('a closure whose receiver is not yet built', () => {
  const projects = [
    project({ id: 1, type: '新建', name: '城关第二小学', kind: 'primary', township: T2, classes: 12, seats: 540, completionYear: 2030 }),
    project({ id: 2, type: '撤并', school: P2, completionYear: 2028, receivers: [{ school: 'new:1', share: 1 }] }),
  ];
  const ev = evaluatePlan(planContext(), plan(projects));

  it('keeps the pupils counted at the closed school and says so', () => {
    expect(at(ev, school(ev, P2).demand, 2028)).toBe(200);
    expect(at(ev, school(ev, P2).level, 2028)).toBe('red');
    expect(ev.warnings[0]?.message).toBe('撤并青山乡中心小学后，2028 年有 200 名小学学生没有接收学校（接收学校尚未建成或不设该学段）');
    // From 2030 the new school receives them.
    expect(at(ev, school(ev, 'new:1').demand, 2030)).toBeGreaterThanOrEqual(200);
  });
});

describe('a conversion and a relocation', () => {
  const projects = [
    project({ id: 1, type: '转型', school: P2, kind: 'kindergarten', classes: 3, seats: 90, completionYear: 2028, receivers: [{ school: TP, share: 1 }] }),
    project({ id: 2, type: '迁建', school: J1, township: T2, classes: 30, seats: 1500, completionYear: 2029 }),
  ];
  const ev = evaluatePlan(planContext(), plan(projects));

  it('sends the pupils of the stage a converted school no longer teaches to its receivers', () => {
    expect(at(ev, school(ev, TP).demand, 2027)).toBe(30);
    expect(at(ev, school(ev, TP).demand, 2028)).toBe(230);
    expect(at(ev, school(ev, TP).level, 2028)).toBe('red'); // 230 pupils, 135 seats
    expect(school(ev, P2).kind).toBe('kindergarten');
    expect(at(ev, school(ev, P2).capacity, 2027)).toBe(540);
    expect(at(ev, school(ev, P2).capacity, 2028)).toBe(90);
    // The area's kindergartens are not full (K3: 40 of 90); the new kindergarten takes its
    // share by seats, 40 × 90 / (90 + 90) = 20, from K3 (before the seat share: K3 40, P2 0).
    expect(at(ev, school(ev, K3).demand, 2028)).toBe(20);
    expect(at(ev, school(ev, P2).demand, 2028)).toBe(20);
  });

  it('moves a relocated school to its new township with its new seats', () => {
    expect(at(ev, school(ev, J1).capacity, 2028)).toBe(1000);
    expect(at(ev, school(ev, J1).capacity, 2029)).toBe(1500);
    expect(school(ev, J1).township).toBe(T2);
    expect(ev.townships.find((t) => t.township === T2 && t.stage === 'junior' && t.year === 2029)).toMatchObject({ demand: 900, capacity: 1500 });
    expect(ev.townships.find((t) => t.township === T2 && t.stage === 'junior' && t.year === 2028)).toBeUndefined();
  });
});
