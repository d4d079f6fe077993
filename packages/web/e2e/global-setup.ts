import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDemoServer } from './demo-platform.ts';

const root = path.resolve(import.meta.dirname, '../../..');

/** Starts the real platform (built web app, embedded database, demo data) the way `npm start` does. */
export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(root, 'packages/web/dist/index.html'))) {
    throw new Error('web app not built: run `npm run build` first (npm test does)');
  }
  const server = await startDemoServer({ prefix: 'anzhi-e2e-', startTimeoutMs: 90_000 });
  project.provide('baseUrl', server.base);
  return () => server.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
