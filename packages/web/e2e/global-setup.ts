import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

const root = path.resolve(import.meta.dirname, '../../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Starts the real platform (built web app, embedded database, demo data) the way `npm start` does. */
export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(root, 'packages/web/dist/index.html'))) {
    throw new Error('web app not built: run `npm run build` first (npm test does)');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    ANZHI_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // Every browser of every file signs in from 127.0.0.1: with the default 20 per IP per minute, the files together
    // (over 20 sign-ins) hit the limit when the machine is fast enough to run them within a minute, and whichever
    // sign-in came 21st waited for a dashboard that never came (the phone-shell test when shell.e2e.ts ran last).
    // The limit itself is tested by the server's auth tests.
    ANZHI_LOGIN_RATE_PER_MINUTE: '10000',
  };
  delete env.DATABASE_URL;
  const server: ChildProcess = spawn(process.execPath, [path.join(root, 'packages/server/bin/anzhi.mjs'), 'serve', '--demo'], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('server did not start within 90 s');
    await new Promise((r) => setTimeout(r, 300));
  }
  project.provide('baseUrl', base);
  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
