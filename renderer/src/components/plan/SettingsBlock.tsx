// A titled block of the settings drawer's norms form, with its hint under the title.
import type { ReactNode } from 'react';
import { Typography } from 'antd';

export function SettingsBlock({ title, hint, testId, children }: { title: string; hint: string; testId: string; children: ReactNode }) {
  return (
    <div data-testid={testId}>
      <Typography.Text strong>{title}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {hint}
      </Typography.Paragraph>
      {children}
    </div>
  );
}
