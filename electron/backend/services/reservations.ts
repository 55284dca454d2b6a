// 配套学校 of a stored plan: the developments of its scenario that reserve a school site, sized
// by that scenario's 千人指标 and the plan's norms (shared/plan/reservations.ts).
import { schoolReservations, type Plan, type SchoolReservation } from '../../../shared/plan';
import { urbanTownshipCodes } from '../../../shared/domain';
import { developmentsFor } from '../../../shared/projection';
import type { ProjectFile } from '../db/project-file';
import { listTownships } from './overview';
import { listDevelopments, listScenarios } from './projection';

export interface PlanReservations {
  reservations: SchoolReservation[];
  townshipName: (code: string) => string;
  /** 城区 township codes: the urban norms. */
  urbanTownships: ReadonlySet<string>;
}

export function planReservations(file: ProjectFile, plan: Plan, scenarioName?: string): PlanReservations {
  const townships = listTownships(file);
  const names = new Map(townships.map((t) => [t.code, t.name]));
  const urbanTownships = urbanTownshipCodes(townships);
  const scenarios = listScenarios(file.db);
  const name = scenarioName ?? plan.scenario;
  const scenario = scenarios.find((s) => s.name === name) ?? scenarios[0];
  const reservations = scenario
    ? schoolReservations(developmentsFor(listDevelopments(file.db), scenario.name), scenario.params, plan, (c) => urbanTownships.has(c))
    : [];
  return { reservations, townshipName: (c) => names.get(c) ?? c, urbanTownships };
}
