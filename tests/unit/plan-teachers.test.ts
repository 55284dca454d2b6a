// 教师编制 on the hand-made county (tests/fixtures/plan-county.ts), every figure worked by hand:
// demand by the student ratio, the class ratio of 村小 and 教学点, kindergarten classes; supply
// carried forward with exits, recruits, closures and new schools.
import { describe, expect, it } from 'vitest';
import { defaultSettings, evaluatePlan, newPlan, postsNeeded, TARGET_CATALOG, targetFromDef, type Plan, type PlanProject, type PlanSettings } from '../../shared/plan';
import { STANDARDS } from '../../shared/standards';
import { H1, J1, K1, P1, P2, planContext, planCounty, T1, T2, T3, TP } from '../fixtures/plan-county';
import { project } from '../fixtures/plan-projects';

function plan(projects: PlanProject[] = [], settings: (s: PlanSettings) => void = () => {}): Plan {
  const p = { ...newPlan(2024, { targetYear: 2029, outlookYear: 2034 }), projects, targets: TARGET_CATALOG.map(targetFromDef) };
  settings(p.settings);
  return p;
}

const school = (ev: ReturnType<typeof evaluatePlan>, code: string, stage: string) => {
  const row = ev.teachers.schools.find((s) => s.code === code && s.stage === stage);
  if (!row) throw new Error(`no row ${code} ${stage}`);
  return row;
};
const township = (ev: ReturnType<typeof evaluatePlan>, code: string, stage: string) => ev.teachers.byTownship.find((r) => r.township === code && r.stage === stage);

describe('posts by the ratio rules', () => {
  const t = defaultSettings().teachers;

  it('小学 1:19, 初中 1:13.5, 高中 1:12.5, rounded up to whole posts', () => {
    expect(postsNeeded({ stage: 'primary', kind: 'primary', urbanRural: '城区', students: 1100, classes: 20 }, t)).toEqual({ posts: 58, rule: 'students' }); // 57.9
    expect(postsNeeded({ stage: 'junior', kind: 'junior', urbanRural: '城区', students: 900, classes: 18 }, t)).toEqual({ posts: 67, rule: 'students' }); // 66.7
    expect(postsNeeded({ stage: 'senior', kind: 'senior', urbanRural: '城区', students: 1200, classes: 24 }, t)).toEqual({ posts: 96, rule: 'students' }); // exactly 96
  });

  it('a 教学点 of 30 pupils in 3 classes: the class rule (3 × 1.5 = 4.5 → 5) beats the student rule (30 / 19 → 2)', () => {
    expect(postsNeeded({ stage: 'primary', kind: 'teaching_point', urbanRural: '乡村', students: 30, classes: 3 }, t)).toEqual({ posts: 5, rule: 'classes' });
  });

  it('a 村小 of 200 in 6 classes: 6 × 1.7 = 10.2 → 11 ties with 200 / 19 → 11, so the student rule stands', () => {
    expect(postsNeeded({ stage: 'primary', kind: 'primary', urbanRural: '乡村', students: 200, classes: 6 }, t)).toEqual({ posts: 11, rule: 'students' });
    // 120 pupils in 6 classes: 120 / 19 → 7, 6 × 1.7 → 11.
    expect(postsNeeded({ stage: 'primary', kind: 'primary', urbanRural: '乡村', students: 120, classes: 6 }, t)).toEqual({ posts: 11, rule: 'classes' });
  });

  it('the class rule is for 村小 and 教学点 only: a town primary of 120 in 6 classes gets 120 / 19 → 7', () => {
    expect(postsNeeded({ stage: 'primary', kind: 'primary', urbanRural: '镇区', students: 120, classes: 6 }, t)).toEqual({ posts: 7, rule: 'students' });
    expect(postsNeeded({ stage: 'junior', kind: 'nine_year', urbanRural: '乡村', students: 120, classes: 6 }, t)).toEqual({ posts: 9, rule: 'students' });
  });

  it('kindergartens: 2 专任教师 per class (两教一保), or the number set', () => {
    expect(postsNeeded({ stage: 'preschool', kind: 'kindergarten', urbanRural: '城区', students: 240, classes: 9 }, t)).toEqual({ posts: 18, rule: 'kindergarten' });
    expect(postsNeeded({ stage: 'preschool', kind: 'kindergarten', urbanRural: '城区', students: 240, classes: 9 }, { ...t, kindergartenPerClass: 2.5 }).posts).toBe(23);
  });

  it('no pupils, no posts', () => {
    expect(postsNeeded({ stage: 'primary', kind: 'teaching_point', urbanRural: '乡村', students: 0, classes: 0 }, t).posts).toBe(0);
  });
});

describe('the county in its base year (2024)', () => {
  const ev = evaluatePlan(planContext(), plan());

  it('demand per school and stage', () => {
    expect(school(ev, P1, 'primary').demand[0]).toBe(58);
    expect(school(ev, P2, 'primary').demand[0]).toBe(11);
    expect(school(ev, TP, 'primary')).toMatchObject({ demand: expect.arrayContaining([5]), supply: expect.arrayContaining([3]) });
    expect(school(ev, TP, 'primary').rule[0]).toBe('classes');
    expect(school(ev, J1, 'junior').demand[0]).toBe(67);
    expect(school(ev, H1, 'senior').demand[0]).toBe(96);
  });

  it('county by stage: 小学 58 + 11 + 5 + 16 (育英 300 / 19) = 90 posts for 60 + 20 + 18 + 3 = 101 teachers', () => {
    expect(ev.teachers.byStage.primary).toMatchObject({ demand: expect.any(Array), supply: expect.any(Array) });
    expect(ev.teachers.byStage.primary?.demand[0]).toBe(90);
    expect(ev.teachers.byStage.primary?.supply[0]).toBe(101);
    expect(ev.teachers.byStage.primary?.gap[0]).toBe(-11);
    expect(ev.teachers.byStage.junior?.gap[0]).toBe(-3);
    // Kindergartens 9 + 6 + 3 classes × 2.
    expect(ev.teachers.byStage.preschool?.demand[0]).toBe(36);
  });

  it('by township: 青山乡 小学 11 + 5 posts for 20 + 3 teachers (超编 7); 城关镇 初中 67 for 70', () => {
    expect(township(ev, T3, 'primary')).toMatchObject({ demand: expect.any(Array) });
    expect(township(ev, T3, 'primary')?.demand[0]).toBe(16);
    expect(township(ev, T3, 'primary')?.supply[0]).toBe(23);
    expect(township(ev, T3, 'primary')?.gap[0]).toBe(-7);
    expect(township(ev, T1, 'junior')?.gap[0]).toBe(-3);
  });

  it('names the schools without a staff record instead of counting their teachers as known', () => {
    expect(ev.teachers.missingStaff.map((m) => m.code)).toEqual(expect.arrayContaining([H1, K1]));
    expect(ev.teachers.notes.join('')).toContain('没有专任教师记录');
    expect(ev.teachers.staffYear).toBe(2024);
  });
});

describe('supply over the years', () => {
  it('loses 2.5 % a year: 101 → 98.475 → 98 in 2025, 96.01 → 96 in 2026', () => {
    const ev = evaluatePlan(planContext(), plan());
    expect(ev.teachers.byStage.primary?.supply.slice(0, 3)).toEqual([101, 98, 96]);
    expect(ev.teachers.byStage.primary?.retired[1]).toBe(3); // 2.525
  });

  it('the exit rate is a setting: 10 % takes 101 to 90.9 → 91', () => {
    const ev = evaluatePlan(planContext(), plan([], (s) => (s.teachers.attrition = 0.1)));
    expect(ev.teachers.byStage.primary?.supply[1]).toBe(91);
  });

  it('recruits go first where teachers are short: 10 小学 recruits a year, the 教学点 short 2.075 gets that first', () => {
    const ev = evaluatePlan(planContext(), plan([], (s) => (s.teachers.hiring.primary = 10)));
    expect(ev.teachers.byStage.primary?.supply[1]).toBe(108); // 98.475 + 10
    expect(ev.teachers.byStage.primary?.hired[1]).toBe(10);
    // 2.925 left + 2.075 to fill its gap + 7.925 × 5 / 90 of the rest = 5.44.
    expect(school(ev, TP, 'primary').supply[1]).toBe(5);
  });

  it('撤并: the 教学点 closed in 2026 sends its 2.85 teachers with its pupils to 青山乡中心小学', () => {
    const ev = evaluatePlan(
      planContext(),
      plan([project({ id: 1, type: '撤并', school: TP, completionYear: 2026, receivers: [{ school: P2, share: 1 }] })]),
    );
    const i = ev.years.indexOf(2026);
    expect(ev.teachers.byStage.primary?.freedByClosure[i]).toBe(3);
    // 20 × 0.975² = 19.01 + 2.85 = 21.86; 230 pupils / 19 → 13 posts.
    expect(school(ev, P2, 'primary').supply[i]).toBe(22);
    expect(school(ev, P2, 'primary').demand[i]).toBe(13);
    expect(school(ev, TP, 'primary').supply[i]).toBe(0);
    expect(ev.teachers.byStage.primary?.supply[i]).toBe(96); // the county keeps them
  });

  it('新建: the new 城区 primary takes its seat share of 400 pupils and needs 22 posts it has no teachers for', () => {
    // 2027: the 200 城关第一小学 cannot seat, then 200 more by seats (1,400 × 540 / 1,890 = 400):
    // 400 / 19 = 21.05 → 22 posts (11 with the overflow only); 城关第一小学 750 / 19 = 39.5 → 40 (was 900 → 48).
    const ev = evaluatePlan(
      planContext(),
      plan([project({ id: 7, type: '新建', name: '城关第二小学', kind: 'primary', township: T2, classes: 12, seats: 540, completionYear: 2027 })]),
    );
    const i = ev.years.indexOf(2027);
    expect(ev.teachers.byStage.primary?.neededByNew[i]).toBe(22);
    expect(school(ev, 'new:7', 'primary')).toMatchObject({ isNew: true });
    expect(school(ev, 'new:7', 'primary').supply[i]).toBe(0);
    expect(school(ev, P1, 'primary').demand[i]).toBe(40);
  });
});

describe('the ratios are plan settings', () => {
  it('小学 1:20 gives 城关第一小学 55 posts', () => {
    const ev = evaluatePlan(planContext(), plan([], (s) => (s.teachers.studentsPerTeacher.primary = 20)));
    expect(school(ev, P1, 'primary').demand[0]).toBe(55);
    expect(school(ev, P1, 'primary').demand[ev.years.indexOf(2029)]).toBe(55); // projected years alike
  });

  it('default to the national standards', () => {
    const t = defaultSettings().teachers;
    expect(t.studentsPerTeacher).toEqual(STANDARDS.studentsPerTeacher.value);
    expect(t.kindergartenPerClass).toBe(STANDARDS.kindergartenStaffPerClass.value.teachers);
    expect(t.perClass).toEqual(STANDARDS.teachersPerClass.value);
    expect(t.attrition).toBe(STANDARDS.teacherAttrition.value);
    expect(STANDARDS.studentsPerTeacher.source).toContain('中央编办发〔2014〕72号');
    expect(STANDARDS.teachersPerClass.source).toContain('国办发〔2015〕43号');
  });

  it('教学点 1:1 per class gives 3 posts (the class rule still beats 2)', () => {
    const ev = evaluatePlan(planContext(), plan([], (s) => (s.teachers.perClass.teachingPoint = 1)));
    expect(school(ev, TP, 'primary').demand[0]).toBe(3);
  });
});

describe('staffing targets', () => {
  const ev = evaluatePlan(planContext(), plan());
  const target = (key: string) => ev.targets.find((t) => t.key === key);

  it('骨干 per 100 pupils: 26 / 2,530 × 100 = 1.03; 2029 holds the share over 0.975⁵ of the teachers: 0.91, not met', () => {
    // (11 + 2 + 10 + 3 + 0) 骨干 over (1,100 + 200 + 900 + 300 + 30) pupils.
    expect(target('teacher_key_per100')).toMatchObject({ base: 1.03, projected: 0.91, met: false });
  });

  it('体育艺术 per 100: 25 / 2,530 × 100 = 0.99; 高于规定学历 share 147 / 171', () => {
    expect(target('teacher_pe_arts_per100')?.base).toBe(0.99);
    expect(target('teacher_qualified_above_share')?.base).toBe(86);
  });

  it('缺编: no township short of 小学 or 初中 teachers in 2024; 2029 after five years of exits', () => {
    const t = target('teacher_shortage');
    expect(t?.base).toBe(0);
    // 2029: 城关镇 小学 58 posts for 60 × 0.975⁵ = 52.9 → 53 (5 short), 初中 67 for 61.7 → 62 (5);
    // 东城街道 育英 16 for 15.9 → 16; 青山乡 16 for 20.2 → 20 (超编, not offset).
    expect(t?.projected).toBe(10);
    expect(t?.met).toBe(false);
  });

  it('学历达标率 and 交流轮岗 say the data are missing rather than 0', () => {
    expect(target('teacher_degree_compliance')).toMatchObject({ base: null, projected: null, met: null });
    expect(target('teacher_exchange_share')?.note).toContain('没有按学历或交流轮岗分列的教师数据');
  });
});

describe('teachers of a school without a staff record are unknown, not 0', () => {
  it('高中: the one school has no record, so 96 posts stand beside an unknown supply and no gap', () => {
    const ev = evaluatePlan(planContext(), plan());
    expect(ev.teachers.byStage.senior).toMatchObject({ demand: expect.arrayContaining([96]) });
    expect(ev.teachers.byStage.senior?.supply[0]).toBeNull();
    expect(ev.teachers.byStage.senior?.gap[0]).toBeNull();
    expect(ev.teachers.byStage.senior?.unknownPosts[0]).toBe(96);
    expect(school(ev, H1, 'senior')).toMatchObject({ supply: expect.arrayContaining([null]), gap: expect.arrayContaining([null]) });
    // Kindergartens: none has a record; (9 + 6 + 3) classes × 2 = 36 posts, all unknown.
    expect(ev.teachers.byStage.preschool?.unknownPosts[0]).toBe(36);
    expect(ev.teachers.byStage.preschool?.gap[0]).toBeNull();
  });

  it('青山乡 小学 without the 教学点\'s record: its 5 posts leave the gap, 11 posts for 20 teachers (超编 9)', () => {
    const county = planCounty();
    county.staff = county.staff.filter((s) => s.school !== TP);
    const ev = evaluatePlan(planContext(undefined, county), plan());
    const row = township(ev, T3, 'primary');
    expect(row?.demand[0]).toBe(16);
    expect(row?.unknownPosts[0]).toBe(5);
    expect(row?.supply[0]).toBe(20);
    expect(row?.gap[0]).toBe(-9); // 16 − 5 − 20
    expect(ev.teachers.missingStaff.map((m) => m.code)).toContain(TP);
    expect(ev.teachers.notes.join('')).toContain('不计入现有教师和缺编');
  });

  it('撤并 of that 教学点 into 青山乡中心小学 in 2026: the receiver\'s teachers are unknown from then on', () => {
    const county = planCounty();
    county.staff = county.staff.filter((s) => s.school !== TP);
    const ev = evaluatePlan(
      planContext(undefined, county),
      plan([project({ id: 1, type: '撤并', school: TP, completionYear: 2026, receivers: [{ school: P2, share: 1 }] })]),
    );
    const i = ev.years.indexOf(2026);
    expect(school(ev, P2, 'primary').supply[i - 1]).toBe(20); // 2025: 20 × 0.975 = 19.5 → 20
    expect(school(ev, P2, 'primary').supply[i]).toBeNull();
    expect(township(ev, T3, 'primary')?.gap[i]).toBeNull();
    expect(township(ev, T3, 'primary')?.unknownPosts[i]).toBe(13); // 230 pupils / 19 → 13
    expect(ev.teachers.byStage.primary?.freedByClosure[i]).toBe(0);
  });
});

