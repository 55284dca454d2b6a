// The 布局图 methods of the API, mapped to the geography services (spread into backend.ts).
// A layer import is one call (`geo.importLayer`) or a job: the dialog and the CLI start it,
// poll `geo.importStatus` for its stage and fraction and may cancel it. One job at a time: a
// new start cancels the one before (unless that one is writing). A finished job is kept until
// the next start.
import type { GeoImportJob } from '../../../shared/geo/api';
import { overallFraction, type GeoStageProgress } from '../../../shared/geo/import-progress';
import type { Handlers } from '../dispatcher';
import { AppError } from '../errors';
import type { SourceFile } from '../import/source-file';
import type { Session } from '../session';
import { importGeoLayer, startGeoImport, type GeoImportRun } from './geo-import';
import { geoAssignVillages, geoCatchments, geoCoverage, geoMap, geoMoveSchool, geoNewSite, geoSetProjectSite, geoUndoSchoolMove } from './geo';

type GeoMethod = Extract<keyof Handlers, `geo.${string}`>;

interface ImportJob {
  id: string;
  started: number;
  state: GeoImportJob['state'];
  /** The latest stage heard, and false once the write has begun. */
  heard: { stage: GeoStageProgress | null; cancellable: boolean };
  result: GeoImportJob['result'];
  error: string | null;
  run: GeoImportRun;
}

function viewOf(j: ImportJob): GeoImportJob {
  const { stage, cancellable } = j.heard;
  const progress = stage && j.state === 'running' ? { ...stage, overall: overallFraction(stage), elapsedMs: Date.now() - j.started } : null;
  return { job: j.id, state: j.state, progress, cancellable: j.state === 'running' && cancellable, result: j.result, error: j.error };
}

export function geoHandlers(session: Session, takeUpload: (uploadId: string) => SourceFile): Pick<Handlers, GeoMethod> {
  const jobs = new Map<string, ImportJob>();
  let next = 1;
  const find = (id: string): ImportJob => {
    const j = jobs.get(id);
    if (!j) throw new AppError('NOT_FOUND', '没有这个导入任务（可能已被新的导入替换）。');
    return j;
  };
  const cancel = (j: ImportJob) => {
    if (j.state !== 'running' || !j.run.cancel()) return;
    j.state = 'cancelled';
    j.error = '已取消导入，未写入任何内容。';
  };
  return {
    'geo.map': (input) => geoMap(session.project, input),
    'geo.coverage': (input) => geoCoverage(session.project, input),
    'geo.catchments': (input) => geoCatchments(session.project, input),
    'geo.newSite': (input) => geoNewSite(session.project, input),
    'geo.assignVillages': (input) => geoAssignVillages(session.project, input),
    'geo.setProjectSite': (input) => geoSetProjectSite(session.project, input),
    'geo.moveSchool': (input) => geoMoveSchool(session.project, input),
    'geo.undoSchoolMove': () => geoUndoSchoolMove(session.project),
    'geo.importLayer': (input) => importGeoLayer(session.project, input, takeUpload),
    'geo.importStart': (input) => {
      const project = session.project;
      for (const j of jobs.values()) cancel(j);
      jobs.clear();
      const id = (next++).toString(36);
      const heard: ImportJob['heard'] = { stage: null, cancellable: true };
      const run = startGeoImport(project, input, takeUpload, (p) => {
        heard.stage = p;
        if (p.stage === 'writing') heard.cancellable = false;
      });
      const job: ImportJob = { id, started: Date.now(), state: 'running', heard, result: null, error: null, run };
      jobs.set(id, job);
      run.done.then(
        (result) => {
          job.state = 'done';
          job.result = result;
        },
        (err: unknown) => {
          const cancelled = job.state === 'cancelled' || (err instanceof AppError && err.code === 'CANCELLED');
          job.state = cancelled ? 'cancelled' : 'failed';
          // A cancel's own message names the file, which an upload's job learns only here.
          job.error = err instanceof Error ? err.message : String(err);
        },
      );
      return viewOf(job);
    },
    'geo.importStatus': ({ job }) => viewOf(find(job)),
    'geo.importCancel': ({ job }) => {
      const j = find(job);
      cancel(j);
      return viewOf(j);
    },
  };
}
