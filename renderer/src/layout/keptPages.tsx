// Pages once shown stay mounted, so coming back to one is a DOM attach instead of fetching and
// rendering it again. Each page renders (through a portal) into its own element, which is in
// the document only while the page is shown: a hidden page costs no style or layout work, and
// queries (the e2e tests, the visual check) see only the page on screen. Before a kept page is
// shown again, the switch asks the backend for the project's data version; if anything was
// written since the page was last shown (by it or anyone else), it is mounted afresh, as before.
// See docs/ARCHITECTURE.md, "Kept pages".
import { memo, Suspense, useCallback, useLayoutEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { invoke } from '../api/client';
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
}

async function projectVersion(): Promise<string | null> {
  try {
    return (await invoke('project.version', {})).version;
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
  const [state, setState] = useState<KeptState>(() => ({ page: initial, mounts: { [initial]: nextMount++ }, visits: { [initial]: 0 }, file }));
  /** The data version each kept page was last shown at. */
  const seen = useRef<Partial<Record<PageKey, string>>>({});
  const latestClick = useRef(0);

  let current = state;
  if (state.file !== file) {
    seen.current = {};
    current = { page: state.page, mounts: { [state.page]: nextMount++ }, visits: { [state.page]: 0 }, file };
    setState(current);
  }

  const latest = useRef(current);
  latest.current = current;

  const show = useCallback(async (target: PageKey) => {
    const click = ++latestClick.current;
    const version = await projectVersion();
    const s = latest.current;
    if (click !== latestClick.current || target === s.page) return;
    // A page is trusted at the version it was last shown at, not the one it was left at: a write
    // made while it was on screen may have come from elsewhere (another window, the CLI, a
    // script over the API), and then only a fresh mount shows it. Its own writes cost a remount.
    const kept = s.mounts[target];
    const mount = kept !== undefined && version !== null && seen.current[target] === version ? kept : nextMount++;
    if (version !== null) seen.current[target] = version;
    else delete seen.current[target];
    setState({
      ...s,
      page: target,
      mounts: { ...s.mounts, [target]: mount },
      visits: { ...s.visits, [target]: (s.visits[target] ?? 0) + 1 },
    });
  }, []);

  return { page: current.page, mounts: current.mounts, visits: current.visits, show };
}

type Body = ComponentType;

const HIDDEN = 'kept-page-hidden';

/** A kept page's body; memo so that switching pages does not re-render the pages kept behind. */
const KeptBody = memo(function KeptBody({ Page, fallback }: { Page: Body; fallback: ReactNode }) {
  return (
    <Suspense fallback={fallback}>
      <Page />
    </Suspense>
  );
});

interface StackProps {
  page: PageKey;
  mounts: Partial<Record<PageKey, number>>;
  visits: Partial<Record<PageKey, number>>;
  bodies: Record<PageKey, Body>;
  /** Pages holding frames: kept in the document, hidden, rather than taken out of it. */
  framed: readonly PageKey[];
  fallback: ReactNode;
}

/** Shows `page` and keeps the others mounted off the document. */
export function KeptPageStack({ page, mounts, visits, bodies, framed, fallback }: StackProps) {
  const slot = useRef<HTMLDivElement>(null);
  const hosts = useRef(new Map<PageKey, HTMLDivElement>());
  const scrolls = useRef(new Map<PageKey, number>());
  const hostOf = (key: PageKey) => {
    let host = hosts.current.get(key);
    if (!host) {
      host = document.createElement('div');
      host.className = 'kept-page';
      hosts.current.set(key, host);
    }
    return host;
  };

  // Declared before the portals: React runs layout effects in tree order, so the page's host is
  // in the document before the page's own layout effects measure anything.
  useLayoutEffect(() => {
    const target = slot.current;
    if (!target) return;
    const scroller = target.parentElement;
    const host = hostOf(page);
    if (host.parentElement === target && !host.classList.contains(HIDDEN)) return;
    for (const [key, other] of hosts.current) {
      if (other === host || other.parentElement !== target) continue;
      if (!other.classList.contains(HIDDEN) && scroller) scrolls.current.set(key, scroller.scrollTop);
      // A frame taken out of the document drops its document, and under display: none it is
      // laid out again when shown: loading or laying out the annex preview again is what made
      // the page slow. Such pages stay laid out, skipped and invisible (styles.css).
      if (framed.includes(key)) other.classList.add(HIDDEN);
      else other.remove();
    }
    host.classList.remove(HIDDEN);
    if (host.parentElement !== target) target.append(host);
    if (scroller) scroller.scrollTop = scrolls.current.get(page) ?? 0;
  });

  return (
    <>
      <div ref={slot} className="kept-page-slot" />
      {(Object.keys(mounts) as PageKey[]).map((key) =>
        createPortal(
          <ErrorBoundary resetKey={String(visits[key] ?? 0)} key={mounts[key]}>
            <KeptBody Page={bodies[key]} fallback={fallback} />
          </ErrorBoundary>,
          hostOf(key),
          key,
        ),
      )}
    </>
  );
}
