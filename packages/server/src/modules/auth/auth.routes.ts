import { changePasswordBody, errorBody, loginBody, okBody, sessionBody } from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import { requireActor, SESSION_COOKIE, sessionCookieOptions } from '../../plugins/auth.ts';
import type { AuthService } from './auth.service.ts';

const tags = ['认证'];

export async function registerAuthModule(app: FastifyInstance, deps: { auth: AuthService; config: Config }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { auth, config } = deps;

  r.post(
    '/api/v1/auth/login',
    {
      config: {
        access: 'public',
        rateLimit: { max: config.loginRatePerMinute, timeWindow: '1 minute' },
      },
      schema: { tags, summary: '登录', body: loginBody, response: { 200: sessionBody, 401: errorBody, 423: errorBody } },
    },
    async (request, reply) => {
      const { token, user } = await auth.login(
        request.body.username,
        request.body.password,
        request.ip,
        request.headers['user-agent'] ?? null,
      );
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config, request));
      return { user };
    },
  );

  r.post(
    '/api/v1/auth/logout',
    { config: { access: 'authenticated', duringPasswordChange: true }, schema: { tags, summary: '退出登录', response: { 200: okBody } } },
    async (request, reply) => {
      await auth.logout(requireActor(request), request.sessionId as string);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/v1/auth/me',
    {
      config: { access: 'authenticated', duringPasswordChange: true },
      schema: { tags, summary: '当前用户', response: { 200: sessionBody } },
    },
    async (request) => ({ user: await auth.currentUser(requireActor(request)) }),
  );

  r.post(
    '/api/v1/auth/change-password',
    {
      config: { access: 'authenticated', duringPasswordChange: true },
      schema: { tags, summary: '修改密码', body: changePasswordBody, response: { 200: okBody } },
    },
    async (request) => {
      await auth.changePassword(requireActor(request), request.sessionId as string, request.body.oldPassword, request.body.newPassword);
      return { ok: true as const };
    },
  );
}
