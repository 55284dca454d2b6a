// Pages once shown stay mounted, so coming back to one is a DOM attach instead of fetching and
// rendering it again. Each page renders (through a portal) into its own element, which is in
// the document only while the page is shown: a hidden page costs no style or layout work, and
// queries (the e2e tests, the visual check) see only the page on screen. A kept page is shown
// again if the project's data version (which every API answer carries) is the one it was last
// shown at, else mounted afresh; the switch then asks the backend once, for writes made
// elsewhere, and mounts the page afresh if there were any.
// Pages not yet shown are built ahead, off the document, while the window is idle (prebuild.ts),
// so that a first visit is a revisit too. See docs/ARCHITECTURE.md, "Kept pages".
import { createContext, memo, startTransition, Suspense, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { invokeUnwatched, knownVersion } from '../api/client';
import { PageLaneContext, stagedLane, type PageLane } from '../api/pageCalls';
import type { PageKey } from '../lib/nav';
import { ErrorBoundary } from '../components/ErrorBoundary';

interface KeptState {
  page: PageKey;
  /** Mount of each page kept so far (numbers never reused); a new number mounts the page afresh. */
  mounts: Partial<Record<PageKey, number>>;
  /** Visits of each page, so an error shown on a page is cleared by coming back to it. */
  visits: Partial<Record<PageKey, number>>;
  /** The open file's generation (App's dataVersion) the kept pages belong to. */
  file: number;
  /** The page being built ahead, laid out hidden beside the page shown until it is built. */
  staged: PageKey | null;
}

/**
 * The project's data version, asked for writes made elsewhere. Not work in progress for the page
 * on screen (`invokeUnwatched`): the page shown after a switch is complete without it, and the
 * backend answers it only after the call it is busy with, which may be a page being built ahead
 * (a projection, an annex: a switch then measured 300–600 ms with the page on screen after
 * 40–110). Should it find a write, the page is mounted afresh, with its own progress.
 */
export async function projectVersion(): Promise<string | null> {
  try {
    return (await invokeUnwatched('project.version', {})).version;
  } catch {
    // Not knowing means not trusting what a kept page shows.
    return null;
  }
}

/**
 * The page shown and the pages kept behind it. `file` is App's dataVersion: another file opened
 * or a backup restored drops every kept page.
 */
let nextMount = 1;

export function useKeptPages(initial: PageKey, file: number) {
  const [state, setState] = useState<KeptState>(() => ({ page: initial, mounts: { [initial]: nextMount++ }, visits: { [initial]: 0 }, file, staged: null }));
  /** The data version each kept page was last shown at, or built ahead at. */
  const seen = useRef<Partial<Record<PageKey, string>>>({});
  /** The newest data version known without asking (the last switch's), null when none. */
  const known = useRef<string | null>(null);
  const latestClick = useRef(0);
  /**
   * Mounts built to the end (prebuild.ts) or shown. A build cut short by a click leaves its page
   * mounted, still loading in the background lane but out of the document, where its charts and
   * the 附件 preview's frames wait for a visit to be drawn (a first 附件 of about a second):
   * the next round of building puts it back to be finished.
   */
  const finished = useRef(new Set<number>());

  let current = state;
  if (state.file !== file) {
    seen.current = {};
    known.current = null;
    current = { page: state.page, mounts: { [state.page]: nextMount++ }, visits: { [state.page]: 0 }, file, staged: null };
    setState(current);
  }

  // The state as last committed, not as last rendered: a render of the page being built ahead
  // (a transition) may be under way and be thrown away. A click that built on it rendered that
  // whole page in its own, urgent render (「设置」 clicked during the build: a 136 ms task).
  const latest = useRef(current);
  useLayoutEffect(() => {
    latest.current = current;
  });

  const show = useCallback(async (target: PageKey) => {
    const click = ++latestClick.current;
    // The version every answer carries: the renderer's own writes are known without asking.
    const version = knownVersion();
    known.current = version;
    const s = latest.current;
    if (target === s.page) return;
    // A page is trusted at the version it was last shown at, not the one it was left at: a write
    // made while it was on screen may have come from elsewhere (another window, the CLI, a
    // script over the API), and then only a fresh mount shows it. Its own writes cost a remount.
    const kept = s.mounts[target];
    const mount = kept !== undefined && version !== null && seen.current[target] === version ? kept : nextMount++;
    if (version !== null) seen.current[target] = version;
    else delete seen.current[target];
    finished.current.add(mount);
    // An update of the state React renders with, so that a page being built ahead in a
    // transition not yet committed is neither rendered now nor lost.
    setState((r) => ({
      ...r,
      page: target,
      mounts: { ...r.mounts, [target]: mount },
      visits: { ...r.visits, [target]: (r.visits[target] ?? 0) + 1 },
    }));
    // Writes made elsewhere come back in none of this renderer's answers: ask once, with the
    // page already on screen, and mount it afresh if there were any.
    const checked = await projectVersion();
    if (click !== latestClick.current || checked === version) return;
    known.current = checked;
    const now = latest.current;
    if (now.page !== target || now.mounts[target] !== mount) return;
    if (checked !== null) seen.current[target] = checked;
    else delete seen.current[target];
    const fresh = nextMount++;
    finished.current.add(fresh);
    setState((r) => ({ ...r, mounts: { ...r.mounts, [target]: fresh } }));
  }, []);

  /** Whether `target` is mounted with the data of `version` and built, so that showing it needs no loading. */
  const isCurrent = useCallback((target: PageKey, version: string) => {
    const mount = latest.current.mounts[target];
    return mount !== undefined && seen.current[target] === version && finished.current.has(mount);
  }, []);

  /**
   * Mounts `target` afresh off the document, without showing it, as a page shown at `version`;
   * resolves once its content is committed (its first requests sent). A transition, so that
   * React renders it in slices and input comes first.
   */
  const prebuild = useCallback(
    (target: PageKey, version: string) =>
      new Promise<void>((built) => {
        const file = latest.current.file;
        if (latest.current.mounts[target] !== undefined && seen.current[target] === version) {
          // Its build was cut short: back into the document to be finished, as it is.
          startTransition(() => setState((s) => (s.file !== file || s.page === target ? s : { ...s, staged: target })));
          built();
          return;
        }
        const mount = nextMount++;
        seen.current[target] = version;
        builtWaiters.set(mount, built);
        startTransition(() =>
          setState((s) => {
            if (s.file !== file || s.page === target) {
              built();
              return s;
            }
            const visits = { ...s.visits };
            // Not yet seen by the planner: a page holds back its heavy part until it is (usePageShown).
            delete visits[target];
            return { ...s, mounts: { ...s.mounts, [target]: mount }, visits, staged: target };
          }),
        );
      }),
    [],
  );

  /** Takes the page being built ahead out of the document, built or not. */
  const unstage = useCallback(() => setState((s) => (s.staged === null ? s : { ...s, staged: null })), []);

  /** Takes the page built ahead out of the document once it has settled (its layout done): built. */
  const finish = useCallback(() => {
    const { staged, mounts } = latest.current;
    const mount = staged === null ? undefined : mounts[staged];
    if (mount !== undefined) finished.current.add(mount);
    unstage();
  }, [unstage]);

  /** Calls of the page being built ahead not yet answered (queued in the background lane or in flight). */
  const stagedCalls = useCallback(() => {
    const { staged, mounts } = latest.current;
    const mount = staged === null ? undefined : mounts[staged];
    return mount === undefined ? 0 : (lanes.get(mount)?.pending ?? 0);
  }, []);

  return { page: current.page, mounts: current.mounts, visits: current.visits, staged: current.staged, show, known, isCurrent, prebuild, unstage, finish, stagedCalls };
}

/** Each kept mount's calls (api/pageCalls.ts), for the pages built ahead to wait for. */
const lanes = new Map<number, PageLane>();

/** Mounts being built ahead, each with what to call once its content is committed. */
const builtWaiters = new Map<number, () => void>();

/** Last in its page's Suspense boundary: its effect runs once the page's content has committed. */
function Built({ mount }: { mount: number }) {
  useEffect(() => {
    builtWaiters.get(mount)?.();
    builtWaiters.delete(mount);
  }, [mount]);
  return null;
}

const PageShown = createContext(true);
const PageStaged = createContext(false);

/**
 * False while the page has been built ahead and not yet shown: a part that is costly to build
 * can wait for the first visit, or be built in the background lane (api/ahead.ts) as the 附件
 * preview is. The page's calls through usePageInvoke (useApi among them) take that lane until
 * then by themselves.
 */
export function usePageShown(): boolean {
  return useContext(PageShown);
}

/** True while the page is being built ahead in the document (laid out, not painted), to draw what waits for that. */
export function usePageStaged(): boolean {
  return useContext(PageStaged);
}

type Body = ComponentType;

const HIDDEN = 'kept-page-hidden';
const STAGED = 'kept-page-staged';

/** A kept page's body; memo so that switching pages does not re-render the pages kept behind. */
const KeptBody = memo(function KeptBody({ Page, fallback, shown, staged, mount }: { Page: Body; fallback: ReactNode; shown: boolean; staged: boolean; mount: number }) {
  // The same element while the page is kept: its first showing re-renders only what reads
  // usePageShown, not the whole page built ahead.
  const body = useMemo(
    () => (
      <Suspense fallback={fallback}>
        <Page />
        <Built mount={mount} />
      </Suspense>
    ),
    [Page, fallback, mount],
  );
  // One lane for the mount (a new mount is a new KeptBody, under the ErrorBoundary's key); the
  // same object throughout, so being shown re-renders none of the components that call.
  const [lane] = useState(() => {
    const created = stagedLane();
    if (shown) created.show();
    return created;
  });
  useLayoutEffect(() => {
    if (shown) lane.show();
  }, [shown, lane]);
  useLayoutEffect(() => {
    // Made here rather than with the lane: an effect cleaned up and run again (StrictMode)
    // must not leave the lane gone.
    const gone = new AbortController();
    lane.gone = gone.signal;
    lanes.set(mount, lane);
    return () => {
      gone.abort();
      lanes.delete(mount);
    };
  }, [mount, lane]);
  return (
    <PageLaneContext.Provider value={lane}>
      <PageShown.Provider value={shown}>
        <PageStaged.Provider value={staged}>{body}</PageStaged.Provider>
      </PageShown.Provider>
    </PageLaneContext.Provider>
  );
});

interface StackProps {
  page: PageKey;
  /** A page being built ahead: laid out hidden beside `page` (styles.css, .kept-page-staged). */
  staged?: PageKey | null;
  mounts: Partial<Record<PageKey, number>>;
  visits: Partial<Record<PageKey, number>>;
  bodies: Record<PageKey, Body>;
  /** Pages holding frames: kept in the document, hidden, rather than taken out of it. */
  framed: readonly PageKey[];
  fallback: ReactNode;
}

/** Shows `page` and keeps the others mounted off the document. */
export function KeptPageStack({ page, staged = null, mounts, visits, bodies, framed, fallback }: StackProps) {
  const slot = useRef<HTMLDivElement>(null);
  const hosts = useRef(new Map<PageKey, HTMLDivElement>());
  const scrolls = useRef(new Map<PageKey, number>());
  /** The page on screen and the scroller's position as last heard, so a switch need not read it. */
  const onScreen = useRef(page);
  const top = useRef(0);
  const hostOf = (key: PageKey) => {
    let host = hosts.current.get(key);
    if (!host) {
      host = document.createElement('div');
      host.className = 'kept-page';
      host.dataset.page = key;
      hosts.current.set(key, host);
    }
    return host;
  };

  // Each page's scroll position is noted as it scrolls: reading it during a switch, after React
  // has changed the document, laid out the page being left once more (a profile of 学校 ⇄ 总览
  // showed that effect as the largest item of a switch).
  useEffect(() => {
    const scroller = slot.current?.parentElement;
    if (!scroller) return;
    const heard = () => {
      top.current = scroller.scrollTop;
      scrolls.current.set(onScreen.current, top.current);
    };
    scroller.addEventListener('scroll', heard, { passive: true });
    return () => scroller.removeEventListener('scroll', heard);
  }, []);

  // Declared before the portals: React runs layout effects in tree order, so the page's host is
  // in the document before the page's own layout effects measure anything.
  useLayoutEffect(() => {
    const target = slot.current;
    if (!target) return;
    const scroller = target.parentElement;
    const host = hostOf(page);
    const wasStaged = host.classList.contains(STAGED);
    // Laid out while built: its first visit then finds charts drawn and tables measured at the
    // size it is shown at, as a revisit does.
    for (const [key, other] of hosts.current) {
      const stage = key === staged && key !== page;
      if (stage && other.parentElement !== target) {
        other.classList.add(STAGED);
        target.append(other);
      } else if (!stage && other.classList.contains(STAGED)) {
        other.classList.remove(STAGED);
        // A page with frames stays laid out in place (below): the 附件 preview's pages were
        // loaded and drawn while it was built ahead.
        if (other !== host) {
          if (framed.includes(key)) other.classList.add(HIDDEN);
          else other.remove();
        }
      }
    }
    if (!wasStaged && host.parentElement === target && !host.classList.contains(HIDDEN)) return;
    for (const [key, other] of hosts.current) {
      if (other === host || other.parentElement !== target || other.classList.contains(STAGED)) continue;
      // A frame taken out of the document drops its document, and under display: none it is
      // laid out again when shown: loading or laying out the annex preview again is what made
      // the page slow. Such pages stay laid out, skipped and invisible (styles.css).
      if (framed.includes(key)) other.classList.add(HIDDEN);
      else other.remove();
    }
    host.classList.remove(HIDDEN);
    if (host.parentElement !== target) target.append(host);
    onScreen.current = page;
    // Setting it lays the page out at once; most switches go from the top to the top.
    const want = scrolls.current.get(page) ?? 0;
    if (scroller && want !== top.current) {
      scroller.scrollTop = want;
      top.current = scroller.scrollTop;
    }
  });

  return (
    <>
      <div ref={slot} className="kept-page-slot" />
      {(Object.keys(mounts) as PageKey[]).map((key) =>
        createPortal(
          <ErrorBoundary resetKey={String(visits[key] ?? 0)} key={mounts[key]}>
            <KeptBody Page={bodies[key]} fallback={fallback} shown={visits[key] !== undefined} staged={key === staged && key !== page} mount={mounts[key] ?? 0} />
          </ErrorBoundary>,
          hostOf(key),
          key,
        ),
      )}
    </>
  );
}
