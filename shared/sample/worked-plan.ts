// The sample county's worked 十五五 plan: what a planner would draw up from the sample's own
// evaluation, so that a newcomer sees every 规划 tab and annex filled. It is derived, not
// hand-typed, so it stays right when the sample data change: the smallest teaching points are
// closed into the school the layout proposals name, one small village school becomes a
// kindergarten, the seat shortfalls that building can still reach are met by adopting the
// build helper's proposals (改扩建 of schools with room on their site, then new schools of a
// standard size), and a few works improve the receivers. See docs/ARCHITECTURE.md, "Worked sample plan".
import {
  boardingFloorArea,
  defaultProject,
  evaluatePlan,
  projectInvestmentParts,
  targetDef,
  targetFromDef,
  type EvaluationContext,
  type Plan,
  type PlanEvaluation,
  type PlanProject,
  type PlanTarget,
  type SchoolResult,
} from '../plan';
import { urbanTownshipCodes } from '../domain/urban';

type Draft = Omit<PlanProject, 'id'>;

/** Teaching points closed: the few smallest, as a county would close them in one plan period. */
const CLOSURES = 6;
/** Rounds of build-then-evaluate before the plan settles. */
const ROUNDS = 4;

const OPTIONAL_TARGETS = ['new_public_seats', 'new_compulsory_schools', 'boarding_schools', 'teaching_points'];
/** What a project without a reason of its own says: the planner may change it. */
const NOTE = '示例规划，可按实际修改';

function project(fields: Partial<Draft> & Pick<Draft, 'type' | 'name' | 'completionYear' | 'startYear'>): Draft {
  return { ...defaultProject(fields.type, fields.completionYear), funding: '县级财政', note: NOTE, ...fields };
}

class Builder {
  readonly projects: PlanProject[] = [];
  constructor(
    readonly ctx: EvaluationContext,
    readonly template: Plan,
  ) {}
  add(p: Draft): number {
    const id = this.projects.length + 1;
    this.projects.push({ ...p, id });
    return id;
  }
  /** Works priced as the project form prices them (建安 and 室外工程, no equipment or land). */
  addWorks(p: Draft): number {
    const total = projectInvestmentParts(p, null, this.template.settings)?.total ?? null;
    return this.add({ ...p, investment: total === null ? null : Math.round(total * 10) / 10 });
  }
  evaluate(): PlanEvaluation {
    return evaluatePlan(this.ctx, { ...this.template, projects: this.projects });
  }
}

/** The worked plan for the sample county, from its evaluation context and the empty plan it would start from. */
export function workedSamplePlan(ctx: EvaluationContext, template: Plan): Omit<Plan, 'id'> {
  const b = new Builder(ctx, template);
  const first = template.baseYear + 1;
  const empty = b.evaluate();
  const receivers = addLayout(b, empty, template, first);
  for (let round = 0; round < ROUNDS; round++) {
    if (!addBuilds(b, b.evaluate())) break;
  }
  addWorks(b, empty, receivers, template);
  const targets = withOptionalTargets(template.targets, (t) => evaluatePlan(ctx, { ...template, targets: t, projects: b.projects }));
  return { ...template, projects: b.projects, targets };
}

/** 撤并 of the smallest teaching points and 转型 of the smallest village primary school; the receivers. */
function addLayout(b: Builder, ev: PlanEvaluation, plan: Plan, year: number): string[] {
  const kindOf = new Map(ev.schools.map((s) => [s.code, s.kind]));
  const closures = ev.layoutSuggestions.filter((s) => s.type === '撤并' && kindOf.get(s.school) === 'teaching_point').slice(0, CLOSURES);
  for (const s of closures) {
    const note = `${ev.plan.targetYear} 年预计 ${s.targetPupils} 人，上学距离待核实`;
    b.add({ ...s.project, startYear: year, completionYear: year, note });
  }
  const village = ev.layoutSuggestions.find((s) => kindOf.get(s.school) === 'primary');
  if (village) {
    const seats = 3 * plan.settings.classSize.preschool;
    b.add(
      project({
        type: '转型', name: `${village.schoolName}转型为幼儿园`, school: village.school, kind: 'kindergarten', classes: 3, seats,
        receivers: [{ school: village.receiver, share: 1 }], startYear: year, completionYear: year + 1,
        note: `小学生源减少，校舍改作乡村幼儿园，小学生并入${village.receiverName}`,
      }),
    );
  }
  return [...new Set([...closures.map((s) => s.receiver), ...(village ? [village.receiver] : [])])];
}

/** Adopts the build helper's proposals (改扩建 before 新建, sized for the years building can reach); false when it has none. */
function addBuilds(b: Builder, ev: PlanEvaluation): boolean {
  const drafts = ev.suggestions.flatMap((s) => s.projects);
  for (const p of drafts) {
    const note = p.type === '改扩建' ? `在原校址内增加 ${p.classes} 个班，不超过校址用地和标准规模` : NOTE;
    b.add({ ...p, funding: p.type === '新建' ? '地方政府专项债券' : '县级财政', note });
  }
  return drafts.length > 0;
}

/** 改薄 and 寄宿 at the receivers, a 运动场 at the fullest town school, a 资源教室 where one is missing. */
function addWorks(b: Builder, ev: PlanEvaluation, receivers: readonly string[], plan: Plan): void {
  const byCode = new Map(ev.schools.map((s) => [s.code, s]));
  const start = plan.baseYear + 1;
  const [boarding, ...others] = receivers.map((c) => byCode.get(c)).filter((s): s is SchoolResult => s !== undefined);
  for (const s of others.slice(0, 2)) {
    const floorArea = 1200;
    b.addWorks(
      project({
        type: '改薄', name: `${s.name}改薄工程`, school: s.code, floorArea, siteArea: null, investment: null,
        funding: '中央预算内投资', startYear: start, completionYear: start + 1,
        note: '接收撤并学校学生，改善教学及辅助用房',
      }),
    );
  }
  if (boarding) {
    const places = 200;
    b.addWorks(
      project({
        type: '寄宿', name: `${boarding.name}寄宿部建设工程`, school: boarding.code, boardingPlaces: places,
        floorArea: boardingFloorArea(places, plan.settings), funding: '省级财政', startYear: start, completionYear: start + 2,
        note: '接收撤并教学点学生，路远学生寄宿',
      }),
    );
  }
  const urbanCodes = urbanTownshipCodes(b.ctx.townships);
  const town = ev.schools
    .filter((s) => !s.isNew && urbanCodes.has(s.township) && s.stages.includes('junior'))
    .sort((a, c) => (c.demand[0] ?? 0) - (a.demand[0] ?? 0))[0];
  if (town) {
    b.addWorks(
      project({
        type: '运动场', name: `${town.name}运动场改造`, school: town.code, siteArea: 8000, floorArea: null,
        startYear: start, completionYear: start + 1, note: '改造 400 米环形跑道运动场',
      }),
    );
  }
  const room = missingResourceRoom(b, plan, ev);
  if (room) {
    b.addWorks(project({ type: '资源教室', name: `${room.name}资源教室`, school: room.code, floorArea: 60, startYear: start, completionYear: start }));
  }
}

function missingResourceRoom(b: Builder, plan: Plan, ev: PlanEvaluation): SchoolResult | null {
  const needs = b.ctx.inclusion?.specialNeeds ?? [];
  const latest = Math.max(...needs.filter((r) => r.year <= plan.baseYear).map((r) => r.year));
  const min = plan.settings.inclusion.resourceRoomMinPupils;
  const row = needs.find((r) => r.year === latest && r.resourceRooms === 0 && (r.inclusive ?? 0) + (r.specialClass ?? 0) >= min);
  return row ? (ev.schools.find((s) => s.code === row.school && s.kind !== 'special') ?? null) : null;
}

/** The optional targets for what the plan builds, set at what the worked plan achieves by its target year. */
function withOptionalTargets(targets: readonly PlanTarget[], evaluate: (targets: PlanTarget[]) => PlanEvaluation): PlanTarget[] {
  const extra = OPTIONAL_TARGETS.filter((key) => !targets.some((t) => t.key === key))
    .map((key) => targetDef(key))
    .filter((d) => d !== undefined)
    .map((d) => targetFromDef(d));
  const all = [...targets, ...extra];
  const results = new Map(evaluate(all).targets.map((t) => [t.key, t.projected]));
  return all.map((t) => {
    const projected = extra.includes(t) ? results.get(t.key) : null;
    return projected === null || projected === undefined ? t : { ...t, target: Math.floor(projected) };
  });
}
