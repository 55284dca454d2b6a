// 乡镇（街道） list with 编辑 for each.
import { useState } from 'react';
import { Button, Table, Typography, type TableColumnsType } from 'antd';
import type { TownshipRow } from '@shared/api';
import type { UrbanRural } from '@shared/domain';
import { useApi } from '../../api/useApi';
import { editStrings as t } from '../../i18n/zh-edit';
import { UrbanRuralTag } from '../TownshipTable';
import { TownshipEditModal } from './TownshipEditModal';
import { useToast } from '../../state/useToast';

export function TownshipList({ version, onChanged }: { version: number; onChanged: () => void }) {
  const message = useToast();
  const { data, loading } = useApi('townships.list', {}, [version]);
  const [editing, setEditing] = useState<TownshipRow | null>(null);

  const columns: TableColumnsType<TownshipRow> = [
    { title: t.colCode, dataIndex: 'code', width: 110, render: (v: string) => <span className="mono">{v}</span> },
    { title: t.colName, dataIndex: 'name' },
    { title: t.colKind, dataIndex: 'kind', width: 64 },
    { title: t.colUrbanRural, dataIndex: 'urbanRural', width: 84, render: (v: UrbanRural) => <UrbanRuralTag value={v} /> },
    { title: t.colArea, dataIndex: 'area', width: 120 },
    {
      title: t.colAction,
      width: 64,
      render: (_, r) => (
        <Button size="small" type="link" onClick={() => setEditing(r)} data-testid={`township-edit-${r.code}`}>
          {t.edit}
        </Button>
      ),
    },
  ];

  return (
    <div data-testid="township-list">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t.townshipsHint}
      </Typography.Paragraph>
      <Table<TownshipRow> size="small" rowKey="code" loading={loading && !data} columns={columns} dataSource={data ?? []} pagination={false} />
      {editing ? (
        <TownshipEditModal
          township={editing}
          onClose={() => setEditing(null)}
          onSaved={(r) => {
            setEditing(null);
            void message.success(t.saved(r.subject, r.changes.length));
            onChanged();
          }}
        />
      ) : null}
    </div>
  );
}
