import type { ReactNode } from 'react';
import { Space, Typography } from 'antd';

/** A toolbar control with its name before it, muted, as every page's toolbar shows them. */
export function Labeled({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <Space size={6}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      {children}
    </Space>
  );
}
