// 导入记录: every import with its file, sheet, counts and state; undo restores exactly what
// the import changed (refused, with the reason, when later imports changed the same rows).
import { useState } from 'react';
import { Button, Drawer, Popconfirm, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { HistoryTable } from '../HistoryTable';
import { storedKindLabel, type ImportIssue, type ImportRecord } from '@shared/import';
import { invoke } from '../../api/client';
import { useApi } from '../../api/useApi';
import { zh } from '../../i18n/zh';
import { fmtInt, fmtTime } from '../../lib/format';
import { useProject } from '../../state/session';
import { useReportError } from '../../state/useReportError';
import { LoadError } from '../LoadState';
import { IssueTable } from './IssueTable';
import { useToast } from '../../state/useToast';

const t = zh.importer;

interface Props {
  /** Bumped by the wizard after an import or undo. */
  version: number;
  onChanged: () => void;
}

export function ImportHistory({ version, onChanged }: Props) {
  const { dataVersion } = useProject();
  const message = useToast();
  const reportError = useReportError();
  const { data, error, loading, reload } = useApi('import.list', {}, [dataVersion, version]);
  const [issues, setIssues] = useState<{ record: ImportRecord; issues: ImportIssue[] } | null>(null);

  async function undo(r: ImportRecord) {
    try {
      await invoke('import.undo', { importId: r.id });
      void message.success(t.undone(r.id));
      reload();
      onChanged();
    } catch (err) {
      reportError(err);
    }
  }

  async function showIssues(r: ImportRecord) {
    try {
      setIssues({ record: r, issues: await invoke('import.issues', { importId: r.id }) });
    } catch (err) {
      reportError(err);
    }
  }

  const columns: TableColumnsType<ImportRecord> = [
    { title: t.colId, dataIndex: 'id', width: 56, align: 'right' },
    { title: t.colTime, dataIndex: 'importedAt', width: 150, render: (v: string) => fmtTime(v) },
    { title: t.colKind, dataIndex: 'kind', width: 96, render: (k: ImportRecord['kind']) => storedKindLabel(k, 'shortLabel') },
    {
      title: t.colFile,
      dataIndex: 'fileName',
      ellipsis: true,
      render: (f: string, r) => (
        <span title={`SHA-256 ${r.sha256}`}>
          {f}
          <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
            {r.sheet}
          </Typography.Text>
        </span>
      ),
    },
    { title: t.colYear, dataIndex: 'year', width: 64, render: (y: number | null) => y ?? zh.common.none },
    { title: t.colRows, dataIndex: 'rowsImported', width: 80, align: 'right', render: fmtInt },
    { title: t.colSkipped, dataIndex: 'rowsSkipped', width: 60, align: 'right', render: fmtInt },
    { title: t.colRejected, dataIndex: 'rowsRejected', width: 60, align: 'right', render: fmtInt },
    { title: t.colWarnings, dataIndex: 'warnings', width: 60, align: 'right', render: fmtInt },
    {
      title: t.colStatus,
      width: 80,
      render: (_, r) => (r.undoneAt ? <Tag>{t.statusUndone}</Tag> : <Tag color="green">{t.statusActive}</Tag>),
    },
    {
      title: t.colAction,
      width: 120,
      render: (_, r) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => void showIssues(r)}>
            {t.viewIssues}
          </Button>
          {r.undoneAt ? null : (
            <Popconfirm
              title={t.undoTitle(r.id)}
              description={<div style={{ maxWidth: 320 }}>{t.undoBody}</div>}
              okText={t.undo}
              cancelText={zh.common.cancel}
              okButtonProps={{ danger: true }}
              onConfirm={() => undo(r)}
            >
              <Button size="small" type="link" danger data-testid={`import-undo-${r.id}`}>
                {t.undo}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  if (error) return <LoadError error={error} onRetry={reload} />;
  return (
    <HistoryTable<ImportRecord> testId="import-history" hint={t.historyHint} empty={t.noHistory} loading={loading} data={data} columns={columns}>
      <Drawer open={issues !== null} size={960} title={issues ? t.issuesTitle(issues.record.id, issues.record.fileName) : ''} onClose={() => setIssues(null)}>
        {issues ? <IssueTable issues={issues.issues} height={640} /> : null}
      </Drawer>
    </HistoryTable>
  );
}
