// The optimiser's expansions on the sample county against each school's site: 占地面积 ÷ 生均用地
// (the suggestions' rule) bounds the sizes priced as before, larger sizes buy the land they
// need, and schools whose 占地面积 is left blank (every third primary school here) keep every
// size, flagged. Through the instance and through plan.optimise, MIP and greedy layouts alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProjectFile, type ProjectFile } from '../../electron/backend/db/project-file';
import { buildProjectInstance } from '../../electron/backend/services/optimise-instance';
import { buildOptions } from '../../shared/optimise/options';
import type { OptimisedProject, OptimiseResult } from '../../shared/optimise/result';
import type { PlanDetail } from '../../shared/plan';
import { siteAreaPerStudent } from '../../shared/plan/norms';
import { generateCounty } from '../../shared/sample';
import { projectWithPlan, resultOf } from '../helpers/backend';

let file: ProjectFile;
let plan: PlanDetail;
let byArea: OptimiseResult;
const blank = new Set<string>();
const urbanTownships = new Set<string>();

beforeAll(async () => {
  const county = generateCounty();
  for (const t of county.townships) if (t.urbanRural === '城区') urbanTownships.add(t.code);
  county.schools.filter((s) => s.kind === 'primary').forEach((s, i) => {
    if (i % 3 !== 0) return;
    s.siteArea = null;
    blank.add(s.code);
  });
  const made = await projectWithPlan('csp-optimise-site-', county, (backend, p) =>
    resultOf<OptimiseResult>(backend.dispatch('plan.optimise', { plan: p.id, stage: 'primary', rule: 'area', timeLimit: 2 })),
  );
  plan = made.plan;
  byArea = made.answer as OptimiseResult;
  file = await openProjectFile(made.projectPath);
}, 600_000);

afterAll(() => file?.close());

describe('optimiser expansions against the site (sample county, primary)', () => {
  it('offers within the site as before, beyond it with the land, and every size where 占地面积 is blank', () => {
    const { instance } = buildProjectInstance(file, { plan: plan.id, stage: 'primary', rule: 'area' });
    const schools = instance.facilities.filter((f) => f.existing && f.options.length > 0);
    let beyond = 0;
    let unchecked = 0;
    for (const f of schools) {
      const urban = urbanTownships.has(f.township ?? '');
      const plain = buildOptions('primary', urban, f.seats, plan.settings);
      for (const [k, o] of f.options.entries()) {
        const land = o.land;
        expect(land, f.name).toBeDefined();
        if (!land?.site) {
          expect(blank.has(f.id), f.name).toBe(true);
          expect(o.cost).toBe(plain[k]?.cost);
          continue;
        }
        const { siteArea, sitePerPupil, siteSeats } = land.site;
        expect(sitePerPupil).toBe(siteAreaPerStudent(f.kind, plan.settings, urban));
        expect(siteSeats).toBe(Math.floor(siteArea / sitePerPupil));
        if (land.schoolSeats <= siteSeats) {
          expect(land.extra).toBeNull();
          expect(o.cost).toBe(plain[k]?.cost);
        } else {
          beyond++;
          const area = Math.ceil(land.schoolSeats * sitePerPupil - siteArea);
          // The sample plan sets no 地价: the land is left out (as for new schools), its site works are not.
          const siteWorks = (area * plan.settings.siteWorksPerM2) / 10_000;
          expect([land.extra?.area, land.extra?.mu, land.extra?.land]).toEqual([area, Math.round((area / (2000 / 3)) * 10) / 10, null]);
          expect(land.extra?.siteWorks).toBeCloseTo(siteWorks, 1);
          expect(o.cost).toBeCloseTo((plain[k]?.cost ?? 0) + siteWorks, 0);
        }
      }
      if (f.options.every((o) => o.land && !o.land.site)) unchecked++;
    }
    expect(beyond).toBeGreaterThan(0);
    expect(unchecked).toBeGreaterThan(0);
  }, 60_000);

  it('gives every proposed expansion its site figures and reason, MIP and greedy alike, and counts the unchecked ones', () => {
    const check = (projects: OptimisedProject[]) => {
      const expansions = projects.filter((p) => p.type === '改扩建');
      for (const p of expansions) {
        const land = p.land;
        expect(land, p.schoolName).not.toBeNull();
        if (!land) continue;
        expect(land.checked).toBe(!blank.has(p.school ?? ''));
        if (!land.checked) expect(p.reason).toContain('用地面积未知，未校核');
        else if (land.extraArea > 0) {
          expect(land.schoolSeats).toBeGreaterThan(land.siteSeats ?? Infinity);
          expect(p.reason).toContain(`需征地 ${land.extraMu} 亩`);
          expect(p.reason).toContain('土地费用未计（规划未设置地价）');
        } else {
          expect(land.schoolSeats).toBeLessThanOrEqual(land.siteSeats ?? -1);
          expect(p.reason).toContain('在现有用地内');
        }
      }
      for (const p of projects.filter((x) => x.type !== '改扩建')) expect(p.land).toBeNull();
      return expansions;
    };
    const shown = check(byArea.projects);
    const greedy = check(byArea.greedyProjects);
    expect(shown.length + greedy.length).toBeGreaterThan(0);
    const totals = byArea.totals.mip ?? byArea.totals.greedy;
    expect(byArea.siteUnchecked).toBe(shown.filter((p) => !p.land?.checked).length);
    expect(totals.siteUnchecked).toBe(byArea.siteUnchecked);
    expect(byArea.totals.greedy.siteUnchecked).toBe(greedy.filter((p) => !p.land?.checked).length);
    expect(totals.landBought.expansions).toBe(shown.filter((p) => (p.land?.extraArea ?? 0) > 0).length);
    if (byArea.siteUnchecked > 0) expect(byArea.notes.join('')).toContain(`${byArea.siteUnchecked} 项改扩建的学校未填占地面积`);
    if (totals.landBought.expansions > 0) expect(byArea.notes.join('')).toContain(`需征地共 ${totals.landBought.mu} 亩`);
  });
});
