// How long an interaction takes until the page has settled, as performance measures named
// `csp:<interaction>` that the e2e suite and the bench read (docs/ARCHITECTURE.md, "Interaction
// timings"). Settled means: no API call in flight, no spinner or skeleton in the content, for
// two frames running; the measure ends at the first of those frames, so it covers the
// transport, React's render and the charts' setOption, and not the wait for the second frame.

import { ownTasksPending } from './ownTasks';

let inflight = 0;

/** Counts an API call as work in progress until it settles. */
export function tracked<T>(call: Promise<T>): Promise<T> {
  inflight++;
  return call.finally(() => {
    inflight--;
  });
}

// A kept page hidden in place or being built ahead (layout/keptPages.tsx) may still be loading;
// it is not on screen (the 附件 preview's progress waits there for the page's first visit).
const BUSY = '.app-content :is(.ant-spin-spinning, .ant-skeleton):not(.kept-page-hidden *, .kept-page-staged *)';
/** A debounced request (the annex preview waits 300 ms) must not end the measure before it starts. */
const QUIET_FRAMES = 2;
const GIVE_UP_MS = 60_000;

function busy(): boolean {
  return inflight > 0 || document.querySelector(BUSY) !== null;
}

/**
 * Calls `done` with the time the page first settled: two frames running with nothing busy, the
 * time being that of the first of them. Gives up after a minute (and then calls `giveUp`).
 */
function onSettled(start: number, done: (quietSince: number) => void, frame?: (now: number) => boolean, giveUp?: () => void): void {
  let quietSince: number | null = null;
  let quiet = 0;
  // performance.now(), not the frame's timestamp: that is when the frame began, which can be
  // before the click that started the measure.
  const tick = () => {
    const now = performance.now();
    // A frame before the page is on screen is not a settled one: React may commit the switch
    // a few frames after the last call answered.
    const onScreen = frame?.(now) ?? true;
    if (!onScreen || busy()) {
      quiet = 0;
      quietSince = null;
    } else {
      quiet++;
      quietSince ??= now;
    }
    if (quiet >= QUIET_FRAMES && quietSince !== null) {
      done(quietSince);
      return;
    }
    if (now - start < GIVE_UP_MS) requestAnimationFrame(tick);
    else giveUp?.();
  };
  requestAnimationFrame(tick);
}

/**
 * Starts a measure now and ends it once the page has settled. With `shown`, also measures
 * `csp:answer:<name>` up to the first frame in which `shown()` holds: when the planner first
 * sees an answer (the page, or its progress while a heavy part is still being built); the page
 * has not settled before that frame.
 */
export function measureUntilSettled(name: string, shown?: () => boolean): void {
  const start = performance.now();
  let answered = shown === undefined;
  onSettled(
    start,
    (end) => performance.measure(`csp:${name}`, { start, end }),
    (now) => {
      if (answered) return true;
      if (!shown?.()) return false;
      answered = true;
      performance.measure(`csp:answer:${name}`, { start, end: now });
      return true;
    },
  );
}

const STAGED_BUSY = '.kept-page-staged :is(.ant-spin-spinning, .ant-skeleton)';

/**
 * Resolves once the page being built ahead shows no progress either (its content drawn, the
 * 附件 preview's pages included), nothing is in flight, `calls()` (its calls still queued in
 * the background lane) is 0 and no chart waits to be drawn (ownTasks.ts), or after a minute.
 */
export function whenStagedDrawn(calls: () => number): Promise<void> {
  return new Promise((resolve) => onSettled(performance.now(), () => resolve(), () => calls() === 0 && ownTasksPending() === 0 && document.querySelector(STAGED_BUSY) === null, resolve));
}

/** Resolves once nothing is in flight and nothing on screen is loading (work done in the background waits for it). */
export function whenSettled(): Promise<void> {
  return new Promise((resolve) => onSettled(performance.now(), () => resolve(), undefined, resolve));
}

/** How long an idle callback may wait before it runs anyway: a window that is never idle still gets its work done. */
const IDLE_TIMEOUT_MS = 2000;

/** Resolves when the window is idle (or after IDLE_TIMEOUT_MS). */
export function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (window.requestIdleCallback) window.requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else window.setTimeout(resolve, 50);
  });
}
