// A history of changes (导入记录, 修改记录): a hint, then the records newest first, 20 a page.
import type { ReactNode } from 'react';
import { Table, Typography, type TableColumnsType } from 'antd';

interface Props<T> {
  testId: string;
  hint: ReactNode;
  empty: ReactNode;
  loading: boolean;
  data: T[] | undefined;
  columns: TableColumnsType<T>;
  /** Shown after the table (a drawer of details). */
  children?: ReactNode;
}

export function HistoryTable<T extends { id: number }>({ testId, hint, empty, loading, data, columns, children }: Props<T>) {
  return (
    <div data-testid={testId}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {hint}
      </Typography.Paragraph>
      <Table<T>
        size="small"
        rowKey="id"
        loading={loading && !data}
        columns={columns}
        dataSource={data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: empty }}
      />
      {children}
    </div>
  );
}
