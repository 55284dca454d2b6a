// The sample county's worked 十五五 plan: what a planner would draw up from the sample's own
// evaluation, so that a newcomer sees every 规划 tab and annex filled. It is derived, not
// hand-typed, so it stays right when the sample data change: the smallest teaching points are
// closed into the school the layout proposals name, one small village school becomes a
// kindergarten, the seat shortfalls that building can still reach are met by extending
// existing schools first (within the school-size limit) and by new schools of a standard size
// for the rest, and a few works improve the receivers. See docs/ARCHITECTURE.md, "Worked sample plan".
import { gradesOf, type SchoolKind, type Stage } from '../domain/stages';
import {
  boardingFloorArea,
  COUNTY_POOL,
  defaultProject,
  estimateFacilities,
  evaluatePlan,
  projectInvestmentParts,
  seatsShort,
  standardClassCounts,
  targetDef,
  targetFromDef,
  type EvaluationContext,
  type Plan,
  type PlanEvaluation,
  type PlanProject,
  type PlanTarget,
  type SchoolResult,
} from '../plan';

type Draft = Omit<PlanProject, 'id'>;

/** Teaching points closed: the few smallest, as a county would close them in one plan period. */
const CLOSURES = 6;
/** Streams (one class per grade) an existing school may add on its own site. */
const MAX_STREAMS = 2;
/** Rounds of build-then-evaluate before the plan settles. */
const ROUNDS = 4;

const BUILD_KIND: Partial<Record<Stage, SchoolKind>> = { preschool: 'kindergarten', primary: 'primary', junior: 'junior', senior: 'senior' };
const NEW_NAME: Partial<Record<SchoolKind, string>> = { kindergarten: '幼儿园', primary: '小学', junior: '初级中学', senior: '高级中学' };
const ORDINALS = ['一', '二', '三', '四', '五', '六'];
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
  isUrban(township: string): boolean {
    return this.ctx.townships.find((t) => t.code === township)?.urbanRural === '城区';
  }
}

/** The worked plan for the sample county, from its evaluation context and the empty plan it would start from. */
export function workedSamplePlan(ctx: EvaluationContext, template: Plan): Omit<Plan, 'id'> {
  const b = new Builder(ctx, template);
  const first = template.baseYear + 1;
  const empty = b.evaluate();
  const receivers = addLayout(b, empty, template, first);
  for (let round = 0; round < ROUNDS; round++) {
    if (!addBuilds(b, b.evaluate(), template)) break;
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

/** Seats short in years a project begun after the base year can reach, per area and stage; false when none. */
function addBuilds(b: Builder, ev: PlanEvaluation, plan: Plan): boolean {
  const { settings } = plan;
  const reachable = plan.baseYear + 1 + settings.constructionYears;
  const need = new Map<string, { area: string; stage: Stage; seats: number; year: number }>();
  for (const g of ev.gaps) {
    if (g.year < reachable || g.year > plan.targetYear || !BUILD_KIND[g.stage]) continue;
    const seats = seatsShort(g.demand, g.capacity, settings.levels.red);
    const key = `${g.area}|${g.stage}`;
    const was = need.get(key);
    if (seats > 0 && (!was || seats > was.seats)) need.set(key, { area: g.area, stage: g.stage, seats, year: g.year });
  }
  let added = false;
  for (const n of need.values()) {
    const left = extendSchools(b, ev, plan, n.area, n.stage, n.seats, reachable);
    if (left > 0) buildSchools(b, ev, plan, n.area, n.stage, left, reachable);
    added = true;
  }
  return added;
}

function inPool(s: SchoolResult, area: string, stage: Stage): boolean {
  return s.stages.includes(stage) && (area === COUNTY_POOL || s.area === area) && s.closedFrom === null;
}

/** Adds streams to the fullest schools of the pool whose size stays within the limit; the seats still short. */
function extendSchools(b: Builder, ev: PlanEvaluation, plan: Plan, area: string, stage: Stage, short: number, year: number): number {
  const { settings } = plan;
  const yi = year - plan.baseYear;
  const grades = gradesOf(stage, b.ctx.county.schoolSystem);
  const size = settings.classSize[stage];
  const stream = grades * size;
  const extended = new Set(b.projects.filter((p) => p.type === '改扩建').map((p) => p.school));
  const candidates = ev.schools
    .filter((s) => inPool(s, area, stage) && !s.isNew && s.ownership === '公办' && !extended.has(s.code))
    .map((s) => ({ s, series: s.byStage[stage] }))
    .filter((c) => c.series !== undefined)
    .sort((a, c) => ((c.series?.demand[yi] ?? 0) - (c.series?.capacity[yi] ?? 0)) - ((a.series?.demand[yi] ?? 0) - (a.series?.capacity[yi] ?? 0)));
  let left = short;
  for (const { s } of candidates) {
    if (left <= 0) break;
    const capacity = s.capacity[yi] ?? 0;
    const room = s.sizeLimit === null ? MAX_STREAMS : Math.floor((s.sizeLimit - capacity) / stream);
    const streams = Math.min(MAX_STREAMS, room, Math.ceil(left / stream));
    if (streams <= 0) continue;
    const classes = streams * grades;
    const seats = classes * size;
    const est = estimateFacilities(s.kind, (s.classes[yi] ?? 0) + classes, seats, settings, { urban: b.isUrban(s.township), added: { stage } });
    b.add(
      project({
        type: '改扩建', name: `${s.name}改扩建工程`, school: s.code, stage, classes, seats,
        floorArea: est?.floorArea ?? null, investment: est?.investment ?? null,
        startYear: year - settings.constructionYears, completionYear: year,
        note: `在原校址内增加 ${streams} 轨（${classes} 个班），扩建后不超过办学规模上限`,
      }),
    );
    left -= seats;
  }
  return left;
}

/** New schools of a standard size in the township whose schools are fullest. */
function buildSchools(b: Builder, ev: PlanEvaluation, plan: Plan, area: string, stage: Stage, short: number, year: number): void {
  const { settings } = plan;
  const kind = BUILD_KIND[stage] as SchoolKind;
  const yi = year - plan.baseYear;
  const pool = ev.schools.filter((s) => inPool(s, area, stage));
  const fullest = [...pool].sort((a, c) => (c.demand[yi] ?? 0) - (c.capacity[yi] ?? 0) - ((a.demand[yi] ?? 0) - (a.capacity[yi] ?? 0)))[0];
  if (!fullest) return;
  const township = fullest.township;
  const urban = b.isUrban(township);
  const standards = standardClassCounts(kind, urban);
  const largest = standards[standards.length - 1] ?? 24;
  const size = settings.classSize[stage];
  const classesShort = Math.ceil(short / size);
  const count = Math.max(1, Math.ceil(classesShort / largest));
  const per = standards.find((c) => c * count >= classesShort) ?? largest;
  const seats = per * size;
  const est = estimateFacilities(kind, per, seats, settings, { urban });
  const round = b.projects.filter((p) => p.type === '新建' && p.kind === kind && p.township === township).length;
  for (let i = 0; i < count; i++) {
    const nth = round + i;
    const suffix = count > 1 || round > 0 ? `（${ORDINALS[nth] ?? nth + 1}）` : '';
    b.add(
      project({
        type: '新建', name: `${fullest.townshipName}新建${NEW_NAME[kind] ?? ''}${suffix}`, kind, township, classes: per, seats,
        floorArea: est?.floorArea ?? null, siteArea: est?.siteArea ?? null, investment: est?.investment ?? null,
        funding: '地方政府专项债券', startYear: year - settings.constructionYears, completionYear: year,
      }),
    );
  }
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
  const town = ev.schools
    .filter((s) => !s.isNew && b.isUrban(s.township) && s.stages.includes('junior'))
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
