import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { systemClock } from '../src/lib/clock.ts';
import { type BenchContext, emptyPostgres, percentile, time } from './harness.ts';

const config = loadConfig({ LOG_LEVEL: 'silent', ANZHI_LOGIN_RATE_PER_MINUTE: '100000', ANZHI_DATA_DIR: '/tmp/anzhi-bench-unused' });

const bin = path.resolve(import.meta.dirname, '../bin/anzhi.mjs');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * One real process start: `node packages/server/bin/anzhi.mjs serve --demo` (what `npm start` runs once the web app is
 * built; supervisor included), timed from spawn to the first 200 from /api/health, then stopped with SIGTERM.
 */
async function startProcess(env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const { DATABASE_URL: _, ...inherited } = process.env;
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'serve', '--demo'], {
    env: { ...inherited, LOG_LEVEL: 'warn', PORT: String(port), ANZHI_BACKUP_INTERVAL_HOURS: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`anzhi serve exited with ${child.exitCode}: ${stderr.slice(-500)}`);
      if (performance.now() - started > 180_000) throw new Error(`anzhi serve not healthy after 180 s: ${stderr.slice(-500)}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** Start-up of the real process: on a fresh data dir (migrations and demo data), then restarts on the existing data. */
export async function startup(ctx: BenchContext) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-bench-start-'));
  const postgres = ctx.kind === 'postgres' ? await emptyPostgres(process.env.DATABASE_URL as string) : undefined;
  const env = { ANZHI_DATA_DIR: dir, ...(postgres ? { DATABASE_URL: postgres.url } : {}) };
  try {
    ctx.record('server.startup.first_ms', Math.round(await startProcess(env)), 'ms');
    // What a township PC does every morning: start on the existing database.
    const samples: number[] = [];
    for (let i = 0; i < 3; i++) samples.push(await startProcess(env));
    ctx.record('server.startup.ms', Math.round(percentile(samples, 50)), 'ms');
  } finally {
    await postgres?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Login round trip (argon2id verify dominates) and an authenticated read. */
export async function login(ctx: BenchContext) {
  const database = await ctx.fresh();
  await seedDemo(database, systemClock);
  const app = await buildApp({ config, database, clock: systemClock, logger: false });
  const samples: number[] = [];
  let cookie = '';
  for (let i = 0; i < 30; i++) {
    const [ms, res] = await time(() =>
      app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'anweiban', password: DEMO_PASSWORD } }),
    );
    if (res.statusCode !== 200) throw new Error(`login failed ${res.body}`);
    cookie = String(res.headers['set-cookie']).split(';')[0] as string;
    samples.push(ms);
  }
  ctx.record('auth.login.p50_ms', percentile(samples, 50), 'ms');
  ctx.record('auth.login.p95_ms', percentile(samples, 95), 'ms');
  const reads: number[] = [];
  for (let i = 0; i < 200; i++) {
    const [ms] = await time(() => app.inject({ method: 'GET', url: '/api/v1/users?pageSize=20', headers: { cookie } }));
    reads.push(ms);
  }
  ctx.record('user.list.p95_ms', percentile(reads, 95), 'ms');
  await app.close();
  await database.close();
}

/**
 * How much a long query blocks other requests. PGlite runs on the main thread, so while a ~200 ms aggregate runs,
 * nothing else is answered; PostgreSQL runs it in another process. Measures /api/health latency alone and while
 * aggregates run back to back (ADR 0003).
 */
export async function blocking(ctx: BenchContext) {
  const database = await ctx.fresh();
  const app = await buildApp({ config, database, clock: systemClock, logger: false });
  const aggregate = sql`SELECT count(*) FROM generate_series(1, 600000) g WHERE g % 7 = 3`;
  const [aggMs] = await time(() => database.rows(aggregate));
  ctx.record('db.aggregate_600k.ms', Number(aggMs.toFixed(1)), 'ms');
  const probe = async (n: number) => {
    const out: number[] = [];
    // Latency counted from when the request was due, so time spent waiting for a blocked event loop counts.
    for (let i = 0; i < n; i++) {
      const due = performance.now() + 5;
      await new Promise((r) => setTimeout(r, 5));
      await app.inject({ method: 'GET', url: '/api/health' });
      out.push(performance.now() - due);
    }
    return out;
  };
  const idle = await probe(100);
  let running = true;
  const load = (async () => {
    // Other users' requests arrive between aggregates (setImmediate lets the event loop turn).
    while (running) {
      await database.rows(aggregate);
      await new Promise((r) => setImmediate(r));
    }
  })();
  const busy = await probe(100);
  running = false;
  await load;
  ctx.record('health.p95_ms.idle', percentile(idle, 95), 'ms');
  ctx.record('health.p95_ms.during_aggregates', percentile(busy, 95), 'ms');
  await app.close();
  await database.close();
}
