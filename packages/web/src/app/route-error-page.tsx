import { Button, Result } from 'antd';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);
}

/** What the user sees when a page throws: a way back, never a blank screen. */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  if (isChunkLoadError(error)) {
    return (
      <Result
        status="warning"
        title="系统已更新"
        subTitle="页面文件已更新或网络中断，请刷新页面后重试。"
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            刷新页面
          </Button>
        }
      />
    );
  }
  return (
    <Result
      status="500"
      title="页面出错了"
      subTitle={error instanceof Error ? error.message : '发生了意外错误，请刷新页面或返回工作台。'}
      extra={[
        <Button key="reload" onClick={() => window.location.reload()}>
          刷新页面
        </Button>,
        <Link key="home" to="/">
          <Button type="primary">返回工作台</Button>
        </Link>,
      ]}
    />
  );
}

export function NotFoundPage() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在，可能链接有误或已被移除。"
      extra={
        <Link to="/">
          <Button type="primary">返回工作台</Button>
        </Link>
      }
    />
  );
}
