// 优质均衡: each indicator of one school worked out by hand, the pass rule, and the
// student-weighted coefficient of variation on a five-school example.
import { describe, expect, it } from 'vitest';
import { assessStage, defaultSettings, indicatorValues, weightedCv, type BalanceInput } from '../../shared/plan';

const school = (code: string, students: number, over: Partial<BalanceInput> = {}): BalanceInput => ({
  code, name: code, students, qualifiedAbove: 0, keyTeachers: 0, peArtsTeachers: 0, teachingArea: 0, sportsArea: 0, equipmentValue: 0, multimediaRooms: 0, ...over,
});

describe('student-weighted CV', () => {
  // P = 200, 300, 500, 400, 600 (2,000); X = 4, 6, 5, 3, 7.
  // X̄ = (800 + 1800 + 2500 + 1200 + 4200) / 2000 = 5.25
  // Σ (Pᵢ/P)(Xᵢ − X̄)² = .1×1.5625 + .15×.5625 + .25×.0625 + .2×5.0625 + .3×3.0625 = 2.1875
  // S = √2.1875 = 1.4790199…, CV = S / X̄ = 0.2817180…
  const five = [
    { students: 200, value: 4 },
    { students: 300, value: 6 },
    { students: 500, value: 5 },
    { students: 400, value: 3 },
    { students: 600, value: 7 },
  ];

  it('matches the worked five-school example', () => {
    const { cv, mean } = weightedCv(five);
    expect(mean).toBeCloseTo(5.25, 12);
    expect(cv).toBeCloseTo(Math.sqrt(2.1875) / 5.25, 12);
    expect(cv).toBeCloseTo(0.281718, 6);
  });

  it('weights by students (the unweighted CV of the same values is 0.282843)', () => {
    const unweighted = Math.sqrt(2) / 5;
    expect(unweighted).toBeCloseTo(0.282843, 6);
    expect(Math.abs((weightedCv(five).cv as number) - unweighted)).toBeGreaterThan(0.001);
    // Equal weights give the unweighted figure.
    expect(weightedCv(five.map((f) => ({ ...f, students: 1 }))).cv).toBeCloseTo(unweighted, 12);
  });

  it('is zero for equal values and undefined without students or with a zero mean', () => {
    expect(weightedCv([{ students: 10, value: 3 }, { students: 90, value: 3 }]).cv).toBe(0);
    expect(weightedCv([]).cv).toBeNull();
    expect(weightedCv([{ students: 10, value: 0 }]).cv).toBeNull();
  });
});

describe('indicators of one school', () => {
  // 500 pupils; 25 teachers above the required qualification, 6 key teachers, 4 PE/arts
  // teachers; 2,400 m² teaching rooms, 3,000 m² sports ground, 110 万元 equipment, 12 rooms.
  const s = school('甲', 500, { qualifiedAbove: 25, keyTeachers: 6, peArtsTeachers: 4, teachingArea: 2400, sportsArea: 3000, equipmentValue: 110, multimediaRooms: 12 });

  it('computes each of the seven per student or per hundred students', () => {
    const v = indicatorValues(s);
    expect(v.qualified).toBeCloseTo(5.0, 12); // 25 / 500 × 100
    expect(v.key).toBeCloseTo(1.2, 12); // 6 / 500 × 100
    expect(v.peArts).toBeCloseTo(0.8, 12); // 4 / 500 × 100
    expect(v.teachingArea).toBeCloseTo(4.8, 12); // 2400 / 500
    expect(v.sportsArea).toBeCloseTo(6.0, 12); // 3000 / 500
    expect(v.equipment).toBeCloseTo(2200, 9); // 110 万元 × 10,000 / 500
    expect(v.multimedia).toBeCloseTo(2.4, 12); // 12 / 500 × 100
  });

  it('passes a primary school on 6 of 7 only: this one meets 5', () => {
    const r = assessStage('primary', 2024, [s], [], defaultSettings().balance);
    const row = r.schools[0];
    expect(row?.passed).toEqual({ qualified: true, key: true, peArts: false, teachingArea: true, sportsArea: false, equipment: true, multimedia: true });
    expect(row?.passCount).toBe(5);
    expect(row?.ok).toBe(false);
    // With the rule at 5 of 7 and no floor on the rest it passes; the national floor of 85 %
    // still fails it, sports area being at 6.0 / 7.5 = 80 %.
    const lenient = { ...defaultSettings().balance, minPass: 5, remainderShare: 0 };
    expect(assessStage('primary', 2024, [s], [], lenient).schools[0]?.ok).toBe(true);
    expect(assessStage('primary', 2024, [s], [], { ...lenient, remainderShare: 0.85 }).schools[0]?.ok).toBe(false);
  });

  it('holds a junior school to the junior thresholds (2.4 rooms per hundred is exactly the threshold)', () => {
    const r = assessStage('junior', 2024, [s], [], defaultSettings().balance);
    expect(r.schools[0]?.passed).toEqual({ qualified: false, key: true, peArts: false, teachingArea: false, sportsArea: false, equipment: false, multimedia: true });
    expect(r.schools[0]?.passCount).toBe(2);
  });
});

describe('the pass rule: 6 of 7, the seventh at 85 % of its threshold or more', () => {
  // 100 pupils meeting every primary threshold: 5 teachers above the qualification (4.2),
  // 2 key (1), 1 PE/arts (0.9), 500 m² teaching (4.5), 800 m² sports (7.5), 25 万元 (2,000 元),
  // 3 rooms (2.3).
  const full: Partial<BalanceInput> = { qualifiedAbove: 5, keyTeachers: 2, peArtsTeachers: 1, teachingArea: 500, sportsArea: 800, equipmentValue: 25, multimediaRooms: 3 };
  const row = (over: Partial<BalanceInput>) => assessStage('primary', 2024, [school('甲', 100, { ...full, ...over })], [], defaultSettings().balance).schools[0];

  it('passes a school meeting all 7', () => {
    expect(row({})).toMatchObject({ passCount: 7, shortfalls: [], ok: true });
  });

  it('passes 6 of 7 with the seventh at 90 %: 675 m² sports = 6.75 of 7.5', () => {
    const r = row({ sportsArea: 675 });
    expect(r?.passCount).toBe(6);
    expect(r?.shortfalls).toHaveLength(1);
    expect(r?.shortfalls[0]).toMatchObject({ key: 'sportsArea', threshold: 7.5, withinRemainder: true });
    expect(r?.shortfalls[0]?.value).toBeCloseTo(6.75, 12);
    expect(r?.shortfalls[0]?.share).toBeCloseTo(0.9, 12);
    expect(r?.ok).toBe(true);
  });

  it('fails 6 of 7 with the seventh at 80 %: 600 m² sports = 6.0 of 7.5', () => {
    const r = row({ sportsArea: 600 });
    expect(r?.passCount).toBe(6);
    expect(r?.shortfalls[0]).toMatchObject({ key: 'sportsArea', threshold: 7.5, withinRemainder: false });
    expect(r?.shortfalls[0]?.share).toBeCloseTo(0.8, 12);
    expect(r?.ok).toBe(false);
  });

  it('fails 5 of 7 even with both misses above 85 %: sports 7.0 (93.3 %), rooms 2 (87.0 %)', () => {
    const r = row({ sportsArea: 700, multimediaRooms: 2 });
    expect(r?.passCount).toBe(5);
    expect(r?.shortfalls.map((f) => [f.key, f.withinRemainder])).toEqual([['sportsArea', true], ['multimedia', true]]);
    expect(r?.shortfalls[0]?.share).toBeCloseTo(7 / 7.5, 12);
    expect(r?.shortfalls[1]?.share).toBeCloseTo(2 / 2.3, 12);
    expect(r?.ok).toBe(false);
  });

  it('passes the seventh at exactly 85 %: 17 万元 = 1,700 of 2,000 元; 382.5 m² = 3.825 of 4.5 m²', () => {
    const equipment = row({ equipmentValue: 17 });
    expect(equipment?.shortfalls[0]).toMatchObject({ key: 'equipment', value: 1700, threshold: 2000, withinRemainder: true });
    expect(equipment?.shortfalls[0]?.share).toBeCloseTo(0.85, 12);
    expect(equipment?.ok).toBe(true);
    // 3.825 is not exact in binary on either side of the comparison.
    const teaching = row({ teachingArea: 382.5 });
    expect(teaching?.shortfalls[0]).toMatchObject({ key: 'teachingArea', withinRemainder: true });
    expect(teaching?.ok).toBe(true);
    // Just under: 382 m² = 84.9 %.
    expect(row({ teachingArea: 382 })?.ok).toBe(false);
  });

  it('fails a school without a value for the missing indicator', () => {
    const r = assessStage('primary', 2024, [school('乙', 0, full)], [], defaultSettings().balance).schools[0];
    expect(r?.ok).toBe(false);
    expect(r?.shortfalls).toHaveLength(7);
    expect(r?.shortfalls[0]).toMatchObject({ value: null, share: null, withinRemainder: false });
  });

  it('reads the floor from the plan settings (the national 0.85 by default)', () => {
    expect(defaultSettings().balance.remainderShare).toBe(0.85);
    const strict = { ...defaultSettings().balance, remainderShare: 0.95 };
    const r = assessStage('primary', 2024, [school('甲', 100, { ...full, sportsArea: 675 })], [], strict);
    expect(r.schools[0]?.ok).toBe(false);
    expect(r.remainderShare).toBe(0.95);
  });
});

describe('a stage of five schools', () => {
  // Teaching area per pupil 4, 6, 5, 3, 7 m² for 200, 300, 500, 400, 600 pupils (the worked example).
  const schools = [
    school('A', 200, { teachingArea: 800 }),
    school('B', 300, { teachingArea: 1800 }),
    school('C', 500, { teachingArea: 2500 }),
    school('D', 400, { teachingArea: 1200 }),
    school('E', 600, { teachingArea: 4200 }),
  ];
  const r = assessStage('primary', 2024, schools, [], defaultSettings().balance);
  const teaching = r.indicators.find((i) => i.key === 'teachingArea');

  it('gives the CV of each indicator with its limit and the schools below the threshold', () => {
    expect(teaching?.cv).toBeCloseTo(0.281718, 6);
    expect(teaching?.mean).toBeCloseTo(5.25, 9);
    expect(teaching?.limit).toBe(0.5);
    expect(teaching?.met).toBe(true);
    // Below 4.5 m²: A (4) and D (3).
    expect(teaching?.schoolsBelow).toBe(2);
    expect(r.cvLimit).toBe(0.5);
    expect(r.schoolsTotal).toBe(5);
    // Nobody has teachers or equipment here: no school passes, and those CVs are undefined.
    expect(r.schoolsPassing).toBe(0);
    expect(r.indicators.find((i) => i.key === 'qualified')?.cv).toBeNull();
    expect(r.maxCv).toBeCloseTo(0.281718, 6);
  });

  it('counts the same passes when asked for counts only, without school rows', () => {
    const varied = [
      school('甲', 100, { qualifiedAbove: 5, keyTeachers: 2, peArtsTeachers: 1, teachingArea: 500, sportsArea: 800, equipmentValue: 25, multimediaRooms: 3 }),
      school('乙', 100, { qualifiedAbove: 5, keyTeachers: 2, peArtsTeachers: 1, teachingArea: 500, sportsArea: 675, equipmentValue: 25, multimediaRooms: 3 }),
      school('丙', 100, { qualifiedAbove: 5, keyTeachers: 2, peArtsTeachers: 1, teachingArea: 500, sportsArea: 600, equipmentValue: 25, multimediaRooms: 3 }),
      ...schools,
    ];
    const detailed = assessStage('primary', 2024, varied, [], defaultSettings().balance);
    const counted = assessStage('primary', 2024, varied, [], defaultSettings().balance, false);
    expect(detailed.schoolsPassing).toBe(2);
    expect(counted.schoolsPassing).toBe(detailed.schoolsPassing);
    expect(counted.schoolsTotal).toBe(detailed.schoolsTotal);
    expect(counted.indicators).toEqual(detailed.indicators);
    expect(counted.schools).toEqual([]);
  });

  it('uses the junior limit 0.45 for junior schools', () => {
    expect(assessStage('junior', 2024, schools, [], defaultSettings().balance).cvLimit).toBe(0.45);
  });
});
