// How a page asks for its data: at once when it is on screen, through the background lane
// (ahead.ts) while it is being built ahead and not yet shown. A page built ahead otherwise sent
// its calls at once, and the planner's own calls waited in the backend behind all of them.
// Showing the page sends its calls still queued at once. See docs/ARCHITECTURE.md, "Pages
// built ahead".
import { createContext, startTransition, useCallback, useContext } from 'react';
import type { MethodInput, MethodName, MethodResult } from '@shared/api';
import { invoke } from './client';
import { invokeAhead } from './ahead';

/**
 * A kept page's calls: `shown` aborts when the page is first shown, `gone` when it is unmounted
 * (its calls still queued are dropped); `pending` counts its calls not yet answered.
 */
export interface PageLane {
  shown: AbortSignal;
  gone: AbortSignal;
  pending: number;
}

const NEVER = new AbortController().signal;

/** Anything outside a kept page (the start page, dialogs) is on screen. */
const ON_SCREEN: PageLane = { shown: AbortSignal.abort(), gone: NEVER, pending: 0 };

export const PageLaneContext = createContext<PageLane>(ON_SCREEN);

/** A page mounted off screen, built ahead: its calls wait for the window to be idle until `show()`. */
export function stagedLane(): PageLane & { show(): void } {
  const shown = new AbortController();
  return { shown: shown.signal, gone: NEVER, pending: 0, show: () => shown.abort() };
}

export type PageInvoke = <M extends MethodName>(method: M, input: MethodInput<M>, signal?: AbortSignal) => Promise<MethodResult<M>>;

/**
 * `invoke` for the page this component is on. `signal` drops a call still queued (rejecting it
 * with AheadCancelled) when its caller no longer wants the answer.
 */
export function usePageInvoke(): PageInvoke {
  const lane = useContext(PageLaneContext);
  return useCallback(
    <M extends MethodName>(method: M, input: MethodInput<M>, signal?: AbortSignal) => {
      if (lane.shown.aborted) return invoke(method, input);
      lane.pending++;
      return invokeAhead(method, input, signal ? AbortSignal.any([signal, lane.gone]) : lane.gone, lane.shown).finally(() => {
        lane.pending--;
      });
    },
    [lane],
  );
}

/**
 * Applies an answer to a page's state: on a page being built ahead and not yet shown, as a
 * transition. React renders an update that is not a transition in one piece (a page built ahead
 * took tasks of 100–500 ms to render its data), and a click waited for the whole of it; a
 * transition is rendered in slices, and a click comes first.
 */
export function usePageUpdate(): (apply: () => void) => void {
  const lane = useContext(PageLaneContext);
  return useCallback((apply: () => void) => (lane.shown.aborted ? apply() : startTransition(apply)), [lane]);
}
