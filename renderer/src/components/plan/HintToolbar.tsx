import type { ReactNode } from 'react';
import { Typography } from 'antd';

/** A tab's toolbar: what the tab is for on the left, its actions on the right. */
export function HintToolbar({ hint, children }: { hint: ReactNode; children: ReactNode }) {
  return (
    <div className="plan-toolbar">
      <Typography.Text type="secondary" className="section-hint">
        {hint}
      </Typography.Text>
      <span style={{ flex: 1 }} />
      {children}
    </div>
  );
}
