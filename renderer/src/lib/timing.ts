// How long an interaction takes until the page has settled, as performance measures named
// `csp:<interaction>` that the e2e suite and the bench read (docs/ARCHITECTURE.md, "Interaction
// timings"). Settled means: no API call in flight, no spinner or skeleton in the content, for
// two frames running; the measure ends at the first of those frames, so it covers the
// transport, React's render and the charts' setOption, and not the wait for the second frame.

let inflight = 0;

/** Counts an API call as work in progress until it settles. */
export function tracked<T>(call: Promise<T>): Promise<T> {
  inflight++;
  return call.finally(() => {
    inflight--;
  });
}

// A kept page hidden in place (layout/keptPages.tsx) may still be loading; it is not on screen.
const BUSY = '.app-content :is(.ant-spin-spinning, .ant-skeleton):not(.kept-page-hidden *)';
/** A debounced request (the annex preview waits 300 ms) must not end the measure before it starts. */
const QUIET_FRAMES = 2;
const GIVE_UP_MS = 60_000;

function busy(): boolean {
  return inflight > 0 || document.querySelector(BUSY) !== null;
}

/** Starts a measure now and ends it once the page has settled. */
export function measureUntilSettled(name: string): void {
  const start = performance.now();
  let quietSince: number | null = null;
  let quiet = 0;
  // performance.now(), not the frame's timestamp: that is when the frame began, which can be
  // before the click that started the measure.
  const tick = () => {
    const now = performance.now();
    if (busy()) {
      quiet = 0;
      quietSince = null;
    } else {
      quiet++;
      quietSince ??= now;
    }
    if (quiet >= QUIET_FRAMES && quietSince !== null) {
      performance.measure(`csp:${name}`, { start, end: quietSince });
      return;
    }
    if (now - start < GIVE_UP_MS) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
