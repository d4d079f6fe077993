import { idParam, okBody, pageOf, resetPasswordBody, user, userCreateBody, userListQuery, userUpdateBody } from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { UserService } from './user.service.ts';

const tags = ['用户'];

export async function registerUserModule(app: FastifyInstance, deps: { users: UserService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { users } = deps;

  r.get(
    '/api/v1/users',
    {
      config: { access: 'user.read' },
      schema: { tags, summary: '用户列表（按数据范围）', querystring: userListQuery, response: { 200: pageOf(user) } },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return users.list(requireActor(request), filter, page, pageSize);
    },
  );
  r.get(
    '/api/v1/users/:id',
    { config: { access: 'user.read' }, schema: { tags, summary: '用户详情', params: idParam, response: { 200: user } } },
    async (request) => users.get(requireActor(request), request.params.id),
  );
  r.post(
    '/api/v1/users',
    { config: { access: 'user.write' }, schema: { tags, summary: '新建用户', body: userCreateBody, response: { 201: user } } },
    async (request, reply) => reply.status(201).send(await users.create(requireActor(request), request.body)),
  );
  r.patch(
    '/api/v1/users/:id',
    {
      config: { access: 'user.write' },
      schema: { tags, summary: '修改用户（角色、范围、停用）', params: idParam, body: userUpdateBody, response: { 200: user } },
    },
    async (request) => users.update(requireActor(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/users/:id/reset-password',
    {
      config: { access: 'user.write' },
      schema: { tags, summary: '重置密码', params: idParam, body: resetPasswordBody, response: { 200: okBody } },
    },
    async (request) => {
      await users.resetPassword(requireActor(request), request.params.id, request.body.newPassword);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/v1/users/:id/unlock',
    { config: { access: 'user.write' }, schema: { tags, summary: '解锁账号', params: idParam, response: { 200: okBody } } },
    async (request) => {
      await users.unlock(requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );
}
