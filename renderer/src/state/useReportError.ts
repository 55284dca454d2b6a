import { App } from 'antd';
import { useCallback } from 'react';
import { toApiError } from '../api/useApi';

/** Shows an API failure as a transient message with the backend's Chinese text. */
export function useReportError(): (err: unknown) => void {
  const { message } = App.useApp();
  return useCallback(
    (err: unknown) => {
      void message.error(toApiError(err).message);
    },
    [message],
  );
}
