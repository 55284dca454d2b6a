// The plan's annexes from a plan evaluation: the hand-made county (tests/fixtures/plan-county.ts,
// demand held at 2024) with a build of each nature, a deferred build and a layout change of
// each type, mapped onto the providers' inputs. Numbers worked by hand from the fixture.
import { describe, expect, it } from 'vitest';
import {
  adjustmentsInput,
  demandChartInput,
  indicatorsInput,
  investmentNotes,
  planTableYears,
  projectsInput,
  seatBalanceInput,
  targetText,
  yearsNote,
  type SchoolFacts,
} from '../../electron/backend/annex/plan-source';
import { forecastPeriod } from '../../electron/backend/annex/forecast-source';
import { formatNumber, NUMBER_FORMAT } from '../../shared/annex';
import { evaluatePlan, newPlan, type Plan } from '../../shared/plan';
import { H1, J1, P1, P2, planContext, T1, T2, T3, TP } from '../fixtures/plan-county';
import { project } from '../fixtures/plan-projects';

const plan: Plan = {
  ...newPlan(2024, { targetYear: 2029, outlookYear: 2034 }),
  name: '十五五',
  projects: [
    project({ id: 1, type: '新建', name: '城关第二小学', kind: 'primary', township: T2, classes: 12, seats: 540, floorArea: 5400, investment: 1620, startYear: 2025, completionYear: 2027, note: '东城新区配套' }),
    project({ id: 2, type: '新建', name: '东城九年一贯制学校', kind: 'nine_year', township: T2, classes: 27, seats: 1260, floorArea: 14000, investment: 5000, completionYear: 2028 }),
    project({ id: 3, type: '改扩建', name: '初中扩建', school: J1, stage: 'junior', classes: 6, seats: 300, investment: 900, completionYear: 2026, status: '在建' }),
    project({ id: 4, type: '新建', name: '暂缓的幼儿园', kind: 'kindergarten', township: T1, classes: 6, seats: 180, completionYear: 2028, status: '暂缓' }),
    project({ id: 5, type: '撤并', name: '青山乡中心小学撤并', school: P2, completionYear: 2028, receivers: [{ school: P1, share: 0.75 }, { school: 'new:1', share: 0.25 }] }),
    project({ id: 6, type: '转型', name: '教学点改幼儿园', school: TP, kind: 'kindergarten', classes: 3, seats: 90, completionYear: 2027, receivers: [{ school: P1, share: 1 }] }),
    project({ id: 7, type: '迁建', name: '高中迁建', school: H1, township: T3, classes: 36, seats: 1800, investment: 20000, completionYear: 2030, note: '新校址 200 亩' }),
  ],
};
const ev = evaluatePlan(planContext(), plan);
const schools = new Map<string, SchoolFacts>([
  [P2, { kind: 'primary', townshipName: '青山乡' }],
  [TP, { kind: 'teaching_point', townshipName: '青山乡' }],
  [H1, { kind: 'senior', townshipName: '城关镇' }],
]);

describe('years and texts', () => {
  it('prints the plan period after the base year and the outlook year', () => {
    expect(planTableYears({ baseYear: 2025, targetYear: 2030, outlookYear: 2040 })).toEqual([2026, 2027, 2028, 2029, 2030, 2040]);
    expect(planTableYears({ baseYear: 2025, targetYear: 2030, outlookYear: 2030 })).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(yearsNote({ baseYear: 2025, targetYear: 2030, outlookYear: 2040 })).toBe('2026—2030年为规划期，2040年为展望年。');
  });

  it('prints 差异系数 with three decimals', () => {
    expect(formatNumber(0.4567, 'coefficient')).toBe('0.457');
    expect(formatNumber(0.5, 'coefficient')).toBe('0.500');
    expect(NUMBER_FORMAT.coefficient).toBe('0.000');
  });

  it('writes targets as plan documents do', () => {
    expect(targetText({ comparator: '>', target: 90, unit: '%' }, 'rate')).toBe('>90');
    expect(targetText({ comparator: '>=', target: 96, unit: '%' }, 'rate')).toBe('≥96');
    expect(targetText({ comparator: '>=', target: 100, unit: '%' }, 'rate')).toBe('100');
    expect(targetText({ comparator: '<=', target: 0, unit: '个' }, 'integer')).toBe('0');
    expect(targetText({ comparator: '<=', target: 0.45, unit: '' }, 'coefficient')).toBe('≤0.45');
    expect(targetText({ comparator: '<=', target: 5, unit: '%' }, 'rate')).toBe('≤5');
  });

  it('takes the forecast period from the stored plan when it starts at the projection’s base year', () => {
    expect(forecastPeriod(2025, 2040, { name: '十五五', baseYear: 2025, targetYear: 2030, outlookYear: 2040 })).toEqual({
      plan: { name: '十五五', from: 2026, to: 2030 },
      outlookYears: [2035, 2040],
    });
    // Not named as a five-year plan but spanning the next one: named after it.
    expect(forecastPeriod(2025, 2040, { name: '近期规划', baseYear: 2025, targetYear: 2030, outlookYear: 2035 }).plan.name).toBe('十五五');
    // Otherwise the next five-year plan, as without a plan.
    const none = forecastPeriod(2025, 2040);
    expect(forecastPeriod(2025, 2040, { name: '近期规划', baseYear: 2025, targetYear: 2028, outlookYear: 2035 })).toEqual(none);
    expect(forecastPeriod(2025, 2040, { name: '十五五', baseYear: 2024, targetYear: 2029, outlookYear: 2039 })).toEqual(none);
    expect(none).toEqual({ plan: { name: '十五五', from: 2026, to: 2030 }, outlookYears: [2035, 2040] });
  });
});

describe('附件1 from the targets', () => {
  const input = indicatorsInput(plan, ev);

  it('lists every target under its category with the evaluation’s values and 达标', () => {
    expect(input).toMatchObject({ baseYear: 2024, targetYear: 2029, planName: '“十五五”' });
    expect(input.indicators).toHaveLength(ev.targets.length);
    const categories = [...new Set(input.indicators.map((i) => i.category))];
    expect(categories).toEqual(['学前教育', '义务教育', '高中阶段', '优质均衡', '布局与建设']);
    for (const t of ev.targets) {
      expect(input.indicators.find((i) => i.name === t.name)).toMatchObject({ base: t.base, projected: t.projected, met: t.met, attribute: t.attribute, unit: t.unit });
    }
    expect(input.indicators.find((i) => i.name.startsWith('小学校际差异系数'))).toMatchObject({ format: 'coefficient', target: '≤0.5' });
    expect(input.indicators.find((i) => i.name === '大班额')).toMatchObject({ format: 'integer', target: '0' });
  });
});

describe('附件3 from the gaps', () => {
  const input = seatBalanceInput(plan, ev);

  it('takes the plan period and the outlook year, areas first and the county last', () => {
    expect([...new Set(input.records.map((r) => r.year))].sort()).toEqual([2025, 2026, 2027, 2028, 2029, 2034]);
    expect(input.areaOrder).toEqual(['城区片区', '东部片区', '全县']);
    // 高中 is planned for the county as a whole: once, under 全县; 小学 by area and summed for the county.
    const senior = input.records.filter((r) => r.stage === 'senior' && r.year === 2029);
    expect(senior.map((r) => r.area)).toEqual(['全县']);
    // 2025: before 青山乡's primary school closes and its 教学点 becomes a kindergarten.
    const primary = input.records.filter((r) => r.stage === 'primary' && r.year === 2025);
    expect(primary.map((r) => r.area)).toEqual(['城区片区', '东部片区', '全县']);
    const county = primary.find((r) => r.area === '全县');
    expect(county?.demand).toBe(primary.filter((r) => r.area !== '全县').reduce((a, r) => a + r.demand, 0));
    expect(input.classSize).toEqual(plan.settings.classSize);
  });
});

describe('附件4 from the builds', () => {
  const { input, deferred } = projectsInput(plan, ev);

  it('lists 新建, 改扩建 and 迁建 with their size, area and cost, leaving out the deferred one', () => {
    expect(deferred).toBe(1);
    expect(input.projects.map((p) => [p.name, p.nature])).toEqual([
      ['城关第二小学', '新建'],
      ['东城九年一贯制学校', '新建'],
      ['初中扩建', '改扩建'],
      ['高中迁建', '迁建'],
    ]);
    expect(input.projects[0]).toEqual({
      name: '城关第二小学', nature: '新建', location: '东城街道', stage: 'primary', classes: 12, seats: 540, siteArea: null, floorArea: 5400, investment: 1620,
      funding: '', startYear: 2025, endYear: 2027, note: '东城新区配套',
    });
    // A school of two stages counts under its first, printed with both.
    expect(input.projects[1]).toMatchObject({ stage: 'primary', stageLabel: '小学、初中' });
    expect(input.projects[2]).toMatchObject({ location: '城关镇', stage: 'junior', classes: 6, seats: 300, investment: 900, note: '在建；城关初级中学' });
    expect(input.projects[3]).toMatchObject({ location: '青山乡', stage: 'senior', seats: 1800, note: '新校址 200 亩' });
  });

  it('notes the investment split into its parts, unknown parts 未计, and which totals were entered', () => {
    // 建安: 5,400 × 3,000 元 = 1,620 + 14,000 × 3,000 元 = 4,200 (the two without floor area: unknown) = 5,820 万元.
    // 设备: 540 × 2,000 = 108; 九年一贯制 1,260 seats, 六三制 → 840 × 2,000 + 420 × 2,500 = 273;
    // 300 初中 × 2,500 = 75; 1,800 高中 × 3,000 = 540: 996 万元. No site areas recorded: 未计.
    // Every one of the four has an entered total that differs from its parts.
    const [parts, basis] = investmentNotes(plan, ev);
    expect(parts).toBe(
      '投资构成（按规范测算）：建安工程 5,820 万元，设备购置 996 万元，室外工程 未计，土地费用 未计；新建、迁建项目用地面积合计 未计。' +
        '其中 4 个项目的总投资为填报数，与测算构成不同，表中以填报数为准。',
    );
    expect(basis).toMatch(/^投资按规范测算：建安工程 = 建筑面积 × 3000 元\/㎡.*教督〔2017〕6号.*土地费用未计（规划未设置地价）。$/);
  });
});

describe('附件5 from the layout changes', () => {
  const { input, deferred } = adjustmentsInput(plan, ev, schools);
  const byType = (t: string) => input.adjustments.find((a) => a.type === t);

  it('names the receiving schools with their shares and the pupils of the year before', () => {
    expect(deferred).toBe(0);
    // P2's 200 pupils (held at 2024) in 2027, the year before it closes.
    expect(byType('撤并')).toEqual({
      type: '撤并', school: '青山乡中心小学', township: '青山乡', stage: '小学', receiving: '城关第一小学（75%）、城关第二小学（25%）', students: 200, year: 2028, note: '',
    });
  });

  it('says what a converted school becomes and counts the pupils of the stages it gives up', () => {
    // The 教学点's 30 pupils leave for 城关第一小学.
    expect(byType('转型')).toMatchObject({ school: '青山乡王庄教学点', stage: '教学点', receiving: '转为幼儿园，学生分流至城关第一小学', students: 30, year: 2027 });
  });

  it('gives a moved school’s new site, with its old township', () => {
    expect(byType('迁建')).toMatchObject({ school: '小河县高级中学', township: '城关镇', stage: '高中', receiving: '迁建至青山乡新校址（36班、1800个学位）', students: 1200, year: 2030 });
  });
});

describe('the demand chart', () => {
  it('carries the county’s demand and seats for every stage and year', () => {
    const input = demandChartInput(ev);
    expect(input.years).toEqual(ev.years);
    const primary = input.stages.find((s) => s.stage === 'primary');
    // P1 1,100 + P2 200 + M1 300 + TP 30 pupils; seats 900 + 540 + 450 + 135 in 2024.
    expect(primary?.demand[0]).toBe(1630);
    expect(primary?.capacity[0]).toBe(2025);
  });
});

describe('附件4 with works on existing schools', () => {
  const works: Plan = {
    ...plan,
    projects: [
      project({ id: 11, type: '运动场', name: '运动场改造', school: J1, siteArea: 6000, investment: 120, completionYear: 2026, funding: '县级财政' }),
      project({ id: 12, type: '寄宿', name: '寄宿部', school: P2, boardingPlaces: 150, floorArea: 825, completionYear: 2027 }),
    ],
  };
  const { input } = projectsInput(works, evaluatePlan(planContext(), works));

  it('lists them with empty classes and seats, the ground and the funding in their own columns, the school and the boarding places in the note', () => {
    // 用地面积 and 资金来源 have their own columns now; the note no longer says “资金来源：县级财政”.
    expect(input.projects.map((p) => [p.nature, p.classes, p.seats, p.siteArea, p.floorArea, p.investment, p.funding, p.note])).toEqual([
      ['运动场', null, null, 6000, null, 120, '县级财政', '城关初级中学'],
      ['寄宿', null, null, null, 825, null, '', '青山乡中心小学；新增寄宿床位 150 个'],
    ]);
  });
});
