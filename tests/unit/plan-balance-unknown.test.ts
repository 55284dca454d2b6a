// 优质均衡 and the preschool coverage target with data missing: an unknown input is neither
// met nor missed, the county figures use the schools with data, and a share that unknown
// schools could change is not given.
import { describe, expect, it } from 'vitest';
import { assessStage, defaultSettings, evaluatePlan, newPlan, TARGET_CATALOG, targetDef, targetFromDef, verdict, type BalanceInput, type PlanEvaluation, type YearFacts } from '../../shared/plan';
import { indicatorsAnnex } from '../../shared/annex';
import { planContext, planCounty, P2 } from '../fixtures/plan-county';

const UNKNOWN = { qualifiedAbove: null, keyTeachers: null, peArtsTeachers: null, teachingArea: null, sportsArea: null, equipmentValue: null, multimediaRooms: null };
// 100 pupils meeting every primary threshold (4.2, 1, 0.9, 4.5 m², 7.5 m², 2,000 元, 2.3 rooms).
const FULL = { qualifiedAbove: 5, keyTeachers: 2, peArtsTeachers: 1, teachingArea: 500, sportsArea: 800, equipmentValue: 25, multimediaRooms: 3 };
const school = (code: string, students: number, over: Partial<BalanceInput>): BalanceInput => ({ code, name: code, students, ...UNKNOWN, ...over });

describe('a stage where some schools lack some data', () => {
  const schools = [
    school('全', 100, FULL),
    // Teachers unknown, the four facilities met: the verdict hangs on the teachers.
    school('缺教师', 100, { ...FULL, qualifiedAbove: null, keyTeachers: null, peArtsTeachers: null }),
    // Two known misses: fails whatever the unknown ones are.
    school('两项不足', 100, { ...FULL, teachingArea: 200, sportsArea: 600, equipmentValue: null }),
    // One known miss at 90 % and one unknown: the unknown one could pass or sink it.
    school('一项不足', 100, { ...FULL, sportsArea: 675, multimediaRooms: null }),
    school('全不详', 300, {}),
  ];
  const r = assessStage('primary', 2024, schools, [], defaultSettings().balance);
  const row = (code: string) => r.schools.find((s) => s.code === code);
  const indicator = (key: string) => r.indicators.find((i) => i.key === key);

  it('gives each school 达标, 未达标 or 未知', () => {
    expect(schools.map((s) => row(s.code)?.ok)).toEqual([true, null, false, null, null]);
    expect(row('缺教师')).toMatchObject({ passCount: 4, unknown: ['qualified', 'key', 'peArts'], shortfalls: [] });
    expect(row('缺教师')?.passed.qualified).toBeNull();
    expect(row('两项不足')?.shortfalls.map((f) => f.key)).toEqual(['teachingArea', 'sportsArea']);
    expect(row('全不详')).toMatchObject({ passCount: 0, unknown: ['qualified', 'key', 'peArts', 'teachingArea', 'sportsArea', 'equipment', 'multimedia'] });
    expect(r).toMatchObject({ schoolsPassing: 1, schoolsTotal: 5, schoolsUnknown: 3 });
  });

  it('counts an unknown value neither as below nor in the mean', () => {
    // Teaching m² per pupil 5, 5, 2, 5 for 100 pupils each (全不详's 300 left out): X̄ = 1,700 / 400 = 4.25.
    expect(indicator('teachingArea')).toMatchObject({ schoolsBelow: 1, schoolsUnknown: 1 });
    expect(indicator('teachingArea')?.mean).toBeCloseTo(4.25, 12);
    // Qualified teachers: 5 per hundred at 全, 两项不足 and 一项不足; 缺教师 and 全不详 unknown.
    expect(indicator('qualified')).toMatchObject({ schoolsBelow: 0, schoolsUnknown: 2 });
    expect(indicator('qualified')?.mean).toBeCloseTo(5, 12);
  });

  it('gives no mean and no CV where no school has the data', () => {
    const none = assessStage('primary', 2024, [school('甲', 100, {}), school('乙', 200, {})], [], defaultSettings().balance);
    for (const i of none.indicators) expect(i).toMatchObject({ mean: null, cv: null, met: null, schoolsBelow: 0, schoolsUnknown: 2 });
    expect(none).toMatchObject({ schoolsPassing: 0, schoolsUnknown: 2, maxCv: null });
  });

  it('the verdict: unknown only while the unknown indicators could change it', () => {
    expect(verdict(7, 0, true, 6)).toBe(true);
    expect(verdict(6, 1, true, 6)).toBeNull();
    expect(verdict(5, 1, true, 6)).toBeNull();
    expect(verdict(4, 1, true, 6)).toBe(false);
    expect(verdict(6, 0, false, 6)).toBe(false);
    expect(verdict(5, 1, false, 6)).toBe(false);
  });
});

describe('targets when data is missing', () => {
  const facts = (over: Partial<YearFacts>) => ({ ...over }) as YearFacts;

  it('优质均衡 share: not given while a school’s verdict is unknown', () => {
    const def = targetDef('balance_primary_schools');
    expect(def?.value(facts({ balance: { primary: { passing: 2, total: 4, unknown: 0, maxCv: null }, junior: { passing: 0, total: 0, unknown: 0, maxCv: null } } }))).toBe(50);
    expect(def?.value(facts({ balance: { primary: { passing: 2, total: 4, unknown: 1, maxCv: null }, junior: { passing: 0, total: 0, unknown: 0, maxCv: null } } }))).toBeNull();
  });

  it('乡镇公办中心幼儿园覆盖率: not given in a project without kindergartens', () => {
    const def = targetDef('township_central_kindergarten');
    expect(def?.value(facts({ townships: 3, townshipsWithCentralKindergarten: 0, kindergartensKnown: true }))).toBe(0);
    expect(def?.value(facts({ townships: 3, townshipsWithCentralKindergarten: 0, kindergartensKnown: false }))).toBeNull();
  });
});

describe('the hand-made county with a school’s teachers and the kindergartens left out of the data', () => {
  const county = planCounty();
  const kindergartens = new Set(county.schools.filter((s) => s.kind === 'kindergarten').map((s) => s.code));
  const data = {
    ...county,
    schools: county.schools.filter((s) => !kindergartens.has(s.code)),
    enrolment: county.enrolment.filter((e) => !kindergartens.has(e.school)),
    // 青山乡中心小学 meets all 7 with its teachers; without a staff record its teachers are unknown.
    staff: county.staff.filter((s) => s.school !== P2),
  };
  const plan = { ...newPlan(2024, { targetYear: 2029, outlookYear: 2034 }), targets: TARGET_CATALOG.map(targetFromDef) };
  const ev: PlanEvaluation = evaluatePlan(planContext(undefined, data), plan);
  const target = (key: string) => ev.targets.find((t) => t.key === key);

  it('leaves 青山乡中心小学 未知 and the primary share 无法测算, with the reason', () => {
    const p2 = ev.balanceBase.primary.schools.find((s) => s.code === P2);
    expect(p2).toMatchObject({ passCount: 4, ok: null, unknown: ['qualified', 'key', 'peArts'] });
    expect(ev.balanceBase.primary).toMatchObject({ schoolsPassing: 1, schoolsTotal: 3, schoolsUnknown: 1 });
    expect(target('balance_primary_schools')).toMatchObject({ base: null, projected: null, met: null });
    expect(target('balance_primary_schools')?.note).toContain('缺少教师或校舍、设备数据');
    // The junior school keeps its teachers: its share is still given.
    expect(target('balance_junior_schools')).toMatchObject({ base: 0, met: false });
  });

  it('gives no 乡镇公办中心幼儿园覆盖率 without kindergartens, and says why', () => {
    expect(target('township_central_kindergarten')).toMatchObject({ base: null, projected: null, met: null });
    expect(target('township_central_kindergarten')?.note).toContain('没有幼儿园数据');
  });
});

describe('附件1 where a share cannot be computed', () => {
  const annex = indicatorsAnnex(
    {
      baseYear: 2017,
      targetYear: 2022,
      indicators: [
        { category: '优质均衡', name: '小学优质均衡达标学校占比', unit: '%', base: null, target: '≥85', attribute: '约束性', projected: null, met: null, format: 'rate', missing: '部分参评学校缺少教师数据' },
        { category: '优质均衡', name: '小学校际差异系数', unit: '', base: null, target: '≤0.5', attribute: '约束性', projected: null, met: null, format: 'coefficient' },
        { category: '优质均衡', name: '初中优质均衡达标学校占比', unit: '%', base: null, target: '≥85', attribute: '约束性', projected: null, met: null, format: 'rate', missing: '部分参评学校缺少教师数据' },
      ],
    },
    { titlePrefix: '曼哈顿', date: '2026年11月30日' },
  );

  it('prints 无法测算 with the reason in the notes, not 0 and 否', () => {
    const rows = annex.table.rows.filter((r) => r.kind === 'data');
    expect(rows[0]?.cells.slice(6)).toEqual(['无法测算', '—']);
    // The base year lacks what the target year lacks: 无法测算 there too, not a blank.
    expect(rows[0]?.cells[3]).toBe('无法测算');
    // Without a reason (a figure the planner has not filled in) the cells stay empty, as before.
    expect(rows[1]?.cells[3]).toBeNull();
    expect(rows[1]?.cells.slice(6)).toEqual([null, '—']);
    // One note per reason, naming each indicator it stops.
    expect(annex.notes.filter((n) => n.includes('缺少教师数据'))).toEqual(['小学优质均衡达标学校占比、初中优质均衡达标学校占比无法测算：部分参评学校缺少教师数据。']);
  });
});
