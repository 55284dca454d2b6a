// Builds the pages not yet shown ahead of their first visit, off the document, one at a time
// while the window is idle: after a project opens, and again after each switch for the pages a
// write has made stale. A page is built as if shown at the data version known then, so the
// kept-pages rule (another version → mounted afresh when shown) still holds. See
// docs/ARCHITECTURE.md, "Kept pages".
import { useEffect, type MutableRefObject } from 'react';
import type { PageKey } from '../lib/nav';
import { whenIdle, whenSettled, whenStagedDrawn } from '../lib/timing';
import { knownVersion } from '../api/client';
import { projectVersion } from './keptPages';

interface Kept {
  page: PageKey;
  /** App's dataVersion: another file opened starts over. */
  file: number;
  known: MutableRefObject<string | null>;
  isCurrent: (target: PageKey, version: string) => boolean;
  prebuild: (target: PageKey, version: string) => Promise<void>;
  /** Takes the page being built out of the document, its build cut short (it is laid out while being built). */
  unstage: () => void;
  /** Takes the page just built out of the document: built, so not built again at this version. */
  finish: () => void;
  /** Calls of the page being built not yet answered: they wait in the background lane (api/pageCalls.ts). */
  stagedCalls: () => number;
}

export const PREBUILT_MARK = 'csp:prebuilt';

/** The longest wait for one page to be built before going on to the next. */
const BUILD_WAIT_MS = 5000;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => window.setTimeout(resolve, ms));
}

/**
 * Builds `order`'s pages ahead. Starts once the page on screen has settled and stops at the
 * next switch (which starts it again), so it never holds up the page the planner looks at.
 */
export function usePrebuiltPages(order: readonly PageKey[], kept: Kept, fetchCode: () => Promise<unknown>): void {
  const { page, file, known, isCurrent, prebuild, unstage, finish, stagedCalls } = kept;
  useEffect(() => {
    let stopped = false;
    const next = async (): Promise<boolean> => {
      await whenSettled();
      await whenIdle();
      return !stopped;
    };
    void (async () => {
      if (!(await next())) return;
      await fetchCode();
      if (stopped) return;
      // Known after any switch or answer; asked once otherwise.
      const version = known.current ?? knownVersion() ?? (await projectVersion());
      if (version === null || stopped) return;
      known.current = version;
      for (const target of order) {
        if (target === page || isCurrent(target, version)) continue;
        if (!(await next())) return;
        performance.mark(`csp:prebuild:${target}`);
        // A page that fails to build (its error shows when it is visited) must not stop the rest.
        await Promise.race([prebuild(target, version), delay(BUILD_WAIT_MS)]);
        // Settled (its requests answered, those still queued in the background lane included,
        // its charts drawn, its tables measured at full size and its own progress gone, the 附件
        // preview's pages drawn): out of the document. Not waiting for idle time here as well:
        // under load that wait is long, and the next page waits for it anyway.
        await whenStagedDrawn(stagedCalls);
        if (stopped) return;
        finish();
      }
      if (!(await next())) return;
      // For the e2e suite and the bench: every page is built, the window idle again.
      performance.mark(PREBUILT_MARK);
    })();
    return () => {
      stopped = true;
      unstage();
    };
  }, [order, page, file, known, isCurrent, prebuild, unstage, finish, stagedCalls, fetchCode]);
}
