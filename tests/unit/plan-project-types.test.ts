// Every entry of the project-type registry against what the code does with a project of
// that type on the hand-made county (tests/fixtures/plan-county.ts): the validation demands
// the entry's fields, the timeline changes seats as the entry's capacity effect says, the
// results and the annexes list the type where the entry puts it.
import { describe, expect, it } from 'vitest';
import { adjustmentsInput, projectsInput } from '../../electron/backend/annex/plan-source';
import { KIND_STAGES } from '../../shared/domain';
import {
  ADJUSTMENT_TYPES,
  CONSTRUCTION_TYPES,
  evaluatePlan,
  newPlan,
  PROJECT_TYPE,
  PROJECT_TYPES,
  projectInputSchema,
  usedFields,
  withTypeFields,
  type CapacityEffect,
  type Plan,
  type PlanProject,
  type ProjectType,
} from '../../shared/plan';
import { H1, J1, P1, P2, planContext, T2, T3, TP } from '../fixtures/plan-county';
import { project } from '../fixtures/plan-projects';

/** One complete project of each type, completed in 2027. */
const sample: Record<ProjectType, PlanProject> = {
  新建: project({ id: 1, type: '新建', name: '城关第二小学', kind: 'primary', township: T2, classes: 12, seats: 540, completionYear: 2027 }),
  改扩建: project({ id: 2, type: '改扩建', name: '初中扩建', school: J1, stage: 'junior', classes: 6, seats: 300, completionYear: 2027 }),
  迁建: project({ id: 3, type: '迁建', name: '高中迁建', school: H1, township: T3, classes: 36, seats: 1800, completionYear: 2027 }),
  撤并: project({ id: 4, type: '撤并', name: '青山乡中心小学撤并', school: P2, completionYear: 2027, receivers: [{ school: P1, share: 1 }] }),
  转型: project({ id: 5, type: '转型', name: '教学点改幼儿园', school: TP, kind: 'kindergarten', classes: 3, seats: 90, completionYear: 2027, receivers: [{ school: P1, share: 1 }] }),
  提质改造: project({ id: 6, type: '提质改造', name: '城关第一小学提质改造', school: P1, floorArea: 1200, investment: 400, completionYear: 2027 }),
  改薄: project({ id: 7, type: '改薄', name: '青山乡中心小学改薄', school: P2, floorArea: 600, completionYear: 2027 }),
  校舍加固: project({ id: 8, type: '校舍加固', name: '城关初级中学校舍加固', school: J1, investment: 150, completionYear: 2027 }),
  运动场: project({ id: 9, type: '运动场', name: '城关初级中学运动场', school: J1, siteArea: 8000, completionYear: 2027 }),
  寄宿: project({ id: 10, type: '寄宿', name: '城关初级中学寄宿部', school: J1, boardingPlaces: 200, completionYear: 2027 }),
  资源教室: project({ id: 11, type: '资源教室', name: '城关第一小学资源教室', school: P1, floorArea: 60, completionYear: 2027 }),
  集团化办学: project({
    id: 12, type: '集团化办学', name: '城关第一小学教育集团', school: P1, completionYear: 2027,
    schoolGroup: { name: '城关第一小学教育集团', kind: '教育集团', members: [P2, TP] },
  }),
};

/** Seats of the project's school after completion, from its seats before. */
const seatsAfter: Record<CapacityEffect, (before: number, p: PlanProject) => number> = {
  open: (_, p) => p.seats,
  extend: (before, p) => before + p.seats,
  move: (_, p) => p.seats,
  close: () => 0,
  convert: (_, p) => p.seats,
  improve: (before) => before,
  board: (before) => before,
  group: (before) => before,
};

function planOf(projects: PlanProject[]): Plan {
  return { ...newPlan(2024, { targetYear: 2029, outlookYear: 2034 }), name: '十五五', projects };
}

describe.each(PROJECT_TYPES)('project type %s', (type) => {
  const spec = PROJECT_TYPE[type];
  const p = sample[type];
  const ev = evaluatePlan(planContext(), planOf([p]));
  const ref = spec.createsSchool ? `new:${p.id}` : (p.school as string);
  const school = ev.schools.find((s) => s.code === ref);
  const i = (y: number) => ev.years.indexOf(y);

  it('accepts the complete sample and refuses it without each required field, with the registry’s message', () => {
    const { id: _id, ...input } = p;
    expect(projectInputSchema.safeParse(input).success).toBe(true);
    const blank = { school: null, kind: null, township: null, seats: 0, classesOrSeats: null, receivers: [], boardingPlaces: 0, schoolGroup: null };
    for (const [field, message] of Object.entries(spec.required)) {
      const without =
        field === 'classesOrSeats' ? { ...input, classes: 0, seats: 0 }
        : field === 'works' ? { ...input, floorArea: null, siteArea: null, investment: null }
        : { ...input, [field]: blank[field as keyof typeof blank] };
      const res = projectInputSchema.safeParse(without);
      expect(res.success).toBe(false);
      expect(res.error?.issues.map((x) => x.message)).toContain(message);
    }
  });

  it('changes its school’s seats as its capacity effect says, from the completion year on', () => {
    expect(school).toBeDefined();
    const before = school?.capacity[i(2026)] as number;
    expect(school?.capacity[i(2027)]).toBe(seatsAfter[spec.capacity](before, p));
    expect(school?.capacity[i(2034)]).toBe(seatsAfter[spec.capacity](before, p));
    if (spec.createsSchool) expect(before).toBe(0);
  });

  it('places the school and its stages where the entry says', () => {
    if (spec.ownTownship) expect(school?.township).toBe(p.township);
    const result = ev.projects[0];
    if (spec.ownKind) expect(result?.stages).toEqual(KIND_STAGES[p.kind ?? 'primary']);
    if (spec.stage) expect(result?.stages).toEqual([p.stage]);
    expect(result?.applied).toBe(true);
    // Only builds have a use to follow; a closure reports the seats it removes, works on a school none.
    expect(result?.utilisation.some((u) => u !== null)).toBe(spec.builds);
    if (spec.capacity === 'close') expect(result?.seats).toBeLessThan(0);
    if (spec.works) expect(result?.seats).toBe(0);
  });

  it('keeps only the fields it uses', () => {
    const used = usedFields(type);
    const { id: _id, ...input } = p;
    const cleared = withTypeFields({
      ...input, startYear: null, school: P1, kind: 'primary', township: T2, stage: 'primary', classes: 1, seats: 1, receivers: [{ school: J1, share: 1 }],
      floorArea: 100, boardingPlaces: 10, schoolGroup: { name: '某集团', kind: '共同体', members: [J1] },
    });
    expect(cleared.school !== null).toBe(used.school);
    expect(cleared.kind !== null).toBe(used.kind);
    expect(cleared.township !== null).toBe(used.township);
    expect(cleared.stage !== null).toBe(used.stage);
    expect(cleared.seats > 0).toBe(used.size);
    expect(cleared.receivers.length > 0).toBe(used.receivers);
    expect(cleared.floorArea !== null).toBe(used.works);
    expect(cleared.boardingPlaces > 0).toBe(used.boarding);
    expect(cleared.schoolGroup !== null).toBe(used.group);
  });
});

describe('the annex lists', () => {
  const plan = planOf(Object.values(sample));
  const ev = evaluatePlan(planContext(), plan);

  it('puts construction types in 附件4 and layout changes in 附件5, in the registry’s order', () => {
    expect(CONSTRUCTION_TYPES).toEqual(PROJECT_TYPES.filter((t) => PROJECT_TYPE[t].construction));
    expect(projectsInput(plan, ev).input.projects.map((r) => r.nature)).toEqual(CONSTRUCTION_TYPES);
    expect(ADJUSTMENT_TYPES).toEqual(['撤并', '迁建', '转型']);
    expect(adjustmentsInput(plan, ev, new Map()).input.adjustments.map((r) => r.type).sort()).toEqual([...ADJUSTMENT_TYPES].sort());
  });
});
