import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors.ts';
import type { Metrics } from '../../lib/metrics.ts';

const loopback = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const forwardingHeaders = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/**
 * A request straight from this machine: a loopback address and no proxy header. Behind nginx on the same host every
 * request comes from loopback, so a forwarded one needs the token whatever ANZHI_TRUST_PROXY says.
 */
function fromThisMachine(request: FastifyRequest): boolean {
  return loopback.test(request.ip) && !forwardingHeaders.some((h) => request.headers[h] !== undefined);
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (!given) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(token));
}

/** Prometheus text at /api/metrics: from this machine, or with `Authorization: Bearer <ANZHI_METRICS_TOKEN>`. */
export async function registerMetricsModule(app: FastifyInstance, deps: { metrics: Metrics; token: string | undefined }) {
  const { metrics, token } = deps;
  app.addHook('onResponse', async (request, reply) => {
    metrics.observeRequest({
      method: request.method,
      route: request.is404 ? undefined : request.routeOptions.url,
      statusCode: reply.statusCode,
      seconds: reply.elapsedTime / 1000,
    });
  });

  // Not part of the OpenAPI document: Prometheus, not the web app, reads it, and it is not JSON.
  app.get('/api/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (!fromThisMachine(request)) {
      if (!token) {
        throw new AppError(403, 'metrics.forbidden', '未设置 ANZHI_METRICS_TOKEN 时，监控指标只允许在本机读取');
      }
      if (!tokenMatches(request.headers.authorization, token)) {
        reply.header('www-authenticate', 'Bearer');
        throw new AppError(401, 'metrics.unauthenticated', '读取监控指标须带 Authorization: Bearer 令牌（ANZHI_METRICS_TOKEN）');
      }
    }
    reply.header('cache-control', 'no-store').type(metrics.contentType);
    return metrics.text();
  });
}
