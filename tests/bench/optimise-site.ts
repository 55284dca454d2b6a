// The optimiser's site rule on the sample county, before and after: each stage × rule solved
// on its instance with every expansion priced unchecked (as before the rule: no land beyond
// 占地面积 ÷ 生均用地) and as built now, each stopped by CPU time. Not part of `npm run bench`:
// `CPU=15 [LAND=<万元/亩>] nice -n 10 npx tsx tests/bench/optimise-site.ts`.
import os from 'node:os';
import { openProjectFile } from '../../electron/backend/db/project-file';
import { solveInstance } from '../../electron/backend/optimise/solve';
import { buildProjectInstance } from '../../electron/backend/services/optimise-instance';
import { costOf, travelSummary, type OptInstance, type OptSolution } from '../../shared/optimise';
import { generateCounty } from '../../shared/sample';
import { projectWithPlan, resultOf } from '../helpers/backend';

const budget = Number(process.env.CPU ?? 15);
const landPerMu = process.env.LAND ? Number(process.env.LAND) : undefined;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

function unchecked(inst: OptInstance): OptInstance {
  return { ...inst, facilities: inst.facilities.map((f) => ({ ...f, options: f.options.map((o) => (o.land?.extra ? { ...o, cost: Math.round((o.cost - (o.land.extra.land ?? 0) - (o.land.extra.siteWorks ?? 0)) * 10) / 10, siteArea: null } : o)) })) };
}

function expansionsBeyond(inst: OptInstance, sol: OptSolution) {
  let n = 0, beyond = 0, area = 0;
  inst.facilities.forEach((f, i) => {
    const k = sol.option[i];
    if (!f.existing || k === null || k === undefined) return;
    const o = f.options[k];
    n++;
    if (o?.land?.extra) { beyond++; area += o.land.extra.area; }
  });
  return { n, beyond, mu: Math.round((area / (2000 / 3)) * 10) / 10 };
}

async function solve(label: string, inst: OptInstance) {
  const c0 = cpu();
  let at1: number | null = null;
  const out = await solveInstance(inst, { timeLimit: 3600, mipGap: 0.005, shouldStop: () => cpu() - c0 > budget, onProgress: (p) => { if (at1 === null && p.gap !== null && p.gap < 0.01) at1 = cpu() - c0; } });
  const sol = out.mip ?? out.greedy;
  const m = costOf(inst, sol); const g = costOf(inst, out.greedy);
  const t = travelSummary(inst, sol); const tg = travelSummary(inst, out.greedy);
  const e = expansionsBeyond(inst, sol); const eg = expansionsBeyond(inst, out.greedy);
  console.log(`${label}: status ${out.solverStatus} gap ${out.mip?.gap === null || out.mip?.gap === undefined ? '-' : (out.mip.gap * 100).toFixed(2) + '%'} cpu ${(cpu() - c0).toFixed(1)}s (<1% at ${at1 === null ? '-' : (at1 as number).toFixed(1)}) | MIP capital ${m.capital.toFixed(1)} objective ${m.objective.toFixed(1)} unmet ${t.unmetSeats} expansions ${e.n} beyond-site ${e.beyond} (${e.mu} 亩) | greedy capital ${g.capital.toFixed(1)} objective ${g.objective.toFixed(1)} unmet ${tg.unmetSeats} expansions ${eg.n} beyond-site ${eg.beyond} (${eg.mu} 亩) | load ${os.loadavg()[0]?.toFixed(1)}`);
}

async function main() {
  const made = await projectWithPlan('csp-bench-site-', generateCounty(), async (backend, plan) => {
    if (landPerMu !== undefined) await resultOf(backend.dispatch('plan.update', { plan: plan.id, settings: { ...plan.settings, landPerMu } }));
  });
  const plan = made.plan;
  const project = await openProjectFile(made.projectPath);
  const cases = (['distance', 'area'] as const).flatMap((rule) => (['primary', 'junior'] as const).map((stage) => ({ stage, rule, p: buildProjectInstance(project, { plan: plan.id, stage, rule }) })));
  project.close();
  for (const { stage, rule, p } of cases) {
    const inst = p.instance;
    const ex = inst.facilities.filter((f) => f.existing);
    const withSite = ex.filter((f) => f.options.some((o) => o.land?.site));
    const noSite = ex.filter((f) => f.options.length > 0 && f.options.every((o) => o.land && !o.land.site));
    const fitsNone = ex.filter((f) => f.options.length > 0 && f.options.every((o) => o.land?.extra));
    console.log(`${stage}/${rule}: ${ex.length} schools, ${withSite.length} with site checked, ${noSite.length} unchecked, ${fitsNone.length} whose every size needs land; landPerMu ${p.plan.settings.landPerMu}`);
    await solve(`  before (unchecked) ${stage}/${rule}`, unchecked(inst));
    await solve(`  after  (site rule) ${stage}/${rule}`, inst);
  }
}
void main();
