// Counts React's commits in the page: the hook React offers its developer tools, installed by
// an init script before the app loads (so React finds it). Used by the interaction bench and
// by the tests that check an idle page does not keep rendering.
import type { Page } from 'playwright-core';

// A string, not a function: the bench runs under tsx, whose helpers would not exist in the page.
export const COUNT_COMMITS = `
  window.__cspCommits = 0;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject() { return 1; },
    checkDCE() {},
    onCommitFiberRoot() { window.__cspCommits++; },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
  };
`;

/** Commits so far (COUNT_COMMITS must have been added as an init script before the page loaded). */
export function commitsSoFar(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __cspCommits: number }).__cspCommits);
}

/** Resolves after `n` animation frames of the page. */
export function frames(page: Page, n: number): Promise<void> {
  return page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let seen = 0;
        const step = () => (++seen >= count ? resolve() : requestAnimationFrame(step));
        requestAnimationFrame(step);
      }),
    n,
  );
}
