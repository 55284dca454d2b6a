// Every annex provider on hand-made input: the column layouts the plan document needs, the
// grouping, and the subtotals and totals, so the projection and the plan only have to feed them.
import { describe, expect, it } from 'vitest';
import {
  adjustmentsAnnex,
  demandChartAnnex,
  forecastAnnex,
  gapClasses,
  indicatorsAnnex,
  projectsAnnex,
  schoolListAnnex,
  seatBalanceAnnex,
  studentsChartAnnex,
  type AnnexContext,
  type Cell,
  type CurrentSchool,
  type Row,
  type TableAnnexContent,
} from '../../shared/annex';
import { projectRecord } from '../fixtures/annex-projects';
import { NUMBER_HELP } from '../../shared/explain/numbers';

const ctx: AnnexContext = { titlePrefix: '示例县', date: '2025年11月1日' };
const headers = (a: { table: TableAnnexContent['table'] }) => a.table.columns.map((c) => c.header.replace(/\n/g, ''));
const rowsOf = (a: { table: TableAnnexContent['table'] }, kind: Row['kind']) => a.table.rows.filter((r) => r.kind === kind);
const labels = (rows: Row[]) => rows.map((r) => r.cells[0]);

describe('附件 新建改扩建学校项目表 (annex 4)', () => {
  const annex = projectsAnnex(
    {
      projects: [
        projectRecord('城关第五小学', 'primary', { siteArea: 14580, funding: '地方政府专项债券' }),
        projectRecord('城东初级中学', 'junior', { nature: '改扩建', classes: 12, seats: 600, floorArea: 5000, investment: 2500.4, endYear: 2026, startYear: 2026, note: '含运动场' }),
        projectRecord('南关小学扩建', 'primary', { nature: '改扩建', classes: null, seats: 270, floorArea: null, investment: 800 }),
        projectRecord('城西幼儿园', 'preschool', { classes: 9, seats: 270, floorArea: 3600, investment: 1500 }),
      ],
    },
    ctx,
  );

  it('has exactly the columns the plan document lists, 建设规模 over 班 and 学位', () => {
    // 用地面积 and 资金来源 have their own columns (they were in the notes before).
    expect(headers(annex)).toEqual(['序号', '项目名称', '建设性质', '建设地点', '学段', '班', '学位', '用地面积（㎡）', '建筑面积（㎡）', '总投资（万元）', '资金来源', '建设年限', '备注']);
    expect(annex.table.columns.filter((c) => c.group === '建设规模').map((c) => c.header)).toEqual(['班', '学位']);
    expect(annex.title).toBe('示例县新建改扩建学校项目表');
    expect(annex.paper).toBe('A3 landscape');
  });

  it('groups projects by stage, numbers them through, and subtotals each stage and the whole', () => {
    const data = rowsOf(annex, 'data');
    expect(data.map((r) => [r.cells[0], r.cells[1], r.cells[4]])).toEqual([
      [1, '城西幼儿园', '学前'],
      [2, '城关第五小学', '小学'],
      [3, '南关小学扩建', '小学'],
      [4, '城东初级中学', '初中'],
    ]);
    // Two columns more than before: 建设年限 and 备注 moved from cells 9–10 to 11–12.
    expect(data[3]?.cells.slice(11)).toEqual(['2026年', '含运动场']);
    expect(data[1]?.cells[11]).toBe('2026—2027年');
    expect(data[1]?.cells.slice(7, 11)).toEqual([14580, 12000, 6000, '地方政府专项债券']);
    expect(data[3]?.cells.slice(7, 11)).toEqual([null, 5000, 2500.4, '']);
    const subtotals = rowsOf(annex, 'subtotal');
    expect(labels(subtotals)).toEqual(['学前小计（1个）', '小学小计（2个）', '初中小计（1个）']);
    // Unknown values (null) are left out of sums rather than counted as 0 … unless all are unknown.
    // 班, 学位, 用地 (only 城关第五小学 records a site), 建筑面积, 总投资.
    expect(subtotals[1]?.cells.slice(5, 10)).toEqual([24, 1350, 14580, 12000, 6800]);
    expect(subtotals[0]?.cells.slice(5, 10)).toEqual([9, 270, null, 3600, 1500]);
    const [total] = rowsOf(annex, 'total');
    expect(total?.labelSpan).toBe(2);
    expect(total?.cells.slice(0, 1)).toEqual(['合计（4个）']);
    expect(total?.cells.slice(5, 10)).toEqual([45, 2220, 14580, 20600, 10800.4]);
    expect(annex.table.rows.at(-1)).toBe(total);
  });

  it('prints an empty table (no subtotal, no total) when there are no projects', () => {
    expect(projectsAnnex({ projects: [] }, ctx).table.rows).toEqual([]);
  });
});

describe('附件 主要发展指标表 (annex 1)', () => {
  const annex = indicatorsAnnex(
    {
      baseYear: 2025,
      targetYear: 2030,
      planName: '“十五五”',
      indicators: [
        { category: '学前教育', name: '学前三年毛入园率', unit: '%', base: 91.24, target: '≥95', attribute: '预期性', projected: 96.1, met: true, format: 'rate' },
        { category: '学前教育', name: '公办园在园幼儿占比', unit: '%', base: 48, target: 55, attribute: '约束性', projected: 52, met: false, format: 'rate' },
        { category: '义务教育', name: '大班额', unit: '个', base: 120, target: 0, attribute: '约束性', projected: null, met: null, format: 'integer' },
      ],
    },
    ctx,
  );

  it('lays out 指标 | 单位 | base | target | 属性 | projected | 达标 with the years in the header', () => {
    expect(headers(annex)).toEqual(['序号', '指标', '单位', '2025年', '2030年', '属性', '2030年预测', '达标']);
    expect(annex.table.columns[3]?.group).toBe('基期');
    expect(annex.table.columns[4]?.group).toBe('目标');
    expect(annex.title).toBe('示例县“十五五”教育事业主要发展指标表');
  });

  it('heads each category and formats every value by its indicator', () => {
    expect(labels(rowsOf(annex, 'group'))).toEqual(['一、学前教育', '二、义务教育']);
    const [rate, , count] = rowsOf(annex, 'data');
    expect(rate?.cells).toEqual([1, '学前三年毛入园率', '%', { value: 91.24, kind: 'rate' }, '≥95', '预期性', { value: 96.1, kind: 'rate' }, '是']);
    expect(count?.cells.slice(3)).toEqual([{ value: 120, kind: 'integer' }, { value: 0, kind: 'integer' }, '约束性', null, '—']);
  });
});

describe('附件 学位供需平衡表 (annex 3)', () => {
  const annex = seatBalanceAnnex(
    {
      areaOrder: ['全县', '城区片区'],
      records: [
        { area: '城区片区', stage: 'primary', year: 2027, demand: 9000, capacity: 8000, level: 'red' },
        { area: '城区片区', stage: 'primary', year: 2026, demand: 9100, capacity: 8000, level: 'red' },
        { area: '北部片区', stage: 'junior', year: 2026, demand: 900, capacity: 1600, level: 'blue' },
        { area: '全县', stage: 'primary', year: 2026, demand: 20000, capacity: 21000, level: 'green' },
      ],
    },
    ctx,
  );

  it('groups by area in the given order, then stage and year, with gap, classes, use and warning', () => {
    expect(labels(rowsOf(annex, 'group'))).toEqual(['一、全县', '二、城区片区', '三、北部片区']);
    const rows = annex.table.rows.filter((r) => r.kind !== 'group');
    expect(rows.map((r) => r.kind)).toEqual(['total', 'data', 'data', 'data']);
    expect(rows[1]?.cells).toEqual(['小学', 2026, 9100, 8000, 1100, 25, 1.138, '红色（紧缺）']);
    expect(rows[2]?.cells[1]).toBe(2027);
    expect(rows[3]?.cells).toEqual(['初中', 2026, 900, 1600, -700, -14, 0.563, '蓝色（富余）']);
  });

  it('rounds a shortage up to whole classes and a surplus down', () => {
    expect(gapClasses(46, 45)).toBe(2);
    expect(gapClasses(-89, 45)).toBe(-1);
    expect(gapClasses(0, 45)).toBe(0);
  });
});

describe('附件 学校布局调整表 (annex 5)', () => {
  const annex = adjustmentsAnnex(
    {
      adjustments: [
        { type: '转型', school: '古城乡中学', township: '古城乡', stage: '初中', receiving: '乡镇寄宿制小学', students: 150, year: 2028 },
        { type: '撤并', school: '杨庄教学点', township: '杨庄乡', stage: '小学', receiving: '杨庄乡中心小学', students: 18, year: 2026 },
        { type: '撤并', school: '青山教学点', township: '青山乡', stage: '小学', receiving: '青山乡中心小学', students: null, year: 2027, note: '学生不足10人' },
      ],
    },
    ctx,
  );

  it('lists 撤并 before 迁建 and 转型 with the receiving school, subtotals and a total', () => {
    expect(headers(annex)).toEqual(['序号', '乡镇（街道）', '学校名称', '学段', '调整方式', '接收学校／调整去向', '涉及学生（人）', '实施年度', '备注']);
    expect(labels(rowsOf(annex, 'group'))).toEqual(['一、撤并', '二、转型']);
    expect(rowsOf(annex, 'data').map((r) => [r.cells[0], r.cells[2], r.cells[5]])).toEqual([
      [1, '杨庄教学点', '杨庄乡中心小学'],
      [2, '青山教学点', '青山乡中心小学'],
      [3, '古城乡中学', '乡镇寄宿制小学'],
    ]);
    expect(rowsOf(annex, 'subtotal').map((r) => [r.cells[0], r.cells[6]])).toEqual([
      ['小计（2所）', 18],
      ['小计（1所）', 150],
    ]);
    expect(rowsOf(annex, 'total')[0]?.cells[6]).toBe(168);
  });
});

describe('附件 学龄人口与在校生预测表 (annex 2)', () => {
  const annex = forecastAnnex(
    {
      baseYear: 2025,
      plan: { name: '十五五', from: 2026, to: 2030 },
      outlookYears: [2035],
      scenario: '中',
      areas: [
        {
          name: '全县',
          series: [
            { stage: 'primary', measure: 'students', values: { 2025: 25100, 2026: 23900, 2030: 17000, 2035: 13000 } },
            { stage: 'primary', measure: 'population', values: { 2025: 25200, 2030: 16600 } },
          ],
        },
        { name: '城关镇', series: [{ stage: 'junior', measure: 'students', values: { 2025: 3000 } }] },
      ],
    },
    ctx,
  );

  it('shows the base year, the plan years under the plan and the outlook under 展望期', () => {
    expect(headers(annex)).toEqual(['学段', '项目', '2025年（基期）', '2026年', '2027年', '2028年', '2029年', '2030年', '2035年']);
    expect(annex.table.columns.map((c) => c.group ?? '')).toEqual(['', '', '', ...Array(5).fill('“十五五”规划期'), '展望期']);
    expect(annex.title).toBe('示例县学龄人口与在校生预测表（2026—2035年）');
    expect(annex.notes[0]).toContain('中方案');
  });

  it('explains the projected figures in the same words as the hover help on 预测', () => {
    expect(annex.notes).toContain(`${NUMBER_HELP['forecast.county'].title}：${NUMBER_HELP['forecast.county'].formula}`);
  });

  it('lists population before students per stage, the county first as totals, gaps left empty', () => {
    expect(labels(rowsOf(annex, 'group'))).toEqual(['一、全县', '二、城关镇']);
    const county = rowsOf(annex, 'total');
    expect(county.map((r) => r.cells.slice(0, 2))).toEqual([
      ['小学', '学龄人口'],
      ['小学', '在校生'],
    ]);
    const cells: Cell[] = [25100, 23900, null, null, null, 17000, 13000];
    expect(county[1]?.cells.slice(2)).toEqual(cells);
    expect(rowsOf(annex, 'data')[0]?.cells).toEqual(['初中', '在校生', 3000, null, null, null, null, null, null]);
  });
});

describe('现状学校一览表 (annex 6)', () => {
  const school = (name: string, township: string, kind: CurrentSchool['kind'], p: Partial<CurrentSchool> = {}): CurrentSchool => ({
    name,
    kind,
    ownership: '公办',
    township,
    classes: 10,
    students: 450,
    capacity: 500,
    capacityFromClasses: false,
    siteArea: 10000,
    floorArea: 5000,
    largeClasses: 0,
    status: '在办',
    ...p,
  });
  const annex = schoolListAnnex(
    {
      year: 2025,
      townships: [
        { code: 't1', name: '城关镇', urbanRural: '城区' },
        { code: 't2', name: '青山乡', urbanRural: '乡村' },
      ],
      schools: [
        school('城关二小', 't1', 'primary', { classes: 30, students: 1800, capacity: 1350, largeClasses: 12 }),
        school('城关一小', 't1', 'primary', { siteArea: null }),
        school('城关幼儿园', 't1', 'kindergarten', { classes: 9, students: 270, capacity: 270, capacityFromClasses: true }),
        school('青山小学', 't2', 'primary', { classes: 6, students: 90, capacity: 270 }),
        school('青山教学点', 't2', 'teaching_point', { status: '停办' }),
        school('外来学校', 't9', 'junior', { classes: 12, students: 600, capacity: 600 }),
      ],
    },
    ctx,
  );

  it('groups schools by township in the given order, kinds within, with township subtotals', () => {
    expect(labels(rowsOf(annex, 'group'))).toEqual(['一、城关镇（城区）', '二、青山乡（乡村）', '三、其他（乡村）', '四、全县按办学类型汇总']);
    const data = rowsOf(annex, 'data');
    expect(data.map((r) => [r.cells[0], r.cells[1], r.cells[2]])).toEqual([
      [1, '城关幼儿园', '幼儿园'],
      [2, '城关二小', '小学'],
      [3, '城关一小', '小学'],
      [4, '青山小学', '小学'],
      [5, '外来学校', '初级中学'],
    ]);
    expect(data[1]?.cells.slice(4)).toEqual([30, 1800, 60, 10000, 5000, 1350, 1.333, '大班额12个']);
    expect(data[0]?.cells[11]).toBe('学位按班级测算');
    const [cityTotal] = rowsOf(annex, 'subtotal');
    expect(cityTotal?.labelSpan).toBe(2);
    // 30 + 10 + 9 classes; 2,520 students; site area of 城关一小 unknown and left out.
    expect(cityTotal?.cells).toEqual(['小计（3所）', null, null, null, 49, 2520, 51.4, 20000, 15000, 2120, 1.189, null]);
  });

  it('sums the county by kind of school and in total, leaving closed schools out and saying so', () => {
    const byKind = rowsOf(annex, 'subtotal').slice(3);
    expect(labels(byKind)).toEqual(['幼儿园（1所）', '小学（3所）', '初级中学（1所）']);
    const [total] = rowsOf(annex, 'total');
    expect(total?.cells.slice(0, 1)).toEqual(['全县合计（5所）']);
    expect(total?.cells[5]).toBe(1800 + 450 + 270 + 90 + 600);
    const kindStudents = byKind.reduce((s, r) => s + Number(r.cells[5]), 0);
    expect(kindStudents).toBe(total?.cells[5]);
    expect(annex.notes.join('')).toContain('已停办学校1所未列入');
    expect(annex.notes[0]).toContain('2025年');
  });

  it('prints a school with pupils but no class count blank, not 0, and keeps it out of the class sums', () => {
    const unknown = schoolListAnnex(
      {
        year: 2025,
        townships: [{ code: 't1', name: '城关镇', urbanRural: '城区' }],
        schools: [
          school('城关一小', 't1', 'primary', { classes: 0, students: 450, capacity: 450, capacityFromStudents: true }),
          school('城关二小', 't1', 'primary', { classes: 10, students: 500 }),
        ],
      },
      ctx,
    );
    const data = rowsOf(unknown, 'data');
    expect(data.map((r) => [r.cells[1], r.cells[4], r.cells[5], r.cells[6]])).toEqual([
      ['城关二小', 10, 500, 50],
      ['城关一小', null, 450, null],
    ]);
    // 10 known classes of 500 pupils; the 450 pupils without a class count neither add classes nor lower the mean.
    expect(rowsOf(unknown, 'total')[0]?.cells.slice(4, 7)).toEqual([10, 950, 50]);
  });
});

describe('figures', () => {
  it('draws students by stage and year as stacked bars, with the numbers as a table', () => {
    const annex = studentsChartAnnex(
      {
        studentsByYear: {
          2024: { preschool: 100, primary: 500, junior: 300, senior: 0, special: 0, vocational: 0 },
          2023: { preschool: 120, primary: 520, junior: 280, senior: 0, special: 0, vocational: 0 },
        },
      },
      ctx,
    );
    expect(annex.title).toBe('示例县各学段在校生（2023—2024年）');
    const panel = annex.chart.panels[0];
    expect(panel?.categories).toEqual(['2023', '2024']);
    expect(panel?.series.map((s) => [s.name, s.stack, s.values])).toEqual([
      ['学前', 'students', [120, 100]],
      ['小学', 'students', [520, 500]],
      ['初中', 'students', [280, 300]],
    ]);
    expect(headers(annex)).toEqual(['年份', '学前', '小学', '初中', '合计']);
    expect(annex.table.rows.map((r) => r.cells)).toEqual([
      [2023, 120, 520, 280, 920],
      [2024, 100, 500, 300, 900],
    ]);
  });

  it('draws demand against seats, one small chart per stage', () => {
    const annex = demandChartAnnex(
      { years: [2026, 2027], stages: [{ stage: 'primary', demand: [10, 9], capacity: [12, 12] }, { stage: 'junior', demand: [5, 6], capacity: [4, null] }] },
      ctx,
    );
    expect(annex.chart.panels.map((p) => p.title)).toEqual(['小学', '初中']);
    expect(annex.chart.panels[1]?.series.map((s) => s.values)).toEqual([
      [5, 6],
      [4, null],
    ]);
    expect(annex.table.rows.map((r) => r.cells)).toEqual([
      ['小学', 2026, 10, 12],
      ['小学', 2027, 9, 12],
      ['初中', 2026, 5, 4],
      ['初中', 2027, 6, null],
    ]);
  });
});
