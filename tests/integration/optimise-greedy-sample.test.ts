// The sample county's greedy layouts, per stage and rule, are those of the greedy that
// re-seated every village and year for each trial (tests/fixtures/optimise-greedy-layouts.json):
// the incremental re-seating changed the speed, not the result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProjectFile, type ProjectFile } from '../../electron/backend/db/project-file';
import { buildProjectInstance } from '../../electron/backend/services/optimise-instance';
import { checkSolution } from '../../shared/optimise/check';
import { greedySolve } from '../../shared/optimise/greedy';
import { generateCounty } from '../../shared/sample';
import layouts from '../fixtures/optimise-greedy-layouts.json';
import { projectWithPlan } from '../helpers/backend';

let file: ProjectFile;
let plan: number;

beforeAll(async () => {
  const made = await projectWithPlan('csp-optimise-greedy-', generateCounty());
  plan = made.plan.id;
  file = await openProjectFile(made.projectPath);
}, 120_000);

afterAll(() => file?.close());

describe('greedy layouts of the sample county', () => {
  for (const [stage, rule] of [['primary', 'distance'], ['junior', 'distance'], ['primary', 'area'], ['junior', 'area']] as const) {
    it(`${stage}, ${rule} rule: the layout of the whole re-seating`, () => {
      const { instance } = buildProjectInstance(file, { plan, stage, rule });
      const g = greedySolve(instance);
      expect({ closeFrom: g.closeFrom, option: g.option, optionFrom: g.optionFrom, boardingFrom: g.boardingFrom }).toEqual(layouts.layouts[`sample ${stage}-${rule}`]);
      expect(checkSolution(instance, g)).toEqual([]);
    }, 60_000);
  }
});
