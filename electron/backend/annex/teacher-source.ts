// The 教师需求测算表's input from the plan evaluation: townships in the plan's area order,
// stages in catalogue order, the period figures summed over the plan's years.
import type { TeacherAnnexInput } from '../../../shared/annex';
import type { PlanEvaluation } from '../../../shared/plan';

export function teachersInput(ev: PlanEvaluation): TeacherAnnexInput {
  const tp = ev.teachers;
  const order = ev.areas.flatMap((a) => a.townships.map((t) => t.code));
  const rank = (code: string) => {
    const i = order.indexOf(code);
    return i < 0 ? order.length : i;
  };
  const byTownship = new Map<string, TeacherAnnexInput['townships'][number]>();
  for (const r of [...tp.byTownship].sort((a, b) => rank(a.township) - rank(b.township))) {
    const entry = byTownship.get(r.township) ?? { name: r.townshipName, rows: [] };
    entry.rows.push({ stage: r.stage, demand: r.demand, supply: r.supply, gap: r.gap, unknownPosts: r.unknownPosts });
    byTownship.set(r.township, entry);
  }
  const upTo = Math.max(0, ev.plan.targetYear - ev.plan.baseYear);
  const inPeriod = (xs: number[]) => xs.slice(1, upTo + 1).reduce((a, b) => a + b, 0);
  return {
    years: tp.years,
    baseYear: ev.plan.baseYear,
    targetYear: ev.plan.targetYear,
    outlookYear: ev.plan.outlookYear,
    county: tp.stages.flatMap((s) => {
      const r = tp.byStage[s];
      return r ? [{ stage: s, demand: r.demand, supply: r.supply, gap: r.gap, unknownPosts: r.unknownPosts }] : [];
    }),
    townships: [...byTownship.values()],
    period: tp.stages.flatMap((s) => {
      const r = tp.byStage[s];
      return r ? [{ stage: s, freed: inPeriod(r.freedByClosure), forNew: r.neededByNew[upTo] ?? 0, hired: inPeriod(r.hired) }] : [];
    }),
    basis: tp.notes,
  };
}
