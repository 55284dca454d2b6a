// The sample county's greedy layouts, per stage and rule, are those of the greedy that
// re-seated every village and year for each trial (tests/fixtures/optimise-greedy-layouts.json):
// the incremental re-seating changed the speed, not the result.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { openProjectFile, type ProjectFile } from '../../electron/backend/db/project-file';
import { createProjectWithData } from '../../electron/backend/services/project';
import { buildProjectInstance } from '../../electron/backend/services/optimise-instance';
import type { PlanDetail } from '../../shared/plan';
import { checkSolution } from '../../shared/optimise/check';
import { greedySolve } from '../../shared/optimise/greedy';
import { generateCounty } from '../../shared/sample';
import layouts from '../fixtures/optimise-greedy-layouts.json';
import { resultOf } from '../helpers/backend';
import { tempDir } from '../helpers/temp';

let file: ProjectFile;
let plan: number;

beforeAll(async () => {
  const dir = tempDir('csp-optimise-greedy-');
  const project = path.join(dir, 'sample.csplan');
  (await createProjectWithData(project, generateCounty())).close();
  const backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'cli' });
  try {
    await resultOf(backend.dispatch('project.open', { path: project }));
    plan = (await resultOf<PlanDetail>(backend.dispatch('plan.create', {}))).id;
  } finally {
    backend.close();
  }
  file = await openProjectFile(project);
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
