// Small hand-solvable layouts: points and schools on a line (x in metres), every figure
// chosen so the optimum can be worked out on paper.
import type { BuildOption, Facility, OptInstance } from '../../../shared/optimise/instance';
import { buildArcs } from '../../../shared/optimise/arcs';
import { expect } from 'vitest';
import { solveInstance } from '../../../electron/backend/optimise/solve';
import { decisionsOf } from '../../../shared/optimise/decisions';
import { costOf, travelSummary } from '../../../shared/optimise/solution';

export function option(added: number, cost: number, seatsNow = 0): BuildOption {
  return { classes: Math.round((seatsNow + added) / 45), seats: seatsNow + added, added, cost, floorArea: null, siteArea: null };
}

export function school(id: string, x: number, seats: number, over: Partial<Facility> = {}): Facility {
  return {
    id, name: id, x, y: 0, township: null, existing: true, kind: 'primary', seats, classes: Math.round(seats / 45), students: seats,
    options: [], operating: 10, keep: false, closable: false, convertCredit: 0, convertKind: null, convertSeats: 0, boardingCost: null,
    ...over,
  };
}

export function site(id: string, x: number, options: BuildOption[], over: Partial<Facility> = {}): Facility {
  return school(id, x, 0, { existing: false, students: 0, options, ...over });
}

export function instance(
  points: { id: string; x: number; children: number[] }[],
  facilities: Facility[],
  over: Partial<OptInstance> & { beyondFactor?: number } = {},
): OptInstance {
  const { beyondFactor = 1, ...rest } = over;
  const years = over.years ?? (points[0]?.children ?? []).map((_, i) => 2026 + i);
  const serviceKm = over.serviceKm ?? 3;
  const boardingKm = over.boardingKm === undefined ? null : over.boardingKm;
  const pts = points.map((p) => ({ ...p, name: p.id, y: 0 }));
  return {
    stage: 'primary',
    years,
    firstBuildIndex: 0,
    points: pts,
    facilities,
    arcs: buildArcs(pts, facilities, { serviceKm, boardingKm, roadFactor: 1, beyondFactor, maxNear: 8, maxFar: 3 }),
    weights: { travel: 0.01, boarding: 0.5, beyond: 0.1, unmet: 5, holding: 0.03 },
    budget: years.map(() => null),
    totalBudget: null,
    serviceKm,
    boardingKm,
    roadFactor: 1,
    ...rest,
  };
}

/**
 * Solves a hand-sized instance to proven optimality: both layouts hold every constraint and
 * the greedy one is never better than the optimum.
 */
export async function solveOptimal(inst: OptInstance) {
  const out = await solveInstance(inst, { timeLimit: 20, mipGap: 0 });
  expect(out.violations.mip).toEqual([]);
  expect(out.violations.greedy).toEqual([]);
  const mip = out.mip;
  if (!mip) throw new Error('no MIP solution');
  expect(mip.status).toBe('optimal');
  expect(costOf(inst, out.greedy).objective).toBeGreaterThanOrEqual(costOf(inst, mip).objective - 1e-6);
  const decisions = decisionsOf(inst, mip).map((d) => ({ type: d.type, id: d.id, year: d.year }));
  return { out, mip, decisions, objective: costOf(inst, mip).objective, summary: travelSummary(inst, mip) };
}
