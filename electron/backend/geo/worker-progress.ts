// How the geo worker (geo-worker.ts) posts its progress: a new stage at once, the same stage at
// most every THROTTLE_MS (a bar polls a few times a second; more would only cost messages).
// Also the one test seam of the import's progress: the hold below.
import type { GeoImportStage, GeoStageProgress } from '../../../shared/geo/import-progress';

const THROTTLE_MS = 150;

/**
 * Test seam, never set by the app: with `CSP_TEST_HOLD_GEO_STAGE=<stage>` in the environment
 * the worker posts the first report of that stage and then blocks until it is terminated (a
 * cancel) or its time limit ends it. Tests that cancel mid-import set it, so that what they see
 * does not depend on a file being slow; an environment variable because it has to reach the
 * worker through the backend's forked process (e2e host) or the CLI's own process, both of
 * which inherit it.
 */
export const HOLD_GEO_STAGE_ENV = 'CSP_TEST_HOLD_GEO_STAGE';

/** Blocks this thread until it is terminated: `Worker.terminate()` ends an `Atomics.wait`. */
function blockUntilTerminated(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

export interface PosterOptions {
  /** The stage to hold at (tests only); by default from the environment. */
  holdAt?: string | undefined;
  now?: () => number;
  hold?: () => void;
}

/** `post` wrapped for the worker's onProgress: throttled per stage, held where a test asks. */
export function progressPoster(post: (p: GeoStageProgress) => void, options: PosterOptions = {}): (p: GeoStageProgress) => void {
  const { holdAt = process.env[HOLD_GEO_STAGE_ENV], now = Date.now, hold = blockUntilTerminated } = options;
  let lastStage: GeoImportStage | null = null;
  let lastAt = 0;
  return (progress) => {
    const at = now();
    const newStage = progress.stage !== lastStage;
    if (!newStage && at - lastAt < THROTTLE_MS) return;
    lastStage = progress.stage;
    lastAt = at;
    post(progress);
    // The report is on its way to the backend before the thread stops (postMessage does not
    // need this thread's event loop), so the held stage is what a poll then sees.
    if (newStage && progress.stage === holdAt) hold();
  };
}
