import { Result, Typography } from 'antd';
import type { ReactNode } from 'react';
import { PageHeader } from '../components/PageHeader';
import { zh } from '../i18n/zh';

interface Props {
  title: string;
  body: string;
  icon: ReactNode;
}

/** Pages that later issues fill: say plainly what the page will do, show no invented data. */
export function PlaceholderPage({ title, body, icon }: Props) {
  return (
    <div className="page">
      <PageHeader title={title} />
      <div className="placeholder-panel">
        <Result
          icon={icon}
          title={title}
          subTitle={
            <Typography.Paragraph type="secondary" style={{ maxWidth: 560, margin: '0 auto' }}>
              {body}
            </Typography.Paragraph>
          }
          extra={<Typography.Text type="secondary">{zh.placeholder.soon}</Typography.Text>}
        />
      </div>
    </div>
  );
}
