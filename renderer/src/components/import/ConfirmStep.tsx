// Step 5: the rows as they will be stored and what will change; then the commit, and its
// result with an undo button.
import { Alert, Button, Descriptions, Result, Space, Table, Typography } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import type { ImportCheck, ImportResult } from '@shared/import';
import { zh } from '../../i18n/zh';
import { IssueTable } from './IssueTable';

const t = zh.importer;

interface Props {
  check: ImportCheck;
  result: ImportResult | null;
  undone: boolean;
  onUndo: () => void;
  onAnother: () => void;
  onHistory: () => void;
}

function Preview({ check }: { check: ImportCheck }) {
  const columns = check.preview.headers.map((h, i) => ({ title: h, dataIndex: i, ellipsis: true, render: (v: unknown) => (v === null || v === undefined ? zh.common.none : String(v)) }));
  const data = check.preview.rows.map((r, k) => ({ key: k, ...Object.fromEntries(r.map((v, i) => [i, v])) }));
  return <Table size="small" columns={columns} dataSource={data} pagination={false} scroll={{ x: 'max-content', y: 300 }} data-testid="import-preview" />;
}

export function ConfirmStep({ check, result, undone, onUndo, onAnother, onHistory }: Props) {
  if (result?.ok && result.importId !== null) {
    return (
      <Result
        status={undone ? 'info' : 'success'}
        title={undone ? t.undone(result.importId) : t.done}
        subTitle={undone ? undefined : t.doneBody(result.importId, result.rowsImported)}
        extra={[
          undone ? null : (
            <Button key="undo" icon={<RollbackOutlined />} onClick={onUndo} data-testid="import-undo-this" danger>
              {t.undoThis}
            </Button>
          ),
          <Button key="history" onClick={onHistory}>
            {t.toHistory}
          </Button>,
          <Button key="again" type="primary" onClick={onAnother}>
            {t.another}
          </Button>,
        ]}
        data-testid="import-result"
      />
    );
  }
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="import-confirm-step">
      {result && !result.ok ? (
        <>
          <Alert type="error" showIcon title={t.notImported} description={result.issues.find((i) => i.severity === 'error')?.message} />
          <IssueTable issues={result.issues} height={200} />
        </>
      ) : null}
      <Descriptions
        size="small"
        bordered
        column={3}
        title={t.summary}
        items={check.summary.map(([k, v]) => ({ key: k, label: k, children: v }))}
        data-testid="import-summary"
      />
      <div>
        <Typography.Text strong>{t.preview}</Typography.Text>
        <div style={{ marginTop: 6 }}>
          <Preview check={check} />
        </div>
      </div>
      <Typography.Text type="secondary">{t.backupNote}</Typography.Text>
    </Space>
  );
}
