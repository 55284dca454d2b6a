// State of the 预测 page: the chosen scenario, its unsaved edits, base year and horizon, and
// the projection that follows them. Edits recompute after a short pause (typing a number
// should not fire a request per keystroke); the last projection stays on screen meanwhile,
// and answers to superseded requests are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProjectionResult, ProjectionSetup, ScenarioParams } from '@shared/projection';
import type { ApiCallError } from '../../api/client';
import { usePageInvoke, usePageUpdate } from '../../api/pageCalls';
import { useApi } from '../../api/useApi';
import { useLatestRequest } from '../../api/useLatestRequest';
import { measureUntilSettled } from '../../lib/timing';

const EDIT_PAUSE_MS = 120;

export interface ForecastState {
  setup: ProjectionSetup | undefined;
  setupError: ApiCallError | undefined;
  reloadSetup: () => void;
  scenario: string | null;
  selectScenario: (name: string) => void;
  /** Unsaved parameter values of the selected scenario, null when none. */
  draft: ScenarioParams | null;
  setDraft: (params: ScenarioParams | null) => void;
  /** The parameters in force: the draft, else the stored ones. */
  params: ScenarioParams | null;
  baseYear: number | null;
  setBaseYear: (y: number) => void;
  horizon: number | null;
  setHorizon: (y: number) => void;
  result: ProjectionResult | undefined;
  /** Number of the last request answered, with a result or an error (the page writes it into the document, see resultShown). */
  answered: number;
  error: ApiCallError | undefined;
  pending: boolean;
  /** Re-runs the projection (after saving settings or developments). */
  rerun: () => void;
}

/** The attribute of the 预测 page holding the number of the request whose answer it shows. */
export const RESULT_ATTRIBUTE = 'data-result-request';

/**
 * Whether the answer to `request` (or a later one) is on screen: the page writes the number in
 * its commit and the charts draw in the same commit's layout effects, so a frame in which this
 * holds shows the new figures (or the error). A recompute measured up to such a frame cannot
 * end before the planner sees its answer.
 */
function resultShown(request: number): boolean {
  const shown = document.querySelector(`[${RESULT_ATTRIBUTE}]`)?.getAttribute(RESULT_ATTRIBUTE);
  return shown !== null && shown !== undefined && Number(shown) >= request;
}

export function useForecast(): ForecastState {
  const [setupTick, setSetupTick] = useState(0);
  const { data: setup, error: setupError } = useApi('projection.setup', {}, [setupTick]);
  const [scenario, setScenario] = useState<string | null>(null);
  const [draft, setDraft] = useState<ScenarioParams | null>(null);
  const [baseYear, setBaseYearState] = useState<number | null>(null);
  const [horizon, setHorizon] = useState<number | null>(null);
  const [result, setResult] = useState<ProjectionResult>();
  const [answered, setAnswered] = useState(0);
  const requests = useRef(0);
  const [error, setError] = useState<ApiCallError>();
  const [pending, setPending] = useState(false);
  const [runTick, setRunTick] = useState(0);
  const startRequest = useLatestRequest();
  const call = usePageInvoke();
  const update = usePageUpdate();

  const names = setup?.scenarios.map((s) => s.name) ?? [];
  const chosen = scenario !== null && names.includes(scenario) ? scenario : names.includes('中') ? '中' : (names[0] ?? null);
  const stored = setup?.scenarios.find((s) => s.name === chosen)?.params ?? null;
  const shownBase = baseYear ?? setup?.baseYear ?? null;

  useEffect(() => {
    if (!setup || chosen === null || shownBase === null) return;
    const follow = startRequest();
    const request = ++requests.current;
    setPending(true);
    const input = {
      scenario: chosen,
      baseYear: shownBase,
      ...(horizon !== null && horizon > shownBase ? { horizon } : {}),
      ...(draft ? { params: draft } : {}),
    };
    const timer = setTimeout(
      () => {
        // A parameter edit (the sliders): how long the planner waits for the pages to follow.
        if (draft) measureUntilSettled('recompute', () => resultShown(request));
        follow(
          call('projection.run', input),
          (r) =>
            update(() => {
              setResult(r);
              setAnswered(request);
              setError(undefined);
              setPending(false);
            }),
          (err) =>
            update(() => {
              setError(err);
              setAnswered(request);
              setPending(false);
            }),
        );
      },
      draft ? EDIT_PAUSE_MS : 0,
    );
    return () => clearTimeout(timer);
  }, [setup, chosen, shownBase, horizon, draft, runTick, startRequest, call, update]);

  const selectScenario = useCallback((name: string) => {
    setScenario(name);
    setDraft(null);
  }, []);
  const setBaseYear = useCallback((y: number) => {
    setBaseYearState(y);
    // A horizon chosen for another base year may now be out of range: fall back to the default.
    setHorizon(null);
  }, []);

  return {
    setup,
    setupError,
    reloadSetup: useCallback(() => setSetupTick((t) => t + 1), []),
    scenario: chosen,
    selectScenario,
    draft,
    setDraft,
    params: draft ?? stored,
    baseYear: shownBase,
    setBaseYear,
    horizon: horizon ?? (result ? result.horizon : null),
    setHorizon,
    result,
    answered,
    error,
    pending,
    rerun: useCallback(() => setRunTick((t) => t + 1), []),
  };
}
