// The backend as the app and the CLI call it, for integration tests: a call's result with a
// refusal thrown (code and Chinese message), a fresh backend for each test, and the sample
// county opened from a temp folder.
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
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

export interface BackendPerTest {
  /** This test's temp folder; the backend's data folder is `data` in it. */
  readonly dir: string;
  readonly backend: Backend;
  /** A call's result; a refused call throws its method, code and Chinese message. */
  ok<T>(method: string, input?: unknown): Promise<T>;
  /**
   * Closes the backend (if the test has not) and starts a new one on the same data folder: for
   * a test that closes the project to read or change the file by hand and then opens it again.
   */
  restart(): Backend;
}

/**
 * A new temp folder and a backend on it (no project open) for each test of the file, closed
 * after the test; read them through the accessors, which name the current test's.
 */
export function withBackend(prefix: string, shell: BackendOptions['shell'] = 'browser'): BackendPerTest {
  let dir: string | null = null;
  let current: Backend | null = null;
  const start = (): Backend => (current = createBackend({ dataDir: path.join(session.dir, 'data'), shell }));
  beforeEach(() => {
    dir = tempDir(prefix);
    start();
  });
  afterEach(() => {
    current?.close();
    current = null;
  });
  const session: BackendPerTest = {
    get dir() {
      if (dir === null) throw new Error('withBackend: no test is running');
      return dir;
    },
    get backend() {
      if (!current) throw new Error('withBackend: no test is running');
      return current;
    },
    async ok<T>(method: string, input: unknown = {}): Promise<T> {
      const res = await session.backend.dispatch(method, input);
      if (!res.ok) throw new Error(`${method} → ${res.error.code}: ${res.error.message}`);
      return res.result as T;
    },
    restart() {
      session.backend.close();
      return start();
    },
  };
  return session;
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
