import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase, runMigrations } from '../src/db/client.ts';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { systemClock } from '../src/lib/clock.ts';
import { type BenchContext, percentile, time } from './harness.ts';

const config = loadConfig({ LOG_LEVEL: 'silent', ANZHI_LOGIN_RATE_PER_MINUTE: '100000', ANZHI_DATA_DIR: '/tmp/anzhi-bench-unused' });

/** Start-up: open the database, migrate, build the app, answer /api/health. */
export async function startup(ctx: BenchContext) {
  const database = await ctx.fresh();
  await database.close();
  // Second start on an existing database: what a township PC does every morning.
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const [ms] = await time(async () => {
      const db = ctx.kind === 'pglite' ? await openDatabase({ pgliteDir: (database as { dir?: string }).dir }) : await ctx.fresh();
      await runMigrations(db);
      const app = await buildApp({ config, database: db, clock: systemClock, logger: false });
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      if (res.statusCode !== 200) throw new Error('health failed');
      await app.close();
      await db.close();
    });
    samples.push(ms);
  }
  ctx.record('server.startup.ms', percentile(samples, 50), 'ms');
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
 * What a long query does to everyone else (ADR 0018, superseding 0003). Over real HTTP from another thread (its own
 * event loop, so the clients do not steal the server's): /api/health p50/p95/p99 alone and while ~600k-row
 * aggregates run back to back on the database, then the throughput of an authenticated list read with 1, 10 and 50
 * clients. Latency counts from when a probe was due, so waiting for a blocked event loop counts. The acceptance key
 * `pglite.health_p99_under_load_ms` is the embedded database's p99 under load (issue 12: < 20 ms).
 */
export async function blocking(ctx: BenchContext) {
  const database = await ctx.fresh();
  await seedDemo(database, systemClock);
  const app = await buildApp({ config, database, clock: systemClock, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'anweiban', password: DEMO_PASSWORD } });
  const cookie = String(login.headers['set-cookie']).split(';')[0] as string;
  const aggregate = sql`SELECT count(*) FROM generate_series(1, 600000) g WHERE g % 7 = 3`;
  const [aggMs] = await time(() => database.rows(aggregate));
  ctx.record('db.aggregate_600k.ms', Number(aggMs.toFixed(1)), 'ms');

  const idle = await httpLoad({ port, path: '/api/health', clients: 1, samples: 300, gapMs: 5 });
  let running = true;
  const load = (async () => {
    // Aggregates back to back; other requests arrive between them (setImmediate lets the event loop turn).
    while (running) {
      await database.rows(aggregate);
      await new Promise((r) => setImmediate(r));
    }
  })();
  const busy = await httpLoad({ port, path: '/api/health', clients: 1, samples: 300, gapMs: 5 });
  running = false;
  await load;
  for (const [label, r] of [
    ['idle', idle],
    ['under_load', busy],
  ] as const) {
    ctx.record(`health.p50_ms.${label}`, percentile(r.latencies, 50), 'ms');
    ctx.record(`health.p95_ms.${label}`, percentile(r.latencies, 95), 'ms');
    ctx.record(`health.p99_ms.${label}`, percentile(r.latencies, 99), 'ms');
  }
  if (ctx.kind === 'pglite') ctx.record('pglite.health_p99_under_load_ms', percentile(busy.latencies, 99), 'ms');

  for (const clients of [1, 10, 50]) {
    const r = await httpLoad({ port, path: '/api/v1/users?pageSize=20', cookie, clients, durationMs: 3_000 });
    if (r.failed) throw new Error(`${r.failed} list reads failed`);
    ctx.record(`http.user_list.rps.c${clients}`, Math.round(r.latencies.length / (r.ms / 1000)), 'req/s');
    ctx.record(`http.user_list.p95_ms.c${clients}`, percentile(r.latencies, 95), 'ms');
  }
  await app.close();
  await database.close();
}

interface LoadSpec {
  port: number;
  path: string;
  cookie?: string;
  clients: number;
  /** Either a number of requests per client, each `gapMs` after the previous answer … */
  samples?: number;
  gapMs?: number;
  /** … or as many as fit in this time. */
  durationMs?: number;
}

/** HTTP clients on a thread of their own (keep-alive, one socket each); latencies in ms and the wall time taken. */
function httpLoad(spec: LoadSpec): Promise<{ latencies: number[]; failed: number; ms: number }> {
  const worker = new Worker(LOAD_CLIENT, { eval: true, workerData: spec });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

const LOAD_CLIENT = `
const http = require('node:http');
const { parentPort, workerData: s } = require('node:worker_threads');
const agent = new http.Agent({ keepAlive: true, maxSockets: s.clients });
const get = () => new Promise((resolve) => {
  const req = http.get({ host: '127.0.0.1', port: s.port, path: s.path, agent, headers: s.cookie ? { cookie: s.cookie } : {} }, (res) => {
    res.resume();
    res.on('end', () => resolve(res.statusCode === 200));
  });
  req.on('error', () => resolve(false));
});
(async () => {
  const latencies = [];
  let failed = 0;
  const started = performance.now();
  const deadline = s.durationMs ? started + s.durationMs : Infinity;
  const client = async () => {
    for (let i = 0; s.samples ? i < s.samples : performance.now() < deadline; i++) {
      let due = performance.now();
      if (s.gapMs) {
        due += s.gapMs;
        await new Promise((r) => setTimeout(r, s.gapMs));
      }
      if (await get()) latencies.push(performance.now() - due);
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: s.clients }, client));
  const ms = performance.now() - started;
  agent.destroy();
  parentPort.postMessage({ latencies, failed, ms });
})();
`;
