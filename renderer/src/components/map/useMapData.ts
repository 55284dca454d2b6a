// What the 布局图 page shows: the plan chosen, geo.map and geo.coverage for its year, and —
// fetched when the planner first places a school — the plan and context the project form needs.
import { useCallback, useEffect, useState } from 'react';
import type { CoverageResult, GeoMap } from '@shared/geo/api';
import type { EvaluationContext, PlanDetail, PlanSummary } from '@shared/plan';
import { invoke, type ApiCallError } from '../../api/client';
import { toApiError } from '../../api/useApi';

export interface MapData {
  plans: PlanSummary[] | undefined;
  planId: number | null;
  setPlanId: (id: number) => void;
  year: number | undefined;
  setYear: (year: number) => void;
  map: GeoMap | undefined;
  coverage: CoverageResult | undefined;
  error: ApiCallError | undefined;
  loading: boolean;
  /** Fetches geo.map and geo.coverage again (after an edit). */
  reload: () => void;
  /** The stored plan and its evaluation context, for the project form. */
  editing: () => Promise<{ plan: PlanDetail; context: EvaluationContext } | null>;
  setMap: (map: GeoMap) => void;
}

export function useMapData(): MapData {
  const [plans, setPlans] = useState<PlanSummary[]>();
  const [planId, setPlanId] = useState<number | null>(null);
  const [year, setYear] = useState<number>();
  const [map, setMap] = useState<GeoMap>();
  const [coverage, setCoverage] = useState<CoverageResult>();
  const [error, setError] = useState<ApiCallError>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    invoke('plan.list', {}).then(
      (list) => {
        setPlans(list);
        setPlanId((id) => id ?? list[0]?.id ?? null);
      },
      (err: unknown) => setError(toApiError(err)),
    );
  }, []);

  useEffect(() => {
    if (plans === undefined) return;
    let current = true;
    setLoading(true);
    const query = { ...(planId !== null ? { plan: planId } : {}), ...(year !== undefined ? { year } : {}) };
    Promise.all([invoke('geo.map', query), invoke('geo.coverage', query)]).then(
      ([m, c]) => {
        if (!current) return;
        setMap(m);
        setCoverage(c);
        setLoading(false);
      },
      (err: unknown) => {
        if (!current) return;
        setError(toApiError(err));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [plans, planId, year, tick]);

  const editing = useCallback(async () => {
    if (planId === null) return null;
    const [plan, context] = await Promise.all([invoke('plan.get', { plan: planId }), invoke('plan.context', { plan: planId })]);
    return { plan, context };
  }, [planId]);

  const reload = useCallback(() => setTick((n) => n + 1), []);

  return { plans, planId, setPlanId, year, setYear, map, coverage, error, loading, reload, editing, setMap };
}
