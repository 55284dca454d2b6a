// What the 布局图 page shows: the plan chosen, geo.map and geo.coverage for its year, and —
// fetched when the planner first places a school — the plan and context the project form needs.
import { useCallback, useState } from 'react';
import type { CoverageBy, CoverageResult, GeoMap } from '@shared/geo/api';
import type { EvaluationContext, PlanDetail, PlanSummary } from '@shared/plan';
import { invoke, type ApiCallError } from '../../api/client';
import { useApi } from '../../api/useApi';

export interface MapData {
  plans: PlanSummary[];
  planId: number | null;
  setPlanId: (id: number) => void;
  year: number | undefined;
  setYear: (year: number) => void;
  map: GeoMap | undefined;
  coverage: CoverageResult | undefined;
  /** Coverage by the 服务半径 or by travel time. */
  coverageBy: CoverageBy;
  setCoverageBy: (by: CoverageBy) => void;
  error: ApiCallError | undefined;
  loading: boolean;
  /** Fetches geo.map and geo.coverage again (after an edit). */
  reload: () => void;
  /** The stored plan and its evaluation context, for the project form. */
  editing: () => Promise<{ plan: PlanDetail; context: EvaluationContext } | null>;
}

/** For a project whose plans are known (the first plan is shown; none: the default plan). */
export function useMapData(plans: PlanSummary[]): MapData {
  const [planId, setPlanId] = useState<number | null>(plans[0]?.id ?? null);
  const [year, setYear] = useState<number>();
  const query = { ...(planId !== null ? { plan: planId } : {}), ...(year !== undefined ? { year } : {}) };
  const map = useApi('geo.map', query, [planId, year]);
  const [coverageBy, setCoverageBy] = useState<CoverageBy>('distance');
  const coverage = useApi('geo.coverage', { ...query, by: coverageBy }, [planId, year, coverageBy]);
  const { reload: reloadMap } = map;
  const { reload: reloadCoverage } = coverage;

  const editing = useCallback(async () => {
    if (planId === null) return null;
    const [plan, context] = await Promise.all([invoke('plan.get', { plan: planId }), invoke('plan.context', { plan: planId })]);
    return { plan, context };
  }, [planId]);

  const reload = useCallback(() => {
    reloadMap();
    reloadCoverage();
  }, [reloadMap, reloadCoverage]);

  return {
    plans,
    planId,
    setPlanId,
    year,
    setYear,
    map: map.data,
    coverage: coverage.data,
    coverageBy,
    setCoverageBy,
    error: map.error ?? coverage.error,
    loading: map.loading || coverage.loading,
    reload,
    editing,
  };
}
