import { useCallback, useEffect, useState, type DependencyList } from 'react';
import type { MethodInput, MethodName, MethodResult } from '@shared/api';
import { ApiCallError } from './client';
import { usePageInvoke, usePageUpdate } from './pageCalls';
import { zh } from '../i18n/zh';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiCallError | undefined;
  loading: boolean;
  reload: () => void;
}

export function toApiError(err: unknown): ApiCallError {
  if (err instanceof ApiCallError) return err;
  return new ApiCallError('INTERNAL', zh.common.unknownError);
}

/**
 * Calls one API method when `deps` change. Earlier data stay visible while a reload is in
 * flight so that tables and charts do not flash empty; answers that arrive after a newer
 * request started are dropped. On a page built ahead and not yet shown, the call waits in the
 * background lane (pageCalls.ts).
 */
export function useApi<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  deps: DependencyList,
): ApiState<MethodResult<M>> {
  const [data, setData] = useState<MethodResult<M> | undefined>(undefined);
  const [error, setError] = useState<ApiCallError | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const call = usePageInvoke();
  const update = usePageUpdate();

  useEffect(() => {
    let current = true;
    const dropped = new AbortController();
    setLoading(true);
    call(method, input, dropped.signal).then(
      (result) => {
        if (!current) return;
        update(() => {
          setData(result);
          setError(undefined);
          setLoading(false);
        });
      },
      (err: unknown) => {
        if (!current) return;
        update(() => {
          setError(toApiError(err));
          setLoading(false);
        });
      },
    );
    return () => {
      current = false;
      dropped.abort();
    };
    // The caller's deps decide when to refetch (as with useEffect), not the identity of
    // the input object, which is usually a fresh literal on every render.
  }, [method, tick, call, update, ...deps]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
