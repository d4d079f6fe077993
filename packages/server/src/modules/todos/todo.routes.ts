import { todoList, todoListQuery } from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { TodoService } from './todo.service.ts';

/** GET /api/v1/todos: the caller's 待办 (mine), 已办 (done) and 我发起的 (initiated), the list the page and the badge show. */
export async function registerTodoModule(app: FastifyInstance, deps: { todos: TodoService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/todos',
    {
      config: { access: 'dashboard.read' },
      schema: {
        tags: ['工作台'],
        summary: '我的待办、已办和我发起的（数据范围内）',
        querystring: todoListQuery,
        response: { 200: todoList },
      },
    },
    async (request) => deps.todos.list(requireActor(request), request.query),
  );
}
