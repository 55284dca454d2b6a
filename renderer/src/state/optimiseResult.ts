// The 布局优化 result the planner has open, shared between the 规划 page (where it is run and
// adopted) and the 布局图 (where its proposals are drawn over the plan). Kept in memory only:
// it is a proposal, not project data, and it goes when another project is opened.
import { useSyncExternalStore } from 'react';
import type { OptimiseResult } from '@shared/optimise/result';

export interface OpenOptimiseResult {
  /** The project file the result belongs to. */
  projectPath: string;
  planId: number;
  result: OptimiseResult;
}

let current: OpenOptimiseResult | null = null;
const listeners = new Set<() => void>();

export function setOptimiseResult(next: OpenOptimiseResult | null): void {
  current = next;
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useOptimiseResult(projectPath: string): OpenOptimiseResult | null {
  const open = useSyncExternalStore(subscribe, () => current);
  return open && open.projectPath === projectPath ? open : null;
}
