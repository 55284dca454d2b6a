// Holds a layout to every constraint of the problem, whichever method produced it: each
// child seated or counted unmet, seats within capacity, only open schools used, travel beyond
// the service distance only with a boarding section, builds not before the first build year,
// one standard size per school, the planner's locks, the budget per year, and the objective the
// method claims equal to the one recomputed from its decisions. An empty list means it holds.
import type { OptInstance } from './instance';
import { capacityOf, costOf, isOpen, type OptSolution } from './solution';

const EPS = 1e-4;

export function checkSolution(inst: OptInstance, sol: OptSolution): string[] {
  const out: string[] = [];
  const T = inst.years.length;
  const F = inst.facilities.length;
  const P = inst.points.length;
  const year = (t: number) => inst.years[t] ?? t;
  if (sol.closeFrom.length !== F || sol.option.length !== F || sol.optionFrom.length !== F || sol.boardingFrom.length !== F) {
    return ['方案的学校决策数与学校数不一致'];
  }
  if (sol.unmet.length !== P) return ['方案的未满足需求行数与需求点数不一致'];

  const seated: number[][] = inst.points.map(() => new Array<number>(T).fill(0));
  const used: number[][] = inst.facilities.map(() => new Array<number>(T).fill(0));
  for (const a of sol.assignments) {
    const arc = inst.arcs[a.arc];
    if (!arc || a.t < 0 || a.t >= T) {
      out.push(`分配引用了不存在的线路或年份（${a.arc}，${a.t}）`);
      continue;
    }
    if (a.children < -EPS) out.push(`分配人数为负（线路 ${a.arc}）`);
    const fac = inst.facilities[arc.facility];
    const name = fac?.name ?? String(arc.facility);
    if (!isOpen(inst, sol, arc.facility, a.t) && a.children > EPS) out.push(`${year(a.t)} 年${name}未开办，却分配了学生`);
    if (arc.far && a.children > EPS) {
      const bf = sol.boardingFrom[arc.facility];
      if (bf === null || bf === undefined || a.t < bf) out.push(`${year(a.t)} 年${inst.points[arc.point]?.name ?? ''}到${name}超出服务半径，但该校没有寄宿部`);
    }
    (seated[arc.point] as number[])[a.t] = (seated[arc.point]?.[a.t] ?? 0) + a.children;
    (used[arc.facility] as number[])[a.t] = (used[arc.facility]?.[a.t] ?? 0) + a.children;
  }
  inst.points.forEach((p, pi) => {
    for (let t = 0; t < T; t++) {
      const d = p.children[t] ?? 0;
      const u = sol.unmet[pi]?.[t] ?? 0;
      if (u < -EPS) out.push(`${year(t)} 年${p.name}的未入学人数为负`);
      const s = (seated[pi]?.[t] ?? 0) + u;
      if (Math.abs(s - d) > EPS * Math.max(1, d)) out.push(`${year(t)} 年${p.name}：${d} 名儿童中安排了 ${s.toFixed(3)} 名（含未入学）`);
    }
  });
  inst.facilities.forEach((fac, f) => {
    for (let t = 0; t < T; t++) {
      const cap = capacityOf(inst, sol, f, t);
      const n = used[f]?.[t] ?? 0;
      if (n > cap + EPS * Math.max(1, cap)) out.push(`${year(t)} 年${fac.name}：安排 ${n.toFixed(1)} 人，超过学位 ${cap} 个`);
    }
    const close = sol.closeFrom[f];
    if (close !== null && close !== undefined) {
      if (!fac.existing) out.push(`${fac.name}是候选校址，不能撤并`);
      else if (fac.keep) out.push(`${fac.name}已锁定保留，却被撤并`);
      else if (!fac.closable) out.push(`${fac.name}不允许撤并`);
      else if (fac.convertCredit > 0 && close < inst.firstBuildIndex) out.push(`${fac.name}在 ${year(close)} 年转型，早于最早可建成年份`);
    }
    const k = sol.option[f];
    const from = sol.optionFrom[f];
    if ((k === null || k === undefined) !== (from === null || from === undefined)) out.push(`${fac.name}的建设规模与年份不成对`);
    if (k !== null && k !== undefined) {
      if (!fac.options[k]) out.push(`${fac.name}没有第 ${k + 1} 种建设规模`);
      if (from !== null && from !== undefined && from < inst.firstBuildIndex) out.push(`${fac.name}在 ${year(from)} 年建成，早于最早可建成年份 ${year(inst.firstBuildIndex)}`);
      if (close !== null && close !== undefined && from !== null && from !== undefined && from >= close) out.push(`${fac.name}在撤并后仍有建设`);
    }
    const bf = sol.boardingFrom[f];
    if (bf !== null && bf !== undefined) {
      if (fac.boardingCost === null) out.push(`${fac.name}不允许设寄宿部`);
      if (bf < inst.firstBuildIndex) out.push(`${fac.name}的寄宿部早于最早可建成年份`);
    }
  });
  inst.budget.forEach((limit, t) => {
    if (limit === null) return;
    let spent = 0;
    inst.facilities.forEach((fac, f) => {
      const k = sol.option[f];
      if (k !== null && k !== undefined && sol.optionFrom[f] === t) spent += fac.options[k]?.cost ?? 0;
      if (sol.boardingFrom[f] === t) spent += fac.boardingCost ?? 0;
    });
    if (spent > limit + EPS * Math.max(1, limit)) out.push(`${year(t)} 年建成项目投资 ${spent.toFixed(1)} 万元，超过当年预算 ${limit} 万元`);
  });
  const costs = costOf(inst, sol);
  if (inst.totalBudget !== null && costs.capital > inst.totalBudget + EPS * Math.max(1, inst.totalBudget)) {
    out.push(`建设投资合计 ${costs.capital.toFixed(1)} 万元，超过总预算 ${inst.totalBudget} 万元`);
  }
  const cost = costs.objective;
  if (Math.abs(cost - sol.claimedObjective) > 1e-4 * Math.max(1, Math.abs(cost))) {
    out.push(`方案声称的目标值 ${sol.claimedObjective.toFixed(2)} 与按决策重算的 ${cost.toFixed(2)} 不一致`);
  }
  return out;
}
