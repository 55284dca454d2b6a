// A layout read back as the planner's decisions — 新建, 改扩建, 撤并, 转型, 寄宿 — each with its
// year, seats, cost, receiving schools and one Chinese sentence saying why, built from the
// figures of the solution itself (students, distances, spare seats in the year concerned).
import { KIND_LABEL, type SchoolKind } from '../domain/stages';
import { n, wan } from '../plan/text';
import type { OptInstance, OptionLand } from './instance';
import { siteSentence } from './site-land';
import { capacityOf, type OptSolution } from './solution';

export const DECISION_TYPES = ['新建', '改扩建', '撤并', '转型', '寄宿'] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

export interface DecisionReceiver {
  facility: number;
  id: string;
  name: string;
  share: number;
  km: number;
}

export interface OptDecision {
  type: DecisionType;
  facility: number;
  /** School code (existing) or candidate site id. */
  id: string;
  name: string;
  /** First school year the decision is in effect. */
  year: number;
  /** Classes and seats after the build (新建, 改扩建), or the converted school's (转型); 0 otherwise. */
  classes: number;
  seats: number;
  /** Seats added (改扩建), provided (新建, 转型), or removed (撤并: negative). */
  seatChange: number;
  /** 万元 of construction (0 for 撤并). */
  cost: number;
  floorArea: number | null;
  siteArea: number | null;
  kind: SchoolKind;
  township: string | null;
  receivers: DecisionReceiver[];
  reason: string;
  /** 改扩建 of a school whose site was checked or found unrecorded: what the site holds and the land bought. */
  land?: OptionLand;
}

function km1(x: number): string {
  return (Math.round(x * 10) / 10).toFixed(1);
}

/** Children at each facility in year t, and who sent them. */
function usage(inst: OptInstance, sol: OptSolution) {
  const T = inst.years.length;
  const used = inst.facilities.map(() => new Array<number>(T).fill(0));
  const far = inst.facilities.map(() => new Array<number>(T).fill(0));
  const byPoint = new Map<string, Map<number, number>>();
  for (const a of sol.assignments) {
    const arc = inst.arcs[a.arc];
    if (!arc) continue;
    (used[arc.facility] as number[])[a.t] = (used[arc.facility]?.[a.t] ?? 0) + a.children;
    if (arc.far) (far[arc.facility] as number[])[a.t] = (far[arc.facility]?.[a.t] ?? 0) + a.children;
    const key = `${arc.point}|${a.t}`;
    const m = byPoint.get(key) ?? new Map<number, number>();
    m.set(arc.facility, (m.get(arc.facility) ?? 0) + a.children);
    byPoint.set(key, m);
  }
  return { used, far, byPoint };
}

/**
 * Where a closed school's children go: the points nearest to it (the school's own
 * catchment, as the arcs see it), and the schools those points use in the closing year.
 */
function receiversOf(inst: OptInstance, sol: OptSolution, f: number, t: number, byPoint: Map<string, Map<number, number>>): DecisionReceiver[] {
  const catchment = new Set<number>();
  const nearest = new Map<number, { f: number; km: number }>();
  for (const arc of inst.arcs) {
    const cur = nearest.get(arc.point);
    if (!cur || arc.km < cur.km) nearest.set(arc.point, { f: arc.facility, km: arc.km });
  }
  for (const [p, v] of nearest) if (v.f === f) catchment.add(p);
  const sums = new Map<number, number>();
  for (const p of catchment) {
    for (const [g, c] of byPoint.get(`${p}|${t}`) ?? []) sums.set(g, (sums.get(g) ?? 0) + c);
  }
  const total = [...sums.values()].reduce((a, b) => a + b, 0);
  const fac = inst.facilities[f];
  const list = [...sums.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, 12)
    .map(([g, c]) => {
      const r = inst.facilities[g];
      const kmRoad = fac && r ? (Math.hypot(fac.x - r.x, fac.y - r.y) / 1000) * inst.roadFactor : 0;
      return { facility: g, id: r?.id ?? String(g), name: r?.name ?? '', share: total > 0 ? c / total : 0, km: kmRoad };
    });
  // Shares rounded to 0.1 % and made to add up to exactly 1 (the plan's receivers rule).
  let left = 1000;
  return list.map((r, i) => {
    const share = i === list.length - 1 ? left : Math.round(r.share * 1000);
    left -= share;
    return { ...r, share: share / 1000 };
  }).filter((r) => r.share > 0);
}

export function decisionsOf(inst: OptInstance, sol: OptSolution): OptDecision[] {
  const out: OptDecision[] = [];
  const { used, far, byPoint } = usage(inst, sol);
  const year = (t: number) => inst.years[t] ?? t;
  inst.facilities.forEach((fac, f) => {
    const base = { facility: f, id: fac.id, name: fac.name, kind: fac.kind, township: fac.township, floorArea: null, siteArea: null, receivers: [] };
    const k = sol.option[f];
    const from = sol.optionFrom[f];
    if (k !== null && k !== undefined && from !== null && from !== undefined) {
      const opt = fac.options[k];
      if (opt) {
        const y = year(from);
        const seated = Math.round(used[f]?.[from] ?? 0);
        const last = inst.years.length - 1;
        const peak = Math.round(Math.max(...(used[f] ?? [0])));
        if (fac.existing) {
          out.push({
            ...base, type: '改扩建', year: y, classes: opt.classes, seats: opt.seats, seatChange: opt.added, cost: opt.cost,
            floorArea: opt.floorArea, siteArea: opt.siteArea,
            reason: `改扩建 ${fac.name}：现有学位 ${n(fac.seats)} 个，${y} 年就读需求 ${n(seated)} 人（至 ${year(last)} 年最多 ${n(peak)} 人），扩至 ${opt.classes} 班、${n(opt.seats)} 个学位（增加 ${n(opt.added)} 个），投资约 ${wan(opt.cost)} 万元${opt.land ? `；${siteSentence(opt.land)}` : ''}。`,
            ...(opt.land ? { land: opt.land } : {}),
          });
        } else {
          const around = Math.round(seated);
          const name = opt.name ?? fac.name;
          const why = opt.kind === 'teaching_point' ? '村小规模小、距现有学校超出服务半径，设教学点比新建完全小学省' : '他们在服务半径内没有学位或距现有学校过远';
          out.push({
            ...base, name, kind: opt.kind ?? fac.kind, type: '新建', year: y, classes: opt.classes, seats: opt.seats, seatChange: opt.seats, cost: opt.cost,
            floorArea: opt.floorArea, siteArea: opt.siteArea,
            reason: `新建 ${name}（${opt.classes} 班，${n(opt.seats)} 个学位），${y} 年建成：就近安排 ${n(around)} 名儿童（至 ${year(last)} 年最多 ${n(peak)} 人），${why}，投资约 ${wan(opt.cost)} 万元（不含征地）。`,
          });
        }
      }
    }
    const close = sol.closeFrom[f];
    if (fac.existing && close !== null && close !== undefined) {
      const receivers = receiversOf(inst, sol, f, close, byPoint);
      const main = receivers[0];
      const y = year(close);
      const converted = fac.convertCredit > 0 && fac.convertKind !== null;
      let where = '学生无其他学校可接收';
      if (main) {
        const spare = Math.max(0, Math.round(capacityOf(inst, sol, main.facility, close) - (used[main.facility]?.[close] ?? 0)));
        where = `距 ${main.name} ${km1(main.km)} km，${main.name} ${y} 年起接收后仍有富余学位 ${n(spare)} 个`;
      }
      if (converted) {
        out.push({
          ...base, type: '转型', year: y, kind: fac.convertKind as SchoolKind, classes: 0, seats: fac.convertSeats, seatChange: -fac.seats, cost: 0, receivers,
          reason: `转型 ${fac.name} 为${KIND_LABEL[fac.convertKind as SchoolKind]}：在校 ${n(fac.students)} 人，${where}；转型后可提供${KIND_LABEL[fac.convertKind as SchoolKind]}学位 ${n(fac.convertSeats)} 个。`,
        });
      } else {
        out.push({
          ...base, type: '撤并', year: y, classes: 0, seats: 0, seatChange: -fac.seats, cost: 0, receivers,
          reason: `撤并 ${fac.name}：在校 ${n(fac.students)} 人，${where}，每年节省运行费用约 ${wan(fac.operating)} 万元。`,
        });
      }
    }
    const bf = sol.boardingFrom[f];
    if (bf !== null && bf !== undefined) {
      const y = year(bf);
      const boarders = Math.round(Math.max(...(far[f] ?? [0])));
      out.push({
        ...base, type: '寄宿', year: y, classes: 0, seats: boarders, seatChange: 0, cost: fac.boardingCost ?? 0,
        reason: `${fac.name}增设寄宿部：${y} 年起最多 ${n(boarders)} 名学生住处距学校超过服务半径 ${km1(inst.serviceKm)} km，就近无学位，寄宿就读，投资约 ${wan(fac.boardingCost ?? 0)} 万元。`,
      });
    }
  });
  return out.sort((a, b) => a.year - b.year || DECISION_TYPES.indexOf(a.type) - DECISION_TYPES.indexOf(b.type) || a.facility - b.facility);
}
