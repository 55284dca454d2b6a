// The 布局优化 methods of the API (spread into backend.ts). `plan.optimise` waits for the
// result; the page starts a job, polls `plan.optimiseStatus` for its progress and may cancel
// it. Jobs live as long as the backend; a finished job's result is kept until the next start.
import type { OptimiseJob } from '../../../shared/optimise/contract';
import type { Handlers } from '../dispatcher';
import { AppError } from '../errors';
import type { Session } from '../session';
import { startOptimise, type OptimiseRun } from './optimise';

type OptimiseMethod = Extract<keyof Handlers, `plan.optimise${string}`>;

interface Job {
  view: OptimiseJob;
  run: OptimiseRun | null;
}

export function optimiseHandlers(session: Session): Pick<Handlers, OptimiseMethod> {
  const jobs = new Map<string, Job>();
  let next = 1;
  const find = (id: string): Job => {
    const j = jobs.get(id);
    if (!j) throw new AppError('NOT_FOUND', '没有这个布局优化任务（可能已被新的任务替换）。');
    return j;
  };
  return {
    'plan.optimise': (input) => startOptimise(session.project, input).done,
    'plan.optimiseStart': (input) => {
      // One job at a time: a new start cancels the previous one.
      for (const j of jobs.values()) j.run?.cancel();
      jobs.clear();
      const id = (next++).toString(36);
      const job: Job = { view: { job: id, state: 'running', progress: null, result: null, error: null }, run: null };
      jobs.set(id, job);
      job.run = startOptimise(session.project, input, (p) => (job.view.progress = p));
      job.run.done.then(
        (result) => {
          job.view = { ...job.view, state: job.view.state === 'cancelled' ? 'cancelled' : 'done', result };
        },
        (err: unknown) => {
          job.view = { ...job.view, state: 'failed', error: err instanceof Error ? err.message : String(err) };
        },
      );
      return { ...job.view };
    },
    'plan.optimiseStatus': ({ job }) => ({ ...find(job).view }),
    'plan.optimiseCancel': ({ job }) => {
      const j = find(job);
      if (j.view.state === 'running') {
        j.run?.cancel();
        j.view = { ...j.view, state: 'cancelled' };
      }
      return { ...j.view };
    },
  };
}
