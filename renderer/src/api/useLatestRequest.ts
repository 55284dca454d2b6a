import { useCallback, useRef } from 'react';
import type { ApiCallError } from './client';
import { toApiError } from './useApi';

type Follow = <T>(call: Promise<T>, onResult: (result: T) => void, onError: (error: ApiCallError) => void) => void;

/**
 * For a series of requests where only the newest counts: `start()` marks a new request and
 * returns `follow`, which hands on its answer only while no later request has started, so a
 * slow answer to an old request never overwrites a newer one.
 */
export function useLatestRequest(): () => Follow {
  const latest = useRef(0);
  return useCallback(() => {
    const id = ++latest.current;
    return (call, onResult, onError) => {
      call.then(
        (result) => {
          if (id === latest.current) onResult(result);
        },
        (err: unknown) => {
          if (id === latest.current) onError(toApiError(err));
        },
      );
    };
  }, []);
}
