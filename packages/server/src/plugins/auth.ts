import { can, type Permission } from '@anzhi/core';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Actor } from '../lib/actor.ts';
import { AppError, errors } from '../lib/errors.ts';
import type { AuthService } from '../modules/auth/auth.service.ts';

export const SESSION_COOKIE = 'anzhi_sid';

/** What a route declares about who may call it. Every /api/v1 route must declare one. */
export type RouteAccess = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Reachable while the account must still change its initial password. */
    duringPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    sessionExpired: boolean;
  }
}

export function sessionCookieOptions(config: Config, request: FastifyRequest) {
  const secure = config.cookieSecure === 'auto' ? request.protocol === 'https' : config.cookieSecure === 'true';
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure };
}

export async function registerAuth(app: FastifyInstance, deps: { config: Config; auth: AuthService }) {
  await app.register(cookie);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('sessionExpired', false);

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !request.url.startsWith('/api/')) return;
    const resolved = await deps.auth.resolve(token, request.ip);
    if (resolved && 'expired' in resolved) request.sessionExpired = true;
    else if (resolved) {
      request.actor = resolved.actor;
      request.sessionId = resolved.sessionId;
    }
  });

  app.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    // The not-found handler has no route options: it answers 404 itself.
    if (!request.url.startsWith('/api/v1/') || request.is404) return;
    const { access, duringPasswordChange } = request.routeOptions.config;
    if (access === undefined) throw new AppError(500, 'internal', `route ${request.routeOptions.url} declares no access rule`);
    if (access === 'public') return;
    const actor = request.actor;
    if (!actor) {
      if (request.sessionExpired) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      throw errors.unauthenticated(request.sessionExpired ? '登录已超时（30 分钟无操作），请重新登录' : '请先登录');
    }
    if (actor.mustChangePassword && !duringPasswordChange) {
      throw errors.forbidden('首次登录或密码被重置后，请先修改密码', 'auth.password_change_required');
    }
    if (access !== 'authenticated' && !can(actor.roles, access)) throw errors.forbidden();
  });
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw errors.unauthenticated();
  return request.actor;
}
