// "What needs to be built": for every area and stage short of seats in the plan period,
// the seats and classes short by year and a proposal in standard sizes — first 改扩建 of the
// area's schools with room on their site (suggest-extend.ts), then new schools of a standard
// class count for the rest — with floor area, site area and cost from the norms. A project
// begun after the base year is ready `constructionYears` later at the earliest: the proposal
// is sized for the peak of the years it can reach, and the years before are named as ones to
// bridge without building. The base year's own shortfall is the recorded situation, stated
// apart. See docs/ARCHITECTURE.md, "Suggestions".
import { KIND_LABEL, type SchoolKind, type Stage } from '../domain/stages';
import { urbanTownshipCodes } from '../domain/urban';
import { bridgeSentence, earliestCompletion } from './build-years';
import { COUNTY_POOL, COUNTY_STAGES, poolOf } from './demand';
import { seatsShort } from './levels';
import { defaultProject, type PlanProject } from './model';
import { estimateFacilities, standardClassCounts } from './norms';
import { extendOnSite } from './suggest-extend';
import type { PlanRun } from './run';
import { n, pct, stageName, wan } from './text';
import type { BuildSuggestion, GapRow, SuggestionYear } from './types';

const BUILD_KIND: Partial<Record<Stage, SchoolKind>> = {
  preschool: 'kindergarten',
  primary: 'primary',
  junior: 'junior',
  senior: 'senior',
};

const SHORT_NAME: Partial<Record<SchoolKind, string>> = { kindergarten: '幼儿园', primary: '小学', junior: '初级中学', senior: '高级中学' };
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

type Draft = Omit<PlanProject, 'id'>;

function draft(fields: Partial<Draft> & Pick<Draft, 'type' | 'name' | 'completionYear' | 'startYear'>): Draft {
  return { ...defaultProject(fields.type, fields.completionYear), note: '由“建设需求测算”生成，可按实际修改', ...fields };
}

/** Township of the pool whose schools are over capacity the most (where a new school goes). */
function neediestTownship(run: PlanRun, stage: Stage, pool: string, yi: number): string | null {
  const sums = new Map<string, number>();
  for (const u of run.units) {
    if (u.unit.stage !== stage || !u.open[yi]) continue;
    const t = u.township[yi] as string;
    if (poolOf(stage, run.areaOf(t)) !== pool) continue;
    sums.set(t, (sums.get(t) ?? 0) + Math.max(0, (u.demand[yi] as number) - (u.capacity[yi] as number)));
  }
  let best: string | null = null;
  for (const [t, v] of sums) if (best === null || v > (sums.get(best) ?? 0)) best = t;
  if (best) return best;
  return run.ctx.townships.find((t) => poolOf(stage, run.areaOf(t.code)) === pool)?.code ?? null;
}

/** A second extension of the same school in one plan is its next phase (二期 …). */
function extensionName(projects: readonly PlanProject[], school: string): string {
  const stem = `${school}改扩建工程`;
  const before = projects.filter((p) => p.name.startsWith(stem)).length;
  return before === 0 ? stem : `${stem}（${ORDINALS[before] ?? before + 1}期）`;
}

export function suggestBuilds(run: PlanRun, gaps: readonly GapRow[]): BuildSuggestion[] {
  const { settings, plan } = run;
  const red = settings.levels.red;
  const targetIdx = Math.max(0, Math.min(run.years.length - 1, plan.targetYear - plan.baseYear));
  const groups = new Map<string, GapRow[]>();
  for (const g of gaps) {
    const key = `${g.area}|${g.stage}`;
    const list = groups.get(key) ?? [];
    list.push(g);
    groups.set(key, list);
  }
  const out: BuildSuggestion[] = [];
  for (const [key, rows] of groups) {
    const { area, stage } = rows[0] as GapRow;
    const size = settings.classSize[stage];
    const byYear = new Map(rows.map((r) => [r.year, r]));
    const years: SuggestionYear[] = [];
    for (let yi = 1; yi <= targetIdx; yi++) {
      const y = run.years[yi] as number;
      const r = byYear.get(y);
      if (!r) continue;
      const seats = seatsShort(r.demand, r.capacity, red);
      if (seats > 0) years.push({ year: y, demand: r.demand, capacity: r.capacity, seats, classes: Math.ceil(seats / size) });
    }
    if (years.length === 0) continue;
    const first = years[0] as SuggestionYear;
    // A project begun the year after the base year is ready constructionYears later at the
    // earliest; the years short before that are bridged without building, and the proposal
    // is sized for the years it can reach.
    const earliest = earliestCompletion(plan.baseYear, settings.constructionYears);
    const completion = Math.max(first.year, earliest);
    const start = completion - settings.constructionYears;
    const reach = years.filter((y) => y.year >= completion);
    const peakOf = (list: SuggestionYear[]) => list.reduce((a, b) => (b.seats > a.seats ? b : a));
    const peak = peakOf(years);
    // What building is sized for: the largest shortfall in the years it can reach.
    const sized = reach.length > 0 ? peakOf(reach) : peak;
    const peakIdx = sized.year - plan.baseYear;
    const kind = BUILD_KIND[stage];
    const label = `${area === COUNTY_POOL ? '全县' : area}${stageName(stage)}`;
    const baseRow = byYear.get(plan.baseYear);
    const baseShort = baseRow ? seatsShort(baseRow.demand, baseRow.capacity, red) : 0;
    const since = baseShort > 0 && first.year === plan.baseYear + 1 ? `自基准年 ${plan.baseYear} 年起学位不足（基准年现状缺 ${n(baseShort)} 个）` : ` ${first.year} 年起学位不足`;
    let text = baseShort > 0 && first.year !== plan.baseYear + 1 ? `${label}基准年 ${plan.baseYear} 年现状缺 ${n(baseShort)} 个学位；` : '';
    text += `${label}${since}${peak.year !== first.year ? `，${peak.year} 年最多` : '，规划期内最多'}缺 ${n(peak.seats)} 个（约 ${n(peak.classes)} 个班）。`;
    const lastShort = years[years.length - 1] as SuggestionYear;
    const endsIdx = run.years.findIndex((y, yi) => yi > 0 && y > lastShort.year && (byYear.get(y)?.level ?? 'none') !== 'red');
    const ends = lastShort.year < plan.targetYear && endsIdx >= 0 ? (run.years[endsIdx] as number) : null;
    if (ends !== null && reach.length > 0) text += `缺口是阶段性的，${ends} 年起消失，可优先考虑挖潜、改扩建或临时校舍。`;
    const interim = years.filter((y) => y.year < completion);
    if (interim.length > 0) {
      const from = (interim[0] as SuggestionYear).year;
      const to = (interim[interim.length - 1] as SuggestionYear).year;
      text += bridgeSentence(settings.constructionYears, earliest, from, to);
      if (reach.length === 0) text += `${ends !== null ? `，缺口 ${ends} 年起消失` : ''}，不建议为此新建或改扩建。`;
      else text += sized.seats !== peak.seats ? `；${completion} 年起最多缺 ${n(sized.seats)} 个（${sized.year} 年），按此测算。` : '。';
    }
    const projects: Draft[] = [];
    let added = 0;
    // Short only before building can help: the interim sentence has said how those years are bridged.
    if (reach.length > 0 && !kind) {
      text += `${stageName(stage)}学校没有标准建设规模，请结合实际研究扩容方案。`;
    } else if (reach.length > 0 && kind) {
      const pool = area;
      const ext = extendOnSite(run, stage, pool, peakIdx, sized.seats);
      const when = `${start} 年开工、${completion} 年建成`;
      const parts: string[] = [];
      for (const e of ext.extensions) {
        projects.push(
          draft({
            type: '改扩建', name: extensionName(plan.projects, e.name), school: e.ref, stage, classes: e.classes, seats: e.seats,
            floorArea: e.est?.floorArea ?? null, siteArea: null, investment: e.est?.investment ?? null,
            startYear: start, completionYear: completion,
          }),
        );
        added += e.seats;
        parts.push(
          `${e.name}增加 ${n(e.classes)} 个班、${n(e.seats)} 个学位（占地 ${n(e.siteArea)} ㎡，按生均用地 ${n(e.sitePerPupil)} ㎡ 可容 ${n(e.siteSeats)} 个学位，现有 ${n(e.seatsNow)} 个；办学规模不超过 ${n(e.sizeLimit)} 人）` +
            (e.est ? `，建筑面积约 ${n(e.est.floorArea)} ㎡，投资约 ${wan(e.est.investment)} 万元` : ''),
        );
      }
      if (parts.length > 0) text += `建议先在原校址改扩建：${parts.join('；')}，${when}。`;
      if (ext.unknownSite > 0) text += `另有 ${ext.unknownSite} 所学校未填占地面积，未计入改扩建。`;
      const township = ext.left > 0 ? (COUNTY_STAGES.includes(stage) ? neediestTownship(run, stage, COUNTY_POOL, peakIdx) : neediestTownship(run, stage, pool, peakIdx)) : null;
      if (township) {
        const urban = urbanTownshipCodes(run.ctx.townships).has(township);
        const standards = standardClassCounts(kind, urban);
        const largest = standards[standards.length - 1] ?? 12;
        const classesShort = Math.ceil(ext.left / size);
        const count = Math.max(1, Math.ceil(classesShort / largest));
        const per = standards.find((c) => c * count >= classesShort) ?? largest;
        const seats = per * size;
        const est = estimateFacilities(kind, per, seats, settings, { urban });
        const townshipName = run.townshipName(township);
        const stem = `${townshipName}新建${SHORT_NAME[kind] ?? KIND_LABEL[kind]}`;
        const before = plan.projects.filter((p) => p.name.startsWith(stem)).length;
        for (let i = 0; i < count; i++) {
          const nth = before + i;
          const name = `${stem}${count > 1 || before > 0 ? `（${ORDINALS[nth] ?? nth + 1}）` : ''}`;
          projects.push(
            draft({
              type: '新建', name, kind, township, classes: per, seats,
              floorArea: est?.floorArea ?? null, siteArea: est?.siteArea ?? null, investment: est?.investment ?? null,
              startYear: start, completionYear: completion,
            }),
          );
        }
        added += seats * count;
        text += parts.length > 0 ? `现有校址容纳不下的 ${n(ext.left)} 个学位，` : '';
        text += `建议在${townshipName}新建 ${per} 班${KIND_LABEL[kind]} ${count} 所，${count > 1 ? '每所 ' : ''}${n(seats)} 个学位`;
        text += est ? `，建筑面积约 ${n(est.floorArea)} ㎡、用地约 ${n(est.siteArea)} ㎡、投资约 ${wan(est.investment)} 万元` : '';
        text += `，${when}。`;
      }
    }
    // Seen over the outlook: does the added capacity stand empty later?
    let outlook: string | null = null;
    if (added > 0) {
      let worst: { year: number; u: number } | null = null;
      for (let yi = targetIdx + 1; yi < run.years.length; yi++) {
        const r = byYear.get(run.years[yi] as number);
        if (!r) continue;
        const u = r.demand / (r.capacity + added);
        if (!worst || u < worst.u) worst = { year: r.year, u };
      }
      if (worst && worst.u < settings.levels.blue) {
        outlook = `至 ${worst.year} 年需求回落，${label}学位利用率将降至 ${pct(worst.u)}：可考虑分期建设、租用或预留转型（如${stage === 'primary' ? '小学转幼儿园' : '调整学段'}）。`;
      }
    }
    out.push({
      key,
      area,
      stage,
      firstYear: first.year,
      peakYear: peak.year,
      peakSeats: peak.seats,
      peakClasses: peak.classes,
      years,
      projects,
      text,
      outlook,
      bridgeOnly: reach.length === 0,
    });
  }
  return out;
}
