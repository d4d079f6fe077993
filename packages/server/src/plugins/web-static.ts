import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const webDistDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/** Serves the built web app (the error handler sends index.html for client-side routes). */
export async function registerWebStatic(app: FastifyInstance, dir = webDistDir): Promise<boolean> {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    app.log.warn(`web app not built (${dir}); run "npm run build"`);
    return false;
  }
  await app.register(fastifyStatic, { root: dir, wildcard: false, index: ['index.html'] });
  return true;
}
