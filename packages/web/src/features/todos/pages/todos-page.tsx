import { type TodoBox, todoBoxes, todoBoxLabels } from '@anzhi/core';
import { Card, Flex, Segmented, Skeleton } from 'antd';
import { useSearchParams } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { useTodos } from '../api.ts';
import { TodoList } from '../components/todo-list.tsx';

const isBox = (v: string | null): v is TodoBox => todoBoxes.includes(v as TodoBox);

/** 待办: 我的待办 / 已办 / 我发起的, grouped by kind, overdue first; every row opens the exact step. */
export function TodosPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('box');
  const box: TodoBox = isBox(raw) ? raw : 'mine';
  const todos = useTodos(box);
  const mine = useTodos('mine', { limit: 1 });

  return (
    <Flex vertical gap={12} data-testid="todos-page" className="todos-page">
      <Segmented
        block
        size="large"
        value={box}
        onChange={(v) => setParams(v === 'mine' ? {} : { box: v as string }, { replace: true })}
        options={todoBoxes.map((b) => ({
          value: b,
          label: b === 'mine' && mine.data ? `${todoBoxLabels[b]}（${mine.data.total}）` : todoBoxLabels[b],
        }))}
        data-testid="todo-tabs"
      />
      {todos.isError ? (
        <QueryError error={todos.error} title="待办加载失败" onRetry={() => void todos.refetch()} />
      ) : todos.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : (
        <>
          {todos.data.total > todos.data.items.length ? (
            <div className="muted">
              共 {todos.data.total} 项，显示最紧要的 {todos.data.items.length} 项
            </div>
          ) : null}
          <TodoList items={todos.data.items} box={box} />
        </>
      )}
    </Flex>
  );
}
