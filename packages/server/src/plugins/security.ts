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
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new AppError(403, 'auth.bad_origin', '请求来源无效');
    }
    // Behind a trusted proxy the browser saw the proxy's host; otherwise only our own Host header counts.
    const expected = (opts.trustProxy ? request.headers['x-forwarded-host'] : undefined) ?? request.headers.host;
    if (host !== expected) throw new AppError(403, 'auth.bad_origin', '拒绝来自其他站点的请求');
  });
}
