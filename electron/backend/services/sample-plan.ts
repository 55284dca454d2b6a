// The sample county as a new user meets it: the county's records and its worked 十五五 plan
// (shared/sample/worked-plan.ts), both written while the new file is still being made.
import { newPlan } from '../../../shared/plan';
import { generateCounty } from '../../../shared/sample';
import { workedSamplePlan } from '../../../shared/sample/worked-plan';
import type { CountyData } from '../../../shared/domain';
import { insertPlan } from '../db/plans';
import { createProjectFile, type ProjectFile } from '../db/project-file';
import { insertCountyData } from '../db/county-data';
import { dataBaseYear, planContextFor, withProjectTargets } from './plan-context';

/** Adds the worked plan to a file that holds the sample county and no plan yet. */
export function insertWorkedSamplePlan(file: ProjectFile): number {
  const template = withProjectTargets(file, newPlan(dataBaseYear(file)));
  const ctx = planContextFor(file, template.scenario, template.outlookYear);
  const plan = workedSamplePlan(ctx, template);
  return file.db.transaction(() => insertPlan(file.db, plan, new Date().toISOString()))();
}

/** A project file holding the sample county (`data`, by default the built-in one) with its worked plan. */
export function createSampleProject(filePath: string, data: CountyData = generateCounty()): Promise<ProjectFile> {
  return createProjectFile(filePath, (db) => {
    insertCountyData(db, data);
    // The file is renamed into place only once this returns: the plan is part of the new file or there is none.
    insertWorkedSamplePlan({ path: filePath, db, close: () => undefined });
  });
}
