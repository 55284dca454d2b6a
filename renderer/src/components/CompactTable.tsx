import { Table, type TableProps } from 'antd';

/**
 * The app's tables: small rows and every row on one page (the lists are a county's, a few
 * hundred rows at most, and long ones scroll inside their box).
 */
export function CompactTable<T extends object>(props: TableProps<T>) {
  return <Table<T> size="small" pagination={false} {...props} />;
}
