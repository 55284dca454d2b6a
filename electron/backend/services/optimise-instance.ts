// The optimiser's instance for one plan, scenario and stage of a project: the villages with
// their children per plan year (from the 布局图's demand points, scaled each year to the
// projection's county enrolment so seats are weighed against the same demand the plan's
// evaluation uses), the schools of the stage that have a location with their seats under
// the plan's committed projects (已建成, 在建), candidate sites at villages beyond every
// school's service distance, distances with the plan's 路网系数 and 服务半径, sizes and
// costs from the plan's norms, and the weights.
import type { ParsedInput } from '../../../shared/api';
import type { SchoolKind } from '../../../shared/domain';
import type { GeoMap, MapVillage } from '../../../shared/geo/api';
import { serviceDistance } from '../../../shared/geo/settings';
import { areaArcs, buildArcs, toLocalPlane } from '../../../shared/optimise/arcs';
import { candidateSite, type DemandPoint, type Facility, type OptInstance } from '../../../shared/optimise/instance';
import { buildOptions, STAGE_KIND, TEACHING_POINT_SOURCE, teachingPointOptions } from '../../../shared/optimise/options';
import { optimiseSettingsSchema, type OptimiseSettings } from '../../../shared/optimise/settings';
import { evaluatePlan, type Plan, type PlanEvaluation } from '../../../shared/plan';
import { earliestCompletion } from '../../../shared/plan/build-years';
import { estimateFacilities } from '../../../shared/plan/norms';
import { AppError } from '../errors';
import type { ProjectFile } from '../db/project-file';
import { geoMap } from './geo';
import { planContextFor, resolvePlan } from './plan-context';

export type OptimiseQuery = ParsedInput<'plan.optimise'>;
type Stage = OptimiseQuery['stage'];

export interface ProjectInstance {
  instance: OptInstance;
  plan: Plan;
  scenario: string;
  settings: OptimiseSettings;
  /** [lng, lat] per facility. */
  positions: [number, number][];
  /** The plan as it stands and its evaluation; the committed layout's evaluation. */
  full: PlanEvaluation;
  committed: PlanEvaluation;
  notes: string[];
}

/** 撤并 and 转型 apply to schools of the stage's own kind and 教学点; a combined school keeps its stage. */
const CLOSABLE_KINDS: Partial<Record<Stage, SchoolKind[]>> = {
  preschool: ['kindergarten'],
  primary: ['primary', 'teaching_point'],
  junior: ['junior'],
};
const MAX_SITES = 150;
/** Schools of its area a village may use under the area rule: the nearest dozen. */
const AREA_ARCS = 12;

/** The distance-spaced sites plus, for each area without one, its village with the most children (where the plan's suggestions would build). */
function withAreaSites<T extends { v: MapVillage; children: number }>(spaced: T[], all: T[], areaOf: (township: string) => string): T[] {
  const out = [...spaced];
  const covered = new Set(spaced.map((p) => areaOf(p.v.townshipId)));
  const best = new Map<string, T>();
  for (const p of all) {
    const a = areaOf(p.v.townshipId);
    const cur = best.get(a);
    if (!covered.has(a) && p.children > 0 && (!cur || p.children > cur.children)) best.set(a, p);
  }
  return [...out, ...best.values()];
}

function planOf(file: ProjectFile, q: OptimiseQuery): Plan {
  return typeof q.plan === 'string' ? resolvePlan(file, { name: q.plan }) : resolvePlan(file, { plan: q.plan });
}

/** Villages beyond every school's service distance, most children first, kept at least a service distance apart. */
function candidateSites(villages: { v: MapVillage; x: number; y: number; km: number; children: number }[], schools: { x: number; y: number }[], roadFactor: number) {
  const far = villages
    .filter((p) => p.children > 0 && schools.every((s) => (Math.hypot(s.x - p.x, s.y - p.y) / 1000) * roadFactor > p.km))
    .sort((a, b) => b.children - a.children || a.v.id.localeCompare(b.v.id));
  const out: typeof far = [];
  for (const p of far) {
    if (out.length >= MAX_SITES) break;
    if (out.every((q) => (Math.hypot(q.x - p.x, q.y - p.y) / 1000) * roadFactor > p.km)) out.push(p);
  }
  return out;
}

export function buildProjectInstance(file: ProjectFile, q: OptimiseQuery): ProjectInstance {
  const plan = planOf(file, q);
  const scenario = q.scenario ?? plan.scenario;
  const settings = optimiseSettingsSchema.parse({ ...(q.weights ?? {}), ...(q.timeLimit ? { timeLimit: q.timeLimit } : {}) });
  const stage = q.stage;
  const notes: string[] = [];
  const ctx = planContextFor(file, scenario, plan.outlookYear);
  const full = evaluatePlan(ctx, { ...plan, scenario });
  const committedPlan = { ...plan, scenario, projects: plan.projects.filter((p) => p.status === '已建成' || p.status === '在建') };
  const committed = evaluatePlan(ctx, committedPlan);
  const years: number[] = [];
  for (let y = plan.baseYear + 1; y <= plan.targetYear; y++) years.push(y);
  const yi = years.map((y) => committed.years.indexOf(y));

  const planRef = plan.id > 0 ? { plan: plan.id } : {};
  const maps: GeoMap[] = years.map((year) => geoMap(file, { ...planRef, scenario, year }));
  const first = maps[0];
  if (!first || first.villages.length === 0) {
    throw new AppError('INVALID_INPUT', '项目中没有村（社区）数据，无法进行布局优化：请先在“数据导入”中导入村（社区）位置和儿童数，或使用示例县。');
  }
  const geo = plan.settings.geo;
  const townshipClass = new Map(first.townships.map((t) => [t.code, t.urbanRural]));
  const located = first.schools.filter((s) => !s.isNew && s.position !== null && s.stages.includes(stage));
  const unlocated = first.schools.filter((s) => !s.isNew && s.position === null && s.stages.includes(stage));
  if (unlocated.length > 0) notes.push(`${unlocated.length} 所${stage === 'junior' ? '初中' : stage === 'primary' ? '小学' : '幼儿园'}没有经纬度，未参与优化：${unlocated.slice(0, 5).map((s) => s.name).join('、')}${unlocated.length > 5 ? ' 等' : ''}。`);

  // Children per village and year, scaled so the county total equals the projected enrolment
  // (under the area rule: each area's total equals the evaluation's demand of that area, the
  // very figure the plan's "what needs to be built" balances seats against).
  const villages = first.villages;
  const areaRule = q.rule === 'area';
  const areaOf = (township: string) => plan.areas[township] || ctx.townships.find((t) => t.code === township)?.area || township;
  const villageArea = villages.map((v) => areaOf(v.townshipId));
  const childrenOf = villages.map(() => new Array<number>(years.length).fill(0));
  years.forEach((y, t) => {
    const map = maps[t] as GeoMap;
    const byId = new Map(map.villages.map((v) => [v.id, v.childrenByStage[stage] ?? 0]));
    const raw = villages.map((v) => byId.get(v.id) ?? 0);
    const groupOf = (i: number) => (areaRule ? (villageArea[i] as string) : '');
    const sums = new Map<string, number>();
    raw.forEach((c, i) => sums.set(groupOf(i), (sums.get(groupOf(i)) ?? 0) + c));
    const demandOf = (group: string) =>
      areaRule
        ? (committed.gaps.find((g) => g.area === group && g.stage === stage && g.year === y)?.demand ?? 0)
        : committed.schools.reduce((a, s) => a + (s.byStage[stage]?.demand[yi[t] as number] ?? 0), 0);
    const k = new Map([...sums].map(([g, sum]) => [g, sum > 0 ? demandOf(g) / sum : 0]));
    raw.forEach((c, i) => ((childrenOf[i] as number[])[t] = Math.round(c * (k.get(groupOf(i)) ?? 0) * 10) / 10));
    if (t === 0 && !areaRule && (sums.get('') ?? 0) > 0) notes.push(`村（社区）儿童数按全县${years[0]} 年在校生预测总量校准（系数 ${(k.get('') ?? 0).toFixed(2)}），与规划评估的学位需求一致。`);
    if (t === 0 && areaRule) notes.push(`村（社区）儿童数按各片区每年的学位需求（规划评估）校准，与“建设需求测算”的需求相同。`);
  });

  const plane = toLocalPlane([...villages.map((v) => ({ lng: v.point[0], lat: v.point[1] })), ...located.map((s) => ({ lng: (s.position as [number, number])[0], lat: (s.position as [number, number])[1] }))]);
  const kmOfVillage = villages.map((v) => serviceDistance(geo, townshipClass.get(v.townshipId) ?? '乡村', stage) / 1000);
  const points: DemandPoint[] = villages.map((v, i) => ({ id: v.id, name: v.name, x: plane[i]?.x ?? 0, y: plane[i]?.y ?? 0, children: childrenOf[i] as number[] }));

  const keep = new Set(q.keep ?? []);
  const evalByCode = new Map(committed.schools.map((s) => [s.code, s]));
  const recordByCode = new Map(ctx.schools.map((s) => [s.code, s]));
  const facilities: Facility[] = located.map((s, j) => {
    const r = evalByCode.get(s.code);
    const xy = plane[villages.length + j] ?? { x: 0, y: 0 };
    const seats = Math.round(r?.byStage[stage]?.capacity[yi[0] as number] ?? 0);
    const urban = townshipClass.get(s.township) === '城区';
    const closable = (CLOSABLE_KINDS[stage] ?? []).includes(s.kind) && !keep.has(s.code);
    const boarding = stage === 'junior' && !urban;
    return {
      id: s.code,
      name: s.name,
      x: xy.x,
      y: xy.y,
      township: s.township,
      existing: true,
      kind: s.kind,
      seats,
      classes: Math.round(r?.byStage[stage]?.classes[yi[0] as number] ?? 0),
      students: Math.round(r?.byStage[stage]?.demand[0] ?? 0),
      options: buildOptions(stage, urban, seats, plan.settings, { kind: s.kind, siteArea: recordByCode.get(s.code)?.siteArea ?? null, otherSeats: otherStageSeats(r, stage, yi[0] as number) }),
      operating: settings.operatingPerSchool,
      keep: keep.has(s.code),
      closable,
      ...conversion(stage, s.kind, closable, s.township, full, plan),
      boardingCost: boarding ? settings.boardingSectionCost : null,
    };
  });

  const exclude = new Set(q.exclude ?? []);
  const villageRows = villages.map((v, i) => ({ v, x: points[i]?.x ?? 0, y: points[i]?.y ?? 0, km: kmOfVillage[i] ?? 0, children: Math.max(...(childrenOf[i] ?? [0])) }));
  const spaced = candidateSites(villageRows, facilities, geo.roadFactor);
  const sites = (areaRule ? withAreaSites(spaced, villageRows, areaOf) : spaced).filter((p) => !exclude.has(p.v.id));
  const kind = STAGE_KIND[stage] as SchoolKind;
  const positions: [number, number][] = located.map((s) => s.position as [number, number]);
  for (const p of sites) {
    const urban = townshipClass.get(p.v.townshipId) === '城区';
    const teachingPoints = stage === 'primary' && !urban && q.teachingPoints !== false ? teachingPointOptions(plan.settings, `${p.v.name}教学点`) : [];
    facilities.push(
      candidateSite({
        id: p.v.id,
        name: `${p.v.name}新建${stage === 'junior' ? '初级中学' : stage === 'primary' ? '小学' : '幼儿园'}`,
        x: p.x,
        y: p.y,
        township: p.v.townshipId,
        kind,
        options: [...teachingPoints, ...buildOptions(stage, urban, 0, plan.settings)],
        operating: settings.operatingPerSchool,
      }),
    );
    positions.push(p.v.point);
  }
  if (sites.length > 0) notes.push(`候选新建校址 ${sites.length} 处：服务半径外儿童最多的村（社区），彼此相距一个服务半径以上${areaRule ? '；另在每个片区儿童最多的村（社区）设一处' : ''}。`);
  if (stage === 'primary' && q.teachingPoints !== false && !areaRule) notes.push(`乡村候选校址也可设教学点（${TEACHING_POINT_SOURCE}）。`);
  if (areaRule) {
    notes.push(`按“片区学位平衡”规则求解：不考虑服务半径，儿童可到本片区（乡镇或规划设定的片区）内最近的 ${AREA_ARCS} 所学校之一就读，与“建设需求测算”按片区平衡学位的口径相同，用于比较两者的建设投资。`);
  }

  const boardingKm = stage === 'junior' && !areaRule ? settings.boardingKm : null;
  const arcs = areaRule
    ? areaArcs(points, facilities, villageArea, facilities.map((f) => areaOf(f.township ?? '')), geo.roadFactor, AREA_ARCS)
    : buildArcs(points, facilities, {
    serviceKm: Math.max(...kmOfVillage, 0),
    serviceKmOf: (i) => kmOfVillage[i] ?? 0,
    boardingKm,
    roadFactor: geo.roadFactor,
    beyondFactor: settings.beyondFactor,
    maxNear: 5,
    maxFar: 2,
  });
  const perYear = q.yearBudget ?? null;
  // Builds start after the base year like the suggestions' (one rule, build-years.ts); the
  // years before are bridged, and past the target year nothing can be built at all.
  const firstBuild = earliestCompletion(plan.baseYear, plan.settings.constructionYears);
  const firstBuildIndex = Math.min(years.length, Math.max(0, firstBuild - (years[0] ?? firstBuild)));
  const instance: OptInstance = {
    stage,
    years,
    firstBuildIndex,
    points,
    facilities,
    arcs,
    weights: { travel: settings.travelWeight, boarding: settings.boardingPenalty, beyond: settings.beyondPenalty, unmet: settings.unmetPenalty, holding: settings.holding },
    budget: years.map(() => perYear),
    totalBudget: q.budget ?? null,
    serviceKm: serviceDistance(geo, '乡村', stage) / 1000,
    boardingKm,
    roadFactor: geo.roadFactor,
  };
  return { instance, plan, scenario, settings, positions, full, committed, notes };
}

/** Seats of a school's other stages, which share its site with the stage optimised. */
function otherStageSeats(r: PlanEvaluation['schools'][number] | undefined, stage: Stage, yi: number): number {
  let seats = 0;
  for (const [st, series] of Object.entries(r?.byStage ?? {})) if (st !== stage) seats += series?.capacity[yi] ?? 0;
  return Math.round(seats);
}

/**
 * A primary school may become a kindergarten where its township is short of kindergarten
 * seats in the target year: credited with the seats it provides (6 classes, up to the
 * shortfall) at the cost per seat of a new kindergarten, less a third for the refit.
 */
function conversion(stage: Stage, kind: SchoolKind, closable: boolean, township: string, full: PlanEvaluation, plan: Plan) {
  const none = { convertCredit: 0, convertKind: null, convertSeats: 0 };
  if (stage !== 'primary' || kind !== 'primary' || !closable) return none;
  const row = full.townships.find((r) => r.township === township && r.stage === 'preschool' && r.year === plan.targetYear);
  const short = Math.max(0, Math.round(row?.shortfall ?? 0));
  if (short <= 0) return none;
  const seats = 6 * plan.settings.classSize.preschool;
  const est = estimateFacilities('kindergarten', 6, seats, plan.settings);
  if (!est) return none;
  const credit = (Math.min(seats, short) * est.investment) / seats;
  return { convertCredit: Math.round((credit * 2) / 3), convertKind: 'kindergarten' as SchoolKind, convertSeats: seats };
}
