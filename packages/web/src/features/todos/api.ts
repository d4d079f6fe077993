import type { TodoBox, TodoKind, TodoList } from '@anzhi/core';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';

export type { TodoList };

/** Every query of the 待办 centre starts with this key: a mutation anywhere invalidates it (app/query-client.ts). */
export const todosKey = ['todos'] as const;

export function useTodos(box: TodoBox, opts: { todoKind?: TodoKind; limit?: number } = {}) {
  return useQuery({
    queryKey: [...todosKey, box, opts.todoKind ?? null, opts.limit ?? 200],
    queryFn: ({ signal }) => call('GET /todos', { query: { box, todoKind: opts.todoKind, limit: opts.limit ?? 200 }, signal }),
    refetchOnWindowFocus: 'always',
  });
}

/** The menu badge: how many to-dos wait for me (the total, whatever the limit). */
export function useTodoCount(): number | undefined {
  const q = useQuery({
    queryKey: [...todosKey, 'mine', null, 1],
    queryFn: ({ signal }) => call('GET /todos', { query: { box: 'mine', limit: 1 }, signal }),
    refetchOnWindowFocus: 'always',
    refetchInterval: 120_000,
  });
  return q.data?.total;
}
