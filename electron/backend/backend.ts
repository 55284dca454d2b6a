import path from 'node:path';
import type { ApiResponse } from '../../shared/api';
import { createDispatcher, type Handlers } from './dispatcher';
import { AppError } from './errors';
import { backupNow, backupsOf, restoreBackup } from './services/backups';
import { overview, listTownships, populationView } from './services/overview';
import {
  createProject,
  openProject,
  openSampleProject,
  projectInfo,
  summarize,
  updateMeta,
} from './services/project';
import { exportTable } from './services/export';
import { RecentFiles } from './services/recent';
import { listSchools, schoolDetail } from './services/schools';
import { Session } from './session';
import type { ProjectFile } from './db/project-file';

export interface BackendOptions {
  /** Folder for recent files, the sample county and new projects. */
  dataDir: string;
  shell: 'electron' | 'browser' | 'cli';
}

export interface Backend {
  readonly dataDir: string;
  readonly projectsDir: string;
  /** Validates the method and its input, runs it, and returns errors as data. */
  dispatch(method: string, input: unknown): Promise<ApiResponse<unknown>>;
  /** Closes the open project (releasing its lock). */
  close(): void;
}

export function createBackend(options: BackendOptions): Backend {
  const session = new Session();
  const recent = new RecentFiles(options.dataDir);
  const projectsDir = path.join(options.dataDir, '规划项目');
  // The CLI works on files named on its command line; it should not rewrite the app's list.
  const remember = (file: ProjectFile) => {
    if (options.shell !== 'cli') recent.add(file.path, summarize(file).name);
  };
  const adopt = (file: ProjectFile) => {
    session.set(file);
    remember(file);
    return summarize(file);
  };

  const handlers: Handlers = {
    'app.home': () => ({
      dataDir: options.dataDir,
      projectsDir,
      recent: recent.list(),
      current: session.isOpen ? summarize(session.project) : null,
      shell: options.shell === 'electron' ? 'electron' : 'browser',
    }),
    'project.open': async ({ path: p }) => {
      // Re-opening the file we already hold would otherwise hit our own lock.
      if (session.isOpen && path.resolve(p) === session.project.path) return summarize(session.project);
      return adopt(await openProject(p));
    },
    'project.create': async (input) => adopt(await createProject(input)),
    'project.openSample': async ({ reset }) => {
      session.close();
      return adopt(await openSampleProject(projectsDir, reset ?? false));
    },
    'project.close': () => ({ closed: session.close() }),
    'project.info': () => projectInfo(session.project),
    'project.updateMeta': (input) => {
      const summary = updateMeta(session.project, input);
      remember(session.project);
      return summary;
    },
    'overview.get': () => overview(session.project),
    'schools.list': () => listSchools(session.project),
    'schools.detail': ({ code }) => schoolDetail(session.project, code),
    'townships.list': () => listTownships(session.project),
    'population.get': ({ township }) => populationView(session.project, township),
    'data.export': ({ kind }) => exportTable(session.project, kind),
    'backups.list': () => backupsOf(session.project),
    'backups.create': ({ reason }) => backupNow(session.project, reason),
    'backups.restore': async ({ file }) => summarize(await restoreBackup(session, file)),
  };

  return {
    dataDir: options.dataDir,
    projectsDir,
    dispatch: createDispatcher(handlers),
    close: () => {
      session.close();
    },
  };
}

export { AppError };
