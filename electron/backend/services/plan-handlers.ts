// The 规划 methods of the API, mapped to the plan services (spread into backend.ts).
import type { Handlers } from '../dispatcher';
import type { Session } from '../session';
import {
  addProjects,
  changeProject,
  createPlan,
  deletePlan,
  getPlan,
  listPlans,
  redoPlan,
  removeProject,
  removeTarget,
  resetTargets,
  setAreas,
  setTarget,
  undoPlan,
  updatePlan,
} from './plan';
import { importProjects } from './plan-import';
import { evaluateStoredPlan, planContextFor, resolvePlan } from './plan-context';

// The 布局优化 methods share the plan. prefix but have handlers of their own (optimise-handlers.ts).
type PlanMethod = Exclude<Extract<keyof Handlers, `plan.${string}`>, `plan.optimise${string}`>;

export function planHandlers(session: Session): Pick<Handlers, PlanMethod> {
  return {
    'plan.list': () => listPlans(session.project),
    'plan.create': (input) => createPlan(session.project, input),
    'plan.get': ({ plan }) => getPlan(session.project, plan),
    'plan.update': (input) => updatePlan(session.project, input),
    'plan.delete': ({ plan }) => deletePlan(session.project, plan),
    'plan.setTarget': (input) => setTarget(session.project, input),
    'plan.removeTarget': (input) => removeTarget(session.project, input),
    'plan.resetTargets': ({ plan }) => resetTargets(session.project, plan),
    'plan.addProjects': (input) => addProjects(session.project, input),
    'plan.importProjects': (input) => importProjects(session.project, input),
    'plan.updateProject': (input) => changeProject(session.project, input),
    'plan.removeProject': (input) => removeProject(session.project, input),
    'plan.setAreas': (input) => setAreas(session.project, input),
    'plan.undo': ({ plan }) => undoPlan(session.project, plan),
    'plan.redo': ({ plan }) => redoPlan(session.project, plan),
    'plan.context': ({ plan, scenario }) => {
      const stored = resolvePlan(session.project, { plan });
      return planContextFor(session.project, scenario ?? stored.scenario, stored.outlookYear, stored.id);
    },
    'plan.evaluate': (input) => evaluateStoredPlan(session.project, input),
  };
}
