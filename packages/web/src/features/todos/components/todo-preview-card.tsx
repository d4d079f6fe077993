import { Button, Card, Skeleton } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { useTodos } from '../api.ts';
import { TodoList } from './todo-list.tsx';

/** The home page's first card: what waits for me now, the most urgent first, and the way to all of it. */
export function TodoPreviewCard({ top = 5 }: { top?: number }) {
  const todos = useTodos('mine', { limit: top });
  const total = todos.data?.total ?? 0;
  return (
    <Card
      title={todos.data ? `我的待办（${total}）` : '我的待办'}
      extra={
        <Link to="/todos" data-testid="todo-all">
          全部待办
        </Link>
      }
      data-testid="home-todos"
    >
      {todos.isError ? (
        <QueryError error={todos.error} title="待办加载失败" onRetry={() => void todos.refetch()} />
      ) : todos.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <>
          <TodoList items={todos.data.items} box="mine" grouped={false} />
          {total > todos.data.items.length ? (
            <Link to="/todos">
              <Button block size="large" style={{ marginTop: 8 }}>
                还有 {total - todos.data.items.length} 项，查看全部
              </Button>
            </Link>
          ) : null}
        </>
      )}
    </Card>
  );
}
