// A plan's records through the project file: every field of a project (note, funding,
// receivers, areas and cost included) and of its targets comes back as it went in, through a
// fresh insert, an update and an undo snapshot.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertCountyData } from '../../electron/backend/db/county-data';
import {
  insertPlan,
  insertProject,
  readPlan,
  readProjects,
  restorePlan,
  snapshotPlan,
  updatePlanRow,
  updateProject,
} from '../../electron/backend/db/plans';
import { createProjectFile } from '../../electron/backend/db/project-file';
import { evaluatePlan, newPlan, planProjectSchema, type PlanProject } from '../../shared/plan';
import { P1, P2, planContext, planCounty, T2 } from '../fixtures/plan-county';
import { tempDir } from '../helpers/temp';

const full: Omit<PlanProject, 'id'> = {
  type: '转型',
  name: '青山乡中心小学改幼儿园',
  school: P2,
  kind: 'kindergarten',
  ownership: '普惠性民办',
  township: T2,
  stage: 'primary',
  classes: 6,
  seats: 180,
  floorArea: 2400.5,
  siteArea: 5000,
  investment: 880.25,
  startYear: 2025,
  completionYear: 2027,
  funding: '县级财政',
  status: '在建',
  receivers: [{ school: P1, share: 0.6 }, { school: 'new:1', share: 0.4 }],
  note: '原址改造，保留运动场',
  schoolGroup: null,
  boardingPlaces: 120,
  development: null,
};

async function open() {
  const file = await createProjectFile(path.join(tempDir('csp-plan-records-'), '小河县.csplan'));
  insertCountyData(file.db, planCounty());
  return file;
}

describe('plan records in the project file', () => {
  it('keeps every field of a project through insert, update and an undo snapshot', async () => {
    const file = await open();
    try {
      const planId = insertPlan(file.db, { ...newPlan(2024), areas: { [T2]: '东城片区' } }, '2026-01-01T00:00:00Z');
      const id = insertProject(file.db, planId, full);
      const [stored] = readProjects(file.db, planId);
      expect(stored).toEqual({ ...full, id });
      expect(planProjectSchema.safeParse(stored).success).toBe(true);

      const snapshot = snapshotPlan(file.db, planId) as string;
      const changed = { ...full, note: '改为整体新建', receivers: [{ school: P1, share: 1 }], floorArea: null, status: '暂缓' as const };
      expect(updateProject(file.db, planId, id, changed)).toBe(true);
      expect(readProjects(file.db, planId)).toEqual([{ ...changed, id }]);
      // An update names its plan: another plan's id does not reach the row.
      expect(updateProject(file.db, planId + 1, id, full)).toBe(false);

      updatePlanRow(file.db, planId, { name: '改名', baseYear: 2024, targetYear: 2030, outlookYear: 2040, scenario: '高', settings: '{}' }, '2026-01-02T00:00:00Z');
      restorePlan(file.db, planId, snapshot, '2026-01-03T00:00:00Z');
      const plan = readPlan(file.db, planId);
      expect(plan?.projects).toEqual([{ ...full, id }]);
      expect(plan).toMatchObject({ name: '十五五', baseYear: 2024, targetYear: 2029, scenario: '中', areas: { [T2]: '东城片区' }, updatedAt: '2026-01-03T00:00:00Z' });
      expect(plan?.targets).toEqual(newPlan(2024).targets);
    } finally {
      file.close();
    }
  });

  it('gives the evaluation the whole project, so the annexes need not read the plan again', async () => {
    const file = await open();
    try {
      const planId = insertPlan(file.db, newPlan(2024), '2026-01-01T00:00:00Z');
      insertProject(file.db, planId, { ...full, type: '撤并', kind: null, township: null, stage: null, classes: 0, seats: 0, receivers: [{ school: P1, share: 1 }] });
      const plan = readPlan(file.db, planId);
      if (!plan) throw new Error('plan not stored');
      const [result] = evaluatePlan(planContext(), plan).projects;
      expect(result).toMatchObject({ note: full.note, funding: full.funding, school: P2, ownership: '普惠性民办', type: '撤并' });
    } finally {
      file.close();
    }
  });
});
