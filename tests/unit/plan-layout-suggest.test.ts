// Layout proposals: a small school whose pupils keep falling goes to a school of its township
// that can seat them in every year from the year after the base year to the target year — as
// 撤并, or as 转型 into a kindergarten where its area is short of kindergarten seats.
import { describe, expect, it } from 'vitest';
import { evaluatePlan, flatDemand, newPlan, SMALL_SCHOOL_PUPILS, type Plan } from '../../shared/plan';
import { contextData, K3, M1, P2, planContext, planCounty, TP } from '../fixtures/plan-county';

const plan: Plan = newPlan(2024, { targetYear: 2029, outlookYear: 2034 });

function evaluate(preschool?: number) {
  const demand = flatDemand(contextData(), 2024, 2034, '中');
  const tp = demand.schools.find((x) => x.code === TP);
  // 青山乡王庄教学点: 30 pupils recorded in 2024, then 28, 26, … 20 in 2029.
  if (tp) tp.students = tp.students.map((_, i) => Math.max(10, 28 - 2 * i));
  const k3 = demand.schools.find((x) => x.code === K3);
  if (k3 && preschool !== undefined) k3.students = k3.students.map(() => preschool);
  return evaluatePlan(planContext(demand), plan);
}

describe('layout proposals', () => {
  it('proposes closing a small shrinking school into the township school that seats its pupils', () => {
    const ev = evaluate();
    expect(SMALL_SCHOOL_PUPILS).toBe(100);
    // 青山乡中心小学: 540 seats, 200 pupils each year → 340 spare, more than the 28 … 20 pupils.
    // The teaching point's 3 classes hold 3 × 45 = 135: 20 / 135 = 15 % in 2029.
    expect(ev.layoutSuggestions).toHaveLength(1);
    const [s] = ev.layoutSuggestions;
    expect(s).toMatchObject({ type: '撤并', school: TP, year: 2025, basePupils: 30, targetPupils: 20, receiver: P2, receiverSpare: 340 });
    expect(s?.project).toMatchObject({ type: '撤并', school: TP, completionYear: 2025, startYear: 2025, receivers: [{ school: P2, share: 1 }] });
    expect(s?.text).toBe(
      '青山乡王庄教学点在校生由 2024 年的 30 人减至 2029 年的 20 人（学位利用率 15%），同乡镇的青山乡中心小学在 2025—2029 年每年都能容纳其学生' +
        '（2029 年尚余 340 个学位），建议 2025 年起撤并、学生并入青山乡中心小学（未计算上学距离，请核实路程与交通）。',
    );
  });

  it('proposes a kindergarten instead where the area is short of kindergarten seats', () => {
    // 博雅幼儿园 (青山乡, 东部片区): 200 children for 90 seats.
    const ev = evaluate(200);
    const [s] = ev.layoutSuggestions;
    expect(s).toMatchObject({ type: '转型', school: TP, receiver: P2 });
    // 3 classes (its own count, at least 3) × 30 = 90 kindergarten seats.
    expect(s?.project).toMatchObject({ type: '转型', kind: 'kindergarten', classes: 3, seats: 90, completionYear: 2025 });
    expect(s?.text).toContain('所在片区幼儿园学位不足，建议 2025 年起改办 3 班幼儿园、小学生并入青山乡中心小学');
  });

  it('leaves a school alone once the plan closes it, and proposes nothing for a school that is not shrinking', () => {
    const ev = evaluate();
    const adopted = evaluatePlan(planContext(flatDemand(contextData(), 2024, 2034, '中')), plan);
    expect(adopted.layoutSuggestions).toEqual([]);
    const [s] = ev.layoutSuggestions;
    const demand = flatDemand(contextData(), 2024, 2034, '中');
    const tp = demand.schools.find((x) => x.code === TP);
    if (tp) tp.students = tp.students.map((_, i) => Math.max(10, 28 - 2 * i));
    const closed = evaluatePlan(planContext(demand), { ...plan, projects: [{ ...(s?.project as NonNullable<typeof s>['project']), id: 1, startYear: 2025 }] });
    expect(closed.layoutSuggestions).toEqual([]);
  });
});

describe('the added travel, where the schools have coordinates', () => {
  function placed(receiverLng: number, other: Record<string, [number, number]> = {}) {
    const c = planCounty();
    const at: Record<string, [number, number]> = { [TP]: [113.6, 34.7], [P2]: [receiverLng, 34.7], ...other };
    c.schools = c.schools.map((s) => (at[s.code] ? { ...s, lng: at[s.code]![0], lat: at[s.code]![1], ownership: '公办' as const } : s));
    const demand = flatDemand(contextData(c), 2024, 2034, '中');
    const tp = demand.schools.find((x) => x.code === TP);
    if (tp) tp.students = tp.students.map((_, i) => Math.max(10, 28 - 2 * i));
    return evaluatePlan(planContext(demand, c), plan).layoutSuggestions[0];
  }

  it('states the distance between the two schools against the 服务半径', () => {
    // 0.01° of longitude at 34.7° N: 2 × 6,371,008.8 m × asin(cos 34.7° × sin 0.005°) = 914.2 m
    // straight, × 路网系数 1.3 = 1,188.4 m; 青山乡 is 乡村: 小学 服务半径 2,500 m.
    const s = placed(113.61);
    expect(s?.travel).toBeCloseTo(1188.4, 0);
    expect(s?.serviceDistance).toBe(2500);
    expect(s?.text).toContain('（两校相距约 1.2 公里（直线距离 × 路网系数 1.3），学生上学路程相应增加，在服务半径 2.5 公里以内）。');
  });

  it('says when the receiver is beyond the 服务半径', () => {
    // 0.05°: 4,570.9 m straight × 1.3 = 5,942.2 m > 2,500 m; the same township's school is still the receiver.
    const s = placed(113.65);
    expect(s?.receiver).toBe(P2);
    expect(s?.travel).toBeCloseTo(5942.2, 0);
    expect(s?.text).toContain('两校相距约 5.9 公里（直线距离 × 路网系数 1.3），学生上学路程相应增加，超出服务半径 2.5 公里，需寄宿或校车接送');
  });

  it('prefers a school of another township within the 服务半径 to its own township’s school beyond it', () => {
    // 育英小学 (东城街道, here public): 450 seats, 300 pupils → 150 spare ≥ 28; 0.01° away =
    // 1,188.4 m ≤ 2,500 m, while 青山乡中心小学 is 5,942.2 m away.
    const s = placed(113.65, { [M1]: [113.59, 34.7] });
    expect(s?.receiver).toBe(M1);
    expect(s?.travel).toBeCloseTo(1188.4, 0);
    expect(s?.text).toContain('育英小学在 2025—2029 年每年都能容纳其学生');
    expect(s?.text).not.toContain('同乡镇的育英小学');
  });
});
