// Export of the annexes with progress and cancel: each annex is built by `annex.prepare`
// (kept by the backend for the export that follows), so the planner sees which annex is
// being built and an estimate, and 取消 stops before the next one. The final step writes
// the file in one call and cannot be stopped, and says so.
import { useCallback, useRef, useState } from 'react';
import { Button, Modal, Progress, Typography } from 'antd';
import { remainingText, type AnnexFormat, type AnnexList, type AnnexSelection } from '@shared/annex';
import { invoke } from '../../api/client';
import { zh } from '../../i18n/zh';

const t = zh.annex;
const FORMAT_LABEL: Record<AnnexFormat, string> = { pdf: 'PDF', xlsx: 'Excel', docx: 'Word' };

export interface ExportProgressState {
  format: AnnexFormat;
  /** Steps finished: one per annex, then the file. */
  done: number;
  total: number;
  text: string;
  cancelling: boolean;
}

interface Request {
  annexes: AnnexSelection[];
  titlePrefix: string;
  plan?: number;
  scenario?: string;
}

/** Runs `prepare` annex by annex, then `write`; resolves to null when the planner cancelled. */
export function useAnnexExportProgress(list: AnnexList | undefined) {
  const [state, setState] = useState<ExportProgressState | null>(null);
  const cancelled = useRef(false);

  const run = useCallback(
    async <R,>(format: AnnexFormat, request: Request, write: () => Promise<R>): Promise<R | null> => {
      cancelled.current = false;
      const total = request.annexes.length + 1;
      const started = performance.now();
      const show = (done: number, text: string) =>
        setState({ format, done, total, text: `${text}${remainingText(performance.now() - started, done, total)}`, cancelling: false });
      try {
        for (const [i, selection] of request.annexes.entries()) {
          if (cancelled.current) return null;
          show(i, t.progressBuilding(list?.annexes.find((a) => a.kind === selection.kind)?.title ?? selection.kind));
          await invoke('annex.prepare', { ...request, annexes: [selection] });
        }
        if (cancelled.current) return null;
        show(request.annexes.length, t.progressWriting);
        return await write();
      } finally {
        setState(null);
      }
    },
    [list],
  );

  const cancel = useCallback(() => {
    cancelled.current = true;
    setState((s) => (s ? { ...s, cancelling: true } : s));
  }, []);

  return { state, run, cancel };
}

export function ExportProgressModal({ state, onCancel }: { state: ExportProgressState | null; onCancel: () => void }) {
  const writing = state !== null && state.done === state.total - 1;
  return (
    <Modal
      open={state !== null}
      title={state ? t.progressTitle(FORMAT_LABEL[state.format]) : ''}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={
        <Button onClick={onCancel} disabled={writing || state?.cancelling} data-testid="annex-export-cancel">
          {state?.cancelling ? t.exportCancelling : t.exportCancel}
        </Button>
      }
      data-testid="annex-export-progress"
    >
      {state ? (
        <>
          <Progress percent={Math.round((state.done / state.total) * 100)} status="active" />
          <Typography.Text type="secondary">{`${state.done + 1}/${state.total} ${state.text}`}</Typography.Text>
        </>
      ) : null}
    </Modal>
  );
}
