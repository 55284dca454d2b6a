// "What needs to be built": for every area and stage short of seats in the plan period,
// the seats and classes short by year and a proposal in standard sizes — an added stream
// at the fullest school when the shortfall is small, else new schools of a standard class
// count — with floor area, site area and cost from the norms. Sized for the peak of the
// plan period and completed by the first year short, so that adopting the proposals as
// they stand leaves no area red in the plan period.
import { gradesOf, KIND_LABEL, type SchoolKind, type Stage } from '../domain/stages';
import { COUNTY_POOL, COUNTY_STAGES, poolOf } from './demand';
import { seatsShort } from './levels';
import { defaultProject, type PlanProject } from './model';
import { estimateFacilities, standardClassCounts } from './norms';
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

/** Unit over capacity the most in a year, within the pool: where an added stream helps most. */
function fullestUnit(run: PlanRun, stage: Stage, pool: string, yi: number) {
  let best: { ref: string; name: string; kind: SchoolKind; excess: number; rooms: number; township: string } | null = null;
  for (const u of run.units) {
    if (u.unit.stage !== stage || !u.open[yi] || u.unit.school.isNew) continue;
    if (poolOf(stage, run.areaOf(u.township[yi] as string)) !== pool) continue;
    const excess = (u.demand[yi] as number) - (u.capacity[yi] as number);
    const state = run.states[yi]?.schools.get(u.unit.ref);
    if (excess > 0 && (!best || excess > best.excess)) {
      best = { ref: u.unit.ref, name: u.unit.school.name, kind: state?.kind ?? u.unit.school.kind, excess, rooms: u.rooms[yi] as number, township: u.township[yi] as string };
    }
  }
  return best;
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

function isUrban(run: PlanRun, township: string): boolean {
  return run.ctx.townships.find((t) => t.code === township)?.urbanRural === '城区';
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
    const peak = years.reduce((a, b) => (b.seats > a.seats ? b : a));
    const peakIdx = peak.year - plan.baseYear;
    const completion = first.year;
    const start = Math.max(plan.baseYear, completion - settings.constructionYears);
    const rushed = completion - settings.constructionYears < plan.baseYear;
    const kind = BUILD_KIND[stage];
    const label = `${area === COUNTY_POOL ? '全县' : area}${stageName(stage)}`;
    let text = `${label} ${first.year} 年起学位不足${peak.year !== first.year ? `，${peak.year} 年最多` : '，'}缺 ${n(peak.seats)} 个（约 ${n(peak.classes)} 个班）。`;
    const lastShort = years[years.length - 1] as SuggestionYear;
    const endsIdx = run.years.findIndex((y, yi) => yi > 0 && y > lastShort.year && (byYear.get(y)?.level ?? 'none') !== 'red');
    if (lastShort.year < plan.targetYear && endsIdx >= 0) {
      text += `缺口是阶段性的，${run.years[endsIdx]} 年起消失，可优先考虑挖潜、改扩建或临时校舍。`;
    }
    const projects: Draft[] = [];
    let added = 0;
    if (!kind) {
      text += `${stageName(stage)}学校没有标准建设规模，请结合实际研究扩容方案。`;
    } else {
      const pool = area;
      const township = COUNTY_STAGES.includes(stage) ? neediestTownship(run, stage, COUNTY_POOL, peakIdx) : neediestTownship(run, stage, pool, peakIdx);
      const urban = township !== null && isUrban(run, township);
      const standards = standardClassCounts(kind, urban);
      const smallest = standards[0] ?? 12;
      const largest = standards[standards.length - 1] ?? smallest;
      const fullest = fullestUnit(run, stage, pool, peakIdx);
      const grades = gradesOf(stage, run.ctx.county.schoolSystem);
      if (peak.classes <= smallest / 2 && fullest) {
        // A small shortfall: add streams (one class per grade each) to the fullest school.
        const classes = Math.ceil(peak.classes / grades) * grades;
        const seats = classes * size;
        const est = estimateFacilities(fullest.kind, fullest.rooms + classes, seats, settings, { urban: isUrban(run, fullest.township), added: { stage } });
        projects.push(
          draft({
            type: '改扩建', name: `${fullest.name}改扩建工程`, school: fullest.ref, stage, classes, seats,
            floorArea: est?.floorArea ?? null, siteArea: null, investment: est?.investment ?? null,
            startYear: start, completionYear: completion,
          }),
        );
        added = seats;
        text += `建议对${fullest.name}改扩建，增加 ${n(classes)} 个班、${n(seats)} 个学位${est ? `，建筑面积约 ${n(est.floorArea)} ㎡，投资约 ${wan(est.investment)} 万元` : ''}，${completion} 年完成。`;
      } else if (township) {
        const count = Math.max(1, Math.ceil(peak.classes / largest));
        const per = standards.find((c) => c * count >= peak.classes) ?? largest;
        const seats = per * size;
        const est = estimateFacilities(kind, per, seats, settings, { urban });
        const townshipName = run.townshipName(township);
        for (let i = 0; i < count; i++) {
          const name = `${townshipName}新建${SHORT_NAME[kind] ?? KIND_LABEL[kind]}${count > 1 ? `（${ORDINALS[i] ?? i + 1}）` : ''}`;
          projects.push(
            draft({
              type: '新建', name, kind, township, classes: per, seats,
              floorArea: est?.floorArea ?? null, siteArea: est?.siteArea ?? null, investment: est?.investment ?? null,
              startYear: start, completionYear: completion,
            }),
          );
        }
        added = seats * count;
        text += `建议在${townshipName}新建 ${per} 班${KIND_LABEL[kind]} ${count} 所，${count > 1 ? '每所 ' : ''}${n(seats)} 个学位`;
        text += est ? `，建筑面积约 ${n(est.floorArea)} ㎡、用地约 ${n(est.siteArea)} ㎡、投资约 ${wan(est.investment)} 万元` : '';
        text += `，${completion} 年建成。`;
      }
      // The project cannot start before the base year: say what that means for its completion.
      if (rushed) {
        text +=
          `按 ${settings.constructionYears} 年工期应在 ${completion - settings.constructionYears} 年开工，早于基准年；` +
          `项目按 ${start} 年开工、${completion} 年建成计（工期仅 ${completion - start} 年），` +
          `按正常工期最早 ${start + settings.constructionYears} 年建成，此前需挖潜或使用临时校舍过渡。`;
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
    });
  }
  return out;
}
