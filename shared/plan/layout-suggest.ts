// Layout proposals beside the build proposals: a small school whose pupils keep falling is
// proposed for 撤并 into a school that can seat them in every remaining year of the plan
// period, or for 转型 into a kindergarten where its area is short of kindergarten seats. A
// receiver is a school of the same township or, where both schools have coordinates, one
// within the 服务半径 of the plan's geo settings (straight line × 路网系数); with coordinates the
// proposal states the added travel (the distance between the two schools) and prefers a
// receiver within the 服务半径; without them it says the distance was not computed.
import type { SchoolKind, Stage } from '../domain/stages';
import { haversine } from '../geo/geometry';
import type { Position } from '../geo/model';
import { serviceDistance } from '../geo/settings';
import { defaultProject, type PlanProject } from './model';
import type { PlanRun } from './run';
import { n, pct } from './text';
import type { GapRow, SchoolResult } from './types';

/** 乡村小规模学校: fewer than 100 pupils (《国务院办公厅关于全面加强乡村小规模学校和乡镇寄宿制学校建设的指导意见》，国办发〔2018〕27号). */
export const SMALL_SCHOOL_PUPILS = 100;

/** Kinds a small school may be, each with the one stage it teaches. */
const SMALL_KINDS: Partial<Record<SchoolKind, Stage>> = { primary: 'primary', teaching_point: 'primary', junior: 'junior' };

export interface LayoutSuggestion {
  school: string;
  schoolName: string;
  type: '撤并' | '转型';
  /** Earliest school year it can take effect: the year after the base year (no building needed). */
  year: number;
  /** Pupils in the base year and in the target year. */
  basePupils: number;
  targetPupils: number;
  receiver: string;
  receiverName: string;
  /** The receiver's spare seats in the target year before taking the pupils. */
  receiverSpare: number;
  /** Travel distance between the two schools, m (straight line × 路网系数); null without coordinates. */
  travel: number | null;
  /** The 服务半径 that applies to the closed school's pupils, m. */
  serviceDistance: number;
  project: Omit<PlanProject, 'id'>;
  /** One sentence saying why. */
  text: string;
}

function spareEveryYear(r: SchoolResult, s: SchoolResult, from: number, to: number): number | null {
  let least = Infinity;
  for (let i = from; i <= to; i++) {
    const spare = (r.capacity[i] ?? 0) - (r.demand[i] ?? 0) - (s.demand[i] ?? 0);
    if (spare < 0) return null;
    least = Math.min(least, spare);
  }
  return least;
}

const km = (m: number) => (m / 1000).toFixed(1);

/** The added travel as the proposal states it, against the 服务半径. */
function travelNote(travel: number | null, limit: number, roadFactor: number): string {
  if (travel === null) return '（未计算上学距离，请核实路程与交通）。';
  const within = travel <= limit ? `在服务半径 ${km(limit)} 公里以内` : `超出服务半径 ${km(limit)} 公里，需寄宿或校车接送`;
  return `（两校相距约 ${km(travel)} 公里（直线距离 × 路网系数 ${roadFactor}），学生上学路程相应增加，${within}）。`;
}

export function suggestLayout(run: PlanRun, schools: readonly SchoolResult[], gaps: readonly GapRow[]): LayoutSuggestion[] {
  const { plan, settings } = run;
  const base = 0;
  const target = Math.max(0, Math.min(run.years.length - 1, plan.targetYear - plan.baseYear));
  const year = plan.baseYear + 1;
  const fromIdx = 1;
  const out: LayoutSuggestion[] = [];
  const taken = new Map<string, number>();
  const shortPreschool = new Set(gaps.filter((g) => g.stage === 'preschool' && g.year === plan.targetYear && g.gap > 0).map((g) => g.area));
  const open = (s: SchoolResult) => !s.isNew && s.closedFrom === null && (s.capacity[target] ?? 0) > 0;
  const candidates = schools
    .filter((s) => open(s) && SMALL_KINDS[s.kind] !== undefined && s.ownership === '公办')
    .filter((s) => {
      const pupils = s.demand[target] ?? 0;
      const u = s.utilisation[target];
      return pupils > 0 && pupils < SMALL_SCHOOL_PUPILS && pupils < (s.demand[base] ?? 0) && u !== null && u !== undefined && u < settings.levels.blue;
    })
    .sort((a, b) => (a.demand[target] ?? 0) - (b.demand[target] ?? 0));
  const candidateCodes = new Set(candidates.map((s) => s.code));
  const where = new Map<string, Position>();
  for (const c of run.ctx.schools) if (c.lng !== null && c.lat !== null) where.set(c.code, [c.lng, c.lat]);
  const travelOf = (a: string, b: string): number | null => {
    const pa = where.get(a);
    const pb = where.get(b);
    return pa && pb ? haversine(pa, pb) * settings.geo.roadFactor : null;
  };
  const urbanOf = new Map(run.ctx.townships.map((t) => [t.code, t.urbanRural]));
  for (const s of candidates) {
    const stage = SMALL_KINDS[s.kind] as Stage;
    const limit = serviceDistance(settings.geo, urbanOf.get(s.township) ?? '乡村', stage === 'junior' ? 'junior' : 'primary');
    let best: { r: SchoolResult; spare: number; travel: number | null; near: boolean } | null = null;
    for (const r of schools) {
      if (r.code === s.code || candidateCodes.has(r.code) || !open(r) || !r.stages.includes(stage)) continue;
      const travel = travelOf(s.code, r.code);
      const near = travel !== null && travel <= limit;
      if (r.township !== s.township && !near) continue;
      const spare = spareEveryYear(r, s, fromIdx, target);
      const left = spare === null ? null : spare - (taken.get(r.code) ?? 0);
      if (left === null || left < 0) continue;
      const better = !best || (near && !best.near) || (near === best.near && left > best.spare);
      if (better) best = { r, spare: left, travel, near };
    }
    if (!best) continue;
    taken.set(best.r.code, (taken.get(best.r.code) ?? 0) + (s.demand[target] ?? 0));
    const pupils = s.demand[target] ?? 0;
    const spareBefore = (best.r.capacity[target] ?? 0) - (best.r.demand[target] ?? 0);
    const convert = stage === 'primary' && shortPreschool.has(s.area);
    const classes = Math.max(3, Math.min(6, s.classes[base] ?? 3));
    const receivers = [{ school: best.r.code, share: 1 }];
    const project: Omit<PlanProject, 'id'> = convert
      ? {
          ...defaultProject('转型', year), name: `${s.name}改办幼儿园`, school: s.code, kind: 'kindergarten', classes,
          seats: classes * settings.classSize.preschool, receivers, startYear: year, note: '由“布局调整建议”生成，可按实际修改',
        }
      : { ...defaultProject('撤并', year), name: `${s.name}撤并`, school: s.code, receivers, startYear: year, note: '由“布局调整建议”生成，可按实际修改' };
    const why =
      `${s.name}在校生由 ${plan.baseYear} 年的 ${n(s.demand[base] ?? 0)} 人减至 ${plan.targetYear} 年的 ${n(pupils)} 人（学位利用率 ${pct(s.utilisation[target] ?? 0)}），` +
      `${best.r.township === s.township ? '同乡镇的' : ''}${best.r.name}在 ${year}—${plan.targetYear} 年每年都能容纳其学生（${plan.targetYear} 年尚余 ${n(spareBefore)} 个学位），` +
      (convert
        ? `所在片区幼儿园学位不足，建议 ${year} 年起改办 ${classes} 班幼儿园、小学生并入${best.r.name}`
        : `建议 ${year} 年起撤并、学生并入${best.r.name}`) +
      travelNote(best.travel, limit, settings.geo.roadFactor);
    out.push({
      school: s.code, schoolName: s.name, type: convert ? '转型' : '撤并', year, basePupils: s.demand[base] ?? 0, targetPupils: pupils,
      receiver: best.r.code, receiverName: best.r.name, receiverSpare: spareBefore, travel: best.travel, serviceDistance: limit, project, text: why,
    });
  }
  return out;
}
