import type { ReactNode } from 'react';
import { Card } from 'antd';

interface Props {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}

/** A titled white panel: every block on a page uses the same frame and spacing. */
export function Section({ title, extra, children, className, testId }: Props) {
  return (
    <Card size="small" title={title} extra={extra} className={`section ${className ?? ''}`} data-testid={testId}>
      {children}
    </Card>
  );
}
