import type { ReactNode } from 'react';
import { Card, Statistic, Tooltip } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { fmtInt } from '../lib/format';

interface Props {
  title: string;
  value: number;
  suffix?: string;
  hint?: string;
  footer?: ReactNode;
  valueColor?: string;
  testId?: string;
}

export function StatCard({ title, value, suffix, hint, footer, valueColor, testId }: Props) {
  return (
    <Card size="small" className="stat-card" data-testid={testId}>
      <Statistic
        title={
          <span>
            {title}
            {hint ? (
              <Tooltip title={hint}>
                <InfoCircleOutlined className="stat-hint" />
              </Tooltip>
            ) : null}
          </span>
        }
        value={value}
        formatter={(v) => fmtInt(Number(v))}
        suffix={suffix}
        styles={valueColor ? { content: { color: valueColor } } : undefined}
      />
      <div className="stat-footer">{footer ?? '\u00a0'}</div>
    </Card>
  );
}
