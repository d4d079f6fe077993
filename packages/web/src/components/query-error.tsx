import { ReloadOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { ApiError, errorMessage } from '../lib/api-client.ts';

interface QueryErrorProps {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}

/** The error state of a list or detail: what went wrong, in Chinese, and a way to try again. */
export function QueryError({ error, onRetry, title = '加载失败' }: QueryErrorProps) {
  const forbidden = error instanceof ApiError && error.status === 403;
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Result
      status={forbidden ? '403' : 'warning'}
      title={forbidden ? '没有权限' : title}
      subTitle={
        <>
          {errorMessage(error)}
          {requestId ? <div className="muted">请求编号：{requestId}</div> : null}
        </>
      }
      extra={
        onRetry && !forbidden ? (
          <Button icon={<ReloadOutlined />} onClick={onRetry}>
            重试
          </Button>
        ) : null
      }
    />
  );
}
