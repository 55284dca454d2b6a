// The backend as the app and the CLI call it, for integration tests: a call's result with a
// refusal thrown (code and Chinese message), project files, and the sample county opened from
// a temp folder. No vitest here: the benches (npm run bench, plain tsx) import this file; the
// per-test backend is in with-backend.ts.
import path from 'node:path';
import { createBackend, type Backend, type BackendOptions } from '../../electron/backend';
import { createProjectWithData } from '../../electron/backend/services/project';
import type { ApiResponse } from '../../shared/api';
import type { PlanDetail } from '../../shared/plan';
import { planFreeSample } from './sample';
import { tempDir } from './temp';

export async function resultOf<T>(response: Promise<ApiResponse<unknown>>): Promise<T> {
  const res = await response;
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.result as T;
}

/** A project file in `dir` holding `data`, closed again; its path. */
export async function projectFile(dir: string, name: string, data: Parameters<typeof createProjectWithData>[1]): Promise<string> {
  const file = await createProjectWithData(path.join(dir, name), data);
  file.close();
  return file.path;
}

export interface SampleBackend {
  dir: string;
  /** 示例县.csplan in `dir`, open in `backend`. */
  projectPath: string;
  backend: Backend;
}

/**
 * The sample county without its worked plan (tests/helpers/sample.ts) in a new temp folder,
 * opened by a CLI backend whose data folder is there too.
 */
export async function openSampleCounty(prefix: string, options: Pick<BackendOptions, 'printPdf' | 'rasterise'> = {}): Promise<SampleBackend> {
  const dir = tempDir(prefix);
  const projectPath = await planFreeSample(dir);
  const backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'cli', ...options });
  await resultOf(backend.dispatch('project.open', { path: projectPath }));
  return { dir, projectPath, backend };
}

/**
 * `data` as a project in a new temp folder with a new empty plan, and whatever `then` asks the
 * backend for before it closes; the project is then free to be opened directly.
 */
export async function projectWithPlan<T = undefined>(
  prefix: string,
  data: Parameters<typeof createProjectWithData>[1],
  then?: (backend: Backend, plan: PlanDetail) => Promise<T>,
): Promise<{ projectPath: string; plan: PlanDetail; answer: T | undefined }> {
  const dir = tempDir(prefix);
  const projectPath = await projectFile(dir, 'sample.csplan', data);
  const backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'cli' });
  try {
    await resultOf(backend.dispatch('project.open', { path: projectPath }));
    const plan = await resultOf<PlanDetail>(backend.dispatch('plan.create', {}));
    return { projectPath, plan, answer: then ? await then(backend, plan) : undefined };
  } finally {
    backend.close();
  }
}
