// Annexes 1, 3, 4, 5 and the demand chart from the stored plan (shared/plan) and its
// evaluation: the plan's targets, seat balance, projects and layout changes mapped onto the
// providers' inputs. Pure functions of the plan, its evaluation and the current schools, so
// the annexes show the numbers the 规划 page and `cli evaluate` show.
import {
  type AdjustmentRecord,
  type AdjustmentsInput,
  type DemandChartInput,
  type IndicatorRecord,
  type IndicatorsInput,
  type ProjectRecord,
  type ProjectsInput,
  type SeatBalanceInput,
  type SeatBalanceRecord,
} from '../../../shared/annex';
import { KIND_LABEL, KIND_STAGES, STAGE_LABEL, STAGES, type SchoolKind, type Stage } from '../../../shared/domain';
import {
  COMPARATOR_LABEL,
  CONSTRUCTION_TYPES,
  COUNTY_POOL,
  COUNTY_STAGES,
  investmentBasis,
  siteAreaBasis,
  isAdjustment,
  isConstruction,
  PROJECT_TYPE,
  type ProjectTypeSpec,
  targetDef,
  type Plan,
  type PlanEvaluation,
  type ProjectResult,
  type TargetResult,
} from '../../../shared/plan';

/** An existing school as the layout table names it: where it is and what kind it is now. */
export interface SchoolFacts {
  kind: SchoolKind;
  townshipName: string;
}

/** "“十五五”" for titles; a name already in quotes stays as it is. */
export function quotedPlanName(name: string): string {
  return /^[“"「]/.test(name) ? name : `“${name}”`;
}

/** Years of the tables by year: the plan period after the base year, then the outlook year. */
export function planTableYears(plan: Pick<Plan, 'baseYear' | 'targetYear' | 'outlookYear'>): number[] {
  const years: number[] = [];
  for (let y = plan.baseYear + 1; y <= plan.targetYear; y++) years.push(y);
  if (plan.outlookYear > plan.targetYear) years.push(plan.outlookYear);
  return years;
}

/** Notes every plan annex carries about where the demand comes from. */
export function demandNotes(ev: PlanEvaluation, withProjects = true): string[] {
  const projects = withProjects ? '，已计入规划中的新建、改扩建、迁建、撤并和转型项目' : '';
  // Without a projection the evaluation holds the last recorded year: its own note says so.
  if (ev.source.kind === 'flat') return [...ev.source.notes];
  return [`学位需求按学龄人口与在校生预测“${ev.plan.scenario}”方案测算${projects}。`];
}

// ---- 附件1 主要发展指标表 -------------------------------------------------------------------

const CATEGORY_ORDER = ['学前教育', '义务教育', '高中阶段', '优质均衡', '布局与建设', '教师队伍'];

function formatOf(t: TargetResult): IndicatorRecord['format'] {
  const def = targetDef(t.key);
  if (def && !t.custom) return def.decimals === 0 ? 'integer' : def.decimals === 1 ? 'rate' : 'coefficient';
  if (t.unit === '%') return 'rate';
  return [t.base, t.projected, t.target].every((v) => v === null || Number.isInteger(v)) ? 'integer' : 'rate';
}

/** The target as plan documents write it: "＞90", "≥85", "≤0.45"; "0" for none allowed, "100" for all. */
export function targetText(t: Pick<TargetResult, 'comparator' | 'target' | 'unit'>, format: IndicatorRecord['format']): string {
  const digits = format === 'integer' ? 0 : format === 'rate' ? 1 : 3;
  const value = String(Math.round(t.target * 10 ** digits) / 10 ** digits);
  if (t.comparator === '=') return value;
  if (t.comparator === '<=' && t.target === 0) return value;
  if (t.comparator === '>=' && t.unit === '%' && t.target === 100) return value;
  return `${COMPARATOR_LABEL[t.comparator]}${value}`;
}

export function indicatorsInput(plan: Plan, ev: PlanEvaluation): IndicatorsInput {
  const categoryOf = (t: TargetResult) => (t.custom ? '' : (targetDef(t.key)?.group ?? ''));
  const rank = (t: TargetResult) => {
    const i = CATEGORY_ORDER.indexOf(categoryOf(t));
    return i < 0 ? CATEGORY_ORDER.length : i;
  };
  // Stable: the plan's own order within a category.
  const ordered = ev.targets.map((t, i) => ({ t, i })).sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i);
  return {
    baseYear: ev.plan.baseYear,
    targetYear: ev.plan.targetYear,
    planName: quotedPlanName(plan.name),
    indicators: ordered.map(({ t }): IndicatorRecord => {
      const format = formatOf(t);
      return {
        category: categoryOf(t) || '其他',
        name: t.name,
        unit: t.unit,
        base: t.base,
        target: targetText(t, format),
        attribute: t.attribute,
        projected: t.projected,
        met: t.met,
        format,
        ...(t.missing ? { missing: t.missing } : {}),
      };
    }),
  };
}

// ---- 附件3 学位供需平衡表 -------------------------------------------------------------------

/**
 * By planning area, stage and year (plan period and outlook year), then the county: the
 * county-wide stages (高中, 中职, 特殊教育) are planned for the county as a whole and appear
 * only there; the other stages' county rows are the sums of the areas.
 */
export function seatBalanceInput(plan: Plan, ev: PlanEvaluation): SeatBalanceInput {
  const years = new Set(planTableYears(ev.plan));
  const records: SeatBalanceRecord[] = [];
  const add = (rows: PlanEvaluation['gaps']) => {
    for (const g of rows) {
      if (!years.has(g.year) || g.level === 'none') continue;
      records.push({ area: g.area, stage: g.stage, year: g.year, demand: g.demand, capacity: g.capacity, level: g.level });
    }
  };
  add(ev.gaps.filter((g) => g.area !== COUNTY_POOL));
  add([...ev.gaps.filter((g) => g.area === COUNTY_POOL), ...ev.county.filter((g) => !COUNTY_STAGES.includes(g.stage))]);
  return { records, areaOrder: [...ev.areas.map((a) => a.name), COUNTY_POOL], classSize: plan.settings.classSize };
}

/** Which years are the plan period and which the outlook. */
export function yearsNote(plan: Pick<Plan, 'baseYear' | 'targetYear' | 'outlookYear'>): string {
  const period = plan.targetYear > plan.baseYear + 1 ? `${plan.baseYear + 1}—${plan.targetYear}年` : `${plan.targetYear}年`;
  return `${period}为规划期${plan.outlookYear > plan.targetYear ? `，${plan.outlookYear}年为展望年` : ''}。`;
}

/** The level note in the plan's own thresholds. */
export function levelNote(plan: Plan): string {
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  const { red, orange, blue } = plan.settings.levels;
  return `预警等级：学位使用率超过${pct(red)}为红色，${pct(orange)}～${pct(red)}为橙色，低于${pct(blue)}为蓝色，其余为绿色。`;
}

// ---- 附件4 新建改扩建学校项目表 ---------------------------------------------------------------

/** The plan's builds; 暂缓 projects count nowhere and are left out (the count is returned). */
export function projectsInput(plan: Plan, ev: PlanEvaluation): { input: ProjectsInput; deferred: number } {
  const builds = ev.projects.flatMap((p) => (isConstruction(p.type) ? [{ ...p, nature: p.type }] : []));
  const kept = builds
    .filter((p) => p.status !== '暂缓')
    .sort((a, b) => CONSTRUCTION_TYPES.indexOf(a.nature) - CONSTRUCTION_TYPES.indexOf(b.nature) || a.completionYear - b.completionYear || a.id - b.id);
  const projects = kept.map((p): ProjectRecord => {
    const stage: Stage = p.stages[0] ?? 'primary';
    return {
      name: p.name,
      nature: p.nature,
      location: p.townshipName,
      stage,
      ...(p.stages.length > 1 ? { stageLabel: p.stages.map((s) => STAGE_LABEL[s]).join('、') } : {}),
      // Works on a school's buildings add no classes or seats: the cells stay empty rather than 0.
      classes: PROJECT_TYPE[p.type].builds ? p.classes : null,
      seats: PROJECT_TYPE[p.type].builds ? p.seats : null,
      siteArea: p.siteArea,
      floorArea: p.floorArea,
      investment: p.investment,
      funding: p.funding,
      startYear: p.startYear,
      endYear: p.completionYear,
      note: projectNote(p),
    };
  });
  return { input: { projects, planName: quotedPlanName(plan.name) }, deferred: builds.length - kept.length };
}

/**
 * Notes under 附件4: the investment of the listed projects split into its parts, the site area,
 * and what each part rests on (the table keeps the plan document's customary columns).
 */
export function investmentNotes(plan: Plan, ev: PlanEvaluation): string[] {
  const kept = ev.projects.filter((p) => isConstruction(p.type) && p.status !== '暂缓');
  if (kept.length === 0) return [];
  const sum = (pick: (p: ProjectResult) => number | null | undefined): number | null => {
    const known = kept.map(pick).filter((v): v is number => typeof v === 'number');
    return known.length === 0 ? null : Math.round(known.reduce((a, b) => a + b, 0) * 10) / 10;
  };
  const fmt = (v: number | null, unit: string): string => (v === null ? '未计' : `${v.toLocaleString('zh-CN')} ${unit}`);
  const parts = (k: 'building' | 'equipment' | 'siteWorks' | 'land') => sum((p) => p.investmentParts?.[k]);
  const entered = kept.filter((p) => p.investment !== null && p.investmentParts && Math.abs(p.investment - p.investmentParts.total) > 0.05).length;
  const site = sum((p) => p.siteArea);
  return [
    `投资构成（按规范测算）：建安工程 ${fmt(parts('building'), '万元')}，设备购置 ${fmt(parts('equipment'), '万元')}，` +
      `室外工程 ${fmt(parts('siteWorks'), '万元')}，土地费用 ${fmt(parts('land'), '万元')}；新建、迁建项目用地面积合计 ${fmt(site, '㎡')}。` +
      (entered > 0 ? `其中 ${entered} 个项目的总投资为填报数，与测算构成不同，表中以填报数为准。` : ''),
    investmentBasis(plan.settings),
    siteAreaBasis(plan.settings),
  ];
}

function projectNote(p: ProjectResult): string {
  const parts: string[] = [];
  if (p.status === '在建' || p.status === '已建成') parts.push(p.status);
  // An extension's name often leaves out the school it extends.
  const spec: ProjectTypeSpec = PROJECT_TYPE[p.type];
  if ((spec.increment || spec.works) && p.schoolName && !p.name.includes(p.schoolName)) parts.push(p.schoolName);
  if (spec.boarding && p.boardingPlaces > 0) parts.push(`新增寄宿床位 ${p.boardingPlaces} 个`);
  if (p.note) parts.push(p.note);
  return parts.join('；');
}

// ---- 附件5 学校布局调整表 ------------------------------------------------------------------

/** 学段 as the layout table prints it: the short name of the kind of school. */
export const SHORT_KIND: Record<SchoolKind, string> = {
  kindergarten: '幼儿园',
  primary: '小学',
  teaching_point: '教学点',
  junior: '初中',
  nine_year: '九年一贯制',
  complete_middle: '完全中学',
  senior: '高中',
  twelve_year: '十二年一贯制',
  vocational: '中职',
  special: '特殊教育',
};

function receiversText(p: ProjectResult): string {
  const several = p.receivers.length > 1;
  return p.receivers.map((r) => (several ? `${r.name}（${Math.round(r.share * 100)}%）` : r.name)).join('、');
}

/**
 * 撤并 with the receiving schools (and their shares when several), 迁建 with the new site,
 * 转型 with what the school becomes; 涉及学生 are the school's projected students in the year
 * before the change (for 转型, those of the stages it stops teaching).
 */
export function adjustmentsInput(plan: Plan, ev: PlanEvaluation, schools: ReadonlyMap<string, SchoolFacts>): { input: AdjustmentsInput; deferred: number } {
  const results = new Map(ev.schools.map((s) => [s.code, s]));
  const changes = ev.projects.flatMap((p) => (isAdjustment(p.type) ? [{ ...p, nature: p.type }] : []));
  const kept = changes.filter((p) => p.status !== '暂缓');
  const adjustments = kept
    .sort((a, b) => a.completionYear - b.completionYear || a.id - b.id)
    .map((p): AdjustmentRecord => {
      const facts = p.school ? schools.get(p.school) : undefined;
      const result = p.school ? results.get(p.school) : undefined;
      const kind: SchoolKind | undefined = facts?.kind ?? result?.kind;
      const before = Math.min(ev.years.length - 1, Math.max(0, ev.years.indexOf(p.completionYear - 1)));
      let students: number | null = result ? (result.demand[before] ?? null) : null;
      let receiving: string;
      const effect = PROJECT_TYPE[p.nature].capacity;
      if (effect === 'close') {
        receiving = receiversText(p);
      } else if (effect === 'move') {
        const size = p.classes > 0 ? `${p.classes}班、${p.seats}个学位` : `${p.seats}个学位`;
        receiving = `${p.nature}至${p.townshipName}新校址（${size}）`;
      } else {
        const becomes = p.kind;
        receiving = becomes ? `转为${KIND_LABEL[becomes]}` : p.nature;
        if (p.receivers.length > 0) receiving += `，学生分流至${receiversText(p)}`;
        if (result && becomes) {
          const stays = new Set(KIND_STAGES[becomes]);
          const leaving = STAGES.filter((s) => !stays.has(s) && result.byStage[s]);
          if (leaving.length > 0) students = leaving.reduce((sum, s) => sum + (result.byStage[s]?.demand[before] ?? 0), 0);
        }
      }
      return {
        type: p.nature,
        school: p.schoolName,
        township: facts?.townshipName ?? result?.townshipName ?? p.townshipName,
        stage: kind ? SHORT_KIND[kind] : p.stages.map((s) => STAGE_LABEL[s]).join('、'),
        receiving,
        students: students === null ? null : Math.round(students),
        year: p.completionYear,
        note: p.note,
      };
    });
  return { input: { adjustments, planName: quotedPlanName(plan.name) }, deferred: changes.length - kept.length };
}

// ---- 图 各学段学位需求与供给 -----------------------------------------------------------------

/** County demand and seats per stage over every year of the evaluation (base to outlook). */
export function demandChartInput(ev: PlanEvaluation): DemandChartInput {
  const stages = ev.stages.filter((s) => ev.county.some((g) => g.stage === s && (g.demand > 0 || g.capacity > 0)));
  return {
    years: ev.years,
    stages: stages.map((stage) => {
      const byYear = new Map(ev.county.filter((g) => g.stage === stage).map((g) => [g.year, g]));
      return {
        stage,
        demand: ev.years.map((y) => byYear.get(y)?.demand ?? null),
        capacity: ev.years.map((y) => byYear.get(y)?.capacity ?? null),
      };
    }),
  };
}
