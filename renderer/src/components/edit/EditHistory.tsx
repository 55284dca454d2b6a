// 修改记录: every edit of a school or township, newest first, each undoable.
import { Button, Popconfirm, Tag, Typography, type TableColumnsType } from 'antd';
import { HistoryTable } from '../HistoryTable';
import type { EditRecord, EditTarget } from '@shared/domain';
import { invoke } from '../../api/client';
import { useApi } from '../../api/useApi';
import { editStrings as t } from '../../i18n/zh-edit';
import { fmtTime } from '../../lib/format';
import { useReportError } from '../../state/useReportError';
import { useToast } from '../../state/useToast';

interface Props {
  /** Bumped by the page after an edit, so the list refetches. */
  version: number;
  onChanged: () => void;
  target?: EditTarget;
  recordKey?: string;
}

export function EditHistory({ version, onChanged, target, recordKey }: Props) {
  const message = useToast();
  const reportError = useReportError();
  const { data, loading, reload } = useApi('edits.list', { target, key: recordKey }, [version, target, recordKey]);

  async function undo(e: EditRecord) {
    try {
      await invoke('edits.undo', { editId: e.id });
      void message.success(t.undone(e.id));
      reload();
      onChanged();
    } catch (err) {
      reportError(err);
    }
  }

  const columns: TableColumnsType<EditRecord> = [
    { title: t.colId, dataIndex: 'id', width: 56, align: 'right' },
    { title: t.colTime, dataIndex: 'editedAt', width: 150, render: (v: string) => fmtTime(v) },
    { title: t.colSubject, dataIndex: 'subject', width: 220, ellipsis: true },
    {
      title: t.colChanges,
      key: 'changes',
      render: (_, e) => (
        <div>
          {e.changes.map((c) => (
            <div key={c.field}>
              {c.label}：<Typography.Text delete type="secondary">{c.before}</Typography.Text> → {c.after}
            </div>
          ))}
        </div>
      ),
    },
    {
      title: t.colStatus,
      width: 72,
      render: (_, e) => (e.undoneAt ? <Tag>{t.statusUndone}</Tag> : <Tag color="green">{t.statusActive}</Tag>),
    },
    {
      title: t.colAction,
      width: 72,
      render: (_, e) =>
        e.undoneAt ? null : (
          <Popconfirm title={t.undoTitle(e.id)} description={t.undoBody} okText={t.undo} cancelText={t.cancel} okButtonProps={{ danger: true }} onConfirm={() => undo(e)}>
            <Button size="small" type="link" danger data-testid={`edit-undo-${e.id}`}>
              {t.undo}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return <HistoryTable<EditRecord> testId="edit-history" hint={t.historyHint} empty={t.noHistory} loading={loading} data={data} columns={columns} />;
}
