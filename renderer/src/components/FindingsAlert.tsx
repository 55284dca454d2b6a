import type { ReactNode } from 'react';
import { Alert } from 'antd';

/** A page's callout: what its figures show, as a few listed sentences in an info box. */
export function FindingsAlert({ className, title, testId, children }: { className: string; title: ReactNode; testId: string; children: ReactNode }) {
  return (
    <Alert
      className={className}
      type="info"
      showIcon
      title={title}
      description={
        <ul className="findings-list" data-testid={testId}>
          {children}
        </ul>
      }
    />
  );
}
