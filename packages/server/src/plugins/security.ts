import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.ts';

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Security headers, and an origin check on every state-changing request: with SameSite cookies this refuses
 * cross-site request forgery even from old browsers that ignore SameSite.
 */
export async function registerSecurity(app: FastifyInstance, opts: { trustProxy: boolean }) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design writes its styles at run time; swagger-ui needs inline styles too.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // The platform is served over plain HTTP on township LANs as often as behind HTTPS.
    hsts: false,
    crossOriginEmbedderPolicy: false,
  });

  app.addHook('onRequest', async (request) => {
    if (!unsafe.has(request.method)) return;
    const fetchSite = request.headers['sec-fetch-site'];
    if (fetchSite === 'cross-site') throw new AppError(403, 'auth.cross_site', '拒绝跨站请求');
    const origin = request.headers.origin;
    if (!origin) return;
    let from: URL;
    try {
      from = new URL(origin);
    } catch {
      throw new AppError(403, 'auth.bad_origin', '请求来源无效');
    }
    // Behind a trusted proxy the browser saw the proxy's host and scheme (Fastify reads X-Forwarded-Proto then);
    // otherwise only our own Host header counts. The scheme must match too: a page on http:// must not act on https://.
    const expectedHost = (opts.trustProxy ? request.headers['x-forwarded-host'] : undefined) ?? request.headers.host;
    if (from.host !== expectedHost || from.protocol !== `${request.protocol}:`) {
      throw new AppError(403, 'auth.bad_origin', '拒绝来自其他站点的请求');
    }
  });
}
