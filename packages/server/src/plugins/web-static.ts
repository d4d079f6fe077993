import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const webDistDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

const assetsDir = `${path.sep}assets${path.sep}`;

/**
 * Serves the built web app (the error handler sends index.html for client-side routes). Files under assets/ carry a
 * content hash in their name, so browsers keep them for a year without asking again; index.html is revalidated on
 * every visit so a new release is picked up at once. The .br/.gz copies written at build time are sent to browsers
 * that accept them.
 */
export async function registerWebStatic(app: FastifyInstance, dir = webDistDir): Promise<boolean> {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    app.log.warn(`web app not built (${dir}); run "npm run build"`);
    return false;
  }
  await app.register(fastifyStatic, {
    root: dir,
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    globIgnore: ['**/*.br', '**/*.gz'],
    setHeaders(res, filePath) {
      const hashed = filePath.includes(assetsDir);
      res.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}
