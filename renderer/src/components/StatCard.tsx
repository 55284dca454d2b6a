import type { ReactNode } from 'react';
import { Card, Statistic, Tooltip } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { numberHelpLines, type NumberKey } from '@shared/explain/numbers';
import { fmtInt } from '../lib/format';
import { zh } from '../i18n/zh';
import { HelpLines } from './NumberHelp';

interface Props {
  title: string;
  /** The number's explanation (shared/explain); shown on hovering the number and the icon. */
  explain?: NumberKey;
  /** null: unknown (shown as 未知, never as 0). */
  value: number | null;
  suffix?: string;
  hint?: string;
  footer?: ReactNode;
  valueColor?: string;
  testId?: string;
}

export function StatCard({ title, explain, value, suffix, hint, footer, valueColor, testId }: Props) {
  const help = explain ? <HelpLines lines={[...(hint ? [hint] : []), ...numberHelpLines(explain)]} /> : hint;
  const statistic = (
    <Statistic
      title={
        <span>
          {title}
          {help ? <InfoCircleOutlined className="stat-hint" /> : null}
        </span>
      }
      value={value ?? undefined}
      formatter={(v) => (value === null ? zh.common.unknown : fmtInt(Number(v)))}
      suffix={value === null ? undefined : suffix}
      styles={valueColor ? { content: { color: valueColor } } : undefined}
    />
  );
  return (
    <Card size="small" className="stat-card" data-testid={testId}>
      {help ? (
        <Tooltip title={help} styles={{ root: { maxWidth: 420 } }}>
          <div data-explain={explain}>{statistic}</div>
        </Tooltip>
      ) : (
        statistic
      )}
      <div className="stat-footer">{footer ?? '\u00a0'}</div>
    </Card>
  );
}
