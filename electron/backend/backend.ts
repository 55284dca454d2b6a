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
import {
  deleteScenario,
  exportProjection,
  projectionSetup,
  removeDevelopment,
  runBacktest,
  runProjection,
  saveDevelopment,
  saveScenario,
  saveSettings,
} from './services/projection';
import { Session } from './session';
import type { ProjectFile } from './db/project-file';
import { annexExport, annexList, annexPreview, prepareAnnexes } from './annex/service';
import { noPdfPrinter, type PdfPrinter } from './annex/pdf';
import type { SvgRasteriser } from './annex/raster';
import { importHandlers } from './import/handlers';
import { ImportService } from './import/service';
import { planHandlers } from './services/plan-handlers';
import { editHistory, undoEditById, updateSchool, updateTownship } from './services/edits';
import { editInclusion, inclusionData } from './services/inclusion';
import { geoHandlers } from './services/geo-handlers';
import { optimiseHandlers } from './services/optimise-handlers';
import { projectVersion } from './services/project-version';

export interface BackendOptions {
  /** Folder for recent files, the sample county and new projects. */
  dataDir: string;
  shell: 'electron' | 'browser' | 'cli';
  /**
   * Prints annex HTML to PDF: Electron's printToPDF in the app, the system Chromium
   * (annex/chromium.ts) in the CLI and the loopback host. Injected so the app's main process
   * never carries the code that spawns a browser.
   */
  printPdf?: PdfPrinter;
  /** PNGs of the annex maps for Word and Excel: capturePage in the app, the system Chromium elsewhere. */
  rasterise?: SvgRasteriser;
}

export interface Backend {
  readonly dataDir: string;
  readonly projectsDir: string;
  /** Validates the method and its input, runs it, and returns errors as data. */
  dispatch(method: string, input: unknown): Promise<ApiResponse<unknown>>;
  /** Closes the open project (releasing its lock). */
  close(): void;
}

/** Where new projects and the sample county go. */
export function projectsDirOf(dataDir: string): string {
  return path.join(dataDir, '规划项目');
}

export function createBackend(options: BackendOptions): Backend {
  const session = new Session();
  const imports = new ImportService(session);
  const recent = new RecentFiles(options.dataDir);
  const projectsDir = projectsDirOf(options.dataDir);
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
    'projection.setup': () => projectionSetup(session.project),
    'projection.run': (input) => runProjection(session.project, input),
    'projection.backtest': (input) => runBacktest(session.project, input),
    'projection.saveScenario': (input) => saveScenario(session.project, input),
    'projection.deleteScenario': ({ name }) => deleteScenario(session.project, name),
    'projection.saveSettings': ({ settings }) => saveSettings(session.project, settings),
    'projection.saveDevelopment': (input) => saveDevelopment(session.project, input),
    'projection.deleteDevelopment': ({ id }) => removeDevelopment(session.project, id),
    'projection.exportXlsx': (input) => exportProjection(session.project, input),
    'annex.list': (input) => annexList(session.project, input),
    'annex.preview': (input) => annexPreview(session.project, input),
    'annex.export': (input) => annexExport(session.project, input, { printPdf: options.printPdf ?? noPdfPrinter, rasterise: options.rasterise }),
    'annex.prepare': (input) => prepareAnnexes(session.project, input),
    'backups.list': () => backupsOf(session.project),
    'backups.create': ({ reason }) => backupNow(session.project, reason),
    'backups.restore': async ({ file }) => {
      const restored = await restoreBackup(session, file);
      const summary = summarize(restored.file);
      return restored.throughLink ? { ...summary, notice: `项目是通过链接打开的，已恢复到链接指向的文件：${restored.throughLink}` } : summary;
    },
    ...importHandlers(imports),
    ...planHandlers(session),
    'schools.update': (input) => updateSchool(session.project, input),
    'townships.update': (input) => updateTownship(session.project, input),
    'edits.list': (input) => editHistory(session.project, input),
    'edits.undo': ({ editId }) => undoEditById(session.project, editId),
    'inclusion.get': () => inclusionData(session.project),
    'inclusion.edit': (input) => editInclusion(session.project, input),
    ...geoHandlers(session, (id) => imports.takeUpload(id)),
    ...optimiseHandlers(session),
    'project.version': () => projectVersion(session.project),
  };

  return {
    dataDir: options.dataDir,
    projectsDir,
    dispatch: createDispatcher(handlers, () => (session.isOpen ? projectVersion(session.project).version : undefined)),
    close: () => {
      imports.close();
      session.close();
    },
  };
}

export { AppError };
