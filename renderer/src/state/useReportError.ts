import { useCallback } from 'react';
import { toApiError } from '../api/useApi';
import { useToast } from './useToast';

/** Shows an API failure as a transient message with the backend's Chinese text. */
export function useReportError(): (err: unknown) => void {
  const message = useToast();
  return useCallback(
    (err: unknown) => {
      void message.error(toApiError(err).message);
    },
    [message],
  );
}

/**
 * Runs one action the user asked for: `busy` (when given) is on while it runs, and a failure
 * is reported as above instead of thrown. Resolves to whether the action succeeded.
 */
export function useAttempt(): (action: () => Promise<unknown>, busy?: (on: boolean) => void) => Promise<boolean> {
  const reportError = useReportError();
  return useCallback(
    async (action: () => Promise<unknown>, busy?: (on: boolean) => void) => {
      busy?.(true);
      try {
        await action();
        return true;
      } catch (err) {
        reportError(err);
        return false;
      } finally {
        busy?.(false);
      }
    },
    [reportError],
  );
}
