// The sample county as tests need it. The app's sample ships with a worked 十五五 plan; most
// tests count from an empty plan (their own plan.create, "no projects yet"), so they start
// from the sample's records alone. Tests of the worked plan use `project.openSample`.
import fs from 'node:fs';
import path from 'node:path';
import { createProjectWithData, sampleProjectPath } from '../../electron/backend/services/project';
import { generateCounty } from '../../shared/sample';

/** 示例县 without the worked plan, as `dir/name`, closed again; its path. */
export async function planFreeSample(dir: string, name = '示例县.csplan'): Promise<string> {
  const file = await createProjectWithData(path.join(dir, name), generateCounty());
  file.close();
  return file.path;
}

/**
 * Puts the plan-free sample where the app's “打开示例县” looks for it, so that the button (and
 * `project.openSample` without reset) opens it instead of creating the sample with its plan.
 */
export async function placePlanFreeSample(projectsDir: string): Promise<string> {
  const target = sampleProjectPath(projectsDir);
  if (fs.existsSync(target)) return target;
  fs.mkdirSync(projectsDir, { recursive: true });
  return planFreeSample(projectsDir, path.basename(target));
}
