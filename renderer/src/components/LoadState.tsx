import { Alert, Button, Flex, Spin } from 'antd';
import type { ApiCallError } from '../api/client';
import { zh } from '../i18n/zh';

export function PageLoading() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240 }}>
      <Spin size="large" tip={zh.common.loading}>
        <div style={{ width: 120, height: 60 }} />
      </Spin>
    </Flex>
  );
}

export function LoadError({ error, onRetry }: { error: ApiCallError; onRetry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title={zh.common.loadFailed}
      description={error.message}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {zh.common.retry}
          </Button>
        ) : undefined
      }
    />
  );
}
