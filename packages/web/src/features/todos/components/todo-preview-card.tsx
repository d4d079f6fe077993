import type { TodoItem } from '@anzhi/core';
import { Button, Card, Skeleton } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { useTodos } from '../api.ts';
import { TodoList } from './todo-list.tsx';

/**
 * The first `top` of the list, but at least the most urgent item of every kind: eight overdue reports to sign must not
 * hide the hazard waiting for its 整改. Shown in the list's own order (overdue first).
 */
export function previewOf(items: TodoItem[], top: number): TodoItem[] {
  const chosen = new Set<TodoItem>();
  for (const i of items) if (chosen.size < top && ![...chosen].some((c) => c.kind === i.kind)) chosen.add(i);
  for (const i of items) if (chosen.size < top) chosen.add(i);
  return items.filter((i) => chosen.has(i));
}

/** The home page's first card: what waits for me now, the most urgent first, and the way to all of it. */
export function TodoPreviewCard({ top = 5, hideWhenEmpty = false }: { top?: number; hideWhenEmpty?: boolean }) {
  const todos = useTodos('mine', { limit: 100 });
  const total = todos.data?.total ?? 0;
  const shown = todos.data ? previewOf(todos.data.items, top) : [];
  if (hideWhenEmpty && todos.data && total === 0) return null;
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
          <TodoList items={shown} box="mine" grouped={false} />
          {total > shown.length ? (
            <Link to="/todos">
              <Button block size="large" style={{ marginTop: 8 }}>
                还有 {total - shown.length} 项，查看全部
              </Button>
            </Link>
          ) : null}
        </>
      )}
    </Card>
  );
}
