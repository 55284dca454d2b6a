// 规划学校一览表 on the hand-made county (tests/fixtures/plan-county.ts): the action each school
// takes, its areas after the plan's projects and per student against the norm, the total
// leaving closed schools out.
import { describe, expect, it } from 'vitest';
import { completedProjectsInput, plannedSchoolsInput } from '../../electron/backend/annex/planned-schools-source';
import { completedProjectsAnnex, plannedSchoolsAnnex } from '../../shared/annex';
import { evaluatePlan, newPlan, type Plan } from '../../shared/plan';
import { J1, P1, P2, planContext, T2 } from '../fixtures/plan-county';
import { project } from '../fixtures/plan-projects';

/** The fixture's 城区 townships: their schools take the urban 生均用地 series. */
const URBAN = new Set(planContext().townships.filter((t) => t.urbanRural === '城区').map((t) => t.code));

const plan: Plan = {
  ...newPlan(2024, { targetYear: 2029, outlookYear: 2034 }),
  name: '十五五',
  projects: [
    project({ id: 1, type: '新建', name: '城关第二小学', kind: 'primary', township: T2, classes: 12, seats: 540, floorArea: 5000, siteArea: 12000, completionYear: 2027 }),
    project({ id: 2, type: '改扩建', name: '城关第一小学扩建', school: P1, stage: 'primary', classes: 4, seats: 180, floorArea: 1000, completionYear: 2027 }),
    project({ id: 3, type: '撤并', name: '青山乡中心小学撤并', school: P2, completionYear: 2028, receivers: [{ school: 'new:1', share: 1 }] }),
    project({ id: 4, type: '寄宿', name: '城关初级中学寄宿部', school: J1, boardingPlaces: 100, floorArea: 550, completionYear: 2026 }),
  ],
};

describe('规划学校一览表', () => {
  const ev = evaluatePlan(planContext(), plan);
  // Every existing school records 20,000 ㎡ of site and 10,000 ㎡ of floor area in the fixture.
  const recorded = new Map(ev.schools.filter((s) => !s.isNew).map((s) => [s.code, { siteArea: 20000, floorArea: 10000 }]));
  const input = plannedSchoolsInput(plan, ev, recorded, URBAN);
  const row = (name: string) => input.schools.find((s) => s.name === name);

  it('names the action and adds the projects’ areas', () => {
    expect(row('城关第二小学')).toMatchObject({ action: '新建', siteArea: 12000, floorArea: 5000, classesNow: null, seatsNow: null, seatsPlanned: 540 });
    // 10,000 recorded + 1,000 of the extension; 900 design seats + 180.
    expect(row('城关第一小学')).toMatchObject({ action: '扩建', siteArea: 20000, floorArea: 11000, seatsPlanned: 1080 });
    expect(row('青山乡中心小学')).toMatchObject({ action: '撤并', seatsPlanned: null, studentsPlanned: null, floorNorm: null, note: '2028年撤并' });
    // A 寄宿部 adds its 550 ㎡ and leaves the school 保留, said in the note.
    expect(row('城关初级中学')).toMatchObject({ action: '保留', floorArea: 10550, note: '寄宿' });
  });

  it('prints per-student areas against the norm and totals the schools open at the target year', () => {
    const table = plannedSchoolsAnnex(input, { titlePrefix: '小河县', date: '2026年1月1日' });
    expect(table.title).toBe('小河县“十五五”规划学校一览表');
    const data = table.table.rows.filter((r) => r.kind === 'data');
    const first = data.find((r) => r.cells[1] === '城关第一小学')?.cells ?? [];
    const students = first[8] as number;
    // 生均用地 20,000 ÷ students and 生均建筑面积 11,000 ÷ students, one decimal; 小学 site norm 18 ㎡ (参考值).
    expect(first[11]).toBe(Math.round((20000 / students) * 10) / 10);
    expect(first[12]).toBe(18);
    expect(first[13]).toBe(Math.round((11000 / students) * 10) / 10);
    const total = table.table.rows.find((r) => r.kind === 'total')?.cells ?? [];
    const open = input.schools.filter((s) => s.action !== '撤并');
    expect(total[0]).toBe(`合计（规划年在办 ${open.length} 所）`);
    expect(total[7]).toBe(open.reduce((a, s) => a + (s.seatsPlanned ?? 0), 0));
  });
});

describe('规划学校一览表 with a 集团化办学 project', () => {
  it('names the group beside the core school and each member, leaving the action 保留', () => {
    const grouped: Plan = {
      ...plan,
      projects: [
        project({ id: 1, type: '集团化办学', name: '组建城关教育集团', school: J1, completionYear: 2027, schoolGroup: { name: '城关教育集团', kind: '教育集团', members: [P1] } }),
        // Done after the target year: not printed.
        project({ id: 2, type: '集团化办学', name: '青山共同体', school: P2, completionYear: 2031, schoolGroup: { name: '青山共同体', kind: '共同体', members: [P1] } }),
      ],
    };
    const rows = plannedSchoolsInput(grouped, evaluatePlan(planContext(), grouped), new Map(), URBAN).schools;
    const row = (name: string) => rows.find((s) => s.name === name);
    expect(row('城关初级中学')).toMatchObject({ action: '保留', note: '2027年牵头城关教育集团' });
    expect(row('城关第一小学')).toMatchObject({ action: '保留', note: '2027年加入城关教育集团' });
    expect(row('青山乡中心小学')).toMatchObject({ note: '' });
    // 青山乡 is 乡村: its 小学 takes the rural 生均用地 (23 ㎡, 参考值), the 城关 ones the urban 18 ㎡.
    expect(row('青山乡中心小学')?.siteNorm).toBe(23);
    expect(row('城关第一小学')?.siteNorm).toBe(18);
  });
});

describe('上期规划项目完成情况表', () => {
  const earlier: Plan = {
    ...plan,
    projects: [
      ...plan.projects,
      project({ id: 8, type: '改扩建', name: '城关初级中学扩建（上期）', school: J1, stage: 'junior', classes: 4, seats: 200, floorArea: 2000, investment: 700, completionYear: 2023, status: '已建成' }),
      project({ id: 9, type: '运动场', name: '青山乡中心小学运动场（上期）', school: P2, siteArea: 3000, investment: 60, completionYear: 2024, status: '在建' }),
    ],
  };
  const input = completedProjectsInput(earlier, evaluatePlan(planContext(), earlier));

  it('lists only the projects due by the base year, with what became of them', () => {
    expect(input.projects.map((p) => [p.name, p.seats, p.state])).toEqual([
      ['城关初级中学扩建（上期）', 200, '已完成'],
      ['青山乡中心小学运动场（上期）', null, '在建'],
    ]);
    const table = completedProjectsAnnex(input, { titlePrefix: '小河县', date: '2026年1月1日' });
    // 700 + 60 万元; 200 seats; one of two done.
    expect(table.table.rows.at(-1)?.cells).toEqual(['合计（2个，已完成1个）', null, null, null, 200, 2000, 760, null, null, null]);
  });
});
