import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

/** Shared by the browser tests (global-setup) and the web bench: the real platform and Debian's Chromium. */

const root = path.resolve(import.meta.dirname, '../../..');

export const chromiumPath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

/** Debian's Chromium, headless, with no background networking (this machine has no internet). */
export async function launchChromium(): Promise<Browser> {
  if (!chromiumPath) throw new Error('Chromium not found: apt-get install chromium (.ci/run does), or set CHROMIUM_PATH');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

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

export interface DemoServer {
  base: string;
  stop(): Promise<void>;
}

/**
 * Starts `anzhi serve --demo` the way `npm start` does (built web app, embedded database, demo data) on a free port and
 * a fresh data folder, and waits for its first healthy answer.
 */
export async function startDemoServer(opts: { prefix: string; startTimeoutMs?: number }): Promise<DemoServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), opts.prefix));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    ANZHI_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // Every browser signs in from 127.0.0.1: with the default 20 per IP per minute, a run that signs in more often
    // than that within a minute waits on a dashboard that never comes. The limit itself is tested by the server.
    ANZHI_LOGIN_RATE_PER_MINUTE: '10000',
  };
  delete env.DATABASE_URL;
  const server: ChildProcess = spawn(process.execPath, [path.join(root, 'packages/server/bin/anzhi.mjs'), 'serve', '--demo'], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const cleanUp = () => {
    server.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', cleanUp);
  const base = `http://127.0.0.1:${port}`;
  const timeoutMs = opts.startTimeoutMs ?? 120_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    base,
    async stop() {
      process.removeListener('exit', cleanUp);
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
