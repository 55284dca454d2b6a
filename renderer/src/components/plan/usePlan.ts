// State of the 规划 page: the plans, the selected one, and its evaluation. The evaluation
// runs here, in the renderer, on the context the backend sends once per plan, scenario and
// outlook (the costly projection); every edit then returns the stored plan and the results
// follow within a frame, computed by the same function the CLI uses.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MethodInput } from '@shared/api';
import { evaluatePlan, type EvaluationContext, type PlanDetail, type PlanEvaluation, type PlanSummary } from '@shared/plan';
import { ApiCallError, invoke } from '../../api/client';
import { usePageInvoke, usePageUpdate } from '../../api/pageCalls';
import { toApiError } from '../../api/useApi';
import { useLatestRequest } from '../../api/useLatestRequest';
import { useAttempt } from '../../state/useReportError';
import { useProject } from '../../state/session';

/**
 * The plan last shown, per project file: on returning to 规划 its details and context are
 * asked for at once, alongside the plan list, instead of one round trip after another.
 */
const lastPlan = new Map<string, number>();

type PlanEdit =
  | 'plan.update'
  | 'plan.setTarget'
  | 'plan.removeTarget'
  | 'plan.resetTargets'
  | 'plan.addProjects'
  | 'plan.updateProject'
  | 'plan.removeProject'
  | 'plan.setAreas'
  | 'plan.undo'
  | 'plan.redo';

export interface PlanState {
  plans: PlanSummary[] | undefined;
  plan: PlanDetail | null;
  context: EvaluationContext | undefined;
  evaluation: PlanEvaluation | null;
  /** Why the page cannot show anything (loading failed). */
  error: ApiCallError | undefined;
  /** The context (projection) is being fetched. */
  loadingContext: boolean;
  /** An edit is on its way to the file. */
  saving: boolean;
  select: (id: number) => void;
  create: () => Promise<void>;
  /** Applies one edit; resolves to whether it was stored. */
  edit: <M extends PlanEdit>(method: M, input: Omit<MethodInput<M>, 'plan'>) => Promise<boolean>;
  remove: () => Promise<boolean>;
}

export function usePlan(): PlanState {
  const attempt = useAttempt();
  const projectPath = useProject().project.path;
  const [plans, setPlans] = useState<PlanSummary[]>();
  const [selected, setSelected] = useState<number | null>(() => lastPlan.get(projectPath) ?? null);
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  const [context, setContext] = useState<EvaluationContext>();
  /** The plan the context was asked for: a context arriving before its plan is not used with the previous plan. */
  const [contextPlan, setContextPlan] = useState<number | null>(null);
  const [error, setError] = useState<ApiCallError>();
  const [loadingContext, setLoadingContext] = useState(false);
  const [saving, setSaving] = useState(false);
  const startContextRequest = useLatestRequest();
  // What the page shows first; built ahead, these wait in the background lane (the context is a
  // projection, hundreds of milliseconds in the backend).
  const call = usePageInvoke();
  const update = usePageUpdate();

  const loadList = useCallback(async () => {
    try {
      const list = await call('plan.list', {});
      update(() => {
        setPlans(list);
        setSelected((s) => (s !== null && list.some((p) => p.id === s) ? s : (list[0]?.id ?? null)));
      });
    } catch (err) {
      update(() => setError(toApiError(err)));
    }
  }, [call, update]);

  useEffect(() => {
    void loadList();
  }, [loadList]);

  useEffect(() => {
    if (selected === null) {
      setPlan(null);
      return;
    }
    lastPlan.set(projectPath, selected);
    // A remembered plan deleted meanwhile fails here; the list then selects another one.
    setError(undefined);
    let current = true;
    const dropped = new AbortController();
    call('plan.get', { plan: selected }, dropped.signal).then(
      (p) => current && update(() => setPlan(p)),
      (err: unknown) => current && update(() => setError(toApiError(err))),
    );
    return () => {
      current = false;
      dropped.abort();
    };
  }, [selected, projectPath, call, update]);

  // The context depends on the plan's scenario and outlook only: refetch on those. The first
  // request goes out with the plan's (still unknown) stored ones, in parallel with plan.get.
  const scenario = plan?.id === selected ? plan.scenario : undefined;
  const outlook = plan?.id === selected ? plan.outlookYear : undefined;
  const fetchedFor = useRef<{ plan: number; scenario?: string | undefined; outlook?: number | undefined } | null>(null);
  useEffect(() => {
    if (selected === null) return;
    const known = scenario !== undefined;
    const f = fetchedFor.current;
    if (f && f.plan === selected) {
      if (!known) return;
      if (f.scenario === undefined) {
        // The request already made used the stored scenario and outlook, which these are.
        fetchedFor.current = { plan: selected, scenario, outlook };
        return;
      }
      if (f.scenario === scenario && f.outlook === outlook) return;
    }
    fetchedFor.current = { plan: selected, scenario, outlook };
    const follow = startContextRequest();
    setLoadingContext(true);
    follow(
      call('plan.context', { plan: selected }),
      (ctx) =>
        update(() => {
          setContext(ctx);
          setContextPlan(selected);
          setLoadingContext(false);
        }),
      (err) =>
        update(() => {
          setError(err);
          setLoadingContext(false);
        }),
    );
  }, [selected, scenario, outlook, startContextRequest, call, update]);

  const evaluation = useMemo(() => {
    if (!context || !plan || contextPlan !== plan.id) return null;
    try {
      return evaluatePlan(context, plan);
    } catch {
      return null;
    }
  }, [context, contextPlan, plan]);

  const edit = useCallback(
    async <M extends PlanEdit>(method: M, input: Omit<MethodInput<M>, 'plan'>): Promise<boolean> => {
      if (!plan) return false;
      return attempt(async () => {
        setPlan((await invoke(method, { ...input, plan: plan.id } as MethodInput<M>)) as PlanDetail);
        // Names, counts and investment in the plan list follow.
        void loadList();
      }, setSaving);
    },
    [plan, attempt, loadList],
  );

  const create = useCallback(async () => {
    await attempt(async () => {
      const created = await invoke('plan.create', {});
      await loadList();
      setSelected(created.id);
      setPlan(created);
    });
  }, [loadList, attempt]);

  const remove = useCallback(async () => {
    if (!plan) return false;
    return attempt(async () => {
      const list = await invoke('plan.delete', { plan: plan.id });
      setPlans(list);
      setContext(undefined);
      setSelected(list[0]?.id ?? null);
    });
  }, [plan, attempt]);

  return { plans, plan, context, evaluation, error, loadingContext, saving, select: setSelected, create, edit, remove };
}
