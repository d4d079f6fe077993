import type { TodoItem, TodoList, TodoListQuery } from '@anzhi/core';
import type { Actor } from '../../lib/actor.ts';
import type { TodoProvider } from './todo.provider.ts';

/** Mine and initiated: overdue first, then the nearest due date, then the oldest. Done: newest first. */
function ordered(items: TodoItem[], box: TodoListQuery['box']): TodoItem[] {
  if (box === 'done') return [...items].sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
  return [...items].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31') ||
      (a.at ?? '').localeCompare(b.at ?? ''),
  );
}

/** The 待办 centre: the providers' items for the caller, merged, ordered and counted by kind. */
export function createTodoService(deps: { providers: readonly TodoProvider[] }) {
  return {
    async list(actor: Actor, q: TodoListQuery): Promise<TodoList> {
      const providers = deps.providers.filter((p) => !q.todoKind || p.kinds.includes(q.todoKind));
      const all: TodoItem[] = [];
      // One after the other: the embedded database has a single connection.
      for (const p of providers) all.push(...(await p.list(actor, q.box)));
      const items = ordered(
        all.filter((i) => !q.todoKind || i.kind === q.todoKind),
        q.box,
      );
      const byKind: Record<string, number> = {};
      for (const i of items) byKind[i.kind] = (byKind[i.kind] ?? 0) + 1;
      return { total: items.length, byKind, items: items.slice(0, q.limit) };
    },
  };
}

export type TodoService = ReturnType<typeof createTodoService>;
