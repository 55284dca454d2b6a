// The checker's findings: one row per issue, with the sheet, the row as Excel numbers it,
// the column, the value and what to do; filterable by severity.
import { useMemo, useState } from 'react';
import { Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { ImportIssue, Severity } from '@shared/import';
import { zh } from '../../i18n/zh';

const t = zh.importer;
export const SEVERITY_COLOR: Record<Severity, string> = { error: 'red', warning: 'orange', info: 'blue' };

interface Props {
  issues: readonly ImportIssue[];
  totals?: Record<Severity, number>;
  height?: number;
}

export function IssueTable({ issues, totals, height = 320 }: Props) {
  const counts = totals ?? { error: 0, warning: 0, info: 0, ...Object.fromEntries(['error', 'warning', 'info'].map((s) => [s, issues.filter((i) => i.severity === s).length])) };
  const [filter, setFilter] = useState<Severity | 'all'>(counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : 'all');
  const shown = useMemo(() => issues.filter((i) => filter === 'all' || i.severity === filter).map((i, k) => ({ ...i, key: k })), [issues, filter]);
  const columns: TableColumnsType<ImportIssue & { key: number }> = [
    { title: t.colSeverity, dataIndex: 'severity', width: 64, render: (s: Severity) => <Tag color={SEVERITY_COLOR[s]}>{t.severity[s]}</Tag> },
    { title: t.colSheet, dataIndex: 'sheet', width: 100, ellipsis: true },
    { title: t.colRow, dataIndex: 'row', width: 56, align: 'right', render: (r: number | null) => r ?? zh.common.none },
    { title: t.colCol, dataIndex: 'column', width: 190, ellipsis: true },
    { title: t.colValue, dataIndex: 'value', width: 120, ellipsis: true, render: (v: string) => (v ? <Typography.Text code>{v}</Typography.Text> : null) },
    { title: t.colMessage, dataIndex: 'message' },
  ];
  return (
    <div data-testid="import-issues">
      <Segmented<Severity | 'all'>
        size="small"
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'all', label: `${t.filterAll} ${counts.error + counts.warning + counts.info}` },
          { value: 'error', label: `${t.severity.error} ${counts.error}` },
          { value: 'warning', label: `${t.severity.warning} ${counts.warning}` },
          { value: 'info', label: `${t.severity.info} ${counts.info}` },
        ]}
        style={{ marginBottom: 8 }}
      />
      <Table
        size="small"
        columns={columns}
        dataSource={shown}
        pagination={false}
        virtual
        scroll={{ y: height, x: 960 }}
        locale={{ emptyText: t.noIssues }}
      />
    </div>
  );
}
