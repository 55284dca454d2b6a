// The 布局图 and its analyses: reads the geography, the plan and its evaluation for a year,
// and hands them to the pure functions of shared/geo (demand points, coverage, catchments,
// new site). The map, the CLI `coverage` and the annex read the same results.
import type { ParsedInput } from '../../../shared/api';
import { STAGE_LABEL, type EditRecord, type Township } from '../../../shared/domain';
import type { CatchmentResult, CoverageBy, CoverageResult, GeoMap, MapProject, MapSchool, MapTownship, MapVillage, NewSiteSuggestion } from '../../../shared/geo/api';
import { catchments, closureMoves, type ManualAssignment } from '../../../shared/geo/catchments';
import { coverage, spatialFrame, type SitedSchool } from '../../../shared/geo/coverage';
import { demandPoints, type DemandPoint } from '../../../shared/geo/demand';
import { bboxOfPolygon, emptyBBox, extendBBox, isEmptyBBox } from '../../../shared/geo/geometry';
import { COVERAGE_STAGES, type CountyGeography, type CoverageStage, type Position } from '../../../shared/geo/model';
import { bestNewSite } from '../../../shared/geo/new-site';
import { GEO_SETTING_SOURCES, serviceDistance } from '../../../shared/geo/settings';
import { evaluatePlan, groupsInYear, type Plan, type PlanEvaluation } from '../../../shared/plan';
import { AppError } from '../errors';
import { assignCatchments, catchmentRows, projectSites, readGeography, setProjectSite } from '../db/geo';
import type { ProjectFile } from '../db/project-file';
import { listEdits } from '../db/edits';
import { allSchools } from '../db/queries';
import { readPlan } from '../db/plans';
import { readInclusion } from '../db/inclusion';
import { townshipAges } from './geo-demand';
import { planContextFor, resolvePlan } from './plan-context';
import { recordEdit } from './plan';
import { undoEditById, updateSchool } from './edits';
import { countyRecords, type CountyRecords } from './projection';

type Query = ParsedInput<'geo.map'>;

/** One plan, scenario and year with everything the analyses read. */
interface GeoState {
  plan: Plan;
  stored: boolean;
  scenario: string;
  year: number;
  yearIndex: number;
  evaluation: PlanEvaluation;
  geography: CountyGeography;
  data: CountyRecords;
  sites: Map<number, Position>;
  points: DemandPoint[];
  unknownVillages: CoverageResult['villagesWithoutChildren'];
  basis: CoverageResult['childrenBasis'];
  notes: string[];
  schools: MapSchool[];
}

function planOf(file: ProjectFile, q: { plan?: number | string }): Plan {
  return typeof q.plan === 'string' ? resolvePlan(file, { name: q.plan }) : resolvePlan(file, { plan: q.plan });
}

function stateOf(file: ProjectFile, q: Query): GeoState {
  const plan = planOf(file, q);
  const scenario = q.scenario ?? plan.scenario;
  const ctx = planContextFor(file, scenario, plan.outlookYear, plan.id);
  const evaluation = evaluatePlan(ctx, { ...plan, scenario });
  const years = evaluation.years;
  const year = q.year ?? plan.baseYear;
  const yearIndex = years.indexOf(year);
  if (yearIndex < 0) throw new AppError('INVALID_INPUT', `年份 ${year} 不在规划“${plan.name}”的年份范围内（${years[0]}—${years[years.length - 1]} 年）。`);
  const data = countyRecords(file);
  const geography = readGeography(file.db);
  const sites = plan.id > 0 ? projectSites(file.db, plan.id) : new Map<number, Position>();
  const demand = demandPoints({
    townships: data.townships,
    boundaries: geography.townships,
    villages: geography.villages,
    ages: townshipAges(file, data, scenario, plan.outlookYear),
    system: data.meta.schoolSystem,
    referenceYear: ctx.dataBaseYear,
    year,
  });
  const notes = [...demand.notes];
  const schools = mapSchools(evaluation, data, plan, sites, yearIndex, year, notes);
  const stored = readPlan(file.db, plan.id) !== null;
  return { plan, stored, scenario, year, yearIndex, evaluation, geography, data, sites, points: demand.points, unknownVillages: demand.unknownVillages, basis: demand.basis, notes, schools };
}

function mapSchools(e: PlanEvaluation, data: CountyRecords, plan: Plan, sites: Map<number, Position>, yi: number, year: number, notes: string[]): MapSchool[] {
  const located = new Map(data.schools.map((s) => [s.code, s.lng !== null && s.lat !== null ? ([s.lng, s.lat] as Position) : null]));
  const townshipOf = new Map(data.townships.map((t) => [t.code, t]));
  const settings = plan.settings.geo;
  // A 迁建 moves its school to the project's site from its completion year.
  const moved = new Map<string, Position>();
  for (const p of plan.projects) {
    const site = sites.get(p.id);
    if (p.type === '迁建' && p.school && site && year >= p.completionYear && p.status !== '暂缓') moved.set(p.school, site);
  }
  let unplaced = 0;
  const out = e.schools.map((s): MapSchool => {
    const position = moved.get(s.code) ?? (s.isNew ? (s.projectId !== null ? (sites.get(s.projectId) ?? null) : null) : (located.get(s.code) ?? null));
    if (position === null) unplaced++;
    const open = (s.openFrom === null || year >= s.openFrom) && (s.closedFrom === null || year < s.closedFrom);
    const urbanRural = townshipOf.get(s.township)?.urbanRural ?? '乡村';
    const serviceDist: MapSchool['serviceDistance'] = {};
    for (const st of s.stages) if ((COVERAGE_STAGES as readonly string[]).includes(st)) serviceDist[st as CoverageStage] = serviceDistance(settings, urbanRural, st as CoverageStage);
    return {
      code: s.code,
      name: s.name,
      kind: s.kind,
      stages: s.stages,
      township: s.township,
      position,
      students: Math.round(s.demand[yi] ?? 0),
      seats: Math.round(s.capacity[yi] ?? 0),
      utilisation: s.utilisation[yi] ?? null,
      level: s.level[yi] ?? 'none',
      isNew: s.isNew,
      open,
      serviceDistance: serviceDist,
    };
  });
  if (unplaced > 0) notes.push(`${unplaced} 所学校（含未放置位置的新建项目）没有经纬度，未画在图上，也未计入覆盖分析。`);
  return out;
}

/** Open schools with a location and their seats per stage in the state's year. */
function sitedSchools(state: GeoState): SitedSchool[] {
  const byCode = new Map(state.evaluation.schools.map((s) => [s.code, s]));
  const out: SitedSchool[] = [];
  for (const s of state.schools) {
    if (!s.open || !s.position) continue;
    const r = byCode.get(s.code);
    const seats: SitedSchool['seats'] = {};
    for (const st of s.stages) {
      if (!(COVERAGE_STAGES as readonly string[]).includes(st)) continue;
      seats[st as CoverageStage] = Math.round(r?.byStage[st]?.capacity[state.yearIndex] ?? 0);
    }
    if (Object.keys(seats).length > 0) out.push({ code: s.code, name: s.name, position: s.position, seats });
  }
  return out;
}

/** Open schools per coverage stage without a location: coverage cannot count them. */
function unsitedSchools(state: GeoState): Partial<Record<CoverageStage, number>> {
  const out: Partial<Record<CoverageStage, number>> = {};
  for (const s of state.schools) {
    if (!s.open || s.position) continue;
    for (const st of s.stages) if ((COVERAGE_STAGES as readonly string[]).includes(st)) out[st as CoverageStage] = (out[st as CoverageStage] ?? 0) + 1;
  }
  return out;
}

function planRef(state: GeoState): { id: number; name: string } | null {
  return state.stored ? { id: state.plan.id, name: state.plan.name } : null;
}

function coverageOf(state: GeoState, schools = sitedSchools(state), by: CoverageBy = 'distance'): CoverageResult {
  const settings = state.plan.settings.geo;
  const stages = coverage({ points: state.points, schools, settings, townships: state.data.townships, by, unsited: unsitedSchools(state) });
  return {
    plan: planRef(state), scenario: state.scenario, year: state.year, by, roadFactor: settings.roadFactor,
    speeds: { walk: settings.travel.walkKmh, bus: settings.travel.busKmh },
    childrenBasis: state.basis, stages, villagesWithoutChildren: state.unknownVillages, notes: state.notes,
  };
}

function assign(file: ProjectFile, state: GeoState, forced: ManualAssignment[] = []): ReturnType<typeof catchments> {
  const schools = sitedSchools(state);
  const manual = state.stored ? catchmentRows(file.db, state.plan.id) : [];
  return catchments({ points: state.points, schools, roadFactor: state.plan.settings.geo.roadFactor, manual, forced, frame: spatialFrame(state.points, schools) });
}

/**
 * The villages of each school a 撤并 has closed by the state's year, sent to the nearest of
 * its project's receivers that is open and teaches the stage.
 */
function closureRedirects(state: GeoState, base: ReturnType<typeof catchments>): ManualAssignment[] {
  const byCode = new Map(state.schools.map((s) => [s.code, s]));
  const pointOf = new Map(state.points.map((p) => [p.id, p]));
  const out: ManualAssignment[] = [];
  for (const p of state.plan.projects) {
    const closed = p.school ? byCode.get(p.school) : undefined;
    if (!closed || closed.open || p.receivers.length === 0 || p.status === '暂缓' || p.completionYear > state.year) continue;
    for (const stage of COVERAGE_STAGES) {
      const receivers = p.receivers.map((r) => byCode.get(r.school)).filter((s): s is MapSchool => !!s?.open && !!s.position && s.stages.includes(stage));
      if (receivers.length === 0) continue;
      for (const a of base.stages[stage].assignments) {
        const v = a.school === closed.code ? pointOf.get(a.village) : undefined;
        if (!v) continue;
        const kx = Math.cos((v.position[1] * Math.PI) / 180);
        const near = (s: MapSchool) => (((s.position as Position)[0] - v.position[0]) * kx) ** 2 + ((s.position as Position)[1] - v.position[1]) ** 2;
        const to = receivers.reduce((x, y) => (near(y) < near(x) ? y : x));
        out.push({ stage, village: a.village, school: to.code });
      }
    }
  }
  return out;
}

/** Catchments of the state's year; after the base year, with the villages a 撤并 moved to its receivers. */
function catchmentsOf(file: ProjectFile, state: GeoState, query: Query): CatchmentResult {
  const later = state.year !== state.plan.baseYear;
  const base = later ? assign(file, stateOf(file, { ...query, year: state.plan.baseYear })) : null;
  const r = assign(file, state, base ? closureRedirects(state, base) : []);
  if (base) {
    const open = new Set(state.schools.filter((s) => s.open).map((s) => s.code));
    const names = new Map(state.schools.map((s) => [s.code, s.name]));
    for (const stage of COVERAGE_STAGES) {
      r.stages[stage].moved = closureMoves(base.stages[stage], r.stages[stage], open, names, state.points, stage, state.plan.settings.geo);
    }
  }
  return { plan: planRef(state), year: state.year, stages: r.stages, notes: [...state.notes, ...r.notes] };
}

export function geoCoverage(file: ProjectFile, q: Query & { by?: CoverageBy | undefined }): CoverageResult {
  const state = stateOf(file, q);
  return coverageOf(state, sitedSchools(state), q.by);
}

export function geoCatchments(file: ProjectFile, q: Query): CatchmentResult {
  return catchmentsOf(file, stateOf(file, q), q);
}

export function geoMap(file: ProjectFile, q: Query): GeoMap {
  return mapOf(file, stateOf(file, q));
}

/** The map and its coverage from one reading of the plan and the geography (the annex prints both). */
export function geoMapWithCoverage(file: ProjectFile, q: Query): { map: GeoMap; coverage: CoverageResult } {
  const state = stateOf(file, q);
  return { map: mapOf(file, state), coverage: coverageOf(state) };
}

function mapOf(file: ProjectFile, state: GeoState): GeoMap {
  const g = state.geography;
  const boundaryOf = new Map(g.townships.map((b) => [b.township, b]));
  const pointOf = new Map(state.points.map((p) => [p.id, p]));
  const townships: MapTownship[] = state.data.townships.map((t: Township) => ({
    code: t.code,
    name: t.name,
    urbanRural: t.urbanRural,
    area: state.plan.areas[t.code] ?? t.area,
    boundary: boundaryOf.get(t.code) ?? null,
  }));
  const villages: MapVillage[] = g.villages.map((v) => {
    const p = pointOf.get(v.id);
    return { ...v, childrenByStage: p ? p.children : { preschool: 0, primary: 0, junior: 0 }, childrenBasis: p?.basis ?? 'estimated' };
  });
  const projects: MapProject[] = state.plan.projects.map((p) => ({
    id: p.id,
    type: p.type,
    name: p.name,
    school: p.school,
    township: p.township,
    completionYear: p.completionYear,
    site: state.sites.get(p.id) ?? null,
    receivers: p.receivers.map((r) => ({ school: r.school, share: r.share })),
  }));
  const box = emptyBBox();
  if (g.outline) bboxOfPolygon(g.outline.geometry, box);
  for (const b of g.townships) bboxOfPolygon(b.geometry, box);
  for (const v of g.villages) extendBBox(box, v.point);
  for (const s of state.schools) if (s.position) extendBBox(box, s.position);
  const assigned = assign(file, state);
  const notes = [...state.notes];
  if (!g.outline && g.townships.length === 0) notes.push('项目中没有县界和乡镇边界：可用布局图的“导入地理数据”导入 GeoJSON 或 Shapefile 边界。');
  if (g.villages.length === 0) notes.push('项目中没有村（社区）数据：儿童分布按乡镇估算。');
  return {
    plan: planRef(state),
    scenario: state.scenario,
    year: state.year,
    years: state.evaluation.years,
    settings: state.plan.settings.geo,
    sources: { ...GEO_SETTING_SOURCES },
    bbox: isEmptyBBox(box) ? null : box,
    outline: g.outline,
    townships,
    villages,
    layers: g.layers,
    schools: state.schools,
    projects,
    catchments: COVERAGE_STAGES.flatMap((st) => assigned.stages[st].assignments),
    groups: groupsInYear(readInclusion(file.db).groups, state.evaluation.projects.filter((p) => p.applied), state.year)
      .map((gr) => ({ name: gr.name, core: gr.core, members: gr.members.filter((m) => m !== gr.core) })),
    notes,
  };
}

export function geoNewSite(file: ProjectFile, q: ParsedInput<'geo.newSite'>): NewSiteSuggestion | null {
  const state = stateOf(file, q);
  const cov = coverageOf(state);
  const stage = q.stage;
  const { children, covered } = cov.stages[stage];
  // Unknown coverage (no children placed, or no school of the stage sited) leaves nothing to cover.
  if (children === null || covered === null) return null;
  const uncoveredIds = new Set(cov.stages[stage].uncovered.map((u) => u.villageId));
  const uncovered = state.points.filter((p) => uncoveredIds.has(p.id));
  const choice = bestNewSite(state.points, uncovered, stage, state.plan.settings.geo);
  if (!choice) return null;
  const township = choice.village?.township ?? nearestTownship(state.points, choice.position);
  const gap = state.evaluation.townships.find((r) => r.township === township && r.stage === stage && r.year === state.year);
  return {
    stage,
    year: state.year,
    position: choice.position,
    township,
    townshipName: state.data.townships.find((t) => t.code === township)?.name ?? township,
    village: choice.village?.name ?? null,
    covers: Math.round(choice.covers),
    villages: choice.villages,
    uncoveredChildren: Math.round(children - covered),
    seatGap: Math.max(0, Math.round(gap?.gap ?? 0)),
  };
}

function nearestTownship(points: readonly DemandPoint[], p: Position): string {
  let best = '';
  let d = Infinity;
  for (const q of points) {
    const e = (q.position[0] - p[0]) ** 2 + (q.position[1] - p[1]) ** 2;
    if (e < d) {
      d = e;
      best = q.township;
    }
  }
  return best;
}

function storedPlan(file: ProjectFile, id: number): Plan {
  const plan = readPlan(file.db, id);
  if (!plan) throw new AppError('NOT_FOUND', '要修改的规划已不存在。');
  return plan;
}

export function geoAssignVillages(file: ProjectFile, input: ParsedInput<'geo.assignVillages'>): CatchmentResult {
  const plan = storedPlan(file, input.plan);
  const known = new Set(readGeography(file.db).villages.map((v) => v.id));
  const unknown = input.villages.filter((v) => !known.has(v));
  if (unknown.length) throw new AppError('NOT_FOUND', `没有编号为 ${unknown.slice(0, 5).join('、')}${unknown.length > 5 ? ' 等' : ''} 的村（社区）。`);
  let label = `取消 ${input.villages.length} 个村（社区）的${STAGE_LABEL[input.stage]}划片`;
  if (input.school !== null) {
    const state = stateOf(file, { plan: plan.id });
    const s = state.schools.find((x) => x.code === input.school);
    if (!s) throw new AppError('NOT_FOUND', `规划“${plan.name}”中没有学校 ${input.school}。`);
    if (!s.stages.includes(input.stage)) throw new AppError('INVALID_INPUT', `${s.name} 不设该学段，不能划入该学段的村（社区）。`);
    label = `${input.villages.length} 个村（社区）的${STAGE_LABEL[input.stage]}划入${s.name}`;
  }
  // An edit of the plan like any other: one undo entry, taken back by plan.undo.
  file.db.transaction(() => recordEdit(file, plan.id, label, () => assignCatchments(file.db, plan.id, input.stage, input.villages, input.school)))();
  return geoCatchments(file, { plan: plan.id });
}

export function geoSetProjectSite(file: ProjectFile, input: ParsedInput<'geo.setProjectSite'>): GeoMap {
  const plan = storedPlan(file, input.plan);
  const project = plan.projects.find((p) => p.id === input.project);
  if (!project) throw new AppError('NOT_FOUND', `规划“${plan.name}”中没有编号为 ${input.project} 的项目。`);
  if (project.type !== '新建' && project.type !== '迁建') throw new AppError('INVALID_INPUT', `只有新建和迁建项目有选址，“${project.name}”是${project.type}项目。`);
  const label = input.position === null ? `取消项目“${project.name}”的选址` : `项目“${project.name}”选址`;
  file.db.transaction(() => recordEdit(file, plan.id, label, () => setProjectSite(file.db, plan.id, project.id, input.position)))();
  return geoMap(file, { plan: plan.id });
}

type Moved = { code: string; position: [number, number] | null };

const positionOf = (s: { lng: number | null; lat: number | null } | undefined): [number, number] | null =>
  s && s.lng !== null && s.lat !== null ? [s.lng, s.lat] : null;

/** A move on the map is an ordinary school edit of 经度/纬度: in the edit history, undone by edits.undo. */
export function geoMoveSchool(file: ProjectFile, input: ParsedInput<'geo.moveSchool'>): Moved & { previous: [number, number] | null; editId: number } {
  const school = allSchools(file.db).find((s) => s.code === input.code);
  if (!school) throw new AppError('NOT_FOUND', `没有学校标识码为 ${input.code} 的学校。`);
  const { editId } = updateSchool(file, { school: input.code, changes: { lng: input.position?.[0] ?? null, lat: input.position?.[1] ?? null } });
  return { code: input.code, position: input.position, previous: positionOf(school), editId };
}

const isMove = (e: EditRecord) => !e.undoneAt && e.changes.length > 0 && e.changes.every((c) => c.field === 'lng' || c.field === 'lat');

/** Undoes the latest school edit still in force that only moved a school; null when there is none. */
export function geoUndoSchoolMove(file: ProjectFile): Moved | null {
  const last = listEdits(file.db, 'school').find(isMove);
  if (!last) return null;
  undoEditById(file, last.id);
  return { code: last.key, position: positionOf(allSchools(file.db).find((s) => s.code === last.key)) };
}

